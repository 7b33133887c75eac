#include "SyncEngine.h"

#include "ChangeSetReader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace gamix {

namespace {

const QString kPushCursor = QStringLiteral("push_cursor");
// The batch sent and not answered yet: its text in the slot named by pending_slot ("1" or
// "2"), or, written by versions before the slots, in pending_batch itself.
const QString kPendingBatch = QStringLiteral("pending_batch");
const QString kPendingSlot = QStringLiteral("pending_slot");
const QString kPendingNext = QStringLiteral("pending_next");
const QString kPullCursor = QStringLiteral("pull_cursor");
const QString kEpoch = QStringLiteral("epoch");
const QString kView = QStringLiteral("view");

} // namespace

SyncEngine::SyncEngine(Replica &replica)
    : m_replica(replica)
{ }

void SyncEngine::clearReport()
{
    m_rejected.clear();
    m_error.clear();
    m_applied = 0;
    m_purged = 0;
    m_epochReset = false;
}

void SyncEngine::beginPush()
{
    settleAnswer();
    m_replica.beginPush();
}

void SyncEngine::settleAnswer()
{
    if (!m_answered)
        return;
    m_answered = false;
    m_replica.apply({},
                    {{kPushCursor, m_answeredNext},
                     {kPendingBatch, QString()},
                     {kPendingSlot, QString()},
                     {kPendingNext, QString()}});
}

QString SyncEngine::pendingBody()
{
    const QString slot = m_replica.state(kPendingSlot);
    return m_replica.state(slot.isEmpty() ? kPendingBatch : kPendingBatch + u'_' + slot);
}

QString SyncEngine::spareSlot()
{
    return m_replica.state(kPendingSlot) == u"1" ? QStringLiteral("2") : QStringLiteral("1");
}

namespace {

// {"batch_id": ..., "records": [...]}, written as text directly.
QByteArray batchBody(const QList<RecordChange> &records)
{
    QByteArray bytes;
    bytes.reserve(int(records.size()) * 800 + 64);
    bytes += "{\"batch_id\":\"" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + "\",\"records\":[";
    for (int i = 0; i < records.size(); ++i) {
        if (i > 0)
            bytes += ',';
        records.at(i).appendJson(bytes);
    }
    bytes += "]}";
    return bytes;
}

} // namespace

QByteArray SyncEngine::nextPushBody(int maxRecords)
{
    return takePushBody(maxRecords, nullptr).body;
}

SyncEngine::PushBatch SyncEngine::buildPushBatch(qint64 cursor, int maxRecords)
{
    PushBatch batch;
    batch.from = cursor;
    qint64 at = cursor;
    for (;;) {
        const ChangePage page = m_replica.localChanges(at, maxRecords);
        batch.next = page.next;
        if (!page.records.isEmpty()) {
            batch.records = int(page.records.size());
            batch.body = batchBody(page.records);
            // Written now, while the server merges the batch in flight, so that sending it
            // later commits only the cursor and the slot's name.
            batch.slot = spareSlot();
            m_replica.apply({}, {{kPendingBatch + u'_' + batch.slot, QString::fromUtf8(batch.body)}});
            return batch;
        }
        if (!page.more || page.next == at)
            return batch;
        at = page.next; // rows with nothing of ours to send
    }
}

qint64 SyncEngine::pendingNext()
{
    settleAnswer();
    return m_replica.state(kPendingNext).toLongLong();
}

