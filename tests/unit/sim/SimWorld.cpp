// The simulation's world: set-up, the faulty network, and the record of what servers
// answered (see SimWorld.h).

#include "SimWorld.h"

#include "sync/ServerStorage.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QtTest>

namespace gamix::sim {

void SimWorld::setUp(const QString &dir, quint32 seed, bool salesRelay)
{
    m_rng.seed(seed);
    g_simNowMs = kSimEpochMs;
    tearDown(); // a failed seed leaves its nodes behind
    // Who works where: an admin and the north office's manager on the central server; two
    // sales users of the north office on office1; a sales user of the south office and an
    // admin (who, on an office server, sees that office's records only) on office2.
    struct Account
    {
        const char *login, *role, *office;
    };
    const Account accounts[] {{"anna", "admin", ""},      {"boris", "manager", "north"}, {"vera", "sales", "north"},
                              {"gleb", "sales", "north"}, {"dina", "sales", "south"},    {"egor", "admin", ""}};
    for (const char *name : {"central", "office1", "office2"}) {
        auto s = std::make_unique<ServerNode>();
        s->name = QLatin1String(name);
        s->db = std::make_unique<ServerDb>();
        QString error;
        QVERIFY2(s->db->open(dir + u'/' + s->name + QStringLiteral(".sqlite"), &error), qPrintable(error));
        {
            QSqlDatabase c = s->db->connection();
            QSqlQuery(c).exec(QStringLiteral("PRAGMA synchronous = OFF")); // durability is not under test here
            ServerDb::Write w(*s->db);
            s->db->setMeta(w.db(), QStringLiteral("site"), Clock {0, siteFor(s->name)}.siteHex());
            w.commit();
        }
        s->storage = std::make_unique<ServerStorage>(*s->db);
        ServerNode *node = s.get();
        s->storage->setTimeSource([node]() { return g_simNowMs + node->skewMs; });
        s->directory = std::make_unique<ServerDirectory>(*s->db, *s->storage);
        s->service = std::make_unique<SyncService>(*s->db, *s->storage, *s->directory);
        s->service->setNowForTest([]() { return g_simNowMs; });
        m_servers.push_back(std::move(s));
    }
    ServerNode &central = *m_servers[0];
    m_userIds.clear();
    m_users.clear();
    for (const Account &a : accounts) {
        QString error, id;
        QVERIFY2(central.directory->addUser(QLatin1String(a.login), QStringLiteral("pw"), QLatin1String(a.role),
                                            QLatin1String(a.office), &error, &id),
                 qPrintable(error));
        m_userIds << id;
        m_users << *central.directory->userByLogin(QLatin1String(a.login));
    }
    m_officeIds = {m_users[2].officeId, m_users[4].officeId};
    QVERIFY(!m_officeIds[0].isEmpty() && !m_officeIds[1].isEmpty() && m_officeIds[0] != m_officeIds[1]);
    for (int o = 1; o <= 2; ++o) {
        ServerNode &office = *m_servers[size_t(o)];
        QString error;
        // A relay account of the office: the office server holds that office's records only.
        QVERIFY2(central.directory->addUser(office.name, QStringLiteral("pw"), QStringLiteral("relay"),
                                            o == 1 ? QStringLiteral("north") : QStringLiteral("south"), &error),
                 qPrintable(error));
        office.relay = *central.directory->userByLogin(office.name);
        QCOMPARE(office.relay.officeId, m_officeIds[o - 1]);
        // The accounts come from the central server (what the relay's GET /v1/directory gives).
        QVERIFY(office.directory->applyUpstreamUsers(central.directory->exportUsers(office.relay)) > 0);
        office.upstream = &central;
        office.upReplica = std::make_unique<ServerReplica>(*office.storage, QStringLiteral("central"));
        office.upEngine = std::make_unique<SyncEngine>(*office.upReplica);
        office.upToken = login(central, office.name);
        QVERIFY(!office.upToken.isEmpty());
        if (salesRelay && o == 2) {
            // What the office holds and its clients see is then what dina sees.
            office.relay = m_users[4];
            office.upToken = login(central, office.relay.login);
            QVERIFY(!office.upToken.isEmpty());
        }
    }
    // Two clients on the central server, two on each office.
    for (int i = 0; i < 6; ++i) {
        auto c = std::make_unique<ClientNode>();
        c->name = QStringLiteral("client%1").arg(i);
        c->store = std::make_unique<Store>();
        QString error;
        const QString path = dir + u'/' + c->name + QStringLiteral(".sqlite");
        QVERIFY2(c->store->open(path, &error), qPrintable(error));
        // A site id from the name, not random: ties of equal HLCs break the same way every run.
        c->store->setMeta(QStringLiteral("site_id"), Clock {0, siteFor(c->name)}.siteHex());
        c->store->close();
        QVERIFY2(c->store->open(path, &error), qPrintable(error));
        QCOMPARE(c->store->siteId(), siteFor(c->name));
        ClientNode *node = c.get();
        c->store->hlc().setTimeSource([node]() { return g_simNowMs + node->skewMs; });
        c->store->db().exec(QStringLiteral("PRAGMA synchronous = OFF")); // speed: durability is not under test here
        c->replica = std::make_unique<StoreReplica>(*c->store);
        c->engine = std::make_unique<SyncEngine>(*c->replica);
        c->server = m_servers[size_t(i / 2)].get();
        c->user = m_users[i];
        c->store->bindOwner(c->user.id, c->user.officeId); // what the first login does
        c->store->stampOwner(0, -1); // and the end of that sync (the database is empty)
        c->token = login(*c->server, c->user.login);
        QVERIFY(!c->token.isEmpty());
        m_clients.push_back(std::move(c));
    }
}

QString SimWorld::newId()
{
    quint8 b[16];
    const quint64 ms = quint64(g_simNowMs);
    for (int i = 0; i < 6; ++i)
        b[i] = quint8(ms >> (40 - 8 * i));
    for (int i = 6; i < 16; ++i)
        b[i] = quint8(m_rng.bounded(256));
    b[6] = quint8(0x70 | (b[6] & 0x0F));
    b[8] = quint8(0x80 | (b[8] & 0x3F));
    const QString h = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(b), 16).toHex());
    return h.mid(0, 8) + u'-' + h.mid(8, 4) + u'-' + h.mid(12, 4) + u'-' + h.mid(16, 4) + u'-' + h.mid(20);
}

