#pragma once
// Erasure of one person's personal data on a server (152-FZ; `gamix-server erase-person`).
// Finds the person's contacts and leads (by email, phone or record id), and in one
// transaction deletes them (tombstones included: the row goes, not just its values), the
// conflict records about them, clears the values of their audit-log entries and the push
// answers kept for retries, and leaves an erasure marker (gx_erased) that every replica's
// next pull applies as a secure purge and that office servers relay to their clients. A
// push cannot bring an erased record back. compact() then rewrites the storage so no freed
// page keeps a copy.

#include "ServerStorage.h"

namespace gamix {

class ServerErasure
{
public:
    ServerErasure(ServerDb &db, ServerStorage &storage);

    enum class Key { Email, Phone, Id };
    using RecordKey = QPair<QString, QString>; // entity, id

    // Contacts and leads whose email fields (case-insensitive), phone fields (as E.164) or id match.
    QList<RecordKey> find(Key key, const QString &value);

    struct Report
    {
        QList<RecordKey> records; // erased (or, from a relay, already gone)
        int conflicts = 0;
        int auditEntries = 0;
        int batches = 0;
    };
    // `actorId` is recorded in the audit log (empty: the server command line or a relay).
    bool erase(const QList<RecordKey> &records, const QString &actorId, Report *report);
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
