#pragma once
// The small replica interface of DESIGN.md §4 ("one client, two replicas"): the merge
// rule and the sync client work against it, and it is implemented by the local Store
// (StoreReplica) and by the server's storage (ServerReplica, for office-to-office relays).

#include "ChangeSet.h"

#include <QHash>
#include <QList>
#include <QString>

namespace gamix {

// What a replica holds for one field: its value and clock, and the clock its author saw.
struct FieldState
{
    QString text;
    Clock clock;
    Clock prev;
};

// A record that must go from a replica without a tombstone (DESIGN.md §4): it left the
// user's view (reassigned away), or the server erased it (152-FZ). The replica drops the
// row, its search entry and the conflict records about it; nothing syncs back.
struct PurgeMarker
{
    QString entity;
    QString id;
    bool erased = false; // erasure: also overwrite the freed bytes
    qint64 seq = 0; // the server sequence of the removal (paging)
};

struct ChangePage
{
    QList<RecordChange> records;
    QList<PurgeMarker> purges; // applied before the records of the same page
    qint64 next = 0; // cursor after this page
    bool more = false;
};

class Replica
{
public:
    virtual ~Replica() = default;

    virtual SiteId siteId() = 0;
    // Clocks (and values) of one record's fields by name; empty when the record is unknown.
    virtual QHash<QString, FieldState> fieldStates(const QString &entity, const QString &id) = 0;
    // Merges many records in one transaction, together with `state` (cursor) updates, so
    // a page and its cursor land together. Returns the status of every field, per record.
    virtual QList<QList<FieldStatus>> apply(const QList<RecordChange> &records, const QHash<QString, QString> &state)
        = 0;
    // Lines for the sync report written while applying pages since the last call (a value
    // the server took back over ours, ChangeSet.h `force`), and forgets them.
    virtual QStringList takeNotes() { return {}; }
    // Drops records that left this replica's view or were erased (see PurgeMarker).
    virtual void purge(const QList<PurgeMarker> &markers) { Q_UNUSED(markers); }
    // The server refused these fields (forbidden/invalid) and sent its own value and clock:
    // take them regardless of the clock order, keeping our value as a conflict record.
    virtual void adopt(const RecordChange &serverValues) = 0;
    // The server refused every field of a record and sent nothing back (this account may
    // not read it now): a removal is expected to follow. Should the record come back into
    // view before that, our refused values must give way to the server's: their clocks are
    // cleared, where they are still the ones we sent (field name -> clock sent).
    virtual void release(const QString &entity, const QString &id, const QHash<QString, Clock> &sent)
    {
        Q_UNUSED(entity);
        Q_UNUSED(id);
        Q_UNUSED(sent);
    }
    // Changes this replica originated (or, for an office server, received from its own
    // clients), after `cursor`. A page never splits a record.
    virtual ChangePage localChanges(qint64 cursor, int limit) = 0;
    // A push round begins / completed: lets a replica narrow what it sends next time.
    virtual void beginPush() { }
    virtual void endPush() { }
    // The server refused stamps ahead of its clock: take its time (plus the measured
    // offset) for the clock and re-stamp what was not pushed yet.
    virtual void clockAhead(qint64 serverTimeMs) { Q_UNUSED(serverTimeMs); }

    // Small persistent key/values (cursors, the pending batch).
    virtual QString state(const QString &key) = 0;
    virtual void setState(const QString &key, const QString &value) = 0;
};

} // namespace gamix
