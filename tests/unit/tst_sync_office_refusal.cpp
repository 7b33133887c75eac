// An office server's client whose write the office accepted and the central server then
// refused (DESIGN.md §4 "Office to office"): the office adopts the central value with its
// older clock, and sends it to its clients with a force bound (ChangeSet.h, `force`), so the
// client shows the central value too and keeps its own as a restorable conflict record,
// instead of keeping its refused value forever (last-writer-wins alone ignores the older
// clock). Built on the simulation's world (tests/unit/sim), without its random workload:
// office2 relays with dina's sales account, which may read her contact but not give it to
// someone else, and egor, an admin behind office2, gives it to gleb.

#include "SimWorld.h"

#include "sync/MergeRule.h"

#include <QHashSeed>
#include <QTemporaryDir>
#include <QtTest>

using namespace gamix;
using namespace gamix::sim;

namespace {

const EntityDef &contactDef()
{
    return *Schema::instance().entity(u"contact");
}

// The unresolved conflict records about one field of a record, as `gamix-cli conflicts` lists them.
QList<Record> openConflicts(Store &store, const QString &id, const QString &field)
{
    ListQuery q;
    q.entity = Schema::instance().entity(u"conflict");
    q.where = {{QStringLiteral("record_id"), id},
               {QStringLiteral("field"), field},
               {QStringLiteral("resolved"), QStringLiteral("false")}};
    QString error;
    const QList<Record> out = store.list(q, &error);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return out;
}

// Only a pull (no push first): what a client does when its push round was cut short.
void pullOnly(ClientNode &c)
{
    for (int guard = 0; guard < 100; ++guard) {
        const qint64 since = c.engine->pullCursor();
        const HttpResponse r = call(*c.server, "GET", QStringLiteral("/v1/pull"), QByteArray(), c.token,
                                    c.store->siteId(), QStringLiteral("since=%1&limit=50").arg(since));
        QCOMPARE(r.status, 200);
        if (c.engine->handlePull(r.status, r.body, since) == SyncEngine::Step::Done)
            return;
    }
}

} // namespace

class TestSyncOfficeRefusal : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QHashSeed::setDeterministicGlobalSeed();
    }
    void init();
    void cleanup() { m_world.tearDown(); }

    void theClientShowsTheValueItsOfficeAdopted();
    void anUnpushedNewerValueStaysUntilItsPushIsJudged();
    void forcedFieldsMergeRule();

private:
    // egor syncs, office2 relays, egor syncs.
    void step();
    QString ownerAt(ClientNode &c) { return c.store->get(contactDef(), m_id).text(u"owner_id"); }

    QTemporaryDir m_dir;
    SimWorld m_world;
    ServerNode *m_central = nullptr, *m_office = nullptr;
    ClientNode *m_egor = nullptr;
    SyncUser m_dina, m_gleb, m_vera;
    QString m_id;
};

void TestSyncOfficeRefusal::init()
{
    QVERIFY(m_dir.isValid());
    const QString dir = m_dir.path() + u'/' + QString::fromLatin1(QTest::currentTestFunction());
    QVERIFY(QDir().mkpath(dir));
    m_world.setUp(dir, 5);
    if (QTest::currentTestFailed())
        return;
    m_central = m_world.m_servers[0].get();
    m_office = m_world.m_servers[2].get();
    m_egor = m_world.m_clients[5].get();
    m_vera = m_world.m_users[2];
    m_gleb = m_world.m_users[3];
    m_dina = m_world.m_users[4];
    m_office->upToken = login(*m_central, m_dina.login);
    QVERIFY(!m_office->upToken.isEmpty());
    const WriteResult made = m_egor->store->create(contactDef(),
                                                   {FieldWrite {QStringLiteral("first_name"), QStringLiteral("Ольга")},
                                                    FieldWrite {QStringLiteral("owner_id"), m_dina.id},
                                                    FieldWrite {QStringLiteral("office_id"), m_dina.officeId}},
                                                   m_world.newId());
    QVERIFY(made.ok);
    m_id = made.id;
    step();
    QCOMPARE(m_central->storage->fieldStates(contactDef().name, m_id).value(QStringLiteral("owner_id")).text,
             m_dina.id);
}

void TestSyncOfficeRefusal::step()
{
    g_simNowMs += 10;
    m_world.clientStep(*m_egor, false);
    m_world.relayStep(*m_office, false);
    m_world.clientStep(*m_egor, false);
}

