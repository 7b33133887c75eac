#include "Store.h"

#include "Migrations.h"
#include "StoreTable.h"
#include "SuspendedIndexes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <sqlite3.h>

namespace gamix {

namespace {

constexpr int kCacheKiB = 16 * 1024;
constexpr int kBatchCacheKiB = 96 * 1024;

} // namespace

bool Store::Table::isIntegerType(FieldType type)
{
    return type == FieldType::Bool || type == FieldType::Integer || type == FieldType::Percent
        || type == FieldType::Money;
}

Store::Table::Table(const EntityDef &e)
    : entity(e)
    , name(u'"' + e.name + u'"')
{
    QStringList cols, params, sets;
    for (int i = 0; i < e.fields.size(); ++i) {
        const FieldDef &f = e.fields.at(i);
        cols << f.name;
        if (f.isPhone()) {
            phoneFields << i;
            cols << f.name + QStringLiteral("_e164");
        }
    }
    QStringList fieldCols;
    for (const FieldDef &f : e.fields)
        fieldCols << f.name;
    selectColumns = QStringLiteral("rowid, id, updated_at, seq, clocks, ") + fieldCols.join(QStringLiteral(", "));
    QStringList all = cols;
    all << QStringLiteral("updated_at") << QStringLiteral("seq") << QStringLiteral("dirty_seq")
        << QStringLiteral("clocks");
    for (int i = 0; i < all.size(); ++i) {
        params << QStringLiteral("?%1").arg(i + 2);
        sets << all.at(i) + QStringLiteral(" = ?%1").arg(i + 2);
    }
    insertSql = QStringLiteral("INSERT INTO ") + name + QStringLiteral(" (rowid, id, ") + all.join(QStringLiteral(", "))
        + QStringLiteral(") VALUES (NULL, ?1, ") + params.join(QStringLiteral(", ")) + u')';
    // ?1 is the rowid for updates (id never changes).
    updateSql = QStringLiteral("UPDATE ") + name + QStringLiteral(" SET ") + sets.join(QStringLiteral(", "))
        + QStringLiteral(" WHERE rowid = ?1");
}

Store::Store() = default;

Store::~Store()
{
    close();
}

QString Store::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return dir + QStringLiteral("/gamix.sqlite");
}

Store::Table &Store::table(const EntityDef &entity)
{
    auto it = m_tables.find(entity.name);
    if (it == m_tables.end())
        it = m_tables.insert(entity.name, std::make_shared<Table>(entity));
    return **it;
}

bool Store::open(const QString &path, QString *error)
{
    close();
    try {
        const QFileInfo info(path);
        if (!info.dir().exists() && !QDir().mkpath(info.absolutePath())) {
            *error = QCoreApplication::translate("Store", "Cannot create the folder %1").arg(info.absolutePath());
            return false;
        }
        m_db.open(path);
        m_db.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        m_db.exec(QStringLiteral("PRAGMA synchronous = FULL"));
        m_db.exec(QStringLiteral("PRAGMA foreign_keys = OFF")); // references are checked by the write path
        m_db.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kCacheKiB));
        m_checkpointer = std::make_unique<WalCheckpointer>(path);
        m_checkpointer->attach(m_db.handle());
        // A bulk import killed before it rebuilt the indexes it set aside: rebuild them
        // first (before migrations, which may refer to them).
        SuspendedIndexes::restore(m_db);
        Migrations::run(m_db);
        loadIdentity();
    } catch (const SqliteError &e) {
        const QString message = e.code() == SQLITE_NOTADB || e.code() == SQLITE_CORRUPT
            ? QCoreApplication::translate("Store", "%1 is not a Gamix database or is damaged").arg(path)
            : e.message();
        *error = message;
        m_db.close();
        m_checkpointer.reset();
        return false;
    }
    return true;
}

void Store::close()
{
    if (m_tx)
        rollbackBatch();
    m_tables.clear();
    WalCheckpointer::detach(m_db.handle());
    m_checkpointer.reset();
    m_db.close();
}

QString Store::meta(const QString &key)
{
    SqliteStmt &st = m_db.cached(QStringLiteral("SELECT value FROM meta WHERE key = ?1"));
    st.bind(1, key);
    const QString value = st.step() ? st.text(0) : QString();
    st.reset();
    return value;
}

