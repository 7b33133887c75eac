#pragma once
// The local Store as a sync replica (DESIGN.md §4). What it pushes: rows written locally
// after the push cursor (dirty_seq), and of them only the fields this replica stamped
// since the last completed push, so an old value is never re-sent as if new.

#include "Replica.h"

#include <utility>

namespace gamix {

class Store;

class StoreReplica : public Replica
{
public:
    // `peer` names the server, so one database can keep separate cursors per server.
    StoreReplica(Store &store, const QString &peer = QStringLiteral("server"));

    SiteId siteId() override;
    QHash<QString, FieldState> fieldStates(const QString &entity, const QString &id) override;
    QList<QList<FieldStatus>> apply(const QList<RecordChange> &records, const QHash<QString, QString> &state) override;
    void adopt(const RecordChange &serverValues) override;
    void release(const QString &entity, const QString &id, const QHash<QString, Clock> &sent) override;
    void purge(const QList<PurgeMarker> &markers) override; // core/sync/StoreReplicaPurge.cpp
    ChangePage localChanges(qint64 cursor, int limit) override;
    void beginPush() override;
    void endPush() override;
    void clockAhead(qint64 serverTimeMs) override;
    QString state(const QString &key) override;
    void setState(const QString &key, const QString &value) override;
    QStringList takeNotes() override { return std::exchange(m_notes, {}); }

    int conflictsCreated() const { return m_conflicts; }
    int duplicatesFlagged() const { return m_duplicates; }
    Store &store() { return m_store; }

private:
    QList<FieldStatus> applyOne(const RecordChange &record);
    QString key(const QString &name) const { return QStringLiteral("sync.") + m_peer + u'.' + name; }

    Store &m_store;
    QString m_peer;
    quint64 m_pushStartHlc = 0;
    quint64 m_pushedHlc = 0; // during apply(): our stamps up to it have been pushed
    int m_conflicts = 0;
    int m_duplicates = 0;
    QStringList m_notes;
};

} // namespace gamix
