#include "SyncClient.h"

#include "Gzip.h"
#include "SiteAuthors.h"
#include "StoreReplica.h"
#include "SyncEngine.h"
#include "SyncNextStep.h"
#include "SyncRequest.h"
#include "schema/Schema.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

namespace gamix {

namespace {

const QString kLoginKey = QStringLiteral("sync.server.login");
constexpr int kCompressAbove = 1024;

QString serverMessage(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QLatin1String("message")).toString();
}

} // namespace

SyncClient::SyncClient(QObject *parent)
    : QObject(parent)
{ }

SyncClient::~SyncClient()
{
    closeStore();
}

void SyncClient::setDatabasePath(const QString &path)
{
    m_dbPath = path;
}

void SyncClient::setAccount(const QUrl &server, const QString &login)
{
    m_server = server;
    m_login = login;
}

void SyncClient::setBatchSize(int pushRecords, int pullRecords)
{
    m_pushBatch = qMax(1, pushRecords);
    m_pullPage = qMax(1, pullRecords);
}

qint64 SyncClient::pendingChanges(Store &store)
{
    const qint64 cursor = store.meta(QStringLiteral("sync.server.push_cursor")).toLongLong();
    qint64 n = 0;
    for (const EntityDef &e : Schema::instance().entities()) {
        if (e.directory)
            continue;
        // `dirty_seq > 0` lets the planner use the partial index (without it: a table
        // scan per entity after every sync, which grew a one-edit round trip with the database).
        SqliteStmt st = store.db().prepare(QStringLiteral("SELECT count(*) FROM \"") + e.name
                                           + QStringLiteral("\" WHERE dirty_seq > ?1 AND dirty_seq > 0"));
        st.bind(1, cursor);
        if (st.step())
            n += st.int64(0);
    }
    return n;
}

int SyncClient::unresolvedConflicts(Store &store)
{
    return int(store.db().scalar(QStringLiteral("SELECT count(*) FROM \"conflict\" WHERE deleted = 0 AND "
                                                "(resolved IS NULL OR resolved = 0)")));
}

void SyncClient::refreshCounts()
{
    if (m_running)
        return;
    Store own;
    Store *store = m_store && m_store->isOpen() ? m_store.get() : &own;
    QString error;
    if (store == &own && !own.open(m_dbPath, &error))
        return;
    try {
        m_pending = pendingChanges(*store);
        m_conflicts = unresolvedConflicts(*store);
    } catch (const SqliteError &) {
        return;
    }
    Q_EMIT countsChanged(m_pending, m_conflicts);
}

void SyncClient::closeStore()
{
    m_engine.reset();
    m_replica.reset();
    m_store.reset();
}

void SyncClient::sync()
{
    if (m_running)
        return;
    m_running = true;
    ++m_run;
    ++m_pullGeneration;
    m_pullsInFlight = 0;
    m_cancel = false;
    m_relogged = false;
    m_repushed = false;
    m_clockRetries = 0;
    m_failure = Failure::None;
    m_untrusted = QSslCertificate();
    m_rejected.clear();
    m_pushed = m_pulled = m_conflicts = m_requests = 0;
    m_bytesIn = 0;
    Q_EMIT started();
    if (!m_server.isValid() || m_server.scheme().isEmpty() || m_login.isEmpty()) {
        fail(Failure::Auth, tr("set the server address and the login first"));
        return;
    }
    if (m_server.scheme() != u"http" && m_server.scheme() != u"https") {
        fail(Failure::Network, tr("the server address must start with https:// or http://"));
        return;
    }
    // The Store stays open between runs (one sync every few minutes in the app, and a
    // one-edit round trip should not pay for opening the database twice).
    if (!m_store || !m_store->isOpen() || m_storePath != m_dbPath) {
        closeStore();
        m_store = std::make_unique<Store>();
        QString error;
        if (!m_store->open(m_dbPath, &error)) {
            m_store.reset();
            fail(Failure::Database, error);
            return;
        }
        m_storePath = m_dbPath;
    }
    // A database bound to one user refuses to sync as another (DESIGN.md §3).
    const QString boundLogin = m_store->meta(kLoginKey);
    if (!m_store->ownerId().isEmpty() && !boundLogin.isEmpty() && boundLogin != m_login) {
        fail(Failure::Owner,
             tr("this database belongs to %1; start a new database to sync as %2").arg(boundLogin, m_login));
        return;
    }
    if (!m_engine) {
        m_replica = std::make_unique<StoreReplica>(*m_store);
        m_engine = std::make_unique<SyncEngine>(*m_replica);
    }
    if (!m_nam) {
        m_nam = new QNetworkAccessManager(this);
        m_nam->setAutoDeleteReplies(true);
    }
    // A token is only good for a database already bound to this login.
    if (m_token.isEmpty() || m_store->ownerId().isEmpty() || boundLogin != m_login) {
        if (m_password.isEmpty()) {
            fail(Failure::Auth, tr("a password is needed to log in as %1").arg(m_login));
            return;
        }
        doLogin([this] { startPush(); });
        return;
    }
    startPush();
}

