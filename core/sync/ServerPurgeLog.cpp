#include "ServerPurgeLog.h"

#include "ServerDb.h"

#include <QSqlQuery>

#include <algorithm>

namespace gamix {

namespace ServerPurgeLog {

namespace {

QVariant orNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

} // namespace

void noteMove(QSqlDatabase &db, qint64 seq, const QString &entity, const QString &id, const QString &visEntity,
              const QString &ownerId, const QString &officeId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO gx_moved (seq, entity, id, vis_entity, owner_id, office_id) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(seq);
    q.addBindValue(entity);
    q.addBindValue(id);
    q.addBindValue(visEntity.isEmpty() ? entity : visEntity);
    q.addBindValue(orNull(ownerId));
    q.addBindValue(orNull(officeId));
    ServerDb::exec(q);
}

void noteErasure(QSqlDatabase &db, qint64 seq, const QString &entity, const QString &id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO gx_erased (entity, id, seq) VALUES (?, ?, ?) "
                             "ON CONFLICT (entity, id) DO UPDATE SET seq = excluded.seq"));
    q.addBindValue(entity);
    q.addBindValue(id);
    q.addBindValue(seq);
    ServerDb::exec(q);
    // Who could see it before a move no longer matters: the erasure reaches everyone.
    QSqlQuery m(db);
    m.prepare(QStringLiteral("DELETE FROM gx_moved WHERE entity = ? AND id = ?"));
    m.addBindValue(entity);
    m.addBindValue(id);
    ServerDb::exec(m);
}

QSet<QString> erasedKeys(QSqlDatabase &db)
{
    QSet<QString> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT entity, id FROM gx_erased"))) {
        while (q.next())
            out.insert(q.value(0).toString() + u'|' + q.value(1).toString());
    }
    return out;
}

QList<PurgeMarker> markers(QSqlDatabase &db, const SyncUser &user, qint64 since, int limit)
{
    QList<PurgeMarker> out;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT seq, entity, id FROM gx_erased WHERE seq > ? ORDER BY seq LIMIT ")
                  + QString::number(limit));
        q.addBindValue(since);
        if (ServerDb::exec(q)) {
            while (q.next())
                out << PurgeMarker {q.value(1).toString(), q.value(2).toString(), true, q.value(0).toLongLong()};
        }
    }
    if (user.role != u"admin" && user.role != u"relay") { // admins and relays see everything
        QVariantList binds {since};
        const QString filter = Access::sqlFilter(user, &binds); // over gx_moved's old columns
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT seq, entity, id FROM gx_moved WHERE seq > ? AND ") + filter
                  + QStringLiteral(" ORDER BY seq LIMIT ") + QString::number(limit));
        for (const QVariant &b : binds)
            q.addBindValue(b);
        QList<PurgeMarker> moved;
        if (ServerDb::exec(q)) {
            while (q.next())
                moved << PurgeMarker {q.value(1).toString(), q.value(2).toString(), false, q.value(0).toLongLong()};
        }
        QSqlQuery now(db);
        now.prepare(
            QStringLiteral("SELECT vis_entity, owner_id, office_id FROM gx_record WHERE entity = ? AND id = ?"));
        for (const PurgeMarker &m : moved) {
            now.addBindValue(m.entity);
            now.addBindValue(m.id);
            // Still in view (moved within it, or back): its record follows; nothing to purge.
            if (ServerDb::exec(now) && now.next()
                && Access::canSee(user, now.value(0).toString(), now.value(1).toString(), now.value(2).toString())) {
                out << PurgeMarker {QString(), QString(), false, m.seq}; // keeps the page bound
                continue;
            }
            out << m;
        }
    }
    std::sort(out.begin(), out.end(), [](const PurgeMarker &a, const PurgeMarker &b) { return a.seq < b.seq; });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

} // namespace ServerPurgeLog

} // namespace gamix
