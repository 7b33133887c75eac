#include "ServerReplica.h"

#include "ServerErasure.h"
#include "ServerPurgeLog.h"
#include "ServerVisibility.h"

namespace gamix {

ServerReplica::ServerReplica(ServerStorage &storage, const QString &peer)
    : m_storage(storage)
    , m_peer(peer)
{
    m_storage.setRelayCursorKey(key(QStringLiteral("push_cursor")));
}

SiteId ServerReplica::siteId()
{
    return m_storage.siteId();
}

QHash<QString, FieldState> ServerReplica::fieldStates(const QString &entity, const QString &id)
{
    return m_storage.fieldStates(entity, id);
}

QList<QList<FieldStatus>> ServerReplica::apply(const QList<RecordChange> &records, const QHash<QString, QString> &state)
{
    ServerDb::Write w(m_storage.db());
    MergeOptions options;
    options.fromUpstream = true;
    options.relayCursor = m_storage.relayPushCursor(w);
    QList<QList<FieldStatus>> out;
    if (!records.isEmpty()) {
        // Records that come back after this office dropped them (they left it upstream), and
        // conflict records new here (they may be about such a record): a client that stamped
        // every field of one dropped it too, so a pull must not leave it out as that client's
        // own echo (solo_site).
        QList<QPair<QString, QString>> entering;
        const QSet<QString> dropped = ServerPurgeLog::droppedKeys(w.db());
        for (const RecordChange &rc : records) {
            if ((!dropped.isEmpty() && dropped.contains(rc.entity + u'|' + rc.id))
                || (rc.entity == u"conflict" && !ServerVisibility::stored(w, rc.entity, rc.id)))
                entering.append({rc.entity, rc.id});
        }
        const QList<RecordOutcome> outcomes = m_storage.merge(w, records, options, nullptr, nullptr);
        for (const RecordOutcome &o : outcomes)
            out << o.status;
        ServerVisibility::sentToAll(w, entering);
    }
    for (auto it = state.begin(); it != state.end(); ++it)
        m_storage.db().setMeta(w.db(), key(it.key()), it.value());
    w.commit();
    return out;
}

void ServerReplica::adopt(const RecordChange &serverValues)
{
    ServerDb::Write w(m_storage.db());
    m_storage.force(w, serverValues);
    w.commit();
}

void ServerReplica::purge(const QList<PurgeMarker> &markers)
{
    QList<ServerErasure::RecordKey> erased, removed;
    for (const PurgeMarker &m : markers)
        (m.erased ? erased : removed).append({m.entity, m.id});
    ServerErasure erasure(m_storage.db(), m_storage);
    if (!removed.isEmpty())
        erasure.dropRemoved(removed); // left this office upstream
    if (erased.isEmpty())
        return;
    if (erasure.erase(erased, QString(), nullptr)) {
        QString error;
        if (!erasure.compact(&error))
            qWarning("gamix-server: after an erasure from upstream: %s", qPrintable(error));
    }
}

ChangePage ServerReplica::localChanges(qint64 cursor, int limit)
{
    return m_storage.localChanges(cursor, limit);
}

QString ServerReplica::state(const QString &name)
{
    QSqlDatabase c = m_storage.db().connection();
    return m_storage.db().meta(c, key(name));
}

void ServerReplica::setState(const QString &name, const QString &value)
{
    ServerDb::Write w(m_storage.db());
    m_storage.db().setMeta(w.db(), key(name), value);
    w.commit();
}

} // namespace gamix
