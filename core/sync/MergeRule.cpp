#include "MergeRule.h"

#include "schema/FieldCodec.h"

#include <QDateTime>

namespace gamix {

namespace MergeRule {

bool isStale(const FieldState &local, const FieldChange &remote)
{
    return !remote.clock.isZero() && local.prev == remote.clock && local.clock > remote.clock;
}

MergeDecision decide(const FieldState *local, const FieldChange &remote, bool conflictsTracked)
{
    MergeDecision d;
    const Clock localClock = local ? local->clock : Clock();
    if (remote.clock == localClock) {
        d.status = FieldStatus::Accepted; // already here: idempotent
        return d;
    }
    if (local && isStale(*local, remote)) {
        d.status = FieldStatus::Superseded;
        return d;
    }
    const bool concurrent = conflictsTracked && isConcurrentEdit(localClock, remote.clock, remote.prev);
    const bool differ = !local || local->text != remote.text;
    const FieldState incoming {remote.text, remote.clock, remote.prev};
    if (remote.clock > localClock) {
        d.apply = true;
        d.status = FieldStatus::Accepted;
        if (concurrent && differ) {
            d.conflict = true;
            d.kept = incoming;
            d.lost = *local;
        }
    } else {
        d.status = FieldStatus::Superseded;
        if (concurrent && differ) {
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
    add("resolved", QStringLiteral("false"));
    add("owner_id", ownerId);
    add("office_id", officeId);
    add("created_at", FieldCodec::isoUtcFromHlc(stamp.hlc));
    add("deleted", QStringLiteral("false"));
    return rc;
}

} // namespace MergeRule

} // namespace gamix