void SimWorld::advanceTime()
{
    // Small steps, often zero: many stamps share a millisecond, so the HLC counter and the
    // (hlc, site) tie-break are exercised. Now and then a machine's clock jumps (forwards
    // or backwards) by up to two seconds.
    g_simNowMs += m_rng.bounded(0, 3);
    if (m_rng.bounded(100) < 2) {
        const qint64 skew = qint64(m_rng.bounded(4001)) - 2000;
        const quint32 who = m_rng.bounded(quint32(m_clients.size() + m_servers.size()));
        if (who < m_clients.size())
            m_clients[who]->skewMs = skew;
        else
            m_servers[who - m_clients.size()]->skewMs = skew;
    }
}

void SimWorld::tearDown()
{
    m_clients.clear();
    m_servers.clear();
    m_records.clear();
    m_writes.clear();
    m_ops = 0;
    m_merges = 0;
    m_repointed = 0;
    m_reassigns = 0;
    m_refused.clear();
    m_refusedCentrally.clear();
    m_taken.clear();
    m_takenCentrally.clear();
}

void SimWorld::exchange(SyncEngine &engine, ServerNode &server, const QString &token, const SiteId &site,
                        QList<QPair<qint64, QByteArray>> *late, bool faults)
{
    auto fate = [&]() {
        return faults ? int(m_rng.bounded(100)) : 99;
    };
    // Push round.
    engine.beginPush();
    for (int guard = 0; guard < 100; ++guard) {
        const QByteArray body = engine.nextPushBody(int(m_rng.bounded(1, 12)));
        if (body.isEmpty())
            break;
        const int f = fate();
        if (f < 8)
            return; // request lost: the batch stays pending and goes again later
        HttpResponse r = call(server, "POST", QStringLiteral("/v1/push"), body, token, site);
        if (f < 16)
            return; // answer lost: the server applied it, the resend must be answered
        if (f < 22)
            r = call(server, "POST", QStringLiteral("/v1/push"), body, token, site); // duplicated
        QCOMPARE(r.status, 200);
        noteRefusals(body, r.body, &server == m_servers[0].get());
        engine.handlePush(r.status, r.body);
    }
    // Pull round, with late answers from earlier rounds mixed in.
    for (int guard = 0; guard < 1000; ++guard) {
        if (late && !late->isEmpty() && fate() < 30) {
            const auto old = late->takeFirst();
            engine.handlePull(200, old.second, old.first);
        }
        const qint64 since = engine.pullCursor();
        const int f = fate();
        if (f < 8)
            return;
        const HttpResponse r = call(server, "GET", QStringLiteral("/v1/pull"), QByteArray(), token, site,
                                    QStringLiteral("since=%1&limit=%2").arg(since).arg(m_rng.bounded(1, 15)));
        QCOMPARE(r.status, 200);
        if (f < 16 && late) {
            late->append({since, r.body}); // delivered later, out of order
            return;
        }
        if (f < 22)
            engine.handlePull(r.status, r.body, since); // duplicated
        if (engine.handlePull(r.status, r.body, since) == SyncEngine::Step::Done)
            return;
    }
}

