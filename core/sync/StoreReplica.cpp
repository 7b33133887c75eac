#include "StoreReplica.h"

#include "MergeRule.h"
#include "schema/FieldCodec.h"
#include "store/Sqlite.h"
#include "store/Store.h"

#include <QCoreApplication>

#include <algorithm>

namespace gamix {

StoreReplica::StoreReplica(Store &store, const QString &peer)
    : m_store(store)
    , m_peer(peer)
{ }

SiteId StoreReplica::siteId()
{
    return m_store.siteId();
}

QHash<QString, FieldState> StoreReplica::fieldStates(const QString &entity, const QString &id)
{
    QHash<QString, FieldState> out;
    const EntityDef *e = Schema::instance().entity(entity);
    if (!e)
        return out;
    const Record r = m_store.get(*e, id, true);
    if (!r.isValid())
        return out;
    for (int i = 0; i < e->fields.size(); ++i) {
        const Clock c = r.clocks.clock(i);
        if (!c.isZero() || !r.values.at(i).isNull())
            out.insert(e->fields.at(i).name,
                       FieldState {FieldCodec::toText(e->fields.at(i), r.values.at(i)), c, r.clocks.prev(i)});
    }
    return out;
}

QList<FieldStatus> StoreReplica::applyOne(const RecordChange &rc)
{
    QList<FieldStatus> status(rc.fields.size(), FieldStatus::Invalid);
    const EntityDef *e = Schema::instance().entity(rc.entity);
    if (!e)
        return status;
    const Record current = m_store.get(*e, rc.id, true);
    const bool isConflictRecord = e->name == u"conflict";
    QList<RemoteField> remote;
    QList<int> where;
    struct Forced
    {
        int k;
        RemoteField rf;
        bool keepOurs;
    };
    QList<Forced> forced;
    for (int k = 0; k < rc.fields.size(); ++k) {
        const FieldChange &fc = rc.fields.at(k);
        const int i = e->fieldIndex(fc.name);
        if (i < 0)
            continue;
        RemoteField rf {i, fc.text, fc.clock, fc.prev};
        if (current.isValid()) {
            const FieldState local {QString(), current.clocks.clock(i), current.clocks.prev(i)};
            // A value the office took back from its upstream's refusal (ChangeSet.h, `force`):
            // taken over our newer clock, unless ours is not pushed yet (the server will judge it).
            const bool pending = local.clock.site == m_store.siteId() && local.clock.hlc > m_pushedHlc;
            if (MergeRule::takesForced(local.clock, fc, pending)) {
                forced.append({k, rf,
                               MergeRule::tracksConflicts(*e, e->fields.at(i))
                                   && MergeRule::forcedTakeKeepsLocal(local.clock, fc)});
                continue;
            }
            if (MergeRule::isStale(local, fc)) {
                status[k] = FieldStatus::Superseded; // its author's successor is already here
                continue;
            }
            // Conflict records are bookkeeping: replicas that detect the same pair write
            // the same record with their own stamps, which is not a user conflict.
            if (isConflictRecord && local.clock > rf.prev)
                rf.prev = local.clock;
        }
        remote << rf;
        where << k;
    }
    bool keyChanged = false;
    for (const Forced &f : std::as_const(forced)) {
        const FieldDef &fd = e->fields.at(f.rf.field);
        const bool ourValueGoes = f.keepOurs && FieldCodec::toText(fd, current.values.at(f.rf.field)) != f.rf.text;
        if (!m_store.adoptField(*e, rc.id, f.rf, f.keepOurs))
            continue;
        status[f.k] = FieldStatus::Accepted;
        if (ourValueGoes) {
            // Our value was taken by the office and refused by its upstream (ChangeSet.h).
            ++m_conflicts;
            m_notes << QCoreApplication::translate("Sync",
                                                   "%1 %2: %3 was refused by the central server after the office "
                                                   "took it; the server's value is back and yours is kept as a "
                                                   "conflict")
                           .arg(rc.entity, rc.id, fd.name);
        }
        keyChanged = keyChanged || fd.type == FieldType::Email || fd.isPhone() || fd.type == FieldType::Inn
            || fd.name == QLatin1String(kDeletedField);
    }
    if (remote.isEmpty()) {
        if (keyChanged)
            m_duplicates += m_store.flagDuplicates(*e, rc.id);
        return status;
    }
    // The row read above is the row merge() would read again, unless a forced field changed it.
    // Our unpushed values: a pulled value over one of them is concurrent with it (MergeRule).
    const MergeResult mr = m_store.merge(*e, rc.id, remote, forced.isEmpty() ? &current : nullptr, m_pushedHlc);
    m_conflicts += mr.conflicts;
    // Duplicates that meet through sync (the same email imported offline on two machines)
    // are flagged here, in the page's transaction; the flag syncs like any record.
    // Only when a matching key may have changed: a new record, or an accepted email, phone,
    // INN or tombstone (a restore) - the lookups cost about 15 us a record.
    keyChanged = keyChanged || (!current.isValid() && mr.status.contains(MergeStatus::Accepted));
    for (int j = 0; j < where.size() && !keyChanged; ++j) {
        const FieldDef &f = e->fields.at(remote.at(j).field);
        keyChanged = mr.status.at(j) == MergeStatus::Accepted
            && (f.type == FieldType::Email || f.isPhone() || f.type == FieldType::Inn
                || f.name == QLatin1String(kDeletedField));
    }
    if (keyChanged)
        m_duplicates += mr.record.isValid() ? m_store.flagDuplicates(mr.record) : m_store.flagDuplicates(*e, rc.id);
    for (int j = 0; j < where.size(); ++j) {
        switch (mr.status.at(j)) {
        case MergeStatus::Accepted:
            status[where[j]] = FieldStatus::Accepted;
            break;
        case MergeStatus::Superseded:
            status[where[j]] = FieldStatus::Superseded;
            break;
        case MergeStatus::Invalid:
            status[where[j]] = FieldStatus::Invalid;
            break;
        }
    }
    return status;
}

QList<QList<FieldStatus>> StoreReplica::apply(const QList<RecordChange> &records, const QHash<QString, QString> &state)
{
    QList<QList<FieldStatus>> out;
    out.reserve(records.size());
    const bool own = !m_store.inBatch();
    if (own)
        m_store.beginBatch(records.size() > 200);
    m_pushedHlc = StoreReplica::state(QStringLiteral("push_hlc")).toULongLong();
    const qsizetype notesBefore = m_notes.size();
    try {
        for (const RecordChange &rc : records)
            out << applyOne(rc);
        for (auto it = state.begin(); it != state.end(); ++it)
            m_store.setMeta(key(it.key()), it.value());
        if (own)
            m_store.commitBatch();
    } catch (...) {
        if (own)
            m_store.rollbackBatch();
        m_notes.resize(notesBefore); // the page is applied again later
        throw;
    }
    return out;
}

void StoreReplica::adopt(const RecordChange &serverValues)
{
    const EntityDef *e = Schema::instance().entity(serverValues.entity);
    if (!e)
        return;
    for (const FieldChange &fc : serverValues.fields) {
        const int i = e->fieldIndex(fc.name);
        if (i >= 0 && m_store.adoptField(*e, serverValues.id, RemoteField {i, fc.text, fc.clock, fc.prev}))
            ++m_conflicts;
    }
}

void StoreReplica::release(const QString &entity, const QString &id, const QHash<QString, Clock> &sent)
{
    const EntityDef *e = Schema::instance().entity(entity);
    if (!e)
        return;
    QList<QPair<int, Clock>> fields;
    for (auto it = sent.begin(); it != sent.end(); ++it) {
        const int i = e->fieldIndex(it.key());
        if (i >= 0)
            fields.append({i, it.value()});
    }
    m_store.releaseFields(*e, id, fields);
}

ChangePage StoreReplica::localChanges(qint64 cursor, int limit)
{
    ChangePage page;
    // The first push after the first login stamps the owner on the rows it reads now.
    if (m_store.ownerStampPending())
        m_store.stampOwner(cursor, limit + 1);
    const quint64 pushedHlc = state(QStringLiteral("push_hlc")).toULongLong();
    const SiteId me = m_store.siteId();
    // Rows of all entities in one order (dirty_seq is the replica's global sequence).
    // First the ids, through the partial index on dirty_seq (the planner only uses it when
    // the query repeats `dirty_seq > 0`; a table scan per batch made a 100k push
    // quadratic), the sequence numbers only, then the whole rows of this page only.
    struct Key
    {
        qint64 dirty;
        const EntityDef *entity;
    };
    QList<Key> keys;
    for (const EntityDef &e : Schema::instance().entities()) {
        SqliteStmt &st = m_store.db().cached(QStringLiteral("SELECT dirty_seq FROM \"") + e.name
                                             + QStringLiteral("\" WHERE dirty_seq > ?1 AND dirty_seq > 0 "
                                                              "ORDER BY dirty_seq LIMIT ?2"));
        st.bind(1, cursor).bind(2, qint64(limit + 1));
        while (st.step())
            keys.append(Key {st.int64(0), &e});
        st.reset();
    }
    std::sort(keys.begin(), keys.end(), [](const Key &a, const Key &b) { return a.dirty < b.dirty; });
    page.more = keys.size() > limit;
    if (page.more)
        keys.resize(limit);
    // Then each entity's rows of this page in one scan of the same index (its first n rows
    // after the cursor), instead of a look-up by id per row.
    QHash<const EntityDef *, int> perEntity;
    for (const Key &k : std::as_const(keys))
        ++perEntity[k.entity];
    QList<QPair<qint64, Record>> rows;
    rows.reserve(keys.size());
    for (auto it = perEntity.cbegin(); it != perEntity.cend(); ++it)
        rows += m_store.dirtyRowsAfter(*it.key(), cursor, it.value());
    std::sort(rows.begin(), rows.end(),
              [](const QPair<qint64, Record> &a, const QPair<qint64, Record> &b) { return a.first < b.first; });
    page.next = rows.isEmpty() ? cursor : rows.last().first;
    for (const auto &[dirty, r] : rows) {
        Q_UNUSED(dirty);
        RecordChange rc;
        rc.entity = r.entity->name;
        rc.id = r.id;
        for (int i = 0; i < r.entity->fields.size(); ++i) {
            const Clock c = r.clocks.clock(i);
            if (c.site != me || c.hlc <= pushedHlc)
                continue;
            rc.fields.append(FieldChange {r.entity->fields.at(i).name,
                                          FieldCodec::toText(r.entity->fields.at(i), r.values.at(i)), c,
                                          r.clocks.prev(i)});
        }
        if (!rc.fields.isEmpty())
            page.records << rc;
    }
    return page;
}

void StoreReplica::beginPush()
{
    m_pushStartHlc = m_store.hlc().last();
}

void StoreReplica::endPush()
{
    // Fields stamped before this push began have reached the server; an edit made while
    // the push ran carries a later stamp and goes next time.
    if (m_pushStartHlc > state(QStringLiteral("push_hlc")).toULongLong())
        setState(QStringLiteral("push_hlc"), QString::number(m_pushStartHlc));
}

void StoreReplica::clockAhead(qint64 serverTimeMs)
{
    if (serverTimeMs <= 0)
        return;
    const qint64 offset = serverTimeMs - m_store.hlc().wallMs();
    m_store.hlc().setOffsetMs(offset);
    m_store.setMeta(QStringLiteral("clock_offset_ms"), offset);
    const quint64 base = Hlc::pack(serverTimeMs, 0);
    m_store.hlc().setLast(base);
    const quint64 pushed = state(QStringLiteral("push_hlc")).toULongLong();
    const quint64 watermark = std::min(pushed, base);
    setState(QStringLiteral("push_hlc"), QString::number(watermark));
    m_store.restampUnpushed(state(QStringLiteral("push_cursor")).toLongLong(), watermark);
    m_pushStartHlc = std::min(m_pushStartHlc, watermark);
}

QString StoreReplica::state(const QString &name)
{
    return m_store.meta(key(name));
}

void StoreReplica::setState(const QString &name, const QString &value)
{
    m_store.setMeta(key(name), value);
}

} // namespace gamix
