#pragma once
// The server's database connection (DESIGN.md §4 "Storage"): Qt Sql over a SQLite file
// (QSQLITE, the default) or PostgreSQL (QPSQL, `postgresql://user[:pw]@host:port/db`).
// One connection per thread (Qt Sql connections are thread-bound); writes are serialised
// by a process mutex and, on PostgreSQL, by pg_advisory_xact_lock so that several server
// instances assign change sequence numbers in commit order.

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include "store/WalCheckpointer.h"

#include <memory>
#include <mutex>

namespace gamix {

class ServerDb
{
public:
    ServerDb();
    ~ServerDb();
    ServerDb(const ServerDb &) = delete;
    ServerDb &operator=(const ServerDb &) = delete;

    // `spec` is a file path or a postgresql:// URL. Creates the tables when missing.
    bool open(const QString &spec, QString *error);
    bool isPostgres() const { return m_postgres; }
    QSqlDatabase connection();

    // A write transaction: process mutex + BEGIN + (PostgreSQL) the advisory lock.
    class Write
    {
    public:
        explicit Write(ServerDb &db);
        ~Write();
        bool commit();
        // A statement of this transaction failed where the connection cannot tell (SQLite
        // keeps a transaction open after most failed statements; PostgreSQL does not):
        // commit() then rolls back and returns false, as a failed commit does.
        void fail() { m_failed = true; }
        QSqlDatabase &db() { return m_conn; }
        // Unique per transaction: lets ServerStorage cache counters for one transaction.
        quint64 serial() const { return m_serial; }

    private:
        ServerDb &m_owner;
        std::unique_lock<std::mutex> m_lock;
        QSqlDatabase m_conn;
        quint64 m_serial = 0;
        bool m_done = false;
        bool m_failed = false;
    };

    // The SQL expression of a gx_record row's `record_id` value (a conflict record's subject),
    // as indexed for conflict rows (gx_record_subject): a query finds the conflict records
    // about a record with `entity = 'conflict' AND <this> = ?`, written exactly so.
    QString conflictSubject() const;

    QString meta(QSqlDatabase &db, const QString &key);
    void setMeta(QSqlDatabase &db, const QString &key, const QString &value);

    // Runs one statement with positional binds; false (and logs) on failure.
    static bool exec(QSqlQuery &q);

private:
    bool createSchema(QString *error);

    QString m_driver;
    QString m_host, m_user, m_password, m_database;
    int m_port = -1;
    QString m_baseName;
    bool m_postgres = false;
    std::mutex m_writeMutex;

    // SQLite: the WAL is checkpointed by a thread of its own, not inside the commit of
    // the request that crossed the line (that was a tenth of a 100k-record push).
    std::unique_ptr<WalCheckpointer> m_checkpointer;
};

} // namespace gamix
