#include "ServerStorage.h"

#include "ServerPurgeLog.h"
#include "ServerSqliteRows.h"
#include "ServerVisibility.h"

#include "schema/FieldCodec.h"
#include "schema/Schema.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <memory>

namespace gamix {

ServerStorage::ServerStorage(ServerDb &db)
    : m_db(db)
{
    QSqlDatabase c = m_db.connection();
    QString hex = m_db.meta(c, QStringLiteral("site"));
    if (!Clock::siteFromHex(hex, &m_site)) {
        ServerDb::Write w(m_db);
        hex = m_db.meta(w.db(), QStringLiteral("site"));
        if (!Clock::siteFromHex(hex, &m_site)) {
            m_site = newSiteId();
            m_db.setMeta(w.db(), QStringLiteral("site"), Clock {0, m_site}.siteHex());
        }
        w.commit();
    }
    // Added later: the replica that pushed a record's current state, so a pull leaves out
    // what an office server's relay pushed (its clients' records) instead of echoing them.
    if (m_db.meta(c, QStringLiteral("record_via")).isEmpty()) {
        ServerDb::Write w(m_db);
        if (m_db.meta(w.db(), QStringLiteral("record_via")).isEmpty()) {
            QSqlQuery q(w.db());
            if (q.exec(QStringLiteral("ALTER TABLE gx_record ADD COLUMN via_site VARCHAR(32)")))
                m_db.setMeta(w.db(), QStringLiteral("record_via"), QStringLiteral("1"));
        }
        w.commit();
    }
}

QString ServerStorage::epoch()
{
    QSqlDatabase c = m_db.connection();
    return m_db.meta(c, QStringLiteral("epoch"));
}

SiteId ServerStorage::siteId()
{
    return m_site;
}

qint64 ServerStorage::currentSeq()
{
    QSqlDatabase c = m_db.connection();
    return m_db.meta(c, QStringLiteral("seq")).toLongLong();
}

qint64 ServerStorage::nextSeq(ServerDb::Write &w)
{
    if (m_seqSerial != w.serial()) {
        m_seq = m_db.meta(w.db(), QStringLiteral("seq")).toLongLong();
        m_seqSerial = w.serial();
    }
    m_seqDirty = true;
    return ++m_seq;
}

void ServerStorage::flushSeq(ServerDb::Write &w)
{
    if (m_seqDirty && m_seqSerial == w.serial())
        m_db.setMeta(w.db(), QStringLiteral("seq"), QString::number(m_seq));
    m_seqDirty = false;
}

namespace {
const QString kLoadSql = QStringLiteral(
    "SELECT vis_entity, owner_id, office_id, fields, via_site FROM gx_record WHERE entity = ? AND id = ?");
const QString kUpdateSql
    = QStringLiteral("UPDATE gx_record SET vis_entity = ?, owner_id = ?, office_id = ?, seq = ?, "
                     "fields = ?, wire = ?, solo_site = ?, wire_seq = ?, via_site = ? WHERE entity = ? AND id = ?");
const QString kInsertSql
    = QStringLiteral("INSERT INTO gx_record (vis_entity, owner_id, office_id, seq, fields, wire, solo_site, wire_seq, "
                     "via_site, entity, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
} // namespace

struct ServerStorage::Prepared
{
    explicit Prepared(QSqlDatabase &db)
        : load(db)
        , insert(db)
        , update(db)
    {
        // On SQLite the rows go through its C API on this connection (ServerSqliteRows.h).
        if (sqlite3 *h = ServerSqliteRows::handle(db)) {
            sqlite = std::make_unique<ServerSqliteRows>(h);
            return;
        }
        load.prepare(kLoadSql);
        update.prepare(kUpdateSql);
        insert.prepare(kInsertSql);
    }
    std::unique_ptr<ServerSqliteRows> sqlite;
    QSqlQuery load, insert, update;
};

quint64 ServerStorage::tick(ServerDb::Write &w)
{
    const quint64 last = m_db.meta(w.db(), QStringLiteral("hlc")).toULongLong();
    const quint64 wall = Hlc::pack(m_now ? m_now() : QDateTime::currentMSecsSinceEpoch(), 0);
    const quint64 next = wall > last ? wall : last + 1;
    m_db.setMeta(w.db(), QStringLiteral("hlc"), QString::number(next));
    return next;
}

ServerStorage::Row ServerStorage::load(QSqlDatabase &db, const QString &entity, const QString &id, Prepared *prepared)
{
    Row row;
    if (prepared && prepared->sqlite) {
        ServerSqliteRows::Loaded r;
        if (prepared->sqlite->load(entity, id, &r)) {
            row.exists = true;
            row.visEntity = std::move(r.visEntity);
            row.ownerId = std::move(r.ownerId);
            row.officeId = std::move(r.officeId);
            row.fields = StoredFields::parse(r.fields);
            row.viaSite = std::move(r.viaSite);
        }
        return row;
    }
    QSqlQuery own(db);
    if (!prepared)
        own.prepare(kLoadSql);
    QSqlQuery &q = prepared ? prepared->load : own;
    q.addBindValue(entity);
    q.addBindValue(id);
    if (ServerDb::exec(q) && q.next()) {
        row.exists = true;
        row.visEntity = q.value(0).toString();
        row.ownerId = q.value(1).toString();
        row.officeId = q.value(2).toString();
        row.fields = StoredFields::parse(q.value(3).toString());
        row.viaSite = q.value(4).toString();
    }
    return row;
}

void ServerStorage::save(QSqlDatabase &db, const QString &entity, const QString &id, Row &row, Prepared *prepared)
{
    const qint64 seq = row.fields.maxSeq();
    const QString solo = row.fields.soloSite();
    if (prepared && prepared->sqlite) {
        ServerSqliteRows::Values v;
        v.visEntity = row.visEntity;
        v.ownerId = row.ownerId;
        v.officeId = row.officeId;
        v.soloSite = solo;
        v.viaSite = row.viaSite;
        v.entity = entity;
        v.id = id;
        v.seq = seq;
        row.fields.writeJson(&v.stored, &v.wire);
        if (row.exists)
            prepared->sqlite->update(v);
        else
            prepared->sqlite->insert(v);
        row.exists = true;
        return;
    }
    QSqlQuery own(db);
    if (!prepared)
        own.prepare(row.exists ? kUpdateSql : kInsertSql);
    QSqlQuery &q = prepared ? (row.exists ? prepared->update : prepared->insert) : own;
    q.addBindValue(row.visEntity);
    q.addBindValue(row.ownerId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(row.ownerId));
    q.addBindValue(row.officeId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(row.officeId));
    q.addBindValue(seq);
    QByteArray stored, wire;
    row.fields.writeJson(&stored, &wire);
    q.addBindValue(QString::fromUtf8(stored));
    q.addBindValue(QString::fromUtf8(wire));
    q.addBindValue(solo.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(solo));
    q.addBindValue(seq);
    q.addBindValue(row.viaSite.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(row.viaSite));
    q.addBindValue(entity);
    q.addBindValue(id);
    ServerDb::exec(q);
    row.exists = true;
}

QList<RecordOutcome> ServerStorage::merge(ServerDb::Write &w, const QList<RecordChange> &records,
                                          const MergeOptions &options, int *changed, int *conflicts)
{
    QList<RecordOutcome> out;
    out.reserve(records.size());
    const SyncUser *user = options.user;
    // Nested calls (stamp -> merge) keep the outer statements.
    std::unique_ptr<Prepared> prepared;
    if (!m_prepared) {
        prepared = std::make_unique<Prepared>(w.db());
        m_prepared = prepared.get();
    }
    // Erased records (152-FZ) stay erased: a replica that missed the erasure cannot bring them back.
    const QSet<QString> erased = ServerPurgeLog::erasedKeys(w.db());
    const QSet<QString> dropped = ServerPurgeLog::droppedKeys(w.db());
    // Records with conflict records stored before them (ServerVisibility::noteOrphan), kept
    // up to date within this batch: a conflict record and its record may come in one push,
    // the conflict record first.
    QSet<QString> orphans = ServerVisibility::orphans(w);
    ServerSqliteRows *sqlite = m_prepared->sqlite.get();
    // On SQLite each record's load is as cheap as a look-up ahead (ServerSqliteRows.h).
    const QList<bool> absent = sqlite ? QList<bool>() : absentRecords(w.db(), records);
    for (qsizetype i = 0; i < records.size(); ++i) {
        const RecordChange &rc = records.at(i);
        RecordOutcome o;
        o.status.resize(rc.fields.size(), FieldStatus::Invalid);
        o.serverValues.entity = rc.entity;
        o.serverValues.id = rc.id;
        // A statement failed: the transaction will not commit (below), so nothing more is merged.
        if (sqlite && !sqlite->ok()) {
            out << o;
            continue;
        }
        const EntityDef *e = Schema::instance().entity(rc.entity);
        if (!e) {
            out << o;
            continue;
        }
        const bool isConflict = e->name == u"conflict";
        Row row = !absent.isEmpty() && absent.at(i) ? Row() : load(w.db(), rc.entity, rc.id, m_prepared);
        // Visibility of a conflict record follows the record it is about.
        Row subject;
        QString subjectId;
        if (isConflict) {
            const FieldChange *ent = rc.field(u"entity");
            const FieldChange *rid = rc.field(u"record_id");
            const QString subjEntity = ent ? ent->text : row.fields.text("entity");
            const QString subjId = rid ? rid->text : row.fields.text("record_id");
            subject = load(w.db(), subjEntity, subjId, m_prepared);
            subjectId = subjId;
            subject.visEntity = subject.exists ? subject.visEntity : subjEntity;
        }
        if (!erased.isEmpty()
            && (erased.contains(rc.entity + u'|' + rc.id)
                || (isConflict
                    && erased.contains(
                        subject.visEntity + u'|'
                        + (rc.field(u"record_id") ? rc.field(u"record_id")->text : row.fields.text("record_id")))))) {
            o.status.fill(FieldStatus::Superseded);
            out << o;
            continue;
        }
        // Dropped here because it left this office upstream: only the upstream brings it back.
        if (!dropped.isEmpty() && !row.exists && dropped.contains(rc.entity + u'|' + rc.id)) {
            if (!options.fromUpstream) {
                o.status.fill(FieldStatus::Forbidden);
                out << o;
                continue;
            }
            ServerPurgeLog::noteDropped(w.db(), rc.entity, rc.id, false);
        }
        // Nor a conflict record about such a record, from a client that had not heard yet: it
        // would stay here outside this office's view (the upstream refuses it to the relay).
        if (isConflict && !row.exists && !subject.exists && !options.fromUpstream && !dropped.isEmpty()
            && dropped.contains(subject.visEntity + u'|'
                                + (rc.field(u"record_id") ? rc.field(u"record_id")->text : QString()))) {
            o.status.fill(FieldStatus::Forbidden);
            out << o;
            continue;
        }
        // A conflict record (a duplicate flag) about a record this server refused to create for
        // this pusher: the removal of that record takes both from the author's replica. Kept
        // here, it would reach the author's colleagues about a record none of them has, and
        // come back to the author (issue 5, seed 1001). About a record not here yet, it is kept
        // (a relay sends a record edited after its conflict after it: seed 22).
        if (isConflict && user && !row.exists && !subject.exists
            && ServerVisibility::refusedTo(w, user->id, subject.visEntity, subjectId)) {
            o.status.fill(FieldStatus::Superseded);
            out << o;
            continue;
        }
        const QString visEntity = isConflict ? subject.visEntity : rc.entity;
        const FieldChange *ownerChange = rc.field(QString::fromLatin1(kOwnerField));
        const FieldChange *officeChange = rc.field(QString::fromLatin1(kOfficeField));
        bool writable = true;
        if (user) {
            writable = Access::canWriteEntity(*user, rc.entity);
            // A new conflict record about a record that has just left the pusher's view (an
            // office relays the record's move and, after it, the conflict its server detected
            // before): the pusher saw both values, and the record's new viewers need it.
            if (writable && isConflict && subject.exists)
                writable = Access::canSee(*user, subject.visEntity, subject.ownerId, subject.officeId)
                    || (!row.exists && ServerVisibility::sawBefore(w, *user, subject.visEntity, subjectId));
            else if (writable && row.exists)
                writable = Access::canSee(*user, row.visEntity, row.ownerId, row.officeId);
            const bool limited = user->role == u"sales" || user->role == u"manager";
            if (writable && !row.exists && !isConflict && limited) {
                const QString owner = ownerChange ? ownerChange->text : QString();
                const QString office = officeChange ? officeChange->text : QString();
                if (options.enforceOwnerOnCreate && user->role == u"sales" && owner != user->id)
                    writable = false; // a sales user's new record must be their own
                if (!office.isEmpty() && office != user->officeId)
                    writable = false;
            }
        }
        QList<QPair<FieldState, FieldState>> lostPairs; // kept, lost
        QList<QString> lostFields;
        bool any = false;
        bool moved = false;
        for (int k = 0; k < rc.fields.size(); ++k) {
            FieldChange fc = rc.fields.at(k);
            const FieldDef *fd = e->field(fc.name);
            if (!fd)
                continue; // invalid
            if (!writable) {
                o.status[k] = FieldStatus::Forbidden;
                continue;
            }
            // Reassignment by a limited user: sales only to themselves, managers within the office.
            if (user && row.exists && !isConflict && (user->role == u"sales" || user->role == u"manager")) {
                if ((fd->name == QLatin1String(kOwnerField) && user->role == u"sales" && fc.text != user->id
                     && fc.text != row.ownerId)
                    || (fd->name == QLatin1String(kOfficeField) && fc.text != user->officeId
                        && fc.text != row.officeId)) {
                    o.status[k] = FieldStatus::Forbidden;
                    continue;
                }
            }
            if (!options.fromUpstream)
                fc.force = Clock(); // only an upstream forces (ChangeSet.h)
            QVariant v;
            QString error;
            if (!FieldCodec::parse(*fd, fc.text, &v, &error))
                continue; // invalid
            fc.text = FieldCodec::toText(*fd, v);
            const StoredField *stored = row.fields.find(fc.name);
            const bool has = stored != nullptr;
            const FieldState local = has ? stored->state() : FieldState();
            if (isConflict && has && local.clock > fc.prev)
                fc.prev = local.clock; // bookkeeping records: no conflicts about conflicts
            const bool tracked = MergeRule::tracksConflicts(*e, *fd);
            const bool pending = options.fromUpstream && has && !stored->upstream && stored->q > options.relayCursor;
            const MergeDecision d = MergeRule::decide(has ? &local : nullptr, fc, tracked, pending);
            o.status[k] = d.status;
            if (d.conflict) {
                lostPairs.append({d.kept, d.lost});
                lostFields.append(fc.name);
            }
            if (d.apply) {
                fc.force = MergeRule::keptForce(has ? stored->change.force : Clock(), local.clock, fc, d.forced);
                StoredField taken {fc, -1, options.fromUpstream};
                // A client's write over a value of ours the upstream never received, its author
                // having seen that value: the chain's base goes upstream as prev (StoredField::base).
                if (!options.fromUpstream && options.relayCursor >= 0 && has && !stored->upstream
                    && (stored->q < 0 || stored->q > options.relayCursor) && fc.prev == stored->change.clock) {
                    taken.hasBase = true;
                    taken.base = stored->hasBase ? stored->base : stored->change.prev;
                }
                row.fields.put(taken);
                any = true;
                if (fd->name == QLatin1String(kOwnerField) || fd->name == QLatin1String(kOfficeField))
                    moved = true;
            }
        }
        if (any) {
            // Every current field from this push (q < 0: changed by this merge), from the
            // pusher's pushes before, or pulled by it already (a record entering its view has
            // every field renumbered): the pusher holds the record as it is now.
            bool held = true;
            for (const StoredField &f : std::as_const(row.fields.list))
                held = held && (f.q < 0 || (!isConflict && f.q <= options.pusherHolds));
            row.viaSite = !options.pusherSite.isEmpty() && (held || row.viaSite == options.pusherSite)
                ? options.pusherSite
                : QString();
            const qint64 seq = nextSeq(w);
            // A reassigned record enters new views: its stream then carries every field anew.
            for (StoredField &f : row.fields.list) {
                if (moved || f.q < 0)
                    f.q = seq;
            }
            const Row before = row;
            if (isConflict) {
                row.visEntity = visEntity;
                row.ownerId = subject.exists ? subject.ownerId : row.fields.text(kOwnerField);
                row.officeId = subject.exists ? subject.officeId : row.fields.text(kOfficeField);
            } else {
                row.visEntity = rc.entity;
                row.ownerId = row.fields.text(kOwnerField);
                row.officeId = row.fields.text(kOfficeField);
            }
            // Who saw it before a reassignment gets a removal in their next pull.
            if (moved && before.exists && !isConflict
                && (before.ownerId != row.ownerId || before.officeId != row.officeId)) {
                ServerPurgeLog::noteMove(w.db(), seq, rc.entity, rc.id, before.visEntity, before.ownerId,
                                         before.officeId);
                // Its conflict records go with it (the new owner can still restore a lost value).
                ServerVisibility::followSubject(w, *this, rc.entity, rc.id, row.visEntity, row.ownerId, row.officeId);
            }
            // A new record an office server relayed for another office (an admin there filed
            // it elsewhere): that office server must drop it, as if it had moved away.
            else if (!before.exists && !isConflict && user && user->role == u"relay" && !user->officeId.isEmpty()
                     && !Access::canSee(*user, row.visEntity, row.ownerId, row.officeId))
                ServerPurgeLog::noteMove(w.db(), seq, rc.entity, rc.id, rc.entity, user->id, user->officeId);
            save(w.db(), rc.entity, rc.id, row, m_prepared);
            if (isConflict && !subject.exists) {
                ServerVisibility::noteOrphan(w, row.visEntity, subjectId);
                orphans.insert(row.visEntity + u'|' + subjectId);
            } else if (!before.exists && !orphans.isEmpty() && orphans.contains(rc.entity + u'|' + rc.id))
                ServerVisibility::adoptOrphans(w, *this, rc.entity, rc.id, row.visEntity, row.ownerId, row.officeId);
            if (changed)
                ++*changed;
        }
        for (int j = 0; j < lostPairs.size(); ++j) {
            addConflict(w, rc.entity, rc.id, lostFields.at(j), lostPairs.at(j).first, lostPairs.at(j).second, row);
            if (conflicts)
                ++*conflicts;
        }
        // The server's values go back only to who may read the record: a user or an office
        // server's relay pushing to a record that left its view learns nothing of where it
        // went (and the office server keeps its copy's place, so the removal that follows
        // reaches its own clients).
        const bool mayRead = !user || (row.exists && Access::canSee(*user, row.visEntity, row.ownerId, row.officeId));
        // Nor may they keep it: a refused create or someone else's record would stay on their
        // replicas forever, never synced. Their next pull removes it (SyncEngine tells them).
        if (user && !mayRead && (o.status.contains(FieldStatus::Forbidden) || o.status.contains(FieldStatus::Invalid)))
            ServerVisibility::noteRefused(w, *this, user->id, options.pusherSite, rc.entity, rc.id);
        for (int k = 0; k < rc.fields.size(); ++k) {
            if (o.status[k] != FieldStatus::Forbidden && o.status[k] != FieldStatus::Invalid)
                continue;
            if (!mayRead)
                continue;
            // A field the server never had goes back empty with a zero clock: the pusher's
            // value would otherwise stay on its replica, never synced.
            const StoredField *stored = row.fields.find(rc.fields.at(k).name);
            const FieldState s = stored ? stored->state() : FieldState {};
            o.serverValues.fields.append(FieldChange {rc.fields.at(k).name, s.text, s.clock, s.prev});
        }
        out << o;
    }
    if (prepared) {
        if (sqlite && !sqlite->ok())
            w.fail(); // logged by ServerSqliteRows; the commit rolls everything back
        m_prepared = nullptr;
        flushSeq(w);
    }
    return out;
}

void ServerStorage::addConflict(ServerDb::Write &w, const QString &entity, const QString &id, const QString &field,
                                const FieldState &kept, const FieldState &lost, const Row &row)
{
    const Clock stamp {tick(w), m_site};
    const RecordChange rc = MergeRule::conflictRecord(entity, id, field, kept, lost, stamp, row.ownerId, row.officeId);
    Row existing = load(w.db(), rc.entity, rc.id, m_prepared);
    if (existing.exists)
        return;
    const qint64 seq = nextSeq(w);
    for (const FieldChange &c : rc.fields)
        existing.fields.put(StoredField {c, seq, false});
    existing.visEntity = row.visEntity.isEmpty() ? entity : row.visEntity;
    existing.ownerId = row.ownerId;
    existing.officeId = row.officeId;
    save(w.db(), rc.entity, rc.id, existing, m_prepared);
}

} // namespace gamix
