// ServerStorage's reads of the change stream: pull (what one user may see, with removals
// and erasures merged in) and localChanges (what a relay sends upstream). Kept apart from
// ServerStorage.cpp, which holds the merge.
#include "ServerPurgeLog.h"
#include "ServerStorage.h"

#include <QSqlQuery>

namespace gamix {

namespace {

// How many pages' worth of rows one pull may read to fill its page (see pull()).
constexpr qint64 kPullScanFactor = 10;

} // namespace

qint64 ServerStorage::takeSeq(ServerDb::Write &w)
{
    const qint64 seq = nextSeq(w);
    if (!m_prepared)
        flushSeq(w);
    return seq;
}

ChangePage ServerStorage::pull(const SyncUser &user, qint64 since, int limit, QByteArray *json,
                               const QString &requesterSite)
{
    ChangePage page;
    page.next = since;
    QSqlDatabase c = m_db.connection();
    // Removals and erasures share the sequence: a full page of them bounds the records.
    QList<PurgeMarker> markers = ServerPurgeLog::markers(c, user, since, limit, requesterSite);
    const qint64 bound = markers.size() == limit ? markers.last().seq : -1;
    // A record stamped only by the requesting replica comes back as '' (its own writes,
    // echoed: nothing new for it); one whose `wire` is missing or older than its last save
    // (saved by a server version without it: wire_seq <> seq) brings its `fields`.
    // Nor one whose every field this replica pushed (an office server's relay pushing its
    // clients' records: via_site), which it holds as they are.
    // Rows left out (the requester's own echoes) do not fill the page: the scan goes on past
    // them up to kPullScanFactor pages' worth of rows, so the replica that pushed 100,000
    // records does not walk 20 empty pages of its own. The page still ends after a whole row,
    // and `next` is the last row read, so nothing past it is skipped.
    const qint64 scanLimit = qint64(limit) * kPullScanFactor;
    QVariantList binds {requesterSite, requesterSite, since};
    const QString filter = Access::sqlFilter(user, &binds);
    QSqlQuery q(c);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral(
            "SELECT entity, id, seq, CASE WHEN wire_seq IS NULL OR wire_seq <> seq THEN fields "
            "WHEN solo_site = ? OR via_site = ? THEN '' ELSE wire END, CASE WHEN wire_seq IS NULL OR wire_seq <> seq "
            "THEN 1 ELSE 0 END FROM gx_record WHERE seq > ? AND ")
        + filter + (bound >= 0 ? QStringLiteral(" AND seq <= ") + QString::number(bound) : QString())
        + QStringLiteral(" ORDER BY seq LIMIT ") + QString::number(scanLimit));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!ServerDb::exec(q))
        return page;
    QByteArray out;
    if (json)
        out += '[';
    qint64 scanned = 0;
    int delivered = 0;
    while (delivered < limit && scanned < scanLimit && q.next()) {
        ++scanned;
        page.next = q.value(2).toLongLong();
        const QString text = q.value(3).toString();
        if (text.isEmpty())
            continue;
        const QString entity = q.value(0).toString();
        const QString id = q.value(1).toString();
        QByteArray wire;
        StoredFields parsed;
        const bool legacy = q.value(4).toInt() == 1;
        if (legacy) {
            parsed = StoredFields::parse(text);
            if (!requesterSite.isEmpty() && parsed.soloSite() == requesterSite)
                continue;
        }
        ++delivered;
        if (json) {
            // Whole records (see localChanges): the receiver ignores what it already has.
            if (out.size() > 1)
                out += ',';
            out += "{\"entity\":";
            ChangeSetJson::appendString(out, entity);
            out += ",\"id\":";
            ChangeSetJson::appendString(out, id);
            out += ",\"fields\":";
            out += legacy ? parsed.wireJson() : text.toUtf8();
            out += '}';
        } else {
            RecordChange rc;
            rc.entity = entity;
            rc.id = id;
            // `wire` has the form of `fields` without q and u, which StoredFields ignores.
            if (!legacy)
                parsed = StoredFields::parse(text);
            for (const StoredField &f : std::as_const(parsed.list))
                rc.fields << f.change;
            page.records << rc;
        }
    }
    // Stopped before the end of the range (a full page, or the scan's bound): more follows.
    const bool cut = delivered == limit || scanned == scanLimit;
    page.more = cut || bound >= 0;
    if (cut) {
        // Markers past the last record go in the next page.
        while (!markers.isEmpty() && markers.last().seq > page.next)
            markers.removeLast();
    } else if (bound >= 0) {
        page.next = bound;
    } else if (!markers.isEmpty()) {
        page.next = std::max(page.next, markers.last().seq);
    }
    for (const PurgeMarker &m : std::as_const(markers)) {
        if (!m.entity.isEmpty()) // empty: a removal that no longer applies (kept for the bound)
            page.purges << m;
    }
    if (json) {
        out += ']';
        *json = out;
    }
    return page;
}

ChangePage ServerStorage::localChanges(qint64 cursor, int limit)
{
    ChangePage page;
    page.next = cursor;
    QSqlDatabase c = m_db.connection();
    QSqlQuery q(c);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT entity, id, seq, fields FROM gx_record WHERE seq > ? ORDER BY seq LIMIT ")
              + QString::number(limit));
    q.addBindValue(cursor);
    if (!ServerDb::exec(q))
        return page;
    int n = 0;
    while (q.next()) {
        ++n;
        RecordChange rc;
        rc.entity = q.value(0).toString();
        rc.id = q.value(1).toString();
        page.next = q.value(2).toLongLong();
        for (const StoredField &f : StoredFields::parse(q.value(3).toString()).list) {
            // Whole records: a row that moved past a page boundary keeps fields stamped in
            // ranges already passed, so filtering fields by the cursor would lose them.
            // A force bound is for this server's clients only: never relayed (ChangeSet.h).
            if (!f.upstream) {
                rc.fields << f.change;
                rc.fields.last().force = Clock();
                if (f.hasBase)
                    rc.fields.last().prev = f.base; // a chain collapsed here (StoredField::base)
            }
        }
        if (!rc.fields.isEmpty())
            page.records << rc;
    }
    page.more = n == limit;
    return page;
}

} // namespace gamix
