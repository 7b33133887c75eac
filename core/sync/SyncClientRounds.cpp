// SyncClient's rounds: the push (batches built ahead while the server merges the one in
// flight) and the pull (the next page asked for while this one is applied), then the
// names of conflicts' authors. Kept apart from SyncClient.cpp, which holds the run, the
// requests, the login and the outcome.
#include "Gzip.h"
#include "SiteAuthors.h"
#include "SyncClient.h"
#include "SyncEngine.h"
#include "SyncNextStep.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTimer>

namespace gamix {

void SyncClient::startPush()
{
    collectReport();
    m_ahead = SyncEngine::PushBatch();
    m_aheadGzipped.clear();
    m_engine->beginPush();
    pushNext();
}

void SyncClient::pushNext()
{
    const QByteArray aheadGzipped = m_aheadGzipped;
    m_aheadGzipped.clear();
    const SyncEngine::PushBody next = m_engine->takePushBody(m_pushBatch, &m_ahead);
    if (next.body.isEmpty()) {
        startPull();
        return;
    }
    const int records = next.records;
    QNetworkReply *reply
        = send("POST", QStringLiteral("/v1/push"), next.body, true, next.fromAhead ? aheadGzipped : QByteArray());
    // Batch N+1 is read, written and gzipped while the server merges batch N, but only once
    // N has left: QNetworkAccessManager starts a request and feeds it its body from this
    // thread's event loop, so building at once held N back for the whole build (~100 ms a
    // 5,000-record batch, a fifth of the push). It becomes the persisted pending batch only
    // when it is sent (SyncEngine::takePushBody).
    m_aheadAfter = reply;
    connect(reply, &QNetworkReply::uploadProgress, this, [this, reply](qint64 sent, qint64 total) {
        if (m_aheadAfter != reply || total <= 0 || sent < total || !m_running)
            return;
        m_aheadAfter = nullptr;
        m_ahead = m_engine->buildPushBatch(m_engine->pendingNext(), m_pushBatch);
        if (m_ahead.body.size() > kCompressAbove)
            m_aheadGzipped = Gzip::compress(m_ahead.body, 1);
    });
    onReply(reply, [this, records](int status, const QByteArray &bytes) {
        m_aheadAfter = nullptr; // not built by now: built when needed
        switch (nextAfterPush(m_engine->handlePush(status, bytes))) {
        case AfterPush::SendNext:
            if (status == 200) {
                // The server answers every record of the batch; only a batch sent again
                // after a crash (count unknown) is counted from the answer.
                m_pushed += records >= 0
                    ? records
                    : int(QJsonDocument::fromJson(bytes).object().value(QLatin1String("results")).toArray().size());
                Q_EMIT progress(tr("Sent %n record(s)", nullptr, m_pushed));
            }
            pushNext();
            return;
        case AfterPush::ClockRefused:
            if (!clockRetryLeft(&m_clockRetries)) {
                fail(Failure::Server, tr("the server keeps refusing our clock; check the date and time"));
                return;
            }
            Q_EMIT progress(tr("The computer's clock is ahead of the server's; changes re-stamped"));
            startPush();
            return;
        case AfterPush::Relogin:
            reloginThen([this] { pushNext(); });
            return;
        case AfterPush::Fail:
            fail(Failure::Server, m_engine->lastError());
            return;
        }
    });
}

void SyncClient::startPull()
{
    collectReport();
    pullNext();
}

void SyncClient::pullNext()
{
    requestPage(m_engine->pullCursor());
}

namespace {

// `"next":N` and `"more":true|false` of a pull answer, read from its tail (the server
// writes them after the records), without parsing the page.
bool peekNext(const QByteArray &body, qint64 *next, bool *more)
{
    const QByteArray tail = body.right(512);
    const qsizetype n = tail.lastIndexOf("\"next\":");
    const qsizetype m = tail.lastIndexOf("\"more\":");
    if (n < 0 || m < 0)
        return false;
    qsizetype end = n + 7;
    while (end < tail.size() && tail.at(end) >= '0' && tail.at(end) <= '9')
        ++end;
    bool ok = false;
    *next = tail.mid(n + 7, end - n - 7).toLongLong(&ok);
    *more = tail.mid(m + 7, 4) == "true";
    return ok;
}

} // namespace

void SyncClient::requestPage(qint64 since)
{
    ++m_pullsInFlight;
    const quint64 generation = m_pullGeneration;
    onReply(send("GET", QStringLiteral("/v1/pull?since=%1&limit=%2").arg(since).arg(m_pullPage), QByteArray(), true),
            [this, since, generation](int status, const QByteArray &bytes) {
                --m_pullsInFlight;
                if (generation != m_pullGeneration)
                    return; // asked for before a restart of the pull (epoch, login): superseded
                // The next page is asked for before this one is applied, so the server
                // builds it while we write this one (the cursor of the next page is in
                // this answer; applying does not change it).
                qint64 next = 0;
                bool more = false;
                if (status == 200 && since == m_engine->pullCursor() && peekNext(bytes, &next, &more) && more
                    && next > since) {
                    requestPage(next);
                    // QNetworkAccessManager starts the request from this thread's event
                    // loop: applying this page first would hold it back until the page is
                    // written. So the page is applied from the loop, after the start.
                    QTimer::singleShot(0, this, [this, since, status, bytes, run = m_run] {
                        if (run == m_run && m_running)
                            applyPage(since, status, bytes);
                    });
                    return;
                }
                applyPage(since, status, bytes);
            });
}

void SyncClient::applyPage(qint64 since, int status, const QByteArray &bytes)
{
    const int before = m_engine->applied();
    const SyncEngine::Step step = m_engine->handlePull(status, bytes, since);
    m_pulled += m_engine->applied() - before;
    if (step != SyncEngine::Step::Continue)
        ++m_pullGeneration; // whatever is still in flight is not wanted
    switch (nextAfterPull(step, m_engine->epochReset() && !m_repushed)) {
    case AfterPull::NextPage:
        Q_EMIT progress(tr("Received %n record(s)", nullptr, m_pulled));
        if (m_pullsInFlight == 0)
            pullNext();
        return;
    case AfterPull::Repush:
        // The server was restored: give it back what it lacks.
        m_repushed = true;
        Q_EMIT progress(tr("The server was restored from a backup; sending everything again"));
        startPush();
        return;
    case AfterPull::FollowUps:
        fetchAuthors();
        return;
    case AfterPull::Relogin:
        reloginThen([this] { pullNext(); });
        return;
    case AfterPull::Fail:
        fail(Failure::Server, m_engine->lastError());
        return;
    }
}

void SyncClient::fetchAuthors()
{
    // Only when a conflict names a replica we cannot name yet: an unchanged pull stays
    // one request.
    SiteAuthors authors(*m_store);
    if (authors.unknownConflictSites().isEmpty()) {
        succeed();
        return;
    }
    onReply(send("GET", QStringLiteral("/v1/sites"), QByteArray(), true), [this](int status, const QByteArray &bytes) {
        if (status == 200) {
            const QJsonObject o = QJsonDocument::fromJson(bytes).object();
            SiteAuthors(*m_store).update(o.value(QLatin1String("sites")).toArray(),
                                         o.value(QLatin1String("server_site")).toString(), m_login);
        }
        // An older server without /v1/sites: the conflicts view shows site ids as before.
        succeed();
    });
}

} // namespace gamix
