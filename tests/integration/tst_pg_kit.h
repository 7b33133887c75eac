#pragma once
// A real PostgreSQL 15 for the process tests on PostgreSQL storage (tst_postgres,
// tst_postgres_sync): initdb in a temporary directory owned by the postgres account, pg_ctl
// on a free loopback port, one database per gamix-server storage, pg_dump of a database,
// and one value read with Qt's QPSQL driver as a second client beside the servers.

#include "tst_sync_kit.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>

#include <memory>

namespace pgkit {

inline const QString &binDir()
{
    static const QString dir = QStringLiteral("/usr/lib/postgresql/15/bin/");
    return dir;
}

// A command run as the postgres account (initdb refuses root).
inline synckit::Run runAsPostgres(const QStringList &command, int timeoutMs = 60000)
{
    QProcess p;
    p.start(QStringLiteral("runuser"),
            QStringList {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--")} + command);
    if (!p.waitForStarted() || !p.waitForFinished(timeoutMs))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

inline int freePort()
{
    QTcpServer s;
    return s.listen(QHostAddress::LocalHost, 0) ? s.serverPort() : 0;
}

class Cluster
{
public:
    enum class Start { Running, Skip, Failed };

    // Starts the server; Skip (with the reason) where PostgreSQL 15 or the postgres account
    // is missing, Failed (with the error) when it is there but did not start.
    Start start(QString *message)
    {
        if (!QFileInfo::exists(binDir() + QStringLiteral("initdb"))) {
            *message = QStringLiteral("PostgreSQL 15 is not installed (/usr/lib/postgresql/15/bin/initdb missing)");
            return Start::Skip;
        }
        // Parents must be traversable by the postgres user; the data directory is its own.
        m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/gamix-pg-XXXXXX"));
        if (!m_dir->isValid()) {
            *message = QStringLiteral("no temporary directory");
            return Start::Failed;
        }
        QFile::setPermissions(m_dir->path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                  | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                  | QFileDevice::ExeOther);
        m_data = m_dir->filePath(QStringLiteral("pgdata"));
        if (!QDir().mkpath(m_data)) {
            *message = QStringLiteral("cannot create ") + m_data;
            return Start::Failed;
        }
        if (QProcess::execute(QStringLiteral("chown"), {QStringLiteral("postgres"), m_data}) != 0) {
            *message = QStringLiteral("cannot hand a directory to the postgres user (the test needs root and a "
                                      "postgres account)");
            return Start::Skip;
        }
        const synckit::Run init
            = runAsPostgres({binDir() + QStringLiteral("initdb"), QStringLiteral("-D"), m_data, QStringLiteral("-A"),
                             QStringLiteral("trust"), QStringLiteral("-U"), QStringLiteral("gamix"),
                             QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--no-locale")});
        if (init.code != 0) {
            *message = QStringLiteral("runuser/initdb failed: ") + init.err.left(200);
            return Start::Skip;
        }
        m_port = freePort();
        const synckit::Run started = runAsPostgres(
            {binDir() + QStringLiteral("pg_ctl"), QStringLiteral("-D"), m_data, QStringLiteral("-l"),
             m_data + QStringLiteral("/log.txt"), QStringLiteral("-o"),
             QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off").arg(m_port).arg(m_data),
             QStringLiteral("-w"), QStringLiteral("start")});
        if (m_port <= 0 || started.code != 0) {
            *message = QStringLiteral("pg_ctl start failed: ") + started.err;
            return Start::Failed;
        }
        m_running = true;
        return Start::Running;
    }

    ~Cluster() { stop(); }
    void stop()
    {
        for (const QString &name : std::as_const(m_connections))
            QSqlDatabase::removeDatabase(name);
        m_connections.clear();
        if (m_running)
            runAsPostgres({binDir() + QStringLiteral("pg_ctl"), QStringLiteral("-D"), m_data, QStringLiteral("-m"),
                           QStringLiteral("immediate"), QStringLiteral("stop")});
        m_running = false;
    }

    // Creates the database; its URL for `gamix-server --database`, empty when createdb failed.
    QString createDatabase(const QString &name)
    {
        const synckit::Run r = runAsPostgres(
            {binDir() + QStringLiteral("createdb"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
             QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"), QStringLiteral("gamix"), name});
        return r.code == 0 ? url(name) : QString();
    }
    QString url(const QString &name) const
    {
        return QStringLiteral("postgresql://gamix@127.0.0.1:%1/%2").arg(m_port).arg(name);
    }
    // `pg_dump` of the database: every row of every table as text (empty when it failed).
    QByteArray dump(const QString &name) const
    {
        const synckit::Run r = runAsPostgres(
            {binDir() + QStringLiteral("pg_dump"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
             QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"), QStringLiteral("gamix"), name});
        return r.code == 0 ? r.out : QByteArray();
    }
    // One value of a query on the database, read beside the servers; invalid when it failed.
    QVariant value(const QString &name, const QString &sql, const QVariantList &binds = {})
    {
        const QString connection = QStringLiteral("pgkit-") + name;
        if (!m_connections.contains(connection)) {
            QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            d.setHostName(QStringLiteral("127.0.0.1"));
            d.setPort(m_port);
            d.setUserName(QStringLiteral("gamix"));
            d.setDatabaseName(name);
            m_connections << connection;
        }
        QSqlDatabase d = QSqlDatabase::database(connection);
        if (!d.isOpen())
            return QVariant();
        QSqlQuery q(d);
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        return q.exec() && q.next() ? q.value(0) : QVariant();
    }
    int port() const { return m_port; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_data;
    QStringList m_connections;
    int m_port = 0;
    bool m_running = false;
};

} // namespace pgkit