void SimWorld::clientStep(ClientNode &c, bool faults)
{
    if (!c.online || !c.server->online)
        return;
    if (qEnvironmentVariableIsSet("GAMIX_SIM_TRACE"))
        qInfo("%s (%s) syncs with %s", qPrintable(c.name), qPrintable(c.user.login), qPrintable(c.server->name));
    exchange(*c.engine, *c.server, c.token, c.store->siteId(), &c.lateAnswers, faults);
}

void SimWorld::relayStep(ServerNode &office, bool faults)
{
    if (!office.online || !office.upstream->online)
        return;
    if (qEnvironmentVariableIsSet("GAMIX_SIM_TRACE"))
        qInfo("%s relays", qPrintable(office.name));
    exchange(*office.upEngine, *office.upstream, office.upToken, office.storage->siteId(), nullptr, faults);
}

void SimWorld::noteWrites(const EntityDef &e, const QString &id, const Record &before, const Record &after)
{
    for (int i = 0; i < e.fields.size(); ++i) {
        const Clock c = after.clocks.clock(i);
        if (c.isZero() || (before.isValid() && before.clocks.clock(i) == c))
            continue;
        m_writes[e.name + u'|' + id + u'|' + e.fields.at(i).name].append(
            Write {FieldCodec::toText(e.fields.at(i), after.values.at(i)), c, after.clocks.prev(i)});
        if (qEnvironmentVariableIsSet("GAMIX_SIM_TRACE"))
            qInfo("write %s|%s|%s = %s @%s prev %s", qPrintable(e.name), qPrintable(id),
                  qPrintable(e.fields.at(i).name), qPrintable(FieldCodec::toText(e.fields.at(i), after.values.at(i))),
                  qPrintable(clockKey(c)), qPrintable(clockKey(after.clocks.prev(i))));
    }
}

