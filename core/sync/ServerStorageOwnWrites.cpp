// What a server writes on its own account, apart from merging pushes and pulls
// (ServerStorage.cpp): stamp() for changes it makes (the directory, web-form leads, merges
// of duplicates), force() for an upstream's refusal adopted by an office server (with its
// force bound, ChangeSet.h), and the whole-record reads those and the tests use.

#include "ServerStorage.h"

#include "MergeRule.h"
#include "ServerPurgeLog.h"
#include "ServerVisibility.h"
#include "schema/Schema.h"

#include <QSqlQuery>

namespace gamix {

RecordChange ServerStorage::stamp(ServerDb::Write &w, const QString &entity, const QString &id,
                                  const QList<QPair<QString, QString>> &fields)
{
    const Clock clock {tick(w), m_site};
    const QHash<QString, FieldState> current = fieldStates(entity, id);
    RecordChange rc;
    rc.entity = entity;
    rc.id = id;
    for (const auto &[name, text] : fields)
        rc.fields.append(FieldChange {name, text, clock, current.value(name).clock});
    int changed = 0;
    merge(w, {rc}, MergeOptions {}, &changed, nullptr);
    return rc;
}

void ServerStorage::force(ServerDb::Write &w, const RecordChange &values)
{
    Row row = load(w.db(), values.entity, values.id);
    if (!row.exists)
        return;
    const Row before = row;
    const EntityDef *e = Schema::instance().entity(values.entity);
    QList<QPair<QString, QPair<FieldState, FieldState>>> lost; // field, (kept, lost)
    const qint64 seq = nextSeq(w);
    for (const FieldChange &c : values.fields) {
        // Our own value goes, replaced by the upstream's (older) one: kept as a conflict
        // record, as the client's StoreReplica::adopt does, so it is not lost without trace.
        const StoredField *mine = row.fields.find(c.name);
        const FieldDef *fd = e ? e->field(c.name) : nullptr;
        if (mine && fd && MergeRule::tracksConflicts(*e, *fd) && mine->change.text != c.text)
            lost.append({c.name, {FieldState {c.text, c.clock, c.prev}, mine->state()}});
        // Its clients may hold our newer value: they take this one by its force bound.
        FieldChange taken = c;
        taken.force = mine ? MergeRule::keptForce(mine->change.force, mine->change.clock, c, true) : Clock();
        row.fields.put(StoredField {taken, seq, true});
    }
    row.viaSite.clear();
    // A conflict record keeps the place of the record it is about.
    if (values.entity != u"conflict") {
        row.ownerId = row.fields.text(kOwnerField);
        row.officeId = row.fields.text(kOfficeField);
    }
    save(w.db(), values.entity, values.id, row);
    for (const auto &[field, pair] : std::as_const(lost))
        addConflict(w, values.entity, values.id, field, pair.first, pair.second, row);
    if (values.entity != u"conflict" && (before.ownerId != row.ownerId || before.officeId != row.officeId)) {
        ServerPurgeLog::noteMove(w.db(), seq, values.entity, values.id, before.visEntity, before.ownerId,
                                 before.officeId);
        ServerVisibility::followSubject(w, *this, values.entity, values.id, row.visEntity, row.ownerId, row.officeId);
    }
    flushSeq(w);
}

qint64 ServerStorage::relayPushCursor(ServerDb::Write &w)
{
    return m_relayCursorKey.isEmpty() ? -1 : m_db.meta(w.db(), m_relayCursorKey).toLongLong();
}

QHash<QString, FieldState> ServerStorage::fieldStates(const QString &entity, const QString &id)
{
    QSqlDatabase c = m_db.connection();
    const Row row = load(c, entity, id);
    QHash<QString, FieldState> out;
    for (const StoredField &f : row.fields.list)
        out.insert(f.change.name, f.state());
    return out;
}

QList<RecordChange> ServerStorage::allRecords()
{
    QList<RecordChange> out;
    QSqlDatabase c = m_db.connection();
    QSqlQuery q(c);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT entity, id, fields FROM gx_record ORDER BY seq")))
        return out;
    while (q.next()) {
        RecordChange rc;
        rc.entity = q.value(0).toString();
        rc.id = q.value(1).toString();
        for (const StoredField &f : StoredFields::parse(q.value(2).toString()).list)
            rc.fields << f.change;
        out << rc;
    }
    return out;
}

} // namespace gamix
