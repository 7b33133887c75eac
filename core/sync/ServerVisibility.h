#pragma once
// Changes of who sees a server record besides its own move (DESIGN.md §4 "Visibility"):
// the conflict records about a record follow it when it is reassigned, and a pusher whose
// write was refused on a record it may not read gets a removal of that record, so neither a
// reassigned record's conflicts nor a refused create stay where they no longer belong.

#include "Access.h"
#include "ServerDb.h"

#include <QSet>
#include <QString>
#include <QVariant>

namespace gamix {

class ServerStorage;

namespace ServerVisibility {

// The bind value of a visibility column (owner_id, office_id of gx_record and gx_moved):
// no owner or no office is SQL NULL, not an empty string.
QVariant orNull(const QString &s);

// The record (entity, id) now has this place: its conflict records (gx_record rows of
// entity "conflict" about it) take the same visibility columns and new sequence numbers,
// so they flow whole into the views the record entered, and whoever could see them before
// gets a removal (gx_moved) unless they can still see them. Returns how many moved.
int followSubject(ServerDb::Write &w, ServerStorage &storage, const QString &entity, const QString &id,
                  const QString &visEntity, const QString &ownerId, const QString &officeId);

// The user's push of (entity, id) was refused and they may not read that record (it is
// someone else's, or the server refused to create it): their next pull carries a removal of
// it (gx_unseen), so their replicas drop it instead of keeping it, never synced, forever.
// `site`, the pushing replica, is noted as known (gx_cursor, ServerPurgeHorizon) if it had
// never pulled: it holds the record, and the removal must not be pruned before it pulls.
void noteRefused(ServerDb::Write &w, ServerStorage &storage, const QString &userId, const QString &site,
                 const QString &entity, const QString &id);

// Whether a push of this record by this user was refused and noted for removal (noteRefused).
bool refusedTo(ServerDb::Write &w, const QString &userId, const QString &entity, const QString &id);

// Whether this user could see the record before a move took it away (gx_moved): a conflict
// record they made about it still belongs to its new viewers.
bool sawBefore(ServerDb::Write &w, const SyncUser &user, const QString &entity, const QString &id);

// A conflict record was stored before the record it is about (a relay sends a record edited
// after its conflict after it), placed by its own owner and office: noted (gx_meta
// orphan.<entity>|<id>) until the record arrives, when adoptOrphans() gives the conflict
// records its place, as a move would (followSubject).
void noteOrphan(ServerDb::Write &w, const QString &entity, const QString &id);
QSet<QString> orphans(ServerDb::Write &w); // "entity|id"
void adoptOrphans(ServerDb::Write &w, ServerStorage &storage, const QString &entity, const QString &id,
                  const QString &visEntity, const QString &ownerId, const QString &officeId);

// Whether the server holds this record.
bool stored(ServerDb::Write &w, const QString &entity, const QString &id);

// These records go to every replica that may see them, also one that stamped every field:
// it may have dropped them (solo_site, which save() sets again on the next change).
void sentToAll(ServerDb::Write &w, const QList<QPair<QString, QString>> &records);

} // namespace ServerVisibility

} // namespace gamix
