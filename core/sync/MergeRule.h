#pragma once
// The per-field merge rule (DESIGN.md §3), shared by the server storage: last writer wins
// by (hlc, site_id); a change whose author had not seen the current value is concurrent,
// and the losing value becomes a conflict record with an id derived from the edit pair
// (the same derivation as Store::recordConflict, so every replica makes the same record).

#include "Replica.h"

namespace gamix {

struct EntityDef;
struct FieldDef;

struct MergeDecision
{
    FieldStatus status = FieldStatus::Superseded;
    bool apply = false; // take the remote value and clock
    bool conflict = false; // keep the loser as a conflict record
    bool forced = false; // taken over a newer local clock, by the remote's force bound
    FieldState kept;
    FieldState lost;
};

namespace MergeRule {

// Whether a concurrent overwrite of this field is a user conflict worth a record. Not for
// the tombstone register (a delete and a restore carry no value to lose), not for the
// conflict records themselves (replicas that detect the same pair write the same record),
// and not for directory records (users, offices): only servers write them and no client
// could restore the other value, so a record about them would be noise nobody can act on.
bool tracksConflicts(const EntityDef &entity, const FieldDef &field);

// `conflictsTracked`: see tracksConflicts(). `localPending`: the local value is this
// replica's own write not pushed to the remote's server yet (a client's unpushed edit, an
// office's field its relay has not sent upstream); a force bound does not take it, and a
// remote value that overwrites it is concurrent with it (its author cannot have seen it).
MergeDecision decide(const FieldState *local, const FieldChange &remote, bool conflictsTracked,
                     bool localPending = false);

// A field its server forced (FieldChange::force, ChangeSet.h) replaces a newer local value:
// when the local clock is newer than the remote's but at most its force bound, and the local
// value is not pending. decide() applies it; a replica that adopts such fields on another
// path (StoreReplica, through Store::adoptField) asks this first.
bool takesForced(const Clock &localClock, const FieldChange &remote, bool localPending);
// A forced take keeps the local value as a conflict record only when it is the value the
// upstream refused (its clock is the bound): the record the forcing office made, by the same
// id. An older value the office had overwritten before, or the bound left by an earlier
// refusal, lost nothing to this one.
bool forcedTakeKeepsLocal(const Clock &localClock, const FieldChange &remote);

// The force bound a replica that serves others (an office server) stores with a field it
// applies: the highest clock its clients may hold for it, while that is newer than the
// applied clock (else none: last-writer-wins alone brings them the value). `storedForce` and
// `localClock` are the field's before, `forcedTake` whether it went back in time (a forced
// take, or the office adopting its upstream's refusal).
Clock keptForce(const Clock &storedForce, const Clock &localClock, const FieldChange &applied, bool forcedTake);

// A change is stale when the local value's author had seen exactly it (local.prev ==
// remote.clock): a re-delivery, never a conflict.
bool isStale(const FieldState &local, const FieldChange &remote);

// Builds the conflict record every replica derives for this edit pair; it is born
// resolved when both values are the same.
RecordChange conflictRecord(const QString &entity, const QString &id, const QString &field, const FieldState &kept,
                            const FieldState &lost, const Clock &stamp, const QString &ownerId,
                            const QString &officeId);

} // namespace MergeRule

} // namespace gamix
