// Duplicates that meet through sync (issue 5): the same person imported offline on two
// machines gets two ids. Detection runs when remote changes are applied; the merge is a
// run of ordinary local writes (the one write path), so it syncs like any edit.

#include "Store.h"

#include "Sqlite.h"
#include "schema/FieldCodec.h"
#include "schema/PhoneNumber.h"

#include <QCoreApplication>

#include <algorithm>

namespace gamix {

namespace {

const QLatin1String kMergedInto("merged_into");
// The `field` of a flag record: not a field name (those are snake_case), so a flag is never
// taken for a conflict about a real field, such as two replicas merging the same pair.
const QLatin1String kFlagField("(duplicate)");

// The ids of other live records sharing a key with `r`.
QStringList sameKey(SqliteDb &db, const Record &r)
{
    QStringList out;
    auto collect = [&](const QString &sql, const QString &value) {
        if (value.isEmpty())
            return;
        SqliteStmt &st = db.cached(sql);
        st.bind(1, value).bind(2, r.id);
        while (st.step()) {
            const QString id = st.text(0);
            if (!out.contains(id))
                out << id;
        }
        st.reset();
    };
    if (r.entity->name == u"contact") {
        collect(QStringLiteral("SELECT id FROM contact WHERE email IS NOT NULL AND lower(email) = lower(?1) "
                               "AND id <> ?2 AND deleted = 0"),
                r.text(u"email"));
        // Phones compare in E.164, mobile or landline alike: the row's normalised columns,
        // which the write path fills with phoneToE164 of the same values.
        QStringList phones;
        for (int i = 0; i < r.entity->fields.size(); ++i) {
            const QVariant &v = r.values.at(i);
            if (r.entity->fields.at(i).isPhone() && !v.isNull()) {
                const QString e164 = phoneToE164(v.toString());
                if (!e164.isEmpty() && !phones.contains(e164))
                    phones << e164;
            }
        }
        for (const QString &p : std::as_const(phones))
            collect(QStringLiteral("SELECT id FROM contact WHERE (phone_e164 = ?1 OR mobile_e164 = ?1) AND id <> ?2 "
                                   "AND deleted = 0"),
                    p);
    } else if (r.entity->name == u"company") {
        collect(QStringLiteral("SELECT id FROM company WHERE inn = ?1 AND id <> ?2 AND deleted = 0"), r.text(u"inn"));
    }
    return out;
}

} // namespace

QString Store::duplicateFlagId(const QString &entity, const QString &a, const QString &b)
{
    const QString first = std::min(a, b), second = std::max(a, b);
    return derivedUuid(QString(QStringLiteral("duplicate|") + entity + u'|' + first + u'|' + second).toUtf8());
}

int Store::flagDuplicates(const EntityDef &entity, const QString &id)
{
    if (entity.name != u"contact" && entity.name != u"company")
        return 0;
    return flagDuplicates(get(entity, id));
}

int Store::flagDuplicates(const Record &r)
{
    if (!r.isValid() || r.isDeleted())
        return 0; // gone or a tombstone
    const EntityDef &entity = *r.entity;
    if (entity.name != u"contact" && entity.name != u"company")
        return 0;
    const QString &id = r.id;
    const EntityDef &conflict = *Schema::instance().entity(u"conflict");
    int made = 0;
    for (const QString &other : sameKey(m_db, r)) {
        const QString first = std::min(id, other), second = std::max(id, other);
        const QString flagId = duplicateFlagId(entity.name, first, second);
        if (get(conflict, flagId, true).isValid())
            continue; // made here before, or by another replica and synced
        const WriteResult w = create(
            conflict,
            {FieldWrite {QStringLiteral("entity"), entity.name}, FieldWrite {QStringLiteral("record_id"), first},
             FieldWrite {QStringLiteral("field"), kFlagField}, FieldWrite {QStringLiteral("kept_value"), first},
             FieldWrite {QStringLiteral("lost_value"), second},
             FieldWrite {QStringLiteral("resolved"), QStringLiteral("true")}},
            flagId);
        if (w.ok)
            ++made;
    }
    return made;
}

QList<DuplicateFlag> Store::duplicateFlags()
{
    QList<DuplicateFlag> out;
    SqliteStmt &st = m_db.cached(QStringLiteral("SELECT id, entity, kept_value, lost_value FROM conflict "
                                                "WHERE field = '(duplicate)' AND deleted = 0 ORDER BY id"));
    QList<DuplicateFlag> all;
    while (st.step())
        all.append(DuplicateFlag {st.text(0), Schema::instance().entity(st.text(1)), st.text(2), st.text(3)});
    st.reset();
    for (const DuplicateFlag &f : all) {
        if (f.entity && get(*f.entity, f.firstId).isValid() && get(*f.entity, f.secondId).isValid())
            out << f;
    }
    return out;
}

WriteResult Store::mergeRecords(const EntityDef &entity, const QString &rawKeep, const QString &rawOther)
{
    const QString keepId = rawKeep.toLower(), otherId = rawOther.toLower();
    WriteResult result;
    const Record keep = get(entity, keepId);
    const Record other = get(entity, otherId);
    if (entity.fieldIndex(kMergedInto) < 0)
        result.errors << QCoreApplication::translate("Store", "%1 records cannot be merged").arg(entity.name);
    else if (!keep.isValid() || !other.isValid() || keepId == otherId)
        result.errors
            << QCoreApplication::translate("Store", "merge needs two different live %1 records").arg(entity.name);
    if (!result.errors.isEmpty()) {
        result.ok = false;
        return result;
    }
    // The record that stays is always the one with the smaller id, whichever the user
    // chose to keep: two replicas merging the same pair in opposite directions then agree,
    // instead of tombstoning both. The user's choice decides whose values win.
    const bool keepStays = keepId < otherId;
    const QString stayId = keepStays ? keepId : otherId, goneId = keepStays ? otherId : keepId;
    const Record &stay = keepStays ? keep : other;
    const bool own = !m_batch;
    if (own)
        beginBatch();
    auto fail = [&](const WriteResult &w) {
        result.ok = false;
        result.errors << w.errors;
        if (own)
            rollbackBatch();
        return result;
    };
    // 1. The record that stays takes the kept values, and the other's where those are empty.
    QList<FieldWrite> fills;
    for (int i = 0; i < entity.fields.size(); ++i) {
        const FieldDef &f = entity.fields.at(i);
        const QVariant &want = keep.values.at(i).isNull() ? other.values.at(i) : keep.values.at(i);
        if (!f.system && !want.isNull() && want != stay.values.at(i))
            fills << FieldWrite {f.name, FieldCodec::toText(f, want)};
    }
    if (!fills.isEmpty()) {
        const WriteResult w = update(entity, stayId, fills);
        if (!w.ok)
            return fail(w);
    }
    // 2. Every live record pointing at the other now points at the kept one.
    for (const EntityDef &e : Schema::instance().entities()) {
        if (e.directory || e.name == u"conflict")
            continue;
        for (const FieldDef &f : e.fields) {
            if (f.type != FieldType::Reference || f.system || f.refEntity != entity.name)
                continue;
            SqliteStmt st = m_db.prepare(QStringLiteral("SELECT id FROM \"") + e.name + QStringLiteral("\" WHERE \"")
                                         + f.name + QStringLiteral("\" = ?1 AND deleted = 0"));
            st.bind(1, goneId);
            QStringList ids;
            while (st.step())
                ids << st.text(0);
            for (const QString &id : ids) {
                const WriteResult w = update(e, id, {FieldWrite {f.name, stayId}});
                if (!w.ok)
                    return fail(w);
            }
        }
    }
    // 3. The other becomes a tombstone that says where it went (one stamp for both).
    const WriteResult w = writeLocal(entity, goneId, WriteMode::Delete, {FieldWrite {kMergedInto, stayId}});
    if (!w.ok)
        return fail(w);
    if (own)
        commitBatch();
    result.id = stayId;
    return result;
}

} // namespace gamix
