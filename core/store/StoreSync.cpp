// Store methods the sync module needs beyond merge(): reading what is still to push,
// adopting a server's value, re-stamping after a clock-guard refusal, and binding the
// database to its first user. They use the same row writer and counters as the write path.

#include "Store.h"

#include "StoreTable.h"
#include "schema/FieldCodec.h"

#include <limits>

namespace gamix {

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

bool Store::adoptField(const EntityDef &entity, const QString &id, const RemoteField &server)
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
        if (current.values[server.field] != v)
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
    int stamped = 0;
    beginWrite();
    try {
        setMeta(QStringLiteral("owner_id"), ownerId);
        setMeta(QStringLiteral("office_id"), officeId);
        m_ownerId = ownerId;
        m_officeId = officeId;
        for (const EntityDef &e : Schema::instance().entities()) {
            // Seeds, the directory and conflict records keep their owners.
            if (e.directory || e.name == u"pipeline" || e.name == u"stage" || e.name == u"conflict")
                continue;
            const Table &t = table(e);
            const int owner = e.fieldIndex(QLatin1String(kOwnerField));
            const int office = e.fieldIndex(QLatin1String(kOfficeField));
            SqliteStmt st
                = m_db.prepare(QStringLiteral("SELECT ") + t.selectColumns + QStringLiteral(" FROM ") + t.name
                               + (officeId.isEmpty() ? QStringLiteral(" WHERE owner_id IS NULL")
                                                     : QStringLiteral(" WHERE owner_id IS NULL OR office_id IS NULL")));
            QList<Record> rows;
            while (st.step())
                rows << readRow(e, st);
            for (Record &r : rows) {
                const Clock stamp {m_hlc.tick(), m_site};
                if (r.values[owner].isNull()) {
                    r.values[owner] = ownerId;
                    r.clocks.set(owner, stamp, prevForLocalWrite(r.clocks.clock(owner), r.clocks.prev(owner), m_site));
                }
                if (r.values[office].isNull() && !officeId.isEmpty()) {
                    r.values[office] = officeId;
                    r.clocks.set(office, stamp,
                                 prevForLocalWrite(r.clocks.clock(office), r.clocks.prev(office), m_site));
                }
                r.updatedAt = FieldCodec::isoUtcFromHlc(stamp.hlc);
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

} // namespace gamix