SyncEngine::PushBody SyncEngine::takePushBody(int maxRecords, PushBatch *ahead)
{
    PushBody out;
    // The answered batch's cursor move, written below with what follows it.
    QHash<QString, QString> state;
    if (m_answered) {
        m_answered = false;
        state = {{kPushCursor, m_answeredNext},
                 {kPendingBatch, QString()},
                 {kPendingSlot, QString()},
                 {kPendingNext, QString()}};
    }
    const QString pending = state.isEmpty() ? pendingBody() : QString();
    if (!pending.isEmpty()) {
        out.body = pending.toUtf8(); // the same batch again: the server answers it if it has it
        return out;
    }
    const qint64 cursor = (state.isEmpty() ? m_replica.state(kPushCursor) : m_answeredNext).toLongLong();
    PushBatch batch;
    if (ahead) {
        if (!ahead->body.isEmpty() && ahead->from == cursor) {
            batch = std::move(*ahead);
            out.fromAhead = true;
        }
        *ahead = PushBatch();
    }
    if (!out.fromAhead) {
        const ChangePage page = m_replica.localChanges(cursor, maxRecords);
        if (page.records.isEmpty()) {
            if (page.next != cursor)
                state.insert(kPushCursor, QString::number(page.next));
            if (page.more) {
                if (!state.isEmpty())
                    m_replica.apply({}, state);
                return takePushBody(maxRecords, nullptr); // rows with nothing of ours to send
            }
            if (!state.isEmpty()) {
                // The round sent something and is complete: the slots' old batches go.
                state.insert(kPendingBatch + QStringLiteral("_1"), QString());
                state.insert(kPendingBatch + QStringLiteral("_2"), QString());
                m_replica.apply({}, state);
            }
            m_replica.endPush();
            return out;
        }
        batch.body = batchBody(page.records);
        batch.next = page.next;
        batch.records = int(page.records.size());
    }
    // Persisted before sending: after a crash the same id goes again. The answered batch's
    // cursor moves in the same transaction. A batch built ahead is in its slot already.
    if (batch.slot.isEmpty()) {
        batch.slot = spareSlot();
        state.insert(kPendingBatch + u'_' + batch.slot, QString::fromUtf8(batch.body));
    }
    state.insert(kPendingSlot, batch.slot);
    state.insert(kPendingNext, QString::number(batch.next));
    m_replica.apply({}, state);
    out.body = batch.body;
    out.records = batch.records;
    return out;
}

namespace {

// True for gamix-server's answer to a push of which nothing was refused: it ends with
// `],"rejected":0,"conflicts":N}`, and without a refusal it carries no server values. The
// answer to a 5,000-record batch then needs no parsing (a JSON document per batch was a
// fifth of the client's work between two batches).
bool nothingRefused(const QByteArray &body)
{
    static const QByteArray marker = QByteArrayLiteral("],\"rejected\":0,\"conflicts\":");
    if (!body.startsWith('{') || !body.endsWith('}') || body.size() < marker.size() + 2)
        return false;
    const qsizetype at = body.lastIndexOf(marker);
    if (at < 0)
        return false;
    const qsizetype digits = at + marker.size();
    if (digits >= body.size() - 1)
        return false;
    for (qsizetype i = digits; i < body.size() - 1; ++i) {
        if (body.at(i) < '0' || body.at(i) > '9')
            return false;
    }
    return true;
}

} // namespace

