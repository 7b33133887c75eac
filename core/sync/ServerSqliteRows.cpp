#include "ServerSqliteRows.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace gamix {

namespace {

// The same statements as ServerStorage's QtSql ones (kLoadSql, kInsertSql, kUpdateSql).
const char *const kLoadSql
    = "SELECT vis_entity, owner_id, office_id, fields, via_site FROM gx_record WHERE entity = ?1 AND id = ?2";
const char *const kInsertSql = "INSERT INTO gx_record (vis_entity, owner_id, office_id, seq, fields, wire, solo_site, "
                               "wire_seq, via_site, entity, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?4, ?8, ?9, ?10)";
const char *const kUpdateSql = "UPDATE gx_record SET vis_entity = ?1, owner_id = ?2, office_id = ?3, seq = ?4, "
                               "fields = ?5, wire = ?6, solo_site = ?7, wire_seq = ?4, via_site = ?8 "
                               "WHERE entity = ?9 AND id = ?10";
constexpr int kHeldSlots = 16;

QString columnText(sqlite3_stmt *st, int col)
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(st, col));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(st, col)) : QString();
}

} // namespace

sqlite3 *ServerSqliteRows::handle(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

ServerSqliteRows::ServerSqliteRows(sqlite3 *db)
    : m_db(db)
    , m_held(kHeldSlots)
{ }

ServerSqliteRows::~ServerSqliteRows()
{
    for (sqlite3_stmt *st : m_stmts)
        sqlite3_finalize(st);
}

sqlite3_stmt *ServerSqliteRows::statement(Statement s)
{
    if (m_failed)
        return nullptr;
    if (m_stmts[s])
        return m_stmts[s];
    const char *const sql[kCount] = {kLoadSql, kInsertSql, kUpdateSql};
    if (sqlite3_prepare_v3(m_db, sql[s], -1, SQLITE_PREPARE_PERSISTENT, &m_stmts[s], nullptr) != SQLITE_OK) {
        fail("prepare");
        return nullptr;
    }
    return m_stmts[s];
}

bool ServerSqliteRows::fail(const char *what)
{
    qWarning("gamix-server: SQL failed (%s): %s", what, sqlite3_errmsg(m_db));
    m_failed = true;
    // Some failures (a full disk, an I/O error) make SQLite roll the whole transaction back
    // itself: what the merge and its caller write next would then commit one statement at a
    // time. A new transaction takes them instead, rolled back with the failed Write.
    if (sqlite3_get_autocommit(m_db))
        sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr);
    return false;
}

bool ServerSqliteRows::bindText(sqlite3_stmt *st, int i, QStringView text, bool nullWhenEmpty)
{
    int rc;
    if (nullWhenEmpty && text.isEmpty()) {
        rc = sqlite3_bind_null(st, i);
    } else {
        QByteArray &held = m_held[i];
        held = text.toUtf8();
        rc = sqlite3_bind_text(st, i, held.constData(), int(held.size()), SQLITE_STATIC);
    }
    return rc == SQLITE_OK || fail("bind");
}

bool ServerSqliteRows::bindUtf8(sqlite3_stmt *st, int i, const QByteArray &utf8)
{
    // The caller's bytes stay alive and unchanged until the statement is reset.
    return sqlite3_bind_text(st, i, utf8.constData(), int(utf8.size()), SQLITE_STATIC) == SQLITE_OK || fail("bind");
}

bool ServerSqliteRows::load(QStringView entity, QStringView id, Loaded *row)
{
    sqlite3_stmt *st = statement(kLoad);
    if (!st || !bindText(st, 1, entity, false) || !bindText(st, 2, id, false))
        return false;
    const int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        row->visEntity = columnText(st, 0);
        row->ownerId = columnText(st, 1);
        row->officeId = columnText(st, 2);
        const auto *fields = reinterpret_cast<const char *>(sqlite3_column_text(st, 3));
        row->fields = QByteArray(fields ? fields : "", sqlite3_column_bytes(st, 3));
        row->viaSite = columnText(st, 4);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return fail("load");
    return rc == SQLITE_ROW;
}

bool ServerSqliteRows::write(Statement s, const Values &v)
{
    sqlite3_stmt *st = statement(s);
    if (!st)
        return false;
    const bool bound = bindText(st, 1, v.visEntity, false) && bindText(st, 2, v.ownerId, true)
        && bindText(st, 3, v.officeId, true) && (sqlite3_bind_int64(st, 4, v.seq) == SQLITE_OK || fail("bind"))
        && bindUtf8(st, 5, v.stored) && bindUtf8(st, 6, v.wire) && bindText(st, 7, v.soloSite, true)
        && bindText(st, 8, v.viaSite, true) && bindText(st, 9, v.entity, false) && bindText(st, 10, v.id, false);
    if (!bound) {
        sqlite3_reset(st);
        return false;
    }
    const int rc = sqlite3_step(st);
    // Reset at once: the bound bytes are the caller's, and a statement left mid-step would
    // hold the transaction's commit back.
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE || fail(s == kInsert ? "insert" : "update");
}

} // namespace gamix