void TestSyncOfficeRefusal::theClientShowsTheValueItsOfficeAdopted()
{
    const FieldState central
        = m_central->storage->fieldStates(contactDef().name, m_id).value(QStringLiteral("owner_id"));
    QVERIFY(m_egor->store->update(contactDef(), m_id, {FieldWrite {QStringLiteral("owner_id"), m_gleb.id}}).ok);
    step();
    // The office took it, the central server refused it to dina's relay: the office holds
    // the central value and clock again...
    QCOMPARE(m_office->storage->fieldStates(contactDef().name, m_id).value(QStringLiteral("owner_id")).text, m_dina.id);
    // ...and so does egor's computer: the record shows dina, with the central clock.
    QCOMPARE(ownerAt(*m_egor), m_dina.id);
    const Record r = m_egor->store->get(contactDef(), m_id);
    QCOMPARE(r.clocks.clock(contactDef().fieldIndex(QStringLiteral("owner_id"))), central.clock);
    // His refused value is kept as one conflict record he can restore.
    QList<Record> open = openConflicts(*m_egor->store, m_id, QStringLiteral("owner_id"));
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().text(u"kept_value"), m_dina.id);
    QCOMPARE(open.first().text(u"lost_value"), m_gleb.id);

    // Syncing again, and the conflict record travelling up, change nothing on his computer.
    step();
    const Dump settled = dumpStore(*m_egor->store);
    const Dump office = dumpServer(*m_office->storage);
    for (int i = 0; i < 3; ++i)
        step();
    QCOMPARE(dumpStore(*m_egor->store), settled);
    QCOMPARE(dumpServer(*m_office->storage), office);
    QCOMPARE(ownerAt(*m_egor), m_dina.id);
    QCOMPARE(openConflicts(*m_egor->store, m_id, QStringLiteral("owner_id")).size(), 1);
    // The central server never sees the forced value come back (no echo, no new refusal).
    QCOMPARE(m_central->storage->fieldStates(contactDef().name, m_id).value(QStringLiteral("owner_id")).clock,
             central.clock);

    // A later write accepted everywhere replaces the forced value as usual.
    QVERIFY(
        m_egor->store->update(contactDef(), m_id, {FieldWrite {QStringLiteral("first_name"), QStringLiteral("Оля")}})
            .ok);
    step();
    step();
    QCOMPARE(m_central->storage->fieldStates(contactDef().name, m_id).value(QStringLiteral("first_name")).text,
             QStringLiteral("Оля"));
    QCOMPARE(ownerAt(*m_egor), m_dina.id);
}

void TestSyncOfficeRefusal::anUnpushedNewerValueStaysUntilItsPushIsJudged()
{
    // egor's first reassignment goes to the office and is refused upstream...
    QVERIFY(m_egor->store->update(contactDef(), m_id, {FieldWrite {QStringLiteral("owner_id"), m_gleb.id}}).ok);
    g_simNowMs += 10;
    m_world.clientStep(*m_egor, false);
    m_world.relayStep(*m_office, false);
    QCOMPARE(m_office->storage->fieldStates(contactDef().name, m_id).value(QStringLiteral("owner_id")).text, m_dina.id);
    // ...and before he pulls that, he reassigns it again: not pushed yet, it is his to keep.
    g_simNowMs += 10;
    QVERIFY(m_egor->store->update(contactDef(), m_id, {FieldWrite {QStringLiteral("owner_id"), m_vera.id}}).ok);
    pullOnly(*m_egor);
    QCOMPARE(ownerAt(*m_egor), m_vera.id);
    // Its push is judged: the office takes it, the central server refuses it too, and then
    // egor's computer shows the central value, with both of his values kept as conflicts.
    step();
    step();
    QCOMPARE(ownerAt(*m_egor), m_dina.id);
    QStringList lost;
    for (const Record &c : openConflicts(*m_egor->store, m_id, QStringLiteral("owner_id"))) {
        QCOMPARE(c.text(u"kept_value"), m_dina.id);
        lost << c.text(u"lost_value");
    }
    lost.sort();
    QStringList expected {m_gleb.id, m_vera.id};
    expected.sort();
    QCOMPARE(lost, expected);
}

void TestSyncOfficeRefusal::forcedFieldsMergeRule()
{
    // The per-field rule every replica applies to a field that carries a force bound.
    const SiteId a = siteFor(QStringLiteral("a")), b = siteFor(QStringLiteral("b"));
    const Clock c1 {100, a}, c2 {200, b}, c3 {300, b};
    const FieldState mine {QStringLiteral("refused"), c2, c1};
    FieldChange forced {QStringLiteral("owner_id"), QStringLiteral("central"), c1, Clock()};
    forced.force = c2;
    // Pushed: taken although older, and the value it replaces is kept as a conflict record.
    MergeDecision d = MergeRule::decide(&mine, forced, true, false);
    QVERIFY(d.apply);
    QCOMPARE(d.status, FieldStatus::Accepted);
    QVERIFY(d.conflict);
    QCOMPARE(d.kept.text, QStringLiteral("central"));
    QCOMPARE(d.lost.text, QStringLiteral("refused"));
    // Not pushed yet: kept (its push will be judged).
    d = MergeRule::decide(&mine, forced, true, true);
    QVERIFY(!d.apply);
    // Newer than the bound (a write the office had not judged when it forced): kept.
    const FieldState newer {QStringLiteral("newer"), c3, c2};
    d = MergeRule::decide(&newer, forced, true, false);
    QVERIFY(!d.apply);
    // Already there: nothing to do (repeated delivery).
    const FieldState same {QStringLiteral("central"), c1, Clock()};
    d = MergeRule::decide(&same, forced, true, false);
    QVERIFY(!d.apply);
    QCOMPARE(d.status, FieldStatus::Accepted);
    // Without the bound the old rule holds: the older clock loses.
    forced.force = Clock();
    d = MergeRule::decide(&mine, forced, true, false);
    QVERIFY(!d.apply);
}

QTEST_GUILESS_MAIN(TestSyncOfficeRefusal)
#include "tst_sync_office_refusal.moc"