SyncEngine::Step SyncEngine::handlePush(int status, const QByteArray &body)
{
    settleAnswer();
    if (status == 200 && nothingRefused(body)) {
        m_answered = true;
        m_answeredNext = m_replica.state(kPendingNext);
        return Step::Continue;
    }
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    if (status == 401) {
        m_error = QCoreApplication::translate("Sync", "the server refused the login token");
        return Step::AuthFailed;
    }
    if (status == 422 && o.value(QLatin1String("error")).toString() == u"clock_ahead") {
        // Our clock is ahead: the replica re-stamps what it has not pushed yet, and the
        // batch is built anew (the server applied nothing of it).
        m_replica.apply({}, {{kPendingBatch, QString()}, {kPendingSlot, QString()}, {kPendingNext, QString()}});
        m_replica.clockAhead(qint64(o.value(QLatin1String("server_time")).toDouble()));
        return Step::RestartPush;
    }
    if (status == 409) {
        // Our pending id was used for another batch (it cannot be ours): send it anew.
        m_replica.apply({}, {{kPendingBatch, QString()}, {kPendingSlot, QString()}, {kPendingNext, QString()}});
        return Step::Continue;
    }
    if (status != 200) {
        m_error = o.value(QLatin1String("message")).toString();
        if (m_error.isEmpty())
            m_error = QCoreApplication::translate("Sync", "the server answered %1").arg(status);
        return Step::Failed;
    }
    const QJsonArray results = o.value(QLatin1String("results")).toArray();
    // The stamps this batch carried, read only when something was refused: a field written
    // here again after the batch was built keeps that newer write (it goes in the next
    // batch); adopting the server's value over it would replace the user's latest edit.
    QHash<QString, Clock> sent; // "entity|id|field"
    bool sentRead = false;
    auto readSent = [&] {
        if (sentRead)
            return;
        sentRead = true;
        QString error;
        const QJsonArray batch
            = QJsonDocument::fromJson(pendingBody().toUtf8()).object().value(QLatin1String("records")).toArray();
        for (const QJsonValue &b : batch) {
            RecordChange mine;
            if (RecordChange::fromJson(b.toObject(), &mine, &error)) {
                for (const FieldChange &f : std::as_const(mine.fields))
                    sent.insert(mine.entity + u'|' + mine.id + u'|' + f.name, f.clock);
            }
        }
    };
    for (const QJsonValue &v : results) {
        const QJsonObject r = v.toObject();
        const QString entity = r.value(QLatin1String("entity")).toString();
        const QString id = r.value(QLatin1String("id")).toString();
        const QJsonObject fields = r.value(QLatin1String("fields")).toObject();
        const QJsonObject server = r.value(QLatin1String("server")).toObject();
        QStringList refused;
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            FieldStatus s = FieldStatus::Accepted;
            fieldStatusFromName(it.value().toString(), &s);
            if (s == FieldStatus::Forbidden || s == FieldStatus::Invalid)
                refused << QCoreApplication::translate("Sync", "%1 %2: %3 was refused (%4)")
                               .arg(entity, id, it.key(), it.value().toString());
        }
        // Every field refused and nothing of the server's sent back: this account may not
        // read the record (someone else's, or a create the server refused), and the server's
        // removal in the pull that follows takes it from this replica (DESIGN.md §4). One line
        // says so, instead of one per field.
        if (!refused.isEmpty() && refused.size() == fields.size() && server.isEmpty()) {
            m_rejected << QCoreApplication::translate("Sync",
                                                      "%1 %2 was refused: this account may not write it, so it is "
                                                      "removed from this computer")
                              .arg(entity, id);
            // Should it come back into view before the removal, the server's values win.
            readSent();
            QHash<QString, Clock> mine;
            for (auto it = fields.begin(); it != fields.end(); ++it) {
                const auto s = sent.constFind(entity + u'|' + id + u'|' + it.key());
                if (s != sent.constEnd())
                    mine.insert(it.key(), *s);
            }
            m_replica.release(entity, id, mine);
        } else
            m_rejected << refused;
        if (!server.isEmpty()) {
            RecordChange rc;
            QString error;
            if (RecordChange::fromJson(QJsonObject {{QStringLiteral("entity"), entity},
                                                    {QStringLiteral("id"), id},
                                                    {QStringLiteral("fields"), server}},
                                       &rc, &error)) {
                readSent();
                const QHash<QString, FieldState> local = m_replica.fieldStates(entity, id);
                rc.fields.removeIf([&](const FieldChange &f) {
                    const auto it = sent.constFind(entity + u'|' + id + u'|' + f.name);
                    return it != sent.constEnd() && local.contains(f.name) && local.value(f.name).clock != *it;
                });
                if (!rc.fields.isEmpty())
                    m_replica.adopt(rc);
            }
        }
    }
    m_answered = true;
    m_answeredNext = m_replica.state(kPendingNext);
    return Step::Continue;
}

qint64 SyncEngine::pullCursor()
{
    return m_replica.state(kPullCursor).toLongLong();
}

QString SyncEngine::pullQuery(int limit)
{
    return QStringLiteral("since=%1&limit=%2").arg(pullCursor()).arg(limit);
}

