// Store::purge: records leave a replica without tombstones (DESIGN.md §4 "Visibility",
// 152-FZ erasure). Not a delete: a delete is a change that syncs; a purge only forgets.
#include "Store.h"
#include "StoreTable.h"

namespace gamix {

namespace {

// The search index key of a row: the same packing as StoreRead.cpp (rowid, 4-bit entity code).
qint64 purgeSearchKey(const EntityDef &e, qint64 rowid)
{
    return (rowid << 4) | e.code;
}

} // namespace

int Store::purge(const QList<QPair<QString, QString>> &records, bool secure)
{
    if (records.isEmpty())
        return 0;
    const EntityDef *conflict = Schema::instance().entity(u"conflict");
    if (secure)
        m_db.exec(QStringLiteral("PRAGMA secure_delete = ON"));
    int n = 0;
    beginWrite();
    try {
        for (const auto &[entityName, rawId] : records) {
            const EntityDef *e = Schema::instance().entity(entityName);
            if (!e || e->directory)
                continue;
            const QString id = rawId.toLower();
            QList<QPair<const EntityDef *, qint64>> rows; // (entity, rowid)
            // Statements from the connection's cache: a role change may purge thousands.
            {
                SqliteStmt &st = m_db.cached(QStringLiteral("SELECT rowid FROM \"") + e->name
                                             + QStringLiteral("\" WHERE id = ?1"));
                st.bind(1, id);
                while (st.step())
                    rows.append({e, st.int64(0)});
                st.reset();
            }
            if (conflict && e != conflict) {
                SqliteStmt &st = m_db.cached(
                    QStringLiteral("SELECT rowid FROM \"conflict\" WHERE record_id = ?1 AND entity = ?2"));
                st.bind(1, id).bind(2, e->name);
                while (st.step())
                    rows.append({conflict, st.int64(0)});
                st.reset();
            }
            for (const auto &[re, rowid] : rows) {
                SqliteStmt &del
                    = m_db.cached(QStringLiteral("DELETE FROM \"") + re->name + QStringLiteral("\" WHERE rowid = ?1"));
                del.bind(1, rowid);
                del.exec();
                SqliteStmt &fts = m_db.cached(QStringLiteral("DELETE FROM search WHERE rowid = ?1"));
                fts.bind(1, purgeSearchKey(*re, rowid));
                fts.exec();
                ++n;
            }
        }
        if (secure && n > 0) {
            // FTS5 keeps a deleted document's terms in older segments until they merge.
            m_db.exec(QStringLiteral("INSERT INTO search(search) VALUES ('optimize')"));
        }
        endWrite(true);
    } catch (...) {
        endWrite(false);
        if (secure)
            m_db.exec(QStringLiteral("PRAGMA secure_delete = OFF"));
        throw;
    }
    if (secure) {
        if (n > 0 && !m_batch) {
            // Earlier versions of the rows may still sit in free space (updates move cells)
            // and in the WAL: rewrite the file and empty the WAL. Best effort when another
            // connection is busy; the next erasure tries again.
            try {
                if (m_checkpointer)
                    m_checkpointer->stop(); // TRUNCATE needs the checkpoint lock
                m_db.exec(QStringLiteral("VACUUM"));
                m_db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            } catch (const SqliteError &) { }
        }
        m_db.exec(QStringLiteral("PRAGMA secure_delete = OFF"));
    }
    return n;
}

} // namespace gamix
