#pragma once
// Shared by the sync process tests (tst_sync_process, tst_postgres): the real gamix-server
// and gamix-cli as child processes on loopback, and raw HTTP for protocol-level checks.

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>
#include <QUrl>

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

} // namespace synckit
