#pragma once
// The world of the seeded sync simulation (DESIGN.md §3-4): a central server, two office
// servers relaying to it and six clients, the users and offices they work for, the random
// workload, the faulty network between them, and the record of every write and of how the
// servers answered it, from which verify() judges the state after quiescence.
// Deterministic: time is simulated, site and record ids come from the seed.

#include "SimNodes.h"

#include <QRandomGenerator>

#include <vector>

namespace gamix::sim {

class SimWorld
{
public:
    // The nodes in a directory; Qt Test failures (QVERIFY) report a failed set-up.
    // `salesRelay`: office2 relays with a sales user's account (dina's) instead of a relay
    // account, so the central server refuses writes office2 accepted (an admin there giving a
    // contact to someone else) while the record stays in office2's view.
    void setUp(const QString &dir, quint32 seed, bool salesRelay = false);
    void tearDown();
    // `steps` random writes, syncs, relays and partitions, then quiescence.
    void run(int steps);
    // The checks after quiescence (see tst_sync_simulation.cpp); `seed` for the summary line.
    void verify(quint32 seed);

    void clientStep(ClientNode &c, bool faults);
    void relayStep(ServerNode &office, bool faults);
    QString newId(); // a UUIDv7 from the simulated time and the seeded generator

    std::vector<std::unique_ptr<ServerNode>> m_servers; // central, office1, office2
    std::vector<std::unique_ptr<ClientNode>> m_clients;
    QList<SyncUser> m_users; // as the central server knows them

private:
    void exchange(SyncEngine &engine, ServerNode &server, const QString &token, const SiteId &site,
                  QList<QPair<qint64, QByteArray>> *late, bool faults);
    void randomWrite(ClientNode &c);
    void advanceTime();
    void noteWrites(const EntityDef &e, const QString &id, const Record &before, const Record &after);
    void noteRefusals(const QByteArray &request, const QByteArray &answer, bool central);
    QList<FieldWrite> ownership(const ClientNode &c, const EntityDef &e, bool reassign);
    QString officeOf(const QString &userId) const;
    bool accepted(const QString &fieldKey, const Write &w) const;

    QRandomGenerator m_rng;
    QStringList m_userIds;
    QStringList m_officeIds; // north, south
    // "entity|id|field|hlc/site" of writes as servers answered them: forbidden/invalid anywhere,
    // forbidden/invalid by the central server, accepted/superseded anywhere, by the central server.
    QSet<QString> m_refused, m_refusedCentrally, m_taken, m_takenCentrally;
    QList<QPair<QString, QString>> m_records; // entity, id
    QHash<QString, QList<Write>> m_writes; // "entity|id|field"
    int m_ops = 0;
    int m_merges = 0;
    int m_repointed = 0; // task references moved by merges
    int m_reassigns = 0;
};

} // namespace gamix::sim
