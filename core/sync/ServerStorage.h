#pragma once
// The server's replica: every record as one row (gx_record) whose `fields` column holds
// the change-set JSON of all its fields plus, per field, the server sequence `q` of its
// last change and `u` when it came from an upstream server (so a relay does not send it
// back); `wire` and `solo_site` beside it let a pull copy the record's JSON text and skip
// a replica's own records without parsing (ServerStorageRow.h). Pulls send whole records: the receiver's merge ignores
// what it already has. Merging applies the rule of MergeRule per field, creates conflict records, and assigns sequence
// numbers in commit order (ServerDb::Write), so a pull cursor never skips a change.

#include "Access.h"
#include "MergeRule.h"
#include "ServerDb.h"
#include "ServerStorageRow.h"

#include <QSet>

#include <functional>

namespace gamix {

struct RecordOutcome
{
    QList<FieldStatus> status; // per field of the pushed record
    RecordChange serverValues; // for forbidden/invalid fields: the server's value and clock
};

struct MergeOptions
{
    const SyncUser *user = nullptr; // permissions; nullptr = the server itself
    bool fromUpstream = false;
    bool enforceOwnerOnCreate = true;
    // The pushing replica's site (hex, lower case): a record whose every current field came
    // in pushes from that replica, or in pulls it has applied, is not sent back to it
    // (gx_record.via_site).
    QString pusherSite;
    // The pusher's last noted pull cursor (ServerPurgeHorizon): it holds fields changed at or
    // before it. -1: unknown.
    qint64 pusherHolds = -1;
    // The relay's push cursor on a server that relays upstream (-1: it does not). This
    // server's own fields changed after it have not been judged upstream yet, so a forced
    // field from upstream does not take them; and a client's write over one of them relays
    // the prev of the chain's base (StoredField::base).
    qint64 relayCursor = -1;
};

class ServerStorage
{
public:
    explicit ServerStorage(ServerDb &db);

    QString epoch();
    SiteId siteId();
    qint64 currentSeq();

    // A server that relays to an upstream names the gx_meta key of its relay's push cursor
    // (ServerReplica does, before any request is served); relayPushCursor() reads it, -1 on a
    // server that does not relay (MergeOptions::relayCursor).
    void setRelayCursorKey(const QString &key) { m_relayCursorKey = key; }
    qint64 relayPushCursor(ServerDb::Write &w);

    // Merges records in the caller's write transaction.
    QList<RecordOutcome> merge(ServerDb::Write &w, const QList<RecordChange> &records, const MergeOptions &options,
                               int *changed, int *conflicts);
    // One server-stamped write (directory records, web-form leads): fields name -> text.
    RecordChange stamp(ServerDb::Write &w, const QString &entity, const QString &id,
                       const QList<QPair<QString, QString>> &fields);

    // The records this user may see, changed after `since` (whole records, in seq order),
    // and in page.purges the removals and erasures of that range (ServerStoragePull.cpp).
    // Records whose every field was stamped by `requesterSite` are left out (that replica
    // stamped them, so it holds them or newer; a restored copy has a new site id).
    ChangePage pull(const SyncUser &user, qint64 since, int limit, QByteArray *json,
                    const QString &requesterSite = QString());
    // For a relay: records changed after `cursor`, without the fields that came from upstream.
    ChangePage localChanges(qint64 cursor, int limit);
    QHash<QString, FieldState> fieldStates(const QString &entity, const QString &id);
    // One number of the change sequence in the caller's write transaction (erasure markers).
    qint64 takeSeq(ServerDb::Write &w);
    // Server-forced field values (a relay adopting its upstream's refusal).
    void force(ServerDb::Write &w, const RecordChange &values);
    QList<RecordChange> allRecords(); // for tests and checks

    ServerDb &db() { return m_db; }
    // Wall-clock milliseconds for the server's own stamps: the system clock unless set
    // (a deterministic simulation gives each server its own source).
    void setTimeSource(Hlc::TimeSource source) { m_now = std::move(source); }

private:
    struct Row
    {
        bool exists = false;
        QString visEntity, ownerId, officeId;
        QString viaSite; // the replica whose pushes brought every current field, else ""
        StoredFields fields;
    };
    // Statements prepared once per merge() (a push merges thousands of records).
    struct Prepared;
    Row load(QSqlDatabase &db, const QString &entity, const QString &id, Prepared *prepared = nullptr);
    // Per record of a bulk merge: true when gx_record does not hold it (and the batch names
    // it once): one query per 500 ids instead of a QtSql lookup per new record (PostgreSQL).
    // Empty: look each up.
    static QList<bool> absentRecords(QSqlDatabase &db, const QList<RecordChange> &records);
    void save(QSqlDatabase &db, const QString &entity, const QString &id, Row &row, Prepared *prepared = nullptr);
    quint64 tick(ServerDb::Write &w);
    // The change sequence is read once per transaction and written back by flushSeq().
    qint64 nextSeq(ServerDb::Write &w);
    void flushSeq(ServerDb::Write &w);
    void addConflict(ServerDb::Write &w, const QString &entity, const QString &id, const QString &field,
                     const FieldState &kept, const FieldState &lost, const Row &row);

    ServerDb &m_db;
    SiteId m_site {};
    QString m_relayCursorKey;
    // Counters cached for the duration of one write transaction (the Write holds the
    // process mutex and, on PostgreSQL, the advisory lock, so nobody else moves them).
    qint64 m_seq = -1;
    quint64 m_seqSerial = 0;
    bool m_seqDirty = false;
    Prepared *m_prepared = nullptr;
    Hlc::TimeSource m_now;
};

} // namespace gamix
