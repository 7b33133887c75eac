// Store methods the sync module needs beyond merge(): reading what is still to push,
// adopting a server's value, re-stamping after a clock-guard refusal, and binding the
// database to its first user (stamping its rows as the first push reads them). They use
// the same row writer and counters as the write path.

#include "Store.h"

#include "StoreTable.h"
#include "schema/FieldCodec.h"

#include <limits>

namespace gamix {

namespace {

// Set by bindOwner until stampOwner(.., -1) has stamped every row.
constexpr const char *kOwnerStampMeta = "owner_stamp_pending";

// The rows bindOwner counts and stampOwner stamps: no owner, or no office when there is one.
QString unboundRows(const QString &officeId)
{
    return officeId.isEmpty() ? QStringLiteral("owner_id IS NULL")
                              : QStringLiteral("(owner_id IS NULL OR office_id IS NULL)");
}

} // namespace

QList<QPair<qint64, Record>> Store::dirtyRowsAfter(const EntityDef &entity, qint64 after, int limit)
{
    const Table &t = table(entity);
    SqliteStmt &st
        = m_db.cached(QStringLiteral("SELECT ") + t.selectColumns + QStringLiteral(", dirty_seq FROM ") + t.name
                      + QStringLiteral(" WHERE dirty_seq > ?1 AND dirty_seq > 0 ORDER BY dirty_seq LIMIT ?2"));
    st.bind(1, after).bind(2, qint64(limit));
    QList<QPair<qint64, Record>> out;
    const int dirtyCol = Table::kFirstFieldColumn + int(entity.fields.size());
    while (st.step())
        out.append({st.int64(dirtyCol), readRow(entity, st)});
    st.reset();
    return out;
}

bool Store::adoptField(const EntityDef &entity, const QString &id, const RemoteField &server, bool keepOurs)
{
    if (server.field < 0 || server.field >= entity.fields.size())
        return false;
    const FieldDef &f = entity.fields.at(server.field);
    QVariant v;
    QString error;
    if (!FieldCodec::parse(f, server.text, &v, &error))
        return false;
    beginWrite();
    try {
        Record current = get(entity, id.toLower(), true);
        if (!current.isValid()) {
            endWrite(true);
            return false;
        }
        m_hlc.observe(server.clock.hlc);
        const Clock local = current.clocks.clock(server.field);
        if (keepOurs && current.values[server.field] != v)
            recordConflict(entity, current.id, f, v, server.clock, current.values[server.field], local);
        current.values[server.field] = v;
        current.clocks.set(server.field, server.clock, server.prev);
        current.updatedAt = FieldCodec::isoUtcFromHlc(current.clocks.maxHlc());
        current.seq = ++m_seq;
        writeRow(entity, current, false, false);
        if (!m_deferIndex) {
            indexRow(entity, current, false);
            if (m_ftsSeq == m_seq - 1)
                m_ftsSeq = m_seq;
        }
        endWrite(true);
    } catch (const SqliteError &) {
        endWrite(false);
        return false;
    }
    return true;
}

bool Store::releaseFields(const EntityDef &entity, const QString &id, const QList<QPair<int, Clock>> &sent)
{
    bool released = false;
    beginWrite();
    try {
        Record current = get(entity, id.toLower(), true);
        if (current.isValid()) {
            for (const auto &[field, clock] : sent) {
                if (field >= 0 && field < entity.fields.size() && current.clocks.clock(field) == clock) {
                    current.clocks.set(field, Clock(), Clock());
                    released = true;
                }
            }
            if (released)
                writeRow(entity, current, false, false);
        }
        endWrite(true);
    } catch (const SqliteError &) {
        endWrite(false);
        return false;
    }
    return released;
}

int Store::restampUnpushed(qint64 afterSeq, quint64 afterHlc)
{
    int stamped = 0;
    beginWrite();
    try {
        for (const EntityDef &e : Schema::instance().entities()) {
            const QList<QPair<qint64, Record>> rows = dirtyRowsAfter(e, afterSeq, std::numeric_limits<int>::max());
            for (const auto &[dirty, row] : rows) {
                Q_UNUSED(dirty);
                Record r = row;
                bool any = false;
                for (int i = 0; i < e.fields.size(); ++i) {
                    const Clock c = r.clocks.clock(i);
                    if (c.site == m_site && c.hlc > afterHlc) {
                        r.clocks.set(i, Clock {m_hlc.tick(), m_site}, r.clocks.prev(i));
                        any = true;
                    }
                }
                if (!any)
                    continue;
                r.updatedAt = FieldCodec::isoUtcFromHlc(r.clocks.maxHlc());
                r.seq = ++m_seq;
                writeRow(e, r, false, true);
                ++stamped;
            }
        }
        endWrite(true);
    } catch (const SqliteError &) {
        endWrite(false);
        throw;
    }
    return stamped;
}

int Store::bindOwner(const QString &ownerId, const QString &officeId)
{
    int waiting = 0;
    beginWrite();
    try {
        setMeta(QStringLiteral("owner_id"), ownerId);
        setMeta(QStringLiteral("office_id"), officeId);
        setMeta(QLatin1String(kOwnerStampMeta), QStringLiteral("1"));
        m_ownerId = ownerId;
        m_officeId = officeId;
        for (const EntityDef &e : Schema::instance().entities()) {
            if (!ownerStamped(e))
                continue;
            waiting += int(m_db.scalar(QStringLiteral("SELECT count(*) FROM ") + table(e).name
                                       + QStringLiteral(" WHERE ") + unboundRows(officeId)));
        }
        endWrite(true);
    } catch (const SqliteError &) {
        endWrite(false);
        throw;
    }
    return waiting;
}

bool Store::ownerStamped(const EntityDef &e)
{
    // Seeds, the directory and conflict records keep their owners.
    return !(e.directory || e.name == u"pipeline" || e.name == u"stage" || e.name == u"conflict");
}

bool Store::ownerStampPending()
{
    return meta(QLatin1String(kOwnerStampMeta)) == u"1";
}

int Store::stampOwner(qint64 keepAbove, int limit)
{
    int stamped = 0;
    beginWrite();
    try {
        const QString ownerId = m_ownerId;
        const QString officeId = m_officeId;
        if (ownerId.isEmpty() || meta(QLatin1String(kOwnerStampMeta)) != u"1") {
            endWrite(true);
            return 0;
        }
        for (const EntityDef &e : Schema::instance().entities()) {
            if (!ownerStamped(e))
                continue;
            const Table &t = table(e);
            const int owner = e.fieldIndex(QLatin1String(kOwnerField));
            const int office = e.fieldIndex(QLatin1String(kOfficeField));
            // Only the two columns, the clocks and the counters change: rewriting each whole
            // row (every column bound again, phones normalised again) was a tenth of a
            // 100k-record first sync.
            SqliteStmt st = m_db.prepare(
                QStringLiteral("SELECT rowid, owner_id, office_id, clocks, dirty_seq FROM ") + t.name
                + QStringLiteral(" WHERE ") + unboundRows(officeId)
                + (limit < 0 ? QString()
                             : QStringLiteral(" AND dirty_seq > ?1 AND dirty_seq > 0 ORDER BY dirty_seq LIMIT ?2")));
            if (limit >= 0)
                st.bind(1, keepAbove).bind(2, qint64(limit));
            struct Row
            {
                qint64 rowid;
                bool ownerNull, officeNull;
                QString owner, office;
                QByteArray clocks;
                qint64 dirty;
            };
            QList<Row> rows;
            while (st.step())
                rows.append(Row {st.int64(0), st.isNull(1), st.isNull(2), st.isNull(1) ? QString() : st.text(1),
                                 st.isNull(2) ? QString() : st.text(2), st.blob(3), st.int64(4)});
            SqliteStmt up
                = m_db.prepare(QStringLiteral("UPDATE ") + t.name
                               + QStringLiteral(" SET owner_id = ?1, office_id = ?2, updated_at = ?3, seq = ?4, "
                                                "dirty_seq = ?5, clocks = ?6 WHERE rowid = ?7"));
            for (Row &r : rows) {
                const Clock stamp {m_hlc.tick(), m_site};
                ClockSet clocks = ClockSet::fromBlob(r.clocks);
                if (r.ownerNull) {
                    r.owner = ownerId;
                    clocks.set(owner, stamp, prevForLocalWrite(clocks.clock(owner), clocks.prev(owner), m_site));
                }
                if (r.officeNull && !officeId.isEmpty()) {
                    r.officeNull = false;
                    r.office = officeId;
                    clocks.set(office, stamp, prevForLocalWrite(clocks.clock(office), clocks.prev(office), m_site));
                }
                const qint64 seq = ++m_seq;
                up.bind(1, r.owner);
                if (r.officeNull)
                    up.bindNull(2);
                else
                    up.bind(2, r.office);
                up.bind(3, FieldCodec::isoUtcFromHlc(stamp.hlc));
                up.bind(4, seq);
                up.bind(5, r.dirty > keepAbove ? r.dirty : seq);
                up.bindBlob(6, clocks.toBlob());
                up.bind(7, r.rowid);
                up.exec();
                ++stamped;
            }
        }
        if (limit < 0)
            setMeta(QLatin1String(kOwnerStampMeta), QString());
        endWrite(true);
    } catch (const SqliteError &) {
        endWrite(false);
        throw;
    }
    return stamped;
}

} // namespace gamix