void SyncClient::cancel()
{
    m_cancel = true;
}

QNetworkReply *SyncClient::send(const QByteArray &method, const QString &path, const QByteArray &body, bool auth,
                                const QByteArray &gzipped)
{
    SyncRequestOptions o;
    o.server = m_server;
    o.site = m_store->siteId();
    if (auth)
        o.token = m_token;
    o.jsonBody = !body.isEmpty();
    o.caCertificates = m_caCertificates;
    QNetworkRequest req = makeSyncRequest(o, path);
    ++m_requests;
    QNetworkReply *reply = nullptr;
    if (method == "GET") {
        reply = m_nam->get(req);
    } else if (body.size() > kCompressAbove) {
        // Push bodies travel gzipped (cpp-httplib decodes them); answers come back gzipped
        // because QNetworkAccessManager offers "gzip, deflate" itself and decodes them.
        req.setRawHeader("Content-Encoding", "gzip");
        reply = m_nam->post(req, gzipped.isEmpty() ? Gzip::compress(body, 1) : gzipped);
    } else {
        reply = m_nam->post(req, body);
    }
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        QSslCertificate leaf = reply->sslConfiguration().peerCertificate();
        for (int i = 0; leaf.isNull() && i < errors.size(); ++i)
            leaf = errors.at(i).certificate();
        bool inTime = true;
        for (const QSslError &e : errors)
            inTime = inTime && e.error() != QSslError::CertificateExpired
                && e.error() != QSslError::CertificateNotYetValid;
        if (!leaf.isNull() && inTime && m_pinned.contains(leaf)) {
            reply->ignoreSslErrors(errors); // the very certificate the user trusted
            return;
        }
        m_untrusted = leaf;
    });
    return reply;
}

void SyncClient::onReply(QNetworkReply *reply, const std::function<void(int, const QByteArray &)> &handler)
{
    connect(reply, &QNetworkReply::finished, this, [this, reply, handler, run = m_run] {
        if (run != m_run || !m_running)
            return; // an answer (a prefetched pull page) that outlived its run
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        m_bytesIn += body.size();
        if (status == 0 && !m_untrusted.isNull() && reply->error() == QNetworkReply::SslHandshakeFailedError) {
            fail(Failure::Certificate,
                 tr("the certificate of %1 is not trusted on this computer").arg(m_server.toDisplayString()));
            return;
        }
        if (status == 0) {
            fail(Failure::Network, tr("cannot reach %1: %2").arg(m_server.toDisplayString(), reply->errorString()));
            return;
        }
        if (status == 426) {
            const QString message = serverMessage(body);
            fail(Failure::Protocol, tr("the server speaks another protocol version; update Gamix (%1)").arg(message));
            return;
        }
        if (m_cancel) {
            fail(Failure::Network, tr("sync stopped"));
            return;
        }
        try {
            handler(status, body);
        } catch (const SqliteError &e) {
            fail(Failure::Database, e.message());
        }
    });
}

