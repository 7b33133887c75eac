#pragma once
// Erasure of one person's personal data on a server (152-FZ; `gamix-server erase-person`).
// Finds the person's contacts and leads (by email, phone or record id), and in one
// transaction deletes them (tombstones included: the row goes, not just its values), the
// conflict records about them, clears the values of their audit-log entries and the push
// answers kept for retries, and leaves an erasure marker (gx_erased) that every replica's
// next pull applies as a secure purge and that office servers relay to their clients. A
// push cannot bring an erased record back. compact() then rewrites the storage so no freed
// page keeps a copy.
// Made on an office server (one that relays to an upstream), the erasure also goes up: it
// queues a request (gx_meta erase_up.*: the kind of key, a digest of its value, never the
// value, and the record ids) that UpstreamRelay sends as POST /v1/erase on its next round;
// the upstream erases the records the office may see and every record whose key matches the
// digest (the person everywhere), in its storage, tombstones, conflicts and audit values,
// and its erasure markers then purge every other replica as usual.

#include "ServerStorage.h"

#include <QJsonObject>

namespace gamix {

class ServerErasure
{
public:
    ServerErasure(ServerDb &db, ServerStorage &storage);

    enum class Key { Email, Phone, Id };
    using RecordKey = QPair<QString, QString>; // entity, id

    // Contacts and leads whose email fields (case-insensitive), phone fields (as E.164) or id match.
    QList<RecordKey> find(Key key, const QString &value);
    // The same by the digest of the key's value (what an office server sends upstream).
    QList<RecordKey> findByDigest(Key key, const QString &digest);
    static QString digest(Key key, const QString &value);
    static QString keyName(Key key);
    static bool keyFromName(const QString &name, Key *key);

    struct Report
    {
        QList<RecordKey> records; // erased (or, from a relay, already gone)
        int conflicts = 0;
        int auditEntries = 0;
        int batches = 0;
        bool queuedUpstream = false; // an office server: the erasure goes upstream next
    };
    // `actorId` is recorded in the audit log (empty: the server command line or a relay).
    // `upstreamKey`/`upstreamDigest` set: when this server relays to an upstream, the same
    // transaction queues the request that carries the erasure there (see above).
    bool erase(const QList<RecordKey> &records, const QString &actorId, Report *report,
               const QString &upstreamKey = QString(), const QString &upstreamDigest = QString());
    // On the upstream: a relay's POST /v1/erase body; erases, compacts, answers {erased}.
    QJsonObject eraseForwarded(const SyncUser &relay, const QByteArray &body);
    // On an office server: queued requests (gx_meta key -> body) and their removal once sent.
    QList<QPair<QString, QByteArray>> pendingUpstream();
    void forgetUpstream(const QString &key);
    // On an office server: records that left its office upstream (a removal in the relay's
    // pull) go from this storage with the conflict records about them; its own clients
    // that could see them get removals (gx_moved). Not an erasure: they may come back.
    void dropRemoved(const QList<RecordKey> &records);
    // SQLite: VACUUM and an emptied WAL; PostgreSQL: VACUUM FULL of the tables touched.
    bool compact(QString *error);

private:
    ServerDb &m_db;
    ServerStorage &m_storage;
};

} // namespace gamix
