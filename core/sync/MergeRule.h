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

// `conflictsTracked`: see tracksConflicts().
MergeDecision decide(const FieldState *local, const FieldChange &remote, bool conflictsTracked);

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
