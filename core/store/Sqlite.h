#pragma once
// A thin RAII wrapper over SQLite's C API. The local store uses the C API directly
// (DESIGN.md §2: one SQLite per process, and prepared C statements are several times
// faster than QSqlQuery for bulk work). Failures throw SqliteError, so a write path can
// unwind to its Transaction, which rolls back.

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVariant>

#include <memory>
#include <stdexcept>

struct sqlite3;
struct sqlite3_stmt;

namespace gamix {

class SqliteError : public std::runtime_error
{
public:
    SqliteError(const QString &message, int code);
    QString message() const { return m_message; }
    int code() const { return m_code; }

private:
    QString m_message;
    int m_code;
};

class SqliteStmt
{
public:
    SqliteStmt() = default;
    SqliteStmt(sqlite3 *db, const QString &sql);
    ~SqliteStmt();
    SqliteStmt(SqliteStmt &&other) noexcept;
    SqliteStmt &operator=(SqliteStmt &&other) noexcept;
    SqliteStmt(const SqliteStmt &) = delete;
    SqliteStmt &operator=(const SqliteStmt &) = delete;

    // Binding is 1-based, as in SQLite.
    SqliteStmt &bind(int i, const QString &text);
    SqliteStmt &bind(int i, QStringView text);
    SqliteStmt &bind(int i, qint64 value);
    SqliteStmt &bind(int i, int value) { return bind(i, qint64(value)); }
    SqliteStmt &bindBlob(int i, const QByteArray &blob);
    SqliteStmt &bindNull(int i);
    SqliteStmt &bind(int i, const QVariant &value);

    // true while a row is available, false when done; throws on error.
    bool step();
    void reset();
    void exec(); // step to completion and reset

    int columnCount() const;
    bool isNull(int col) const;
    QString text(int col) const;
    qint64 int64(int col) const;
    QByteArray blob(int col) const;
    QVariant value(int col) const;

    sqlite3_stmt *handle() const { return m_stmt; }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    // UTF-8 copies of bound text, alive until the next bind of that parameter, so SQLite
    // can read them in place (SQLITE_STATIC) instead of converting UTF-16 itself.
    QList<QByteArray> m_held;
};

class SqliteDb
{
public:
    SqliteDb() = default;
    ~SqliteDb();
    SqliteDb(const SqliteDb &) = delete;
    SqliteDb &operator=(const SqliteDb &) = delete;

    // Opens (creating when `create`) the database file; throws SqliteError.
    void open(const QString &path, bool create = true, bool readOnly = false);
    void close();
    bool isOpen() const { return m_db != nullptr; }

    void exec(const QString &sql);
    SqliteStmt prepare(const QString &sql);
    // A prepared statement kept for the life of the connection (hot paths).
    SqliteStmt &cached(const QString &sql);
    qint64 scalar(const QString &sql);
    int changes() const;
    qint64 lastInsertRowid() const;
    bool inTransaction() const;

    sqlite3 *handle() const { return m_db; }
    QString path() const { return m_path; }

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
    QHash<QString, std::shared_ptr<SqliteStmt>> m_cache;
};

// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless committed.
class SqliteTransaction
{
public:
    explicit SqliteTransaction(SqliteDb &db);
    ~SqliteTransaction();
    void commit();
    SqliteTransaction(const SqliteTransaction &) = delete;
    SqliteTransaction &operator=(const SqliteTransaction &) = delete;

private:
    SqliteDb &m_db;
    bool m_done = false;
};

} // namespace gamix
