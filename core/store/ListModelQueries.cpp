#include "ListModelQueries.h"

#include "Store.h"
#include "schema/PhoneNumber.h"

#include <QSet>

namespace gamix {

namespace ListModelQueries {

namespace {

constexpr int kCodeBits = 4; // as the store packs search keys: (rowid << 4) | entity code

bool isIntegerType(FieldType t)
{
    switch (t) {
    case FieldType::Bool:
    case FieldType::Integer:
    case FieldType::Percent:
    case FieldType::Money:
        return true;
    default:
        return false;
    }
}

QString quoted(const QString &name)
{
    return u'"' + name + u'"';
}

// WHERE clause and its binds. Field names come from the schema registry only.
QString whereClause(const EntityDef &e, const ListFilter &filter, QList<QVariant> *binds)
{
    QString sql = QStringLiteral(" WHERE deleted = 0");
    for (const auto &[name, value] : filter.equals) {
        const FieldDef *f = e.field(name);
        if (!f)
            continue;
        if (value.isEmpty()) {
            sql += QStringLiteral(" AND ") + f->name + QStringLiteral(" IS NULL");
        } else {
            sql += QStringLiteral(" AND ") + f->name + QStringLiteral(" = ?");
            if (isIntegerType(f->type))
                *binds << QVariant(value.toLongLong());
            else
                *binds << QVariant(value);
        }
    }
    if (!filter.ownerId.isEmpty()) {
        sql += QStringLiteral(" AND owner_id = ?");
        *binds << QVariant(filter.ownerId);
    }
    if (!filter.dateField.isEmpty() && e.field(filter.dateField)) {
        if (filter.from.isValid()) {
            sql += QStringLiteral(" AND substr(") + filter.dateField + QStringLiteral(", 1, 10) >= ?");
            *binds << QVariant(filter.from.toString(Qt::ISODate));
        }
        if (filter.to.isValid()) {
            sql += QStringLiteral(" AND substr(") + filter.dateField + QStringLiteral(", 1, 10) <= ?");
            *binds << QVariant(filter.to.toString(Qt::ISODate));
        }
    }
    if (!filter.search.trimmed().isEmpty()) {
        sql += QStringLiteral(
                   " AND rowid IN (SELECT rowid >> %1 FROM search WHERE search MATCH ? AND (rowid & %2) = %3)")
                   .arg(kCodeBits)
                   .arg((1 << kCodeBits) - 1)
                   .arg(e.code);
        const QString match = matchExpression(filter.search);
        *binds << QVariant(match.isEmpty() ? QStringLiteral("\"\"") : match);
    }
    return sql;
}

void bindAll(SqliteStmt &st, const QList<QVariant> &binds)
{
    for (int i = 0; i < binds.size(); ++i)
        st.bind(i + 1, binds.at(i));
}

} // namespace

ListOrder defaultOrder(const EntityDef &entity)
{
    if (entity.name == u"contact")
        return {QStringLiteral("last_name"), false};
    if (entity.name == u"company")
        return {QStringLiteral("name"), false};
    return {QString(), true};
}

bool isIndexedOrder(const EntityDef &e, const ListOrder &order, const ListFilter &filter)
{
    // A text search or a filter can make the walk visit most of the index before it finds
    // 200 matches; those go to the background job whole.
    if (!filter.isEmpty())
        return false;
    if (order.field.isEmpty())
        return true;
    return (e.name == u"contact" && order.field == u"last_name") || (e.name == u"company" && order.field == u"name")
        || (e.name == u"task" && order.field == u"due_at") || (e.name == u"deal" && order.field == u"stage_id");
}

bool isSmall(SqliteDb &db, const EntityDef &e, int n)
{
    return db.scalar(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM ") + quoted(e.name)
                     + QStringLiteral(" LIMIT %1)").arg(n + 1))
        <= n;
}

QString orderBy(const EntityDef &e, const ListOrder &order)
{
    const QString dir = order.descending ? QStringLiteral(" DESC") : QString();
    const FieldDef *f = order.field.isEmpty() ? nullptr : e.field(order.field);
    if (!f)
        return QStringLiteral(" ORDER BY rowid") + dir;
    // Matches the index contact_last_name (last_name, first_name NOCASE; rowid implied),
    // so sorting a million contacts is an index walk, not a sort.
    if (e.name == u"contact" && f->name == u"last_name")
        return QStringLiteral(" ORDER BY last_name COLLATE NOCASE") + dir
            + QStringLiteral(", first_name COLLATE NOCASE") + dir + QStringLiteral(", rowid") + dir;
    const QString collate = isIntegerType(f->type) ? QString() : QStringLiteral(" COLLATE NOCASE");
    return QStringLiteral(" ORDER BY ") + f->name + collate + dir + QStringLiteral(", rowid") + dir;
}

QVector<qint64> sortedRowIds(SqliteDb &db, const EntityDef &e, const ListFilter &filter, const ListOrder &order,
                             int limit, const std::function<bool()> &cancelled)
{
    QList<QVariant> binds;
    QString sql
        = QStringLiteral("SELECT rowid FROM ") + quoted(e.name) + whereClause(e, filter, &binds) + orderBy(e, order);
    // The whole list in an indexed order: walk the index alone (it holds the rowid, so it
    // covers the query) and drop tombstones afterwards. Testing `deleted` row by row
    // would visit the table once per index entry — seconds on a million rows instead of
    // a fraction of one. (A partial index WHERE deleted = 0 would make this one query.)
    QSet<qint64> tombstones;
    const bool coveringWalk = limit < 0 && !order.field.isEmpty() && isIndexedOrder(e, order, filter);
    if (coveringWalk) {
        sql = QStringLiteral("SELECT rowid FROM ") + quoted(e.name) + orderBy(e, order);
        SqliteStmt del
            = db.prepare(QStringLiteral("SELECT rowid FROM ") + quoted(e.name) + QStringLiteral(" WHERE deleted <> 0"));
        while (del.step())
            tombstones.insert(del.int64(0));
    }
    if (limit >= 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    QVector<qint64> ids;
    SqliteStmt st = db.prepare(sql);
    bindAll(st, binds);
    try {
        while (st.step()) {
            const qint64 rowid = st.int64(0);
            if (!tombstones.isEmpty() && tombstones.contains(rowid))
                continue;
            ids.append(rowid);
            if (cancelled && (ids.size() & 4095) == 0 && cancelled())
                break;
        }
    } catch (const SqliteError &) {
        // A query FTS cannot parse finds nothing.
    }
    ids.squeeze();
    return ids;
}

qint64 countRows(SqliteDb &db, const EntityDef &e, const ListFilter &filter)
{
    QList<QVariant> binds;
    SqliteStmt st
        = db.prepare(QStringLiteral("SELECT count(*) FROM ") + quoted(e.name) + whereClause(e, filter, &binds));
    bindAll(st, binds);
    try {
        return st.step() ? st.int64(0) : 0;
    } catch (const SqliteError &) {
        return 0;
    }
}

QList<Record> readRows(SqliteDb &db, const EntityDef &e, const QVector<qint64> &rowids)
{
    QList<Record> out(rowids.size());
    if (rowids.isEmpty())
        return out;
    QString sql = QStringLiteral("SELECT rowid, id, updated_at");
    for (const FieldDef &f : e.fields)
        sql += QStringLiteral(", ") + f.name;
    sql += QStringLiteral(" FROM ") + quoted(e.name) + QStringLiteral(" WHERE rowid IN (");
    for (int i = 0; i < rowids.size(); ++i) {
        if (i)
            sql += u',';
        sql += QString::number(rowids.at(i));
    }
    sql += u')';
    QHash<qint64, int> slot;
    slot.reserve(rowids.size());
    for (int i = 0; i < rowids.size(); ++i)
        slot.insert(rowids.at(i), i);
    SqliteStmt st = db.prepare(sql);
    while (st.step()) {
        Record r;
        r.entity = &e;
        r.rowid = st.int64(0);
        r.id = st.text(1);
        r.updatedAt = st.text(2);
        r.values.reserve(e.fields.size());
        for (int i = 0; i < e.fields.size(); ++i)
            r.values << st.value(3 + i);
        if (r.isDeleted())
            continue;
        const int at = slot.value(r.rowid, -1);
        if (at >= 0)
            out[at] = std::move(r);
    }
    return out;
}

QString matchExpression(const QString &text)
{
    const QString digits = phoneQueryDigits(text);
    if (!digits.isEmpty())
        return u'"' + digits + QStringLiteral("\"*");
    QStringList terms;
    QString word;
    const QString folded = Store::foldForSearch(text) + u' ';
    for (QChar c : folded) {
        if (c.isLetterOrNumber()) {
            word.append(c);
        } else if (!word.isEmpty()) {
            terms << QString(u'"' + word + QStringLiteral("\"*"));
            word.clear();
        }
    }
    return terms.join(u' ');
}

QList<StageTotal> stageTotals(SqliteDb &db, const QString &pipelineId)
{
    QList<StageTotal> out;
    SqliteStmt st = db.prepare(QStringLiteral(
        "SELECT s.id, count(d.rowid), coalesce(sum(d.amount), 0) FROM stage s "
        "LEFT JOIN deal d ON d.stage_id = s.id AND d.deleted = 0 AND coalesce(d.status, 'open') = 'open' "
        "WHERE s.deleted = 0 AND s.pipeline_id = ?1 GROUP BY s.id ORDER BY s.position, s.rowid"));
    st.bind(1, pipelineId);
    while (st.step())
        out << StageTotal {st.text(0), st.int64(1), st.int64(2)};
    return out;
}

QStringList taskIds(SqliteDb &db, TaskBucket bucket, const QDate &today, int limit)
{
    QString where;
    QString order = QStringLiteral(" ORDER BY due_at, rowid");
    switch (bucket) {
    case TaskBucket::Today:
        where = QStringLiteral("coalesce(done, 0) = 0 AND substr(due_at, 1, 10) = ?1");
        break;
    case TaskBucket::Overdue:
        where = QStringLiteral("coalesce(done, 0) = 0 AND due_at IS NOT NULL AND substr(due_at, 1, 10) < ?1");
        break;
    case TaskBucket::Upcoming:
        where = QStringLiteral("coalesce(done, 0) = 0 AND (due_at IS NULL OR substr(due_at, 1, 10) > ?1)");
        order = QStringLiteral(" ORDER BY due_at IS NULL, due_at, rowid");
        break;
    case TaskBucket::Done:
        where = QStringLiteral("done = 1 AND ?1 IS NOT NULL");
        order = QStringLiteral(" ORDER BY updated_at DESC");
        break;
    }
    SqliteStmt st = db.prepare(QStringLiteral("SELECT id FROM task WHERE deleted = 0 AND ") + where + order
                               + QStringLiteral(" LIMIT %1").arg(limit));
    st.bind(1, today.toString(Qt::ISODate));
    QStringList ids;
    while (st.step())
        ids << st.text(0);
    return ids;
}

QStringList dealsClosingBetween(SqliteDb &db, const QDate &from, const QDate &to, int limit)
{
    SqliteStmt st
        = db.prepare(QStringLiteral("SELECT id FROM deal WHERE deleted = 0 AND coalesce(status, 'open') = 'open' "
                                    "AND expected_close BETWEEN ?1 AND ?2 ORDER BY expected_close, rowid LIMIT %1")
                         .arg(limit));
    st.bind(1, from.toString(Qt::ISODate)).bind(2, to.toString(Qt::ISODate));
    QStringList ids;
    while (st.step())
        ids << st.text(0);
    return ids;
}

QStringList dueReminders(SqliteDb &db, const QString &afterUtcIso, const QString &untilUtcIso)
{
    SqliteStmt st = db.prepare(QStringLiteral(
        "SELECT id FROM task WHERE deleted = 0 AND coalesce(done, 0) = 0 AND remind_at > ?1 AND remind_at <= ?2 "
        "ORDER BY remind_at"));
    st.bind(1, afterUtcIso).bind(2, untilUtcIso);
    QStringList ids;
    while (st.step())
        ids << st.text(0);
    return ids;
}

} // namespace ListModelQueries

} // namespace gamix
