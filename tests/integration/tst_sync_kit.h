#pragma once
// Shared by the sync process tests (tst_sync_process, tst_purge, tst_upstream, tst_offices,
// tst_postgres, ...): the real gamix-server and gamix-cli as child processes on loopback, the
// accounts and client databases of a test's folder, and raw HTTP for protocol-level checks.

#include "schema/Schema.h"
#include "store/Clock.h"
#include "store/Store.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <memory>

namespace synckit {

struct Run
{
    int code = -1;
    QByteArray out;
    QString err;
};

inline Run runCli(const QStringList &args, const QByteArray &input = QByteArray(), int timeoutMs = 120000)
{
    QProcess p;
    p.start(QStringLiteral(GAMIX_CLI_PATH), args);
    if (!p.waitForStarted())
        return {};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

// `storage` is {"--data", FILE} or {"--database", URL}.
inline Run serverAdmin(const QStringList &storage, const QStringList &command, const QByteArray &input = QByteArray())
{
    QProcess p;
    p.start(QStringLiteral(GAMIX_SERVER_PATH), storage + command);
    if (!p.waitForStarted())
        return {};
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

inline QString addUser(const QStringList &storage, const QString &login, const QString &role, const QString &office,
                       const QString &password)
{
    QStringList cmd {QStringLiteral("user"), QStringLiteral("add"), login, QStringLiteral("--role"), role};
    if (!office.isEmpty())
        cmd << QStringLiteral("--office") << office;
    const Run r = serverAdmin(storage, cmd, password.toUtf8() + '\n');
    return r.code == 0 ? QString::fromUtf8(r.out).trimmed() : QString();
}

// An account of a server's directory (`gamix-server user add`), and what its clients log in with.
struct Account
{
    QString login, role, office, password;
};

inline QString addUser(const QStringList &storage, const Account &a)
{
    return addUser(storage, a.login, a.role, a.office, a.password);
}

// Adds every account; the login of the first one that was not added, empty when all were.
inline QString addUsers(const QStringList &storage, const QList<Account> &accounts)
{
    for (const Account &a : accounts) {
        if (addUser(storage, a).isEmpty())
            return a.login;
    }
    return QString();
}

class Server
{
public:
    // Starts gamix-server on a free loopback port; false when it did not say where it listens.
    bool start(const QStringList &storage, const QString &logFile, const QStringList &extra = {})
    {
        m_proc = std::make_unique<QProcess>();
        m_proc->setStandardErrorFile(logFile, QIODevice::Append);
        m_proc->start(QStringLiteral(GAMIX_SERVER_PATH),
                      storage + QStringList {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + extra);
        if (!m_proc->waitForStarted(10000))
            return false;
        while (!m_proc->canReadLine()) {
            if (!m_proc->waitForReadyRead(20000))
                return false;
        }
        const QString line = QString::fromUtf8(m_proc->readLine()).trimmed();
        if (!line.startsWith(QStringLiteral("listening on ")))
            return false;
        m_port = line.section(u':', -1).toInt();
        return m_port > 0;
    }
    // An office server: it relays to `upstreamUrl` every second as `relayLogin` (whose password
    // it reads from GAMIX_UPSTREAM_PASSWORD, set only while it starts).
    bool startOffice(const QStringList &storage, const QString &logFile, const QString &upstreamUrl,
                     const QString &relayLogin, const QByteArray &relayPassword, const QStringList &extra = {})
    {
        qputenv("GAMIX_UPSTREAM_PASSWORD", relayPassword);
        const bool ok
            = start(storage, logFile,
                    QStringList {QStringLiteral("--upstream"), upstreamUrl, QStringLiteral("--upstream-login"),
                                 relayLogin, QStringLiteral("--upstream-interval"), QStringLiteral("1")}
                        + extra);
        qunsetenv("GAMIX_UPSTREAM_PASSWORD");
        return ok;
    }
    void kill()
    {
        if (m_proc && m_proc->state() != QProcess::NotRunning) {
            m_proc->kill(); // SIGKILL: no chance to clean up
            m_proc->waitForFinished(10000);
        }
    }
    ~Server() { kill(); }
    int port() const { return m_port; }
    QString url(const QString &scheme = QStringLiteral("http")) const
    {
        return scheme + QStringLiteral("://127.0.0.1:") + QString::number(m_port);
    }

private:
    std::unique_ptr<QProcess> m_proc;
    int m_port = 0;
};

struct Answer
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

inline Answer http(const QByteArray &method, const QString &url, const QByteArray &body = QByteArray(),
                   const QList<QPair<QByteArray, QByteArray>> &headers = {}, bool protocolHeaders = true)
{
    QNetworkAccessManager nam;
    QNetworkRequest req {QUrl(url)};
    if (protocolHeaders) {
        req.setRawHeader("X-Gamix-Protocol", "1");
        req.setRawHeader("X-Gamix-Schema", "1");
        req.setRawHeader("X-Gamix-Site", "0123456789abcdef0123456789abcdef");
    }
    for (const auto &[k, v] : headers)
        req.setRawHeader(k, v);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setTransferTimeout(60000);
    QNetworkReply *reply = method == "GET" ? nam.get(req) : nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Answer a {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return a;
}

inline QString login(const QString &base, const QString &user, const QString &password)
{
    const Answer a
        = http("POST", base + QStringLiteral("/v1/auth/login"),
               QJsonDocument(QJsonObject {{QStringLiteral("login"), user}, {QStringLiteral("password"), password}})
                   .toJson(QJsonDocument::Compact));
    return a.json().value(QLatin1String("token")).toString();
}

// One value read from a server's SQLite storage file, as a second reader beside the server.
inline QVariant sqliteValue(const QString &file, const QString &sql, const QVariantList &binds = {})
{
    const QString name = QStringLiteral("synckit-reader");
    QVariant out;
    {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        d.setDatabaseName(file);
        if (d.open()) {
            QSqlQuery q(d);
            q.prepare(sql);
            for (const QVariant &b : binds)
                q.addBindValue(b);
            if (q.exec() && q.next())
                out = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

inline QList<QPair<QByteArray, QByteArray>> bearer(const QString &token)
{
    return {{QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()}};
}

inline QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// How many pushes a server's log (its standard error) answered with 200.
inline int pushesLogged(const QString &logFile)
{
    return int(fileBytes(logFile).count("POST /v1/push 200"));
}

// Writes `n` contacts to a client database through the Store in one batch: first name
// `firstName`, last name `lastName`.arg(i), email `email`.arg(i). Returns how many were
// written, -1 when the database did not open.
inline int addContacts(const QString &dbFile, int n, const QString &firstName, const QString &lastName,
                       const QString &email)
{
    gamix::Store store;
    QString error;
    if (!store.open(dbFile, &error))
        return -1;
    const gamix::EntityDef &contact = *gamix::Schema::instance().entity(u"contact");
    store.beginBatch(true);
    int written = 0;
    for (int i = 0; i < n; ++i)
        written += store
                       .create(contact,
                               {{QStringLiteral("first_name"), firstName},
                                {QStringLiteral("last_name"), lastName.arg(i)},
                                {QStringLiteral("email"), email.arg(i)}})
                       .ok
            ? 1
            : 0;
    store.commitBatch();
    return written;
}

// One number read by SQL from a client database (opened through the Store); -1 when it did not open.
inline qint64 storeScalar(const QString &dbFile, const QString &sql)
{
    gamix::Store store;
    QString error;
    return store.open(dbFile, &error) ? store.db().scalar(sql) : -1;
}

// A test's folder: the client databases (gamix-cli --db NAME.db) beside the servers' storage
// files and logs, and what the test reads from those clients. A test class derives from it
// after QObject.
class Workspace
{
protected:
    QTemporaryDir m_dir;

    QString db(const QString &name) const { return m_dir.filePath(name + QStringLiteral(".db")); }
    // {"--data", NAME.sqlite}: a server's SQLite storage in this folder.
    QStringList sqliteStorage(const QString &name) const
    {
        return {QStringLiteral("--data"), m_dir.filePath(name + QStringLiteral(".sqlite"))};
    }
    Run cli(const QString &dbName, const QStringList &args, const QByteArray &input = QByteArray())
    {
        return runCli(QStringList {QStringLiteral("--db"), db(dbName)} + args, input);
    }
    Run syncAs(const QString &dbName, const QString &url, const QString &login, const QString &password,
               const QStringList &extra = {})
    {
        return cli(dbName,
                   QStringList {QStringLiteral("sync"), QStringLiteral("--server"), url, QStringLiteral("--login"),
                                login, QStringLiteral("--password-stdin")}
                       + extra,
                   password.toUtf8() + '\n');
    }
    Run syncAs(const QString &dbName, const QString &url, const Account &account, const QStringList &extra = {})
    {
        return syncAs(dbName, url, account.login, account.password, extra);
    }
    // A record as `gamix-cli --json get` shows it; empty when the client does not have it.
    QJsonObject get(const QString &dbName, const QString &entity, const QString &id)
    {
        const Run r = cli(dbName, {QStringLiteral("--json"), QStringLiteral("get"), entity, id});
        return r.code == 0 ? QJsonDocument::fromJson(r.out).object() : QJsonObject();
    }
    QJsonObject get(const QString &dbName, const QString &id) { return get(dbName, QStringLiteral("contact"), id); }
    // `gamix-cli --json list`, sorted by id, so two replicas' lists compare equal.
    QJsonArray list(const QString &dbName, const QString &entity = QStringLiteral("contact"))
    {
        const Run r = cli(dbName, {QStringLiteral("--json"), QStringLiteral("list"), entity});
        QList<QJsonObject> rows;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
            rows << v.toObject();
        std::sort(rows.begin(), rows.end(), [](const QJsonObject &x, const QJsonObject &y) {
            return x.value(QLatin1String("id")).toString() < y.value(QLatin1String("id")).toString();
        });
        QJsonArray out;
        for (const QJsonObject &o : rows)
            out.append(o);
        return out;
    }
    // A client database's site (its replica id), as `gamix-server replicas` lists it.
    QString clientSite(const QString &dbName) const
    {
        gamix::Store store;
        QString error;
        return store.open(db(dbName), &error) ? gamix::Clock {0, store.siteId()}.siteHex() : QString();
    }
    // A server's own site, read from its SQLite storage ({"--data", FILE}).
    static QString serverSite(const QStringList &storage)
    {
        return sqliteValue(storage.at(1), QStringLiteral("SELECT v FROM gx_meta WHERE k = 'site'")).toString();
    }
    int conflicts(const QString &dbName)
    {
        return int(QJsonDocument::fromJson(cli(dbName, {QStringLiteral("--json"), QStringLiteral("conflicts")}).out)
                       .array()
                       .size());
    }
    // Office name -> id, as a client sees the office records.
    QHash<QString, QString> officeIds(const QString &dbName)
    {
        QHash<QString, QString> out;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(
                 cli(dbName, {QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("office")}).out)
                 .array())
            out.insert(v.toObject().value(QLatin1String("name")).toString(),
                       v.toObject().value(QLatin1String("id")).toString());
        return out;
    }
    // Every file of this folder whose name starts with one of `prefixes` (a database's main
    // file, WAL, journal), as raw bytes.
    QByteArray rawBytes(const QStringList &prefixes) const
    {
        QByteArray all;
        for (const QFileInfo &fi : QDir(m_dir.path()).entryInfoList(QDir::Files)) {
            if (std::any_of(prefixes.begin(), prefixes.end(),
                            [&](const QString &p) { return fi.fileName().startsWith(p); }))
                all += fileBytes(fi.filePath());
        }
        return all;
    }
};

} // namespace synckit
