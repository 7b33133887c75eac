#pragma once
// The gx_record statements of a bulk merge (ServerStorage::merge) on a SQLite server: the
// row load, insert and update, through SQLite's C API on the Qt connection's own handle (so
// inside the merge's transaction), prepared once per merge. The texts go in as the UTF-8 the
// row already is (StoredFields::writeJson): through QSqlQuery each was copied into a QString
// and converted back to UTF-8 by SQLite, and QtSql's bookkeeping per bind and step was a
// sixth of a push. PostgreSQL keeps QtSql.
//
// A failed step is logged (as ServerDb::exec does) and fails the merge's transaction
// (ServerDb::Write::fail): SQLite keeps a transaction open after most failed statements,
// which a commit would then store half-written. After a failure no statement here runs again.

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <array>

struct sqlite3;
struct sqlite3_stmt;

namespace gamix {

class ServerSqliteRows
{
public:
    // One gx_record row as saved: owner, office, solo and via are NULL when empty.
    struct Values
    {
        QStringView visEntity, ownerId, officeId, soloSite, viaSite, entity, id;
        qint64 seq = 0;
        QByteArray stored, wire; // UTF-8 (the `fields` and `wire` columns)
    };
    struct Loaded
    {
        QString visEntity, ownerId, officeId, viaSite;
        QByteArray fields; // UTF-8
    };

    // The connection's sqlite3 handle; nullptr unless it is an open QSQLITE connection.
    static sqlite3 *handle(const QSqlDatabase &db);

    explicit ServerSqliteRows(sqlite3 *db);
    ~ServerSqliteRows();
    ServerSqliteRows(const ServerSqliteRows &) = delete;
    ServerSqliteRows &operator=(const ServerSqliteRows &) = delete;

    // False once a statement failed (or could not be prepared); nothing runs after that.
    bool ok() const { return !m_failed; }

    // True and *row filled when gx_record holds (entity, id); false when it does not or on failure.
    bool load(QStringView entity, QStringView id, Loaded *row);
    bool insert(const Values &v) { return write(kInsert, v); }
    bool update(const Values &v) { return write(kUpdate, v); }
    // There is no look-up of which ids exist ahead (ServerStorage::absentRecords, QtSql): a
    // load of a missing row here costs less than probing for it in a 500-id IN list did.

private:
    enum Statement { kLoad, kInsert, kUpdate, kCount };
    sqlite3_stmt *statement(Statement s);
    bool write(Statement s, const Values &v);
    bool bindText(sqlite3_stmt *st, int i, QStringView text, bool nullWhenEmpty);
    bool bindUtf8(sqlite3_stmt *st, int i, const QByteArray &utf8);
    // Logs SQLite's message and marks this object failed; false, for `return fail(...)`.
    bool fail(const char *what);

    sqlite3 *m_db = nullptr;
    std::array<sqlite3_stmt *, kCount> m_stmts {};
    // UTF-8 of bound QString texts: SQLite reads them in place (SQLITE_STATIC) until the
    // statement is reset, so each lives until the next bind of that slot.
    QList<QByteArray> m_held;
    bool m_failed = false;
};

} // namespace gamix
