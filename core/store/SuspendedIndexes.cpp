#include "SuspendedIndexes.h"

#include "CaseFold.h"
#include "Sqlite.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gamix {

namespace {

const QString kNoteKey = QStringLiteral("suspended_indexes");

bool hasMetaTable(SqliteDb &db)
{
    return db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'")) > 0;
}

QStringList noted(SqliteDb &db)
{
    SqliteStmt &st = db.cached(QStringLiteral("SELECT value FROM meta WHERE key = ?1"));
    st.bind(1, kNoteKey);
    const QString json = st.step() ? st.text(0) : QString();
    st.reset();
    QStringList sql;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        sql << v.toString();
    return sql;
}

void writeNote(SqliteDb &db, const QStringList &sql)
{
    if (sql.isEmpty()) {
        SqliteStmt &st = db.cached(QStringLiteral("DELETE FROM meta WHERE key = ?1"));
        st.bind(1, kNoteKey);
        st.exec();
        return;
    }
    SqliteStmt &st = db.cached(QStringLiteral("INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    st.bind(1, kNoteKey)
        .bind(2, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(sql)).toJson(QJsonDocument::Compact)));
    st.exec();
}

} // namespace

QStringList SuspendedIndexes::suspend(SqliteDb &db, const QString &table, const QStringList &names)
{
    SqliteTransaction tx(db);
    QStringList sql = noted(db);
    QStringList dropped;
    SqliteStmt st = db.prepare(QStringLiteral(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL"));
    st.bind(1, table);
    QList<QPair<QString, QString>> found;
    while (st.step())
        found.append({st.text(0), st.text(1)});
    st.reset();
    for (const auto &[name, create] : found) {
        if (!names.contains(name))
            continue;
        // "CREATE INDEX x ON ..." -> "CREATE INDEX IF NOT EXISTS x ON ...": a restore after
        // a partial one (or after another process restored first) must not fail.
        QString again = create;
        const QString prefix = QStringLiteral("CREATE INDEX ");
        if (again.startsWith(prefix, Qt::CaseInsensitive)
            && !again.mid(prefix.size()).startsWith(QLatin1String("IF NOT EXISTS"), Qt::CaseInsensitive))
            again.insert(prefix.size(), QStringLiteral("IF NOT EXISTS "));
        sql << again;
        db.exec(QStringLiteral("DROP INDEX \"%1\"").arg(name));
        dropped << name;
    }
    if (!dropped.isEmpty())
        writeNote(db, sql);
    tx.commit();
    return dropped;
}

void SuspendedIndexes::restore(SqliteDb &db)
{
    // The email indexes are on lower(), which must be CaseFold's when they are rebuilt
    // (Store::open calls this before Migrations::run).
    CaseFold::install(db);
    if (!hasMetaTable(db))
        return; // a new database: nothing was ever suspended
    const QStringList sql = noted(db);
    if (sql.isEmpty())
        return;
    SqliteTransaction tx(db);
    for (const QString &create : noted(db)) // re-read under the write lock
        db.exec(create);
    writeNote(db, {});
    tx.commit();
}

bool SuspendedIndexes::anySuspended(SqliteDb &db)
{
    return hasMetaTable(db) && !noted(db).isEmpty();
}

} // namespace gamix
