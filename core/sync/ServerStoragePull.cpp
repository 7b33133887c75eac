// ServerStorage's reads of the change stream: pull (what one user may see, with removals
// and erasures merged in) and localChanges (what a relay sends upstream). Kept apart from
// ServerStorage.cpp, which holds the merge.
#include "ServerPurgeLog.h"
#include "ServerStorage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace gamix {

namespace {

const QString kQ = QStringLiteral("q");
const QString kU = QStringLiteral("u");

} // namespace

qint64 ServerStorage::takeSeq(ServerDb::Write &w)
{
    const qint64 seq = nextSeq(w);
    if (!m_prepared)
        flushSeq(w);
    return seq;
}

ChangePage ServerStorage::pull(const SyncUser &user, qint64 since, int limit, QByteArray *json,
                               const QString &requesterSite)
{
    ChangePage page;
    page.next = since;
    QSqlDatabase c = m_db.connection();
    // Removals and erasures share the sequence: a full page of them bounds the records.
    QList<PurgeMarker> markers = ServerPurgeLog::markers(c, user, since, limit);
    const qint64 bound = markers.size() == limit ? markers.last().seq : -1;
    QVariantList binds {since};
    const QString filter = Access::sqlFilter(user, &binds);
    QSqlQuery q(c);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT entity, id, seq, fields FROM gx_record WHERE seq > ? AND ") + filter
              + (bound >= 0 ? QStringLiteral(" AND seq <= ") + QString::number(bound) : QString())
              + QStringLiteral(" ORDER BY seq LIMIT ") + QString::number(limit));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!ServerDb::exec(q))
        return page;
    QJsonArray arr;
    int n = 0;
    while (q.next()) {
        ++n;
        const QString entity = q.value(0).toString();
        const QString id = q.value(1).toString();
        page.next = q.value(2).toLongLong();
        const QJsonObject stored = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        if (!requesterSite.isEmpty()) {
            bool allTheirs = !stored.isEmpty();
            for (auto it = stored.begin(); allTheirs && it != stored.end(); ++it)
                allTheirs = it.value().toObject().value(QLatin1String("site")).toString() == requesterSite;
            if (allTheirs)
                continue; // its own writes, echoed back: nothing new for it
        }
        QJsonObject fields;
        RecordChange rc;
        rc.entity = entity;
        rc.id = id;
        for (auto it = stored.begin(); it != stored.end(); ++it) {
            // Whole records (see localChanges): the receiver ignores what it already has.
            QJsonObject f = it.value().toObject();
            f.remove(kQ);
            f.remove(kU);
            fields.insert(it.key(), f);
        }
        if (json)
            arr.append(QJsonObject {
                {QStringLiteral("entity"), entity}, {QStringLiteral("id"), id}, {QStringLiteral("fields"), fields}});
        else {
            for (auto it = fields.begin(); it != fields.end(); ++it) {
                FieldChange fc;
                ChangeSetJson::fieldFromJson(entity, it.key(), it.value(), &fc);
                rc.fields << fc;
            }
            page.records << rc;
        }
    }
    page.more = n == limit || bound >= 0;
    if (n == limit) {
        // Markers past the last record go in the next page.
        while (!markers.isEmpty() && markers.last().seq > page.next)
            markers.removeLast();
    } else if (bound >= 0) {
        page.next = bound;
    } else if (!markers.isEmpty()) {
        page.next = std::max(page.next, markers.last().seq);
    }
    for (const PurgeMarker &m : std::as_const(markers)) {
        if (!m.entity.isEmpty()) // empty: a removal that no longer applies (kept for the bound)
            page.purges << m;
    }
    if (json)
        *json = QJsonDocument(arr).toJson(QJsonDocument::Compact);
    return page;
}

ChangePage ServerStorage::localChanges(qint64 cursor, int limit)
{
    ChangePage page;
    page.next = cursor;
    QSqlDatabase c = m_db.connection();
    QSqlQuery q(c);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT entity, id, seq, fields FROM gx_record WHERE seq > ? ORDER BY seq LIMIT ")
              + QString::number(limit));
    q.addBindValue(cursor);
    if (!ServerDb::exec(q))
        return page;
    int n = 0;
    while (q.next()) {
        ++n;
        RecordChange rc;
        rc.entity = q.value(0).toString();
        rc.id = q.value(1).toString();
        page.next = q.value(2).toLongLong();
        const QJsonObject stored = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        for (auto it = stored.begin(); it != stored.end(); ++it) {
            const QJsonObject f = it.value().toObject();
            // Whole records: a row that moved past a page boundary keeps fields stamped in
            // ranges already passed, so filtering fields by the cursor would lose them.
            if (f.value(kU).toInt() == 1)
                continue;
            FieldChange fc;
            ChangeSetJson::fieldFromJson(rc.entity, it.key(), f, &fc);
            rc.fields << fc;
        }
        if (!rc.fields.isEmpty())
            page.records << rc;
    }
    page.more = n == limit;
    return page;
}

} // namespace gamix
