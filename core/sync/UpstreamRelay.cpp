#include "UpstreamRelay.h"

#include "ServerDirectory.h"
#include "ServerErasure.h"
#include "ServerReplica.h"
#include "SiteAuthors.h"
#include "SyncEngine.h"
#include "SyncNextStep.h"
#include "SyncRequest.h"
#include "schema/Schema.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <cstdio>

namespace gamix {

namespace {

constexpr int kPushRecords = 2000;
constexpr int kPullRecords = 5000;

void log(const QString &message)
{
    std::fprintf(stderr, "gamix-server: upstream: %s\n", message.toLocal8Bit().constData());
}

} // namespace

UpstreamRelay::UpstreamRelay(ServerStorage &storage, ServerDirectory &directory, const QUrl &upstream,
                             const QString &login, const QString &password, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_directory(directory)
    , m_upstream(upstream)
    , m_login(login)
    , m_password(password)
{
    // One set of cursors per upstream: a short digest keeps gx_meta keys within 64 characters.
    const QString peer = QString::fromLatin1(
        QCryptographicHash::hash(upstream.toString(QUrl::StripTrailingSlash).toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(12));
    m_replica = std::make_unique<ServerReplica>(storage, peer);
    m_engine = std::make_unique<SyncEngine>(*m_replica);
    m_nam = new QNetworkAccessManager(this);
    m_nam->setAutoDeleteReplies(true);
    connect(&m_timer, &QTimer::timeout, this, &UpstreamRelay::syncNow);
    m_soon.setSingleShot(true);
    m_soon.setInterval(200); // several pushes in a burst make one round
    connect(&m_soon, &QTimer::timeout, this, &UpstreamRelay::round);
}

UpstreamRelay::~UpstreamRelay() = default;

void UpstreamRelay::start(int intervalMs)
{
    m_timer.start(intervalMs);
    QTimer::singleShot(0, this, &UpstreamRelay::round);
}

void UpstreamRelay::syncNow()
{
    if (m_running)
        m_again = true;
    else if (!m_soon.isActive())
        m_soon.start();
}

void UpstreamRelay::round()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_again = false;
    m_relogged = false;
    m_clockRetries = 0;
    m_engine->clearReport();
    if (m_token.isEmpty())
        login([this] { forwardErasures(); });
    else
        forwardErasures();
}

void UpstreamRelay::forwardErasures()
{
    ServerErasure erasure(m_storage.db(), m_storage);
    const QList<QPair<QString, QByteArray>> pending = erasure.pendingUpstream();
    if (pending.isEmpty()) {
        m_engine->beginPush();
        pushNext();
        return;
    }
    const QString key = pending.first().first;
    onReply(send("POST", QStringLiteral("/v1/erase"), pending.first().second, true),
            [this, key](int status, const QByteArray &b) {
                if (status == 401) {
                    reloginThen([this] { forwardErasures(); });
                    return;
                }
                if (status != 200) {
                    // Kept for the next round; the rest of the sync goes on meanwhile.
                    log(QCoreApplication::translate("Server",
                                                    "the upstream answered %1 to an erasure made here; "
                                                    "it is sent again on the next round")
                            .arg(status));
                    m_engine->beginPush();
                    pushNext();
                    return;
                }
                const int erased = QJsonDocument::fromJson(b).object().value(QLatin1String("erased")).toInt();
                log(QCoreApplication::translate("Server", "an erasure made here was carried out upstream: %n record(s)",
                                                nullptr, erased));
                ServerErasure(m_storage.db(), m_storage).forgetUpstream(key);
                forwardErasures();
            });
}

QNetworkReply *UpstreamRelay::send(const QByteArray &method, const QString &path, const QByteArray &body, bool auth)
{
    SyncRequestOptions o;
    o.server = m_upstream;
    o.site = m_storage.siteId();
    if (auth)
        o.token = m_token;
    o.jsonBody = !body.isEmpty();
    o.caCertificates = m_caCertificates;
    const QNetworkRequest req = makeSyncRequest(o, path);
    if (method == "GET")
        return m_nam->get(req);
    return m_nam->post(req, body);
}

void UpstreamRelay::onReply(QNetworkReply *reply, const Handler &handler)
{
    connect(reply, &QNetworkReply::finished, this, [this, reply, handler] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 0) {
            finish(false,
                   QCoreApplication::translate("Server", "cannot reach %1: %2")
                       .arg(m_upstream.toDisplayString(), reply->errorString()));
            return;
        }
        if (status == 426) {
            finish(false, QCoreApplication::translate("Server", "the upstream server speaks another protocol version"));
            return;
        }
        handler(status, body);
    });
}

void UpstreamRelay::login(const std::function<void()> &then)
{
    const QByteArray body
        = QJsonDocument(QJsonObject {{QStringLiteral("login"), m_login}, {QStringLiteral("password"), m_password}})
              .toJson(QJsonDocument::Compact);
    onReply(send("POST", QStringLiteral("/v1/auth/login"), body, false), [this, then](int status, const QByteArray &b) {
        const QJsonObject o = QJsonDocument::fromJson(b).object();
        const QString role = o.value(QLatin1String("user")).toObject().value(QLatin1String("role")).toString();
        if (status != 200 || o.value(QLatin1String("token")).toString().isEmpty()) {
            finish(false,
                   QCoreApplication::translate("Server", "the upstream refused the login %1 (%2)")
                       .arg(m_login)
                       .arg(status));
            return;
        }
        if (role != u"relay") {
            finish(
                false,
                QCoreApplication::translate("Server", "the upstream account %1 must have the role relay").arg(m_login));
            return;
        }
        m_token = o.value(QLatin1String("token")).toString();
        m_engine->noteEpoch(o.value(QLatin1String("epoch")).toString());
        then();
    });
}

