#include "MergeRule.h"

#include "schema/FieldCodec.h"
#include "schema/Schema.h"

#include <QDateTime>

namespace gamix {

namespace MergeRule {

bool tracksConflicts(const EntityDef &entity, const FieldDef &field)
{
    return !entity.directory && entity.name != u"conflict" && field.name != QLatin1String(kDeletedField);
}

bool isStale(const FieldState &local, const FieldChange &remote)
{
    return !remote.clock.isZero() && local.prev == remote.clock && local.clock > remote.clock;
}

bool takesForced(const Clock &localClock, const FieldChange &remote, bool localPending)
{
    return !remote.force.isZero() && !localPending && remote.clock < localClock && !(localClock > remote.force);
}

bool forcedTakeKeepsLocal(const Clock &localClock, const FieldChange &remote)
{
    return localClock == remote.force;
}

Clock keptForce(const Clock &storedForce, const Clock &localClock, const FieldChange &applied, bool forcedTake)
{
    Clock over = storedForce;
    if (forcedTake && localClock > over)
        over = localClock;
    if (applied.force > over)
        over = applied.force;
    return over > applied.clock ? over : Clock();
}

MergeDecision decide(const FieldState *local, const FieldChange &remote, bool conflictsTracked, bool localPending)
{
    MergeDecision d;
    const Clock localClock = local ? local->clock : Clock();
    if (remote.clock == localClock) {
        d.status = FieldStatus::Accepted; // already here: idempotent
        return d;
    }
    // Before the stale test: the local value's author may have seen the forced value, which
    // the upstream then chose over it.
    if (local && takesForced(localClock, remote, localPending)) {
        d.apply = true;
        d.forced = true;
        d.status = FieldStatus::Accepted;
        if (conflictsTracked && forcedTakeKeepsLocal(localClock, remote) && local->text != remote.text) {
            d.conflict = true;
            d.kept = FieldState {remote.text, remote.clock, remote.prev};
            d.lost = *local;
        }
        return d;
    }
    if (local && isStale(*local, remote)) {
        d.status = FieldStatus::Superseded;
        return d;
    }
    // Every concurrent overwrite leaves a record, also when both authors typed the same
    // value: the winner's clock replaces the loser's, and without a record the loser's
    // authorship is gone. A third, concurrent edit that later overwrites the merged value
    // would then leave a record naming only the winner, and the other author's write would
    // be lost without trace (issue 5, seed 42: two offline "Тверь", then "Москва"). Such a
    // record of agreeing values is born resolved (conflictRecord), so nobody is asked to choose.
    // A pending local value (an office's client write its upstream has not received) cannot
    // have been seen by the upstream's author, whatever the clocks say: a chain collapsed
    // upstream can carry a prev newer than our value that nobody in it had seen.
    const bool concurrent = conflictsTracked
        && (isConcurrentEdit(localClock, remote.clock, remote.prev)
            || (localPending && local && local->clock.site != remote.clock.site && remote.prev != localClock));
    const FieldState incoming {remote.text, remote.clock, remote.prev};
    if (remote.clock > localClock) {
        d.apply = true;
        d.status = FieldStatus::Accepted;
        if (concurrent) {
            d.conflict = true;
            d.kept = incoming;
            d.lost = *local;
        }
    } else {
        d.status = FieldStatus::Superseded;
        if (concurrent) {
            d.conflict = true;
            d.kept = *local;
            d.lost = incoming;
        }
    }
    return d;
}

RecordChange conflictRecord(const QString &entity, const QString &id, const QString &field, const FieldState &kept,
                            const FieldState &lost, const Clock &stamp, const QString &ownerId, const QString &officeId)
{
    RecordChange rc;
    rc.entity = QStringLiteral("conflict");
    rc.id = derivedUuid(QString(entity + u'|' + id + u'|' + field + u'|' + QString::number(kept.clock.hlc)
                                + kept.clock.siteHex() + u'|' + QString::number(lost.clock.hlc) + lost.clock.siteHex())
                            .toUtf8());
    auto add = [&](const char *name, const QString &text) {
        if (!text.isEmpty())
            rc.fields.append(FieldChange {QLatin1String(name), text, stamp, Clock()});
    };
    add("entity", entity);
    add("record_id", id);
    add("field", field);
    add("kept_value", kept.text);
    add("kept_site", kept.clock.siteHex());
    add("kept_at", FieldCodec::isoUtcFromHlc(kept.clock.hlc));
    add("lost_value", lost.text);
    add("lost_site", lost.clock.siteHex());
    add("lost_at", FieldCodec::isoUtcFromHlc(lost.clock.hlc));
    // Agreeing values: a record of who was overwritten, with nothing to choose.
    add("resolved", kept.text == lost.text ? QStringLiteral("true") : QStringLiteral("false"));
    add("owner_id", ownerId);
    add("office_id", officeId);
    add("created_at", FieldCodec::isoUtcFromHlc(stamp.hlc));
    add("deleted", QStringLiteral("false"));
    return rc;
}

} // namespace MergeRule

} // namespace gamix
