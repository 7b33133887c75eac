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
// What this replica has pushed up to (StoreReplica::state "push_cursor" of the peer "server").
const QString kPushCursorKey = QStringLiteral("sync.server.push_cursor");

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
    const qint64 cursor = store.meta(kPushCursorKey).toLongLong();
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
        m_store->stampOwner(m_store->meta(kPushCursorKey).toLongLong(), -1);
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