void SyncEngine::resetForNewEpoch()
{
    m_epochReset = true;
    m_answered = false; // the cursors start again from zero
    m_replica.apply({},
                    {{kPullCursor, QStringLiteral("0")},
                     {kPushCursor, QStringLiteral("0")},
                     {QStringLiteral("push_hlc"), QStringLiteral("0")},
                     {kPendingBatch, QString()},
                     {kPendingSlot, QString()},
                     {kPendingNext, QString()}});
}

void SyncEngine::noteEpoch(const QString &epoch)
{
    settleAnswer();
    const QString known = m_replica.state(kEpoch);
    if (known == epoch || epoch.isEmpty())
        return;
    if (!known.isEmpty())
        resetForNewEpoch();
    m_replica.setState(kEpoch, epoch);
}

SyncEngine::Step SyncEngine::handlePull(int status, const QByteArray &body, qint64 requestedSince)
{
    if (status == 401) {
        m_error = QCoreApplication::translate("Sync", "the server refused the login token");
        return Step::AuthFailed;
    }
    settleAnswer();
    // A page's records straight from the text (ChangeSetReader, a third of applying a page
    // went into QJsonDocument); anything it does not answer for is parsed the slow way.
    QJsonObject o;
    QList<RecordChange> records;
    const bool fast = status == 200 && ChangeSetReader::read(body, &records, &o);
    if (!fast) {
        QJsonParseError pe;
        o = QJsonDocument::fromJson(body, &pe).object();
        if (status != 200 || pe.error != QJsonParseError::NoError) {
            m_error = o.value(QLatin1String("message")).toString();
            if (m_error.isEmpty())
                m_error = QCoreApplication::translate("Sync", "the server answered %1").arg(status);
            return Step::Failed;
        }
    }
    const QString epoch = o.value(QLatin1String("epoch")).toString();
    if (!epoch.isEmpty() && epoch != m_replica.state(kEpoch)) {
        const bool hadEpoch = !m_replica.state(kEpoch).isEmpty();
        noteEpoch(epoch);
        if (hadEpoch && requestedSince != 0)
            return Step::Continue; // pull again from zero
    }
    // A late or repeated answer for another cursor: ignore it, the current one follows.
    if (requestedSince != pullCursor())
        return Step::Continue;
    // The user's role or office changed: records that entered the view may lie behind the
    // cursor, so pull again from zero (merging what we have is a no-op).
    const QString view = o.value(QLatin1String("view")).toString();
    if (!view.isEmpty() && view != m_replica.state(kView)) {
        m_replica.apply(
            {},
            {{kView, view}, {kPullCursor, requestedSince > 0 ? QStringLiteral("0") : QString::number(requestedSince)}});
        if (requestedSince > 0)
            return Step::Continue;
    }
    if (!fast) {
        const QJsonArray arr = o.value(QLatin1String("records")).toArray();
        records.reserve(arr.size());
        for (const QJsonValue &v : arr) {
            RecordChange rc;
            QString error;
            if (RecordChange::fromJson(v.toObject(), &rc, &error))
                records << rc;
        }
    }
    // Removals and erasures first: a record that left the view and came back later in
    // the same page is then applied again from its whole record.
    QList<PurgeMarker> purges;
    const QJsonArray purgeArr = o.value(QLatin1String("purge")).toArray();
    for (const QJsonValue &v : purgeArr) {
        const QJsonObject m = v.toObject();
        PurgeMarker marker {m.value(QLatin1String("entity")).toString(), m.value(QLatin1String("id")).toString(),
                            m.value(QLatin1String("erased")).toBool(), 0};
        if (!marker.entity.isEmpty() && !marker.id.isEmpty())
            purges << marker;
    }
    if (!purges.isEmpty())
        m_replica.purge(purges); // idempotent: a crash before the cursor moves repeats it
    m_purged += int(purges.size());
    const qint64 next = qint64(o.value(QLatin1String("next")).toDouble());
    m_replica.apply(records, {{kPullCursor, QString::number(std::max(next, requestedSince))}});
    m_applied += int(records.size());
    m_rejected << m_replica.takeNotes();
    return o.value(QLatin1String("more")).toBool() ? Step::Continue : Step::Done;
}

} // namespace gamix