void SimWorld::noteRefusals(const QByteArray &request, const QByteArray &answer, bool central)
{
    // A field a server answered forbidden (or invalid) was not accepted there: the client
    // adopts the server's value and keeps its own as a conflict record (when it may still
    // read the record; otherwise the removal that follows takes it away). Refused by an office
    // server, or by the central server when an office relays it, it is no one's latest. The
    // same stamp may go again in a later batch (a round cut short sends it anew) and then
    // be refused where it was accepted before (the record left the office meanwhile): what
    // the central server once took stays accepted.
    QHash<QString, RecordChange> sent;
    for (const QJsonValue &v : QJsonDocument::fromJson(request).object().value(QLatin1String("records")).toArray()) {
        RecordChange rc;
        QString error;
        if (RecordChange::fromJson(v.toObject(), &rc, &error))
            sent.insert(rc.entity + u'|' + rc.id, rc);
    }
    for (const QJsonValue &v : QJsonDocument::fromJson(answer).object().value(QLatin1String("results")).toArray()) {
        const QJsonObject r = v.toObject();
        const QString key
            = r.value(QLatin1String("entity")).toString() + u'|' + r.value(QLatin1String("id")).toString();
        const QJsonObject fields = r.value(QLatin1String("fields")).toObject();
        const RecordChange rc = sent.value(key);
        for (const FieldChange &f : rc.fields) {
            FieldStatus st = FieldStatus::Accepted;
            if (!fieldStatusFromName(fields.value(f.name).toString(), &st))
                continue;
            const QString k = key + u'|' + f.name + u'|' + clockKey(f.clock);
            const bool refused = st == FieldStatus::Forbidden || st == FieldStatus::Invalid;
            (refused ? m_refused : m_taken).insert(k);
            if (central)
                (refused ? m_refusedCentrally : m_takenCentrally).insert(k);
        }
    }
}

bool SimWorld::accepted(const QString &fieldKey, const Write &w) const
{
    // Accepted: the central server took it; or an office server took it and overwrote it
    // with a later write before relaying, unless that later write was refused centrally (an
    // office takes stale clients' writes that the central server then refuses to its relay,
    // a record having left the office). A write overwritten on its own machine before it
    // was ever sent was never accepted.
    const QString k = fieldKey + u'|' + clockKey(w.clock);
    if (m_takenCentrally.contains(k))
        return true;
    if (!m_taken.contains(k) || m_refusedCentrally.contains(k))
        return false;
    for (const Write &later : m_writes.value(fieldKey)) {
        if (later.clock > w.clock && m_refusedCentrally.contains(fieldKey + u'|' + clockKey(later.clock))
            && !m_takenCentrally.contains(fieldKey + u'|' + clockKey(later.clock)))
            return false;
    }
    return true;
}

QString SimWorld::officeOf(const QString &userId) const
{
    for (const SyncUser &u : m_users) {
        if (u.id == userId)
            return u.officeId;
    }
    return QString();
}

void SimWorld::run(int steps)
{

    for (int step = 0; step < steps; ++step) {
        advanceTime();
        const int what = int(m_rng.bounded(100));
        if (qEnvironmentVariableIsSet("GAMIX_SIM_TRACE"))
            qInfo("step %d what %d ops %d now %lld", step, what, m_ops, g_simNowMs);
        if (what < 55) {
            randomWrite(*m_clients[size_t(m_rng.bounded(qsizetype(m_clients.size())))]);
        } else if (what < 85) {
            clientStep(*m_clients[size_t(m_rng.bounded(qsizetype(m_clients.size())))], true);
        } else if (what < 93) {
            relayStep(*m_servers[size_t(m_rng.bounded(1, 3))], true);
        } else if (what < 97) {
            ClientNode &c = *m_clients[size_t(m_rng.bounded(qsizetype(m_clients.size())))];
            c.online = !c.online; // partition or heal
        } else {
            ServerNode &o = *m_servers[size_t(m_rng.bounded(1, 3))];
            o.online = !o.online;
        }
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY2(m_ops > steps / 6, "the run must perform many writes");

    // Quiescence: everyone online, messages delivered, until nothing changes.
    for (auto &c : m_clients)
        c->online = true;
    for (auto &s : m_servers)
        s->online = true;
    Dump previous;
    for (int round = 0; round < 12; ++round) {
        g_simNowMs += 1000;
        for (auto &c : m_clients)
            clientStep(*c, false);
        for (int o = 1; o <= 2; ++o)
            relayStep(*m_servers[size_t(o)], false);
        for (int o = 1; o <= 2; ++o)
            relayStep(*m_servers[size_t(o)], false);
        for (auto &c : m_clients)
            clientStep(*c, false);
        const Dump now = dumpServer(*m_servers[0]->storage);
        if (now == previous && round > 2)
            break;
        previous = now;
    }
}

} // namespace gamix::sim