void UpstreamRelay::reloginThen(const std::function<void()> &then)
{
    m_token.clear();
    if (m_relogged) {
        finish(false, QCoreApplication::translate("Server", "the upstream refused the login token"));
        return;
    }
    m_relogged = true;
    login(then);
}

void UpstreamRelay::pushNext()
{
    const QByteArray body = m_engine->nextPushBody(kPushRecords);
    if (body.isEmpty()) {
        pullNext();
        return;
    }
    onReply(send("POST", QStringLiteral("/v1/push"), body, true), [this](int status, const QByteArray &b) {
        switch (nextAfterPush(m_engine->handlePush(status, b))) {
        case AfterPush::SendNext:
            pushNext();
            return;
        case AfterPush::ClockRefused:
            // Relayed stamps are never re-stamped: a clock ahead is for their authors to fix.
            if (!clockRetryLeft(&m_clockRetries)) {
                finish(false,
                       QCoreApplication::translate("Server",
                                                   "the upstream keeps refusing relayed stamps as "
                                                   "ahead of its clock; check the clocks"));
                return;
            }
            pushNext();
            return;
        case AfterPush::Relogin:
            reloginThen([this] { pushNext(); });
            return;
        case AfterPush::Fail:
            finish(false, m_engine->lastError());
            return;
        }
    });
}

void UpstreamRelay::pullNext()
{
    m_pullSince = m_engine->pullCursor();
    onReply(send("GET", QStringLiteral("/v1/pull?") + m_engine->pullQuery(kPullRecords), QByteArray(), true),
            [this](int status, const QByteArray &b) {
                const SyncEngine::Step step = m_engine->handlePull(status, b, m_pullSince);
                switch (nextAfterPull(step, m_engine->epochReset())) {
                case AfterPull::NextPage:
                    pullNext();
                    return;
                case AfterPull::Repush:
                    // The upstream was restored: give it back what it lacks.
                    m_engine->clearReport();
                    m_engine->beginPush();
                    pushNext();
                    return;
                case AfterPull::FollowUps:
                    fetchDirectory();
                    return;
                case AfterPull::Relogin:
                    reloginThen([this] { pullNext(); });
                    return;
                case AfterPull::Fail:
                    finish(false, m_engine->lastError());
                    return;
                }
            });
}

void UpstreamRelay::fetchDirectory()
{
    onReply(send("GET", QStringLiteral("/v1/directory"), QByteArray(), true), [this](int status, const QByteArray &b) {
        if (status == 401) {
            reloginThen([this] { fetchDirectory(); });
            return;
        }
        if (status != 200) {
            finish(false,
                   QCoreApplication::translate("Server", "the upstream answered %1 for the directory").arg(status));
            return;
        }
        const QJsonArray users = QJsonDocument::fromJson(b).object().value(QLatin1String("users")).toArray();
        const int changed = m_directory.applyUpstreamUsers(users);
        if (changed > 0)
            log(QCoreApplication::translate("Server", "%n account(s) updated from upstream", nullptr, changed));
        exchangeSites();
    });
}

void UpstreamRelay::exchangeSites()
{
    onReply(send("GET", QStringLiteral("/v1/sites"), QByteArray(), true), [this](int status, const QByteArray &b) {
        if (status == 401) {
            reloginThen([this] { exchangeSites(); });
            return;
        }
        if (status != 200) { // an upstream without /v1/sites: authors stay unnamed, sync goes on
            finish(true, QString());
            return;
        }
        QJsonObject answer = QJsonDocument::fromJson(b).object();
        answer.remove(QStringLiteral("server_time"));
        const QByteArray kept = QJsonDocument(answer).toJson(QJsonDocument::Compact);
        if (kept != m_sitesKept) { // most rounds: the same list, no write
            SiteAuthors::storeUpstream(m_storage.db(), kept);
            m_sitesKept = kept;
        }
        const QByteArray mine
            = QJsonDocument(QJsonObject {{QStringLiteral("sites"), SiteAuthors::localList(m_storage.db())}})
                  .toJson(QJsonDocument::Compact);
        if (mine == m_sitesSent) {
            finish(true, QString());
            return;
        }
        onReply(send("POST", QStringLiteral("/v1/sites"), mine, true), [this, mine](int s, const QByteArray &) {
            if (s == 200)
                m_sitesSent = mine;
            finish(true, QString());
        });
    });
}

QJsonObject UpstreamRelay::status() const
{
    QMutexLocker lock(&m_statusMutex);
    return QJsonObject {{QStringLiteral("url"), m_upstream.toString(QUrl::RemoveUserInfo)},
                        {QStringLiteral("rounds"), m_okRounds},
                        {QStringLiteral("last_ok"), double(m_lastOkMs)},
                        {QStringLiteral("last_error"), m_lastError}};
}

void UpstreamRelay::finish(bool ok, const QString &message)
{
    m_running = false;
    if (ok)
        ++m_rounds;
    else
        log(message);
    {
        QMutexLocker lock(&m_statusMutex);
        if (ok) {
            ++m_okRounds;
            m_lastOkMs = QDateTime::currentMSecsSinceEpoch();
        }
        m_lastError = ok ? QString() : message;
    }
    for (const QString &line : m_engine->rejected())
        log(line);
    m_engine->clearReport();
    Q_EMIT roundFinished(ok, message);
    if (m_again)
        syncNow();
}

} // namespace gamix
