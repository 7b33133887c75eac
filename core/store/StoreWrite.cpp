// The one write path (DESIGN.md §3): validation, row write, per-field clocks, change
// sequence and search index, in one transaction.

#include "Store.h"

#include "StoreTable.h"
#include "schema/FieldCodec.h"
#include "schema/PhoneNumber.h"
#include "sync/MergeRule.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <limits>

namespace gamix {

namespace {

const QString kDefaultPipeline = QStringLiteral("00000000-0000-7000-8000-000000000001");

// ISO text of a millisecond, remembered for the last one asked: an import writes dozens of
// rows per millisecond, each with created_at and updated_at.
QString isoUtcFromMsCached(qint64 ms)
{
    thread_local qint64 lastMs = std::numeric_limits<qint64>::min();
    thread_local QString last;
    if (ms != lastMs) {
        last = FieldCodec::isoUtcFromMs(ms);
        lastMs = ms;
    }
    return last;
}

QString nowIso()
{
    return isoUtcFromMsCached(QDateTime::currentMSecsSinceEpoch());
}

} // namespace

WriteResult Store::create(const EntityDef &entity, const QList<FieldWrite> &fields, const QString &id)
{
    const bool minted = id.isEmpty();
    return writeLocal(entity, minted ? newUuidV7() : id.toLower(), minted ? WriteMode::CreateMinted : WriteMode::Create,
                      fields);
}

WriteResult Store::update(const EntityDef &entity, const QString &id, const QList<FieldWrite> &fields)
{
    return writeLocal(entity, id.toLower(), WriteMode::Update, fields);
}

WriteResult Store::remove(const EntityDef &entity, const QString &id)
{
    return writeLocal(entity, id.toLower(), WriteMode::Delete, {});
}

WriteResult Store::restore(const EntityDef &entity, const QString &id)
{
    return writeLocal(entity, id.toLower(), WriteMode::Restore, {});
}

bool Store::referenceExists(const FieldDef &field, const QString &id)
{
    // Within a batch, a record seen alive stays alive (the batch holds the write lock), and
    // imports point many rows at the same few companies.
    const QString key = field.refEntity + u':' + id;
    if (m_batch && m_knownRefs.contains(key))
        return true;
    Table &t = table(*Schema::instance().entity(field.refEntity));
    if (!t.existsById)
        t.existsById = &m_db.cached(QStringLiteral("SELECT 1 FROM ") + t.name
                                    + QStringLiteral(" WHERE id = ?1 AND deleted = 0"));
    SqliteStmt &st = *t.existsById;
    st.bind(1, id);
    const bool found = st.step();
    st.reset();
    if (found && m_batch)
        m_knownRefs.insert(key);
    return found;
}

void Store::validateRecord(const EntityDef &entity, QList<QVariant> &values, const QList<QVariant> *before,
                           QStringList &errors)
{
    const bool creating = !before;
    // Deals: a deal without a stage gets the first stage of its pipeline (the default
    // pipeline if none is given); a stage from another pipeline is an error.
    if (entity.name == u"deal") {
        const int pi = entity.fieldIndex(u"pipeline_id");
        const int si = entity.fieldIndex(u"stage_id");
        if (!values[si].isNull()) {
            SqliteStmt &st = m_db.cached(QStringLiteral("SELECT pipeline_id FROM stage WHERE id = ?1 AND deleted = 0"));
            st.bind(1, values[si].toString());
            const QString stagePipeline = st.step() ? st.text(0) : QString();
            st.reset();
            if (!stagePipeline.isEmpty()) {
                if (values[pi].isNull())
                    values[pi] = stagePipeline;
                else if (values[pi].toString() != stagePipeline)
                    errors << QCoreApplication::translate("Store", "stage_id: the stage belongs to another pipeline");
            }
        } else if (creating || values[si].isNull()) {
            if (values[pi].isNull())
                values[pi] = kDefaultPipeline;
            SqliteStmt &st = m_db.cached(QStringLiteral(
                "SELECT id FROM stage WHERE pipeline_id = ?1 AND deleted = 0 ORDER BY position, id LIMIT 1"));
            st.bind(1, values[pi].toString());
            if (st.step())
                values[si] = st.text(0);
            st.reset();
        }
    }
    for (int i = 0; i < entity.fields.size(); ++i) {
        const FieldDef &f = entity.fields.at(i);
        if (f.required && values[i].isNull())
            errors << QCoreApplication::translate("Store", "%1: this field is required").arg(f.name);
        if (f.type == FieldType::Reference && !values[i].isNull() && f.refEntity != u"user" && f.refEntity != u"office"
            && (creating || values[i] != before->at(i)) && !referenceExists(f, values[i].toString())) {
            errors << QCoreApplication::translate("Store", "%1: there is no %2 with id %3")
                          .arg(f.name, f.refEntity, values[i].toString());
        }
    }
    if (!entity.requireAny.isEmpty()) {
        bool any = false;
        for (const QString &name : entity.requireAny)
            any = any || !values[entity.fieldIndex(name)].isNull();
        if (!any)
            errors << QCoreApplication::translate("Store", "fill in at least one of: %1")
                          .arg(entity.requireAny.join(QStringLiteral(", ")));
    }
}

WriteResult Store::writeLocal(const EntityDef &entity, const QString &id, WriteMode mode,
                              const QList<FieldWrite> &fields)
{
    WriteResult result;
    result.id = id;
    const bool creating = mode == WriteMode::Create || mode == WriteMode::CreateMinted;
    if (entity.directory && !m_directoryWritable) {
        result.ok = false;
        result.errors << QCoreApplication::translate("Store",
                                                     "%1 records come from the server and cannot be changed here")
                             .arg(entity.name);
        return result;
    }
    QList<QPair<int, QVariant>> parsed;
    parsed.reserve(fields.size());
    for (const FieldWrite &w : fields) {
        const int i = entity.fieldIndex(w.field);
        if (i < 0 || w.field == QLatin1String(kDeletedField) || w.field == QLatin1String(kCreatedField)) {
            result.errors
                << QCoreApplication::translate("Store", "%1: there is no such field in %2").arg(w.field, entity.name);
            continue;
        }
        QVariant v;
        QString error;
        if (!FieldCodec::parse(entity.fields.at(i), w.text, &v, &error))
            result.errors << error;
        else
            parsed.append({i, v});
    }

    try {
        Record current;
        if (creating) {
            // A freshly minted UUIDv7 cannot collide; only a caller-given id is checked.
            if (mode == WriteMode::Create && get(entity, id, true).isValid())
                result.errors
                    << QCoreApplication::translate("Store", "a %1 with id %2 already exists").arg(entity.name, id);
            current.entity = &entity;
            current.id = id;
            current.values.resize(entity.fields.size());
            for (int i = 0; i < entity.fields.size(); ++i) {
                const FieldDef &f = entity.fields.at(i);
                if (!f.defaultValue.isEmpty()) {
                    QString ignored;
                    FieldCodec::parse(f, f.defaultValue, &current.values[i], &ignored);
                }
            }
        } else {
            current = get(entity, id, true);
            if (!current.isValid()) {
                result.ok = false;
                result.errors.prepend(
                    QCoreApplication::translate("Store", "there is no %1 with id %2").arg(entity.name, id));
                return result;
            }
            if (current.isDeleted() && mode == WriteMode::Update)
                result.errors
                    << QCoreApplication::translate("Store", "%1 %2 is deleted; restore it first").arg(entity.name, id);
        }
        if (!result.errors.isEmpty()) {
            result.ok = false;
            return result;
        }

        QList<QVariant> values = current.values;
        for (const auto &[i, v] : parsed)
            values[i] = v;
        if (creating) {
            values[entity.fieldIndex(QLatin1String(kCreatedField))] = nowIso();
            values[entity.deletedIndex()] = qint64(0);
            const int owner = entity.fieldIndex(QLatin1String(kOwnerField));
            if (values[owner].isNull() && !m_ownerId.isEmpty())
                values[owner] = m_ownerId;
            const int office = entity.fieldIndex(QLatin1String(kOfficeField));
            if (values[office].isNull() && !m_officeId.isEmpty())
                values[office] = m_officeId;
        }
        if (mode == WriteMode::Delete)
            values[entity.deletedIndex()] = qint64(1);
        else if (mode == WriteMode::Restore)
            values[entity.deletedIndex()] = qint64(0);
        if (mode != WriteMode::Delete)
            validateRecord(entity, values, creating ? nullptr : &current.values, result.errors);
        if (!result.errors.isEmpty()) {
            result.ok = false;
            return result;
        }

        // Which fields changed; fields of one clock group (amount + currency) travel together.
        QList<int> changed;
        for (int i = 0; i < entity.fields.size(); ++i) {
            if (creating ? !values[i].isNull() : values[i] != current.values[i])
                changed << i;
        }
        for (int k = 0; k < changed.size(); ++k) {
            const QString &group = entity.fields.at(changed[k]).clockGroup;
            if (group.isEmpty())
                continue;
            for (int j = 0; j < entity.fields.size(); ++j) {
                if (entity.fields.at(j).clockGroup == group && !changed.contains(j))
                    changed << j;
            }
        }
        if (changed.isEmpty() && !creating)
            return result; // nothing to do, nothing stamped

        beginWrite();
        try {
            const Clock stamp {m_hlc.tick(), m_site};
            for (int i : changed)
                current.clocks.set(i, stamp,
                                   prevForLocalWrite(current.clocks.clock(i), current.clocks.prev(i), m_site));
            current.values = values;
            current.updatedAt = isoUtcFromMsCached(qint64(stamp.hlc >> 16)); // = FieldCodec::isoUtcFromHlc
            current.seq = ++m_seq;
            writeRow(entity, current, creating, true);
            if (m_deferIndex) {
                // Marked pending by its sequence number: the index watermark stays behind.
            } else {
                indexRow(entity, current, creating);
                if (m_ftsSeq == m_seq - 1)
                    m_ftsSeq = m_seq;
            }
            endWrite(true);
        } catch (...) {
            endWrite(false);
            throw;
        }
    } catch (const SqliteError &e) {
        result.ok = false;
        result.errors << QCoreApplication::translate("Store", "the database refused the change: %1").arg(e.message());
    }
    return result;
}

void Store::writeRow(const EntityDef &entity, Record &record, bool insert, bool local)
{
    Table &t = table(entity);
    SqliteStmt *&cachedStmt = insert ? t.insertStmt : t.updateStmt;
    if (!cachedStmt)
        cachedStmt = &m_db.cached(insert ? t.insertSql : t.updateSql);
    SqliteStmt &st = *cachedStmt;
    int p = 1;
    if (insert)
        st.bind(p++, record.id);
    else
        st.bind(p++, record.rowid);
    for (int i = 0; i < entity.fields.size(); ++i) {
        const QVariant &v = record.values.at(i);
        st.bind(p++, v);
        if (entity.fields.at(i).isPhone()) {
            const QString e164 = v.isNull() ? QString() : phoneToE164(v.toString());
            if (e164.isEmpty())
                st.bindNull(p++);
            else
                st.bind(p++, e164);
        }
    }
    st.bind(p++, record.updatedAt);
    st.bind(p++, record.seq);
    if (local) {
        st.bind(p++, record.seq);
    } else {
        // Merged changes keep the row's local dirty mark (what this replica still has to push).
        SqliteStmt &d = m_db.cached(QStringLiteral("SELECT dirty_seq FROM \"") + entity.name
                                    + QStringLiteral("\" WHERE rowid = ?1"));
        d.bind(1, record.rowid);
        st.bind(p++, !insert && d.step() ? d.int64(0) : qint64(0));
        d.reset();
    }
    st.bindBlob(p++, record.clocks.toBlob());
    st.exec();
    if (insert)
        record.rowid = m_db.lastInsertRowid();
}

void Store::recordConflict(const EntityDef &entity, const QString &id, const FieldDef &field, const QVariant &keptValue,
                           const Clock &kept, const QVariant &lostValue, const Clock &lost)
{
    const EntityDef &conflict = *Schema::instance().entity(u"conflict");
    // Derived from the pair of edits: every replica that sees the same pair makes the same record.
    const QString cid = derivedUuid((entity.name + u'|' + id + u'|' + field.name + u'|' + QString::number(kept.hlc)
                                     + kept.siteHex() + u'|' + QString::number(lost.hlc) + lost.siteHex())
                                        .toUtf8());
    if (get(conflict, cid, true).isValid())
        return;
    Record r;
    r.entity = &conflict;
    r.id = cid;
    r.values.resize(conflict.fields.size());
    auto set = [&](const char *name, const QVariant &v) {
        r.values[conflict.fieldIndex(QLatin1String(name))] = v;
    };
    set("entity", entity.name);
    set("record_id", id);
    set("field", field.name);
    set("kept_value", keptValue.isNull() ? QVariant() : QVariant(FieldCodec::toText(field, keptValue)));
    set("kept_site", kept.siteHex());
    set("kept_at", FieldCodec::isoUtcFromHlc(kept.hlc));
    set("lost_value", lostValue.isNull() ? QVariant() : QVariant(FieldCodec::toText(field, lostValue)));
    set("lost_site", lost.siteHex());
    set("lost_at", FieldCodec::isoUtcFromHlc(lost.hlc));
    // Agreeing values (both authors typed the same): a record of who was overwritten, with
    // nothing to choose, so it is born resolved (MergeRule::conflictRecord does the same).
    set("resolved", qint64(keptValue == lostValue ? 1 : 0));
    set(kCreatedField, nowIso());
    set(kOwnerField, m_ownerId.isEmpty() ? QVariant() : QVariant(m_ownerId));
    set(kDeletedField, qint64(0));
    const Clock stamp {m_hlc.tick(), m_site};
    for (int i = 0; i < conflict.fields.size(); ++i) {
        if (!r.values[i].isNull())
            r.clocks.set(i, stamp, Clock());
    }
    r.updatedAt = FieldCodec::isoUtcFromHlc(stamp.hlc);
    r.seq = ++m_seq;
    writeRow(conflict, r, true, true);
}

MergeResult Store::merge(const EntityDef &entity, const QString &rawId, const QList<RemoteField> &fields,
                         const Record *known, quint64 pushedHlc)
{
    MergeResult result;
    result.status.resize(fields.size(), MergeStatus::Invalid);
    const QString id = rawId.toLower();
    QList<QVariant> parsed(fields.size());
    for (int k = 0; k < fields.size(); ++k) {
        const RemoteField &rf = fields.at(k);
        QString error;
        if (rf.field < 0 || rf.field >= entity.fields.size())
            result.errors
                << QCoreApplication::translate("Store", "unknown field number %1 in %2").arg(rf.field).arg(entity.name);
        else if (!FieldCodec::parse(entity.fields.at(rf.field), rf.text, &parsed[k], &error))
            result.errors << error;
        else
            result.status[k] = MergeStatus::Superseded;
    }
    beginWrite();
    try {
        Record current = known ? *known : get(entity, id, true);
        const bool insert = !current.isValid();
        if (insert) {
            current.entity = &entity;
            current.id = id;
            current.values.resize(entity.fields.size());
            current.values[entity.deletedIndex()] = qint64(0);
        }
        bool applied = false;
        for (int k = 0; k < fields.size(); ++k) {
            if (result.status[k] == MergeStatus::Invalid)
                continue;
            const RemoteField &rf = fields.at(k);
            const FieldDef &f = entity.fields.at(rf.field);
            m_hlc.observe(rf.clock.hlc);
            // The rule shared with the server storage (MergeRule), on canonical texts.
            const FieldState local {FieldCodec::toText(f, current.values[rf.field]), current.clocks.clock(rf.field),
                                    current.clocks.prev(rf.field)};
            const FieldChange incoming {f.name, FieldCodec::toText(f, parsed[k]), rf.clock, rf.prev};
            const bool pending = local.clock.site == m_site && local.clock.hlc > pushedHlc;
            const MergeDecision d = MergeRule::decide(insert ? nullptr : &local, incoming,
                                                      MergeRule::tracksConflicts(entity, f), pending);
            if (d.conflict) {
                const bool remoteWins = d.apply;
                recordConflict(entity, id, f, remoteWins ? parsed[k] : current.values[rf.field],
                               remoteWins ? rf.clock : local.clock, remoteWins ? current.values[rf.field] : parsed[k],
                               remoteWins ? local.clock : rf.clock);
                ++result.conflicts;
            }
            if (d.apply) {
                current.values[rf.field] = parsed[k];
                current.clocks.set(rf.field, rf.clock, rf.prev);
                applied = true;
            }
            result.status[k] = d.status == FieldStatus::Accepted ? MergeStatus::Accepted : MergeStatus::Superseded;
        }
        if (applied) {
            current.updatedAt = FieldCodec::isoUtcFromHlc(current.clocks.maxHlc());
            current.seq = ++m_seq;
            writeRow(entity, current, insert, false);
            if (!m_deferIndex) {
                indexRow(entity, current, insert);
                if (m_ftsSeq == m_seq - 1)
                    m_ftsSeq = m_seq;
            }
        }
        if (current.isValid() && (applied || !insert))
            result.record = std::move(current);
        endWrite(true);
    } catch (const SqliteError &e) {
        endWrite(false);
        for (auto &s : result.status)
            s = MergeStatus::Invalid;
        result.errors << e.message();
    }
    return result;
}

} // namespace gamix