void Store::setMeta(const QString &key, const QVariant &value)
{
    SqliteStmt &st = m_db.cached(QStringLiteral("INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    st.bind(1, key).bind(2, value);
    st.exec();
}

void Store::loadIdentity()
{
    // A site id belongs to one file at one place: a copied or restored database (another
    // path, or a backup whose id was cleared) mints a new one, so two replicas never share it.
    const QString here = QFileInfo(m_db.path()).absoluteFilePath();
    const QString siteHex = meta(QStringLiteral("site_id"));
    SqliteTransaction tx(m_db);
    if (siteHex.isEmpty() || meta(QStringLiteral("site_path")) != here || !Clock::siteFromHex(siteHex, &m_site)) {
        m_site = newSiteId();
        Clock c;
        c.site = m_site;
        setMeta(QStringLiteral("site_id"), c.siteHex());
        setMeta(QStringLiteral("site_path"), here);
    }
    tx.commit();
    loadCounters();
}

void Store::loadCounters()
{
    // Other connections (a background import, another process) write the same file, so
    // the counters are re-read inside every write transaction, under SQLite's write lock.
    m_hlc.setLast(std::max(m_hlc.last(), quint64(meta(QStringLiteral("hlc")).toULongLong())));
    m_hlc.setOffsetMs(meta(QStringLiteral("clock_offset_ms")).toLongLong());
    m_seq = meta(QStringLiteral("seq")).toLongLong();
    m_ftsSeq = meta(QStringLiteral("fts_seq")).toLongLong();
    m_ownerId = meta(QStringLiteral("owner_id"));
    m_officeId = meta(QStringLiteral("office_id"));
}

void Store::saveCounters()
{
    setMeta(QStringLiteral("hlc"), QString::number(m_hlc.last()));
    setMeta(QStringLiteral("seq"), m_seq);
    setMeta(QStringLiteral("fts_seq"), m_ftsSeq);
}

void Store::beginWrite()
{
    if (!m_batch) {
        m_tx = std::make_unique<SqliteTransaction>(m_db);
        loadCounters();
    }
}

void Store::endWrite(bool ok)
{
    if (m_batch)
        return;
    if (ok) {
        saveCounters();
        m_tx->commit();
        m_tx.reset();
    } else {
        m_tx.reset(); // rolls back
        loadCounters();
    }
}

void Store::beginBatch(bool deferIndex)
{
    m_tx = std::make_unique<SqliteTransaction>(m_db);
    loadCounters();
    // Bulk writes update several random-key indexes; a larger page cache keeps their
    // interior pages in memory instead of re-reading them for every row.
    m_db.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kBatchCacheKiB));
    m_batch = true;
    m_deferIndex = deferIndex;
}

void Store::commitBatch()
{
    saveCounters();
    m_tx->commit();
    m_tx.reset();
    endBatch();
}

void Store::endBatch()
{
    m_batch = false;
    m_deferIndex = false;
    m_knownRefs.clear();
    m_db.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kCacheKiB));
}

void Store::rollbackBatch()
{
    m_tx.reset();
    if (m_db.isOpen())
        endBatch();
    if (m_db.isOpen())
        loadCounters(); // counters back to what is committed
}

bool Store::backup(const QString &file, QString *error)
{
    if (QFileInfo::exists(file)) {
        *error = QCoreApplication::translate("Store", "%1 already exists; choose a new file for the backup").arg(file);
        return false;
    }
    sqlite3 *dest = nullptr;
    int rc = sqlite3_open(file.toUtf8().constData(), &dest);
    if (rc == SQLITE_OK) {
        sqlite3_backup *b = sqlite3_backup_init(dest, "main", m_db.handle(), "main");
        if (b) {
            sqlite3_backup_step(b, -1);
            sqlite3_backup_finish(b);
        }
        rc = sqlite3_errcode(dest);
        // The copy must not act as this replica: clear its site id so it mints its own.
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(dest, "DELETE FROM meta WHERE key IN ('site_id', 'site_path')", nullptr, nullptr,
                              nullptr);
    }
    if (rc != SQLITE_OK) {
        *error = QCoreApplication::translate("Store", "Backup to %1 failed: %2")
                     .arg(file, QString::fromUtf8(sqlite3_errmsg(dest)));
        sqlite3_close(dest);
        QFile::remove(file);
        return false;
    }
    sqlite3_close(dest);
    return true;
}

CheckReport Store::check()
{
    CheckReport report;
    SqliteStmt st = m_db.prepare(QStringLiteral("PRAGMA integrity_check"));
    while (st.step()) {
        const QString line = st.text(0);
        if (line != u"ok") {
            report.ok = false;
            report.problems << line;
        }
    }
    // References are not SQLite foreign keys (a replica may lack the target), so check them here.
    for (const EntityDef &e : Schema::instance().entities()) {
        for (const FieldDef &f : e.fields) {
            if (f.type != FieldType::Reference || f.refEntity == u"user" || f.refEntity == u"office")
                continue;
            SqliteStmt q = m_db.prepare(
                QStringLiteral("SELECT a.id, a.%1 FROM \"%2\" a WHERE a.deleted = 0 AND a.%1 IS NOT NULL "
                               "AND NOT EXISTS (SELECT 1 FROM \"%3\" b WHERE b.id = a.%1)")
                    .arg(f.name, e.name, f.refEntity));
            while (q.step()) {
                report.problems << QCoreApplication::translate("Store", "%1 %2: %3 points to a missing record %4")
                                       .arg(e.name, q.text(0), f.name, q.text(1));
            }
        }
    }
    return report;
}

} // namespace gamix
