#pragma once
// An office server's storage as a Replica, for relaying to an upstream server with the
// same protocol (DESIGN.md §4 "Office to office"): it sends what its own clients wrote
// (never what came from upstream) without re-stamping, and keeps its cursors in gx_meta.

#include "Replica.h"
#include "ServerStorage.h"

namespace gamix {

class ServerReplica : public Replica
{
public:
    ServerReplica(ServerStorage &storage, const QString &peer);

    SiteId siteId() override;
    QHash<QString, FieldState> fieldStates(const QString &entity, const QString &id) override;
    QList<QList<FieldStatus>> apply(const QList<RecordChange> &records, const QHash<QString, QString> &state) override;
    void adopt(const RecordChange &serverValues) override;
    // Erasures from upstream are carried out here too (and reach this server's clients);
    // removals (records that left this office) drop the records here and reach the
    // clients that could see them.
    void purge(const QList<PurgeMarker> &markers) override;
    ChangePage localChanges(qint64 cursor, int limit) override;
    QString state(const QString &key) override;
    void setState(const QString &key, const QString &value) override;

private:
    QString key(const QString &name) const { return QStringLiteral("peer.") + m_peer + u'.' + name; }
    ServerStorage &m_storage;
    QString m_peer;
};

} // namespace gamix
