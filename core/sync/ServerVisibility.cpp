#include "ServerVisibility.h"

#include "ServerPurgeLog.h"
#include "ServerStorage.h"
#include "ServerStorageRow.h"

#include <QDateTime>
#include <QSqlQuery>

namespace gamix {

namespace ServerVisibility {

QVariant orNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

int followSubject(ServerDb::Write &w, ServerStorage &storage, const QString &entity, const QString &id,
                  const QString &visEntity, const QString &ownerId, const QString &officeId)
{
    struct Moved
    {
        QString id, ownerId, officeId;
        StoredFields fields;
    };
    QList<Moved> moved;
    {
        // The conflict rows about this id, through the index on their subject (ServerDb::
        // conflictSubject; a scan of every conflict row took 0.9 s with 100k of them).
        QSqlQuery q(w.db());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT id, owner_id, office_id, fields FROM gx_record WHERE entity = 'conflict' AND ")
                  + storage.db().conflictSubject() + QStringLiteral(" = ? AND vis_entity = ?"));
        q.addBindValue(id);
        q.addBindValue(visEntity.isEmpty() ? entity : visEntity);
        if (!ServerDb::exec(q))
            return 0;
        while (q.next()) {
            Moved m {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     StoredFields::parse(q.value(3).toString())};
            if (m.fields.text("record_id") != id || (m.ownerId == ownerId && m.officeId == officeId))
                continue;
            moved.append(std::move(m));
        }
    }
    QSqlQuery up(w.db());
    // Neither solo_site nor via_site (ServerStorageRow.h, ServerStorage::pull) may keep it from
    // a replica that stamped or pushed it before and dropped it when it left its view: the
    // record comes back to it like to anyone (an echo to one that still holds it is a no-op).
    up.prepare(QStringLiteral("UPDATE gx_record SET owner_id = ?, office_id = ?, seq = ?, fields = ?, wire = ?, "
                              "wire_seq = ?, solo_site = NULL, via_site = NULL WHERE entity = 'conflict' AND id = ?"));
    for (Moved &m : moved) {
        // One number each (a pull page never splits a number), after the record's own.
        const qint64 seq = storage.takeSeq(w);
        for (StoredField &f : m.fields.list)
            f.q = seq; // enters new views whole, like the record it is about
        QByteArray stored, wire;
        m.fields.writeJson(&stored, &wire);
        up.addBindValue(orNull(ownerId));
        up.addBindValue(orNull(officeId));
        up.addBindValue(seq);
        up.addBindValue(QString::fromUtf8(stored));
        up.addBindValue(QString::fromUtf8(wire));
        up.addBindValue(seq);
        up.addBindValue(m.id);
        ServerDb::exec(up);
        ServerPurgeLog::noteMove(w.db(), seq, QStringLiteral("conflict"), m.id, visEntity, m.ownerId, m.officeId);
    }
    return int(moved.size());
}

void noteRefused(ServerDb::Write &w, ServerStorage &storage, const QString &userId, const QString &site,
                 const QString &entity, const QString &id)
{
    QSqlQuery q(w.db());
    q.prepare(QStringLiteral("INSERT INTO gx_unseen (seq, user_id, entity, id) VALUES (?, ?, ?, ?)"));
    q.addBindValue(storage.takeSeq(w));
    q.addBindValue(userId);
    q.addBindValue(entity);
    q.addBindValue(id);
    ServerDb::exec(q);
    if (site.isEmpty())
        return;
    // A replica that pushes before its first pull (a new database's first sync) is not known
    // yet, and a user's removals are pruned once all of their known replicas passed them.
    QSqlQuery known(w.db());
    known.prepare(QStringLiteral("INSERT INTO gx_cursor (user_id, site, since_seq, seen_at) VALUES (?, ?, 0, ?) "
                                 "ON CONFLICT (user_id, site) DO NOTHING"));
    known.addBindValue(userId);
    known.addBindValue(site);
    known.addBindValue(QDateTime::currentMSecsSinceEpoch());
    ServerDb::exec(known);
}

bool refusedTo(ServerDb::Write &w, const QString &userId, const QString &entity, const QString &id)
{
    QSqlQuery q(w.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT 1 FROM gx_unseen WHERE user_id = ? AND entity = ? AND id = ?"));
    q.addBindValue(userId);
    q.addBindValue(entity);
    q.addBindValue(id);
    return ServerDb::exec(q) && q.next();
}

bool sawBefore(ServerDb::Write &w, const SyncUser &user, const QString &entity, const QString &id)
{
    QSqlQuery q(w.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT vis_entity, owner_id, office_id FROM gx_moved WHERE entity = ? AND id = ?"));
    q.addBindValue(entity);
    q.addBindValue(id);
    if (ServerDb::exec(q)) {
        while (q.next()) {
            if (Access::canSee(user, q.value(0).toString(), q.value(1).toString(), q.value(2).toString()))
                return true;
        }
    }
    return false;
}

namespace {
const QString kOrphanPrefix = QStringLiteral("orphan.");
} // namespace

void noteOrphan(ServerDb::Write &w, const QString &entity, const QString &id)
{
    QSqlQuery q(w.db());
    q.prepare(QStringLiteral("INSERT INTO gx_meta (k, v) VALUES (?, '1') ON CONFLICT (k) DO NOTHING"));
    q.addBindValue(QString(kOrphanPrefix + entity + u'|' + id));
    ServerDb::exec(q);
}

QSet<QString> orphans(ServerDb::Write &w)
{
    QSet<QString> out;
    QSqlQuery q(w.db());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT k FROM gx_meta WHERE k LIKE 'orphan.%'"))) {
        while (q.next())
            out.insert(q.value(0).toString().mid(kOrphanPrefix.size()));
    }
    return out;
}

void adoptOrphans(ServerDb::Write &w, ServerStorage &storage, const QString &entity, const QString &id,
                  const QString &visEntity, const QString &ownerId, const QString &officeId)
{
    followSubject(w, storage, entity, id, visEntity, ownerId, officeId);
    QSqlQuery q(w.db());
    q.prepare(QStringLiteral("DELETE FROM gx_meta WHERE k = ?"));
    q.addBindValue(QString(kOrphanPrefix + entity + u'|' + id));
    ServerDb::exec(q);
}

bool stored(ServerDb::Write &w, const QString &entity, const QString &id)
{
    QSqlQuery q(w.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT 1 FROM gx_record WHERE entity = ? AND id = ?"));
    q.addBindValue(entity);
    q.addBindValue(id);
    return ServerDb::exec(q) && q.next();
}

void sentToAll(ServerDb::Write &w, const QList<QPair<QString, QString>> &records)
{
    QSqlQuery q(w.db());
    q.prepare(QStringLiteral("UPDATE gx_record SET solo_site = NULL WHERE entity = ? AND id = ?"));
    for (const auto &[entity, id] : records) {
        q.addBindValue(entity);
        q.addBindValue(id);
        ServerDb::exec(q);
    }
}

} // namespace ServerVisibility

} // namespace gamix
