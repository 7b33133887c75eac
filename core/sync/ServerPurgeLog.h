#pragma once
// Removals and erasures in the server's pull stream (DESIGN.md §4 "Visibility", 152-FZ).
// gx_moved remembers who could see a record before its owner or office changed, so their
// next pull carries a removal (gx_unseen: the same for one user whose role or office
// changed); gx_erased lists records erased everywhere, which every
// replica purges and no push can bring back. Both take numbers from the change sequence,
// so a pull page merges them with the records in server order.

#include "Access.h"
#include "Replica.h"
#include "ServerStorage.h"

#include <QSet>
#include <QSqlDatabase>

namespace gamix {

namespace ServerPurgeLog {

void noteMove(QSqlDatabase &db, qint64 seq, const QString &entity, const QString &id, const QString &visEntity,
              const QString &ownerId, const QString &officeId);
void noteErasure(QSqlDatabase &db, qint64 seq, const QString &entity, const QString &id);
// A user's role or office changed: every record they could see before and cannot now
// gets a removal for them (gx_unseen), and their view number (gx_meta view.<id>, sent
// with each pull) changes, so their clients pull again from zero and receive the records
// that entered their view whole. Returns the records that left the view.
int noteViewChange(ServerDb::Write &w, ServerStorage &storage, const SyncUser &before, const SyncUser &after);
QString viewKey(const QString &userId);

// "entity|id" of every erased record (a short list: erasures are rare).
QSet<QString> erasedKeys(QSqlDatabase &db);
// On an office server: "entity|id" of records dropped because they left the office
// upstream. A client's push must not bring one back as a new record; the upstream may.
QSet<QString> droppedKeys(QSqlDatabase &db);
void noteDropped(QSqlDatabase &db, const QString &entity, const QString &id, bool dropped);
// What this user must purge after `since`: removals of records they could see before a
// move and cannot see now, and all erasures. At most `limit`, in sequence order. Behind the
// pruned horizon (ServerPurgeHorizon), removals are rebuilt for the replica `site`.
QList<PurgeMarker> markers(QSqlDatabase &db, const SyncUser &user, qint64 since, int limit,
                           const QString &site = QString());

} // namespace ServerPurgeLog

} // namespace gamix