void SyncClient::doLogin(const Then &then)
{
    Q_EMIT progress(tr("Logging in as %1").arg(m_login));
    const QByteArray body
        = QJsonDocument(QJsonObject {{QStringLiteral("login"), m_login}, {QStringLiteral("password"), m_password}})
              .toJson(QJsonDocument::Compact);
    onReply(send("POST", QStringLiteral("/v1/auth/login"), body, false),
            [this, then](int status, const QByteArray &bytes) {
                const QJsonObject o = QJsonDocument::fromJson(bytes).object();
                if (status == 401) {
                    fail(Failure::Auth, tr("wrong login or password"));
                    return;
                }
                if (status == 429) {
                    fail(Failure::Auth, tr("too many failed logins; try again in 15 minutes"));
                    return;
                }
                if (status != 200 || o.value(QLatin1String("token")).toString().isEmpty()) {
                    const QString message = serverMessage(bytes);
                    fail(Failure::Server,
                         message.isEmpty() ? tr("the server answered %1 to the login").arg(status) : message);
                    return;
                }
                const QJsonObject user = o.value(QLatin1String("user")).toObject();
                const QString userId = user.value(QLatin1String("id")).toString();
                const QString officeId = user.value(QLatin1String("office_id")).toString();
                if (!m_store->ownerId().isEmpty() && m_store->ownerId() != userId) {
                    fail(Failure::Owner,
                         tr("this database belongs to another user; start a new database to sync as %1").arg(m_login));
                    return;
                }
                m_token = o.value(QLatin1String("token")).toString();
                Q_EMIT tokenChanged(m_token);
                if (m_store->ownerId().isEmpty()) {
                    const int n = m_store->bindOwner(userId, officeId);
                    if (n > 0)
                        Q_EMIT progress(tr("%n record(s) now belong to %1", nullptr, n).arg(m_login));
                }
                m_store->setMeta(kLoginKey, m_login);
                m_engine->noteEpoch(o.value(QLatin1String("epoch")).toString());
                then();
            });
}

void SyncClient::reloginThen(const Then &then)
{
    Q_EMIT tokenChanged(QString());
    m_token.clear();
    if (m_relogged || m_password.isEmpty()) {
        fail(Failure::Auth, tr("the server refused the login token; log in again with the password"));
        return;
    }
    m_relogged = true;
    doLogin(then);
}

void SyncClient::collectReport()
{
    m_rejected << m_engine->rejected();
    m_engine->clearReport();
}

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

void SyncClient::fail(Failure failure, const QString &message)
{
    m_failure = failure;
    m_running = false;
    if (m_engine)
        collectReport();
    const bool counted = m_store && m_store->isOpen();
    if (counted) {
        try {
            finishOwnerStamp();
            m_conflicts = unresolvedConflicts(*m_store);
            m_pending = pendingChanges(*m_store);
        } catch (const SqliteError &) { }
    }
    if (failure == Failure::Database)
        closeStore();
    m_password.clear();
    if (counted)
        Q_EMIT countsChanged(m_pending, m_conflicts);
    Q_EMIT finished(false, message);
}

void SyncClient::finishOwnerStamp()
{
    // Rows the first push did not reach (it failed, or they are not ours to push) get
    // their owner now: after a sync every row of a bound database has one.
    if (m_store->ownerStampPending())
        m_store->stampOwner(m_store->meta(QStringLiteral("sync.server.push_cursor")).toLongLong(), -1);
}

void SyncClient::succeed()
{
    m_failure = Failure::None;
    m_running = false;
    if (m_engine)
        collectReport(); // what the pull reported (values taken back)
    finishOwnerStamp();
    m_conflicts = unresolvedConflicts(*m_store);
    m_pending = pendingChanges(*m_store);
    m_password.clear();
    Q_EMIT conflictsChanged(m_conflicts);
    Q_EMIT countsChanged(m_pending, m_conflicts);
    QString message = tr("Sent %n record(s)", nullptr, m_pushed) + QStringLiteral("; ")
        + tr("received %n record(s)", nullptr, m_pulled);
    if (!m_rejected.isEmpty())
        message += QStringLiteral("; ") + tr("%n change(s) refused by the server", nullptr, int(m_rejected.size()));
    Q_EMIT finished(true, message);
}

} // namespace gamix
