#include "ServerPurgeLog.h"

#include "ServerDb.h"
#include "ServerPurgeHorizon.h"
#include "ServerVisibility.h"

#include <QSqlQuery>

#include <algorithm>

namespace gamix {

namespace ServerPurgeLog {

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
    q.addBindValue(ServerVisibility::orNull(ownerId));
    q.addBindValue(ServerVisibility::orNull(officeId));
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

QString viewKey(const QString &userId)
{
    return QStringLiteral("view.") + userId;
}

int noteViewChange(ServerDb::Write &w, ServerStorage &storage, const SyncUser &before, const SyncUser &after)
{
    QList<QPair<QString, QString>> left;
    {
        QVariantList binds;
        const QString filter = Access::sqlFilter(before, &binds);
        QSqlQuery q(w.db());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT entity, id, vis_entity, owner_id, office_id FROM gx_record WHERE ") + filter);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (ServerDb::exec(q)) {
            while (q.next()) {
                if (!Access::canSee(after, q.value(2).toString(), q.value(3).toString(), q.value(4).toString()))
                    left.append({q.value(0).toString(), q.value(1).toString()});
            }
        }
    }
    QSqlQuery ins(w.db());
    ins.prepare(QStringLiteral("INSERT INTO gx_unseen (seq, user_id, entity, id) VALUES (?, ?, ?, ?)"));
    for (const auto &[entity, id] : std::as_const(left)) {
        ins.addBindValue(storage.takeSeq(w)); // one number each: a page boundary never splits a number
        ins.addBindValue(after.id);
        ins.addBindValue(entity);
        ins.addBindValue(id);
        ServerDb::exec(ins);
    }
    storage.db().setMeta(w.db(), viewKey(after.id), QString::number(storage.takeSeq(w)));
    return int(left.size());
}

QSet<QString> droppedKeys(QSqlDatabase &db)
{
    QSet<QString> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT entity, id FROM gx_dropped"))) {
        while (q.next())
            out.insert(q.value(0).toString() + u'|' + q.value(1).toString());
    }
    return out;
}

void noteDropped(QSqlDatabase &db, const QString &entity, const QString &id, bool dropped)
{
    QSqlQuery q(db);
    q.prepare(dropped ? QStringLiteral(
                  "INSERT INTO gx_dropped (entity, id) VALUES (?, ?) ON CONFLICT (entity, id) DO NOTHING")
                      : QStringLiteral("DELETE FROM gx_dropped WHERE entity = ? AND id = ?"));
    q.addBindValue(entity);
    q.addBindValue(id);
    ServerDb::exec(q);
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

QList<PurgeMarker> markers(QSqlDatabase &db, const SyncUser &user, qint64 since, int limit, const QString &site)
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
    // Behind the horizon, the removals of its range are pruned (ServerPurgeHorizon): rebuilt
    // as a removal of every record this user may not see now that changed after `since`
    // (whatever left the view since then did change then). Extra ones are no-ops. A replica
    // that pulled before and now starts again from zero (its view or the epoch changed) gets
    // them too when it was behind the horizon; a new one holds nothing to purge.
    if (ServerPurgeHorizon::behind(db, user.id, site, since)) {
        QVariantList binds {since};
        const QString filter = Access::sqlFilter(user, &binds);
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT seq, entity, id FROM gx_record WHERE seq > ? AND CASE WHEN ") + filter
                  + QStringLiteral(" THEN 0 ELSE 1 END = 1 ORDER BY seq LIMIT ") + QString::number(limit));
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (ServerDb::exec(q)) {
            while (q.next())
                out << PurgeMarker {q.value(1).toString(), q.value(2).toString(), false, q.value(0).toLongLong()};
        }
        // And on an office server, every record it dropped since then and no longer stores
        // (one stored again is the query above's).
        QSqlQuery g(db);
        g.setForwardOnly(true);
        g.prepare(QStringLiteral("SELECT g.seq, g.entity, g.id FROM gx_gone g WHERE g.seq > ? AND NOT EXISTS (SELECT 1 "
                                 "FROM gx_record r WHERE r.entity = g.entity AND r.id = g.id) ORDER BY g.seq LIMIT ")
                  + QString::number(limit));
        g.addBindValue(since);
        if (ServerDb::exec(g)) {
            while (g.next())
                out << PurgeMarker {g.value(1).toString(), g.value(2).toString(), false, g.value(0).toLongLong()};
        }
    }
    {
        QList<PurgeMarker> moved;
        // A relay of no office sees every record wherever it moves; an admin too, but an
        // office server drops records that leave its office, and its admins must hear of it.
        if (user.role != u"relay" || !user.officeId.isEmpty()) {
            QVariantList binds {since};
            const QString filter = Access::sqlFilter(user, &binds); // over gx_moved's old columns
            QSqlQuery q(db);
            q.setForwardOnly(true);
            q.prepare(QStringLiteral("SELECT seq, entity, id FROM gx_moved WHERE seq > ? AND ") + filter
                      + QStringLiteral(" ORDER BY seq LIMIT ") + QString::number(limit));
            for (const QVariant &b : binds)
                q.addBindValue(b);
            if (ServerDb::exec(q)) {
                while (q.next())
                    moved << PurgeMarker {q.value(1).toString(), q.value(2).toString(), false, q.value(0).toLongLong()};
            }
        }
        // Records that left this user's view when their role or office changed.
        QSqlQuery u(db);
        u.setForwardOnly(true);
        u.prepare(QStringLiteral("SELECT seq, entity, id FROM gx_unseen WHERE user_id = ? AND seq > ? ORDER BY seq "
                                 "LIMIT ")
                  + QString::number(limit));
        u.addBindValue(user.id);
        u.addBindValue(since);
        if (ServerDb::exec(u)) {
            while (u.next())
                moved << PurgeMarker {u.value(1).toString(), u.value(2).toString(), false, u.value(0).toLongLong()};
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
