// An office server's client whose write the office accepted and the central server then
// refused (DESIGN.md §4 "Office to office"): the office adopts the central value with its
// older clock, and sends it to its clients with a force bound (ChangeSet.h, `force`), so the
// client shows the central value too and keeps its own as a restorable conflict record,
// instead of keeping its refused value forever (last-writer-wins alone ignores the older
// clock). Built on the simulation's world (tests/unit/sim), without its random workload:
// office2 relays with dina's sales account, which may read her contact but not give it to
// someone else, and egor, an admin behind office2, gives it to gleb.

#include "SimWorld.h"

#include "sync/ChangeSetReader.h"
#include "sync/MergeRule.h"
#include "sync/ServerStorage.h"

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

// Only a push round (no pull after it): a sync cut short after its push.
void pushOnly(ClientNode &c)
{
    c.engine->beginPush();
    for (int guard = 0; guard < 100; ++guard) {
        const QByteArray body = c.engine->nextPushBody(50);
        if (body.isEmpty())
            return;
        const HttpResponse r = call(*c.server, "POST", QStringLiteral("/v1/push"), body, c.token, c.store->siteId());
        QCOMPARE(r.status, 200);
        c.engine->handlePush(r.status, r.body);
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
    void aServerBehindAnOfficeTakesAForcedField();
    void theWireCarriesTheForceBound();
    void aWriteRefusedOutOfViewGivesWayWhenTheRecordComesBack();

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

void TestSyncOfficeRefusal::aServerBehindAnOfficeTakesAForcedField()
{
    // An office server whose upstream is itself an office (ServerReplica merges its pulls with
    // fromUpstream): it holds its client's value, relayed already; its upstream office took
    // the central value back and sends it forced.
    ServerDb db;
    QString error;
    QVERIFY2(db.open(m_dir.filePath(QStringLiteral("behind.sqlite")), &error), qPrintable(error));
    ServerStorage storage(db);
    const QString id = m_world.newId();
    const Clock c1 {Hlc::pack(kSimEpochMs + 1000, 0), siteFor(QStringLiteral("central"))};
    const Clock y {Hlc::pack(kSimEpochMs + 2000, 0), siteFor(QStringLiteral("client"))};
    auto merge = [&](const FieldChange &owner, const MergeOptions &options) {
        ServerDb::Write w(db);
        const QList<RecordOutcome> out
            = storage.merge(w, {RecordChange {QStringLiteral("contact"), id, {owner}}}, options, nullptr, nullptr);
        w.commit();
        return out.value(0).status.value(0);
    };
    auto owner = [&] {
        return storage.fieldStates(QStringLiteral("contact"), id).value(QStringLiteral("owner_id"));
    };
    // Its client's value (a push, numbered by this server).
    QCOMPARE(merge(FieldChange {QStringLiteral("owner_id"), m_gleb.id, y, c1, Clock()}, MergeOptions {}),
             FieldStatus::Accepted);
    FieldChange forced {QStringLiteral("owner_id"), m_dina.id, c1, Clock(), y};
    MergeOptions fromUpstream;
    fromUpstream.fromUpstream = true;
    // Not relayed yet (the relay's push cursor is before it): kept, its push will be judged.
    fromUpstream.relayCursor = 0;
    QCOMPARE(merge(forced, fromUpstream), FieldStatus::Superseded);
    QCOMPARE(owner().text, m_gleb.id);
    // Relayed: taken, and sent on to its own clients with the bound, never back upstream.
    fromUpstream.relayCursor = storage.currentSeq();
    QCOMPARE(merge(forced, fromUpstream), FieldStatus::Accepted);
    QCOMPARE(owner().text, m_dina.id);
    QCOMPARE(owner().clock, c1);
    const qint64 seq = storage.currentSeq();
    QCOMPARE(merge(forced, fromUpstream), FieldStatus::Accepted); // delivered again: nothing changes
    QCOMPARE(storage.currentSeq(), seq);
    for (const RecordChange &rc : storage.localChanges(0, 100).records) {
        for (const FieldChange &f : rc.fields) {
            QVERIFY(f.force.isZero());
            QVERIFY(f.name != u"owner_id" || rc.id != id);
        }
    }
    auto forcedBy = [](const Clock &bound) {
        return QByteArray("\"force\":{\"hlc\":\"" + QByteArray::number(bound.hlc));
    };
    QByteArray page;
    storage.pull(SyncUser {QStringLiteral("u"), QStringLiteral("u"), QStringLiteral("admin"), QString()}, 0, 100,
                 &page);
    QVERIFY2(page.contains(forcedBy(y)), page.constData());
    // A client cannot force: in a push the bound is ignored, and the older clock loses.
    FieldChange pushed {QStringLiteral("owner_id"), m_vera.id, Clock {c1.hlc - 1, c1.site}, Clock(), y};
    QCOMPARE(merge(pushed, MergeOptions {}), FieldStatus::Superseded);
    QCOMPARE(owner().text, m_dina.id);
    // An accepted write older than the bound (stamped offline before the refused one) stays
    // forced: clients that still hold the refused value must take it too.
    const Clock w {c1.hlc + 500, siteFor(QStringLiteral("laptop"))};
    QCOMPARE(merge(FieldChange {QStringLiteral("owner_id"), m_gleb.id, w, c1, Clock()}, MergeOptions {}),
             FieldStatus::Accepted);
    QCOMPARE(owner().clock, w);
    storage.pull(SyncUser {QStringLiteral("u"), QStringLiteral("u"), QStringLiteral("admin"), QString()}, seq, 100,
                 &page);
    QVERIFY2(page.contains(forcedBy(y)), page.constData());
    // A newer accepted write past the bound replaces it, and the field is no longer forced.
    const Clock z {y.hlc + 10, siteFor(QStringLiteral("client"))};
    QCOMPARE(merge(FieldChange {QStringLiteral("owner_id"), m_vera.id, z, c1, Clock()}, MergeOptions {}),
             FieldStatus::Accepted);
    storage.pull(SyncUser {QStringLiteral("u"), QStringLiteral("u"), QStringLiteral("admin"), QString()}, seq, 100,
                 &page);
    QVERIFY2(page.contains(m_vera.id.toUtf8()) && !page.contains("force"), page.constData());
}

void TestSyncOfficeRefusal::theWireCarriesTheForceBound()
{
    // Both readers (the fast one and the slow QJsonDocument one) give the same bound; a field
    // without one has no "force" member.
    const Clock c1 {1767225601000, siteFor(QStringLiteral("central"))};
    const Clock y {1767225602000, siteFor(QStringLiteral("client"))};
    RecordChange rc {QStringLiteral("contact"),
                     m_world.newId(),
                     {FieldChange {QStringLiteral("first_name"), QStringLiteral("Оля"), y, c1, Clock()},
                      FieldChange {QStringLiteral("owner_id"), m_dina.id, c1, Clock(), y}}};
    QByteArray page = "{\"next\":3,\"more\":false,\"records\":[";
    rc.appendJson(page);
    page += "]}";
    QCOMPARE(page.count("\"force\""), 1);
    QList<RecordChange> fast;
    QJsonObject members;
    QVERIFY(ChangeSetReader::read(page, &fast, &members));
    QCOMPARE(fast.size(), 1);
    RecordChange slow;
    QString error;
    QVERIFY(RecordChange::fromJson(rc.toJson(), &slow, &error));
    for (const RecordChange *read : {&fast.first(), &slow}) {
        QCOMPARE(read->field(u"owner_id")->force, y);
        QCOMPARE(read->field(u"owner_id")->clock, c1);
        QVERIFY(read->field(u"first_name")->force.isZero());
    }
}

void TestSyncOfficeRefusal::aWriteRefusedOutOfViewGivesWayWhenTheRecordComesBack()
{
    // dina renames her contact offline while egor, at the office, gives it to vera of another
    // office. Her push
    // is refused whole with nothing sent back (she may not read it there now), and before
    // her pull the central server refuses egor's move, so the office gives the contact back
    // to her: her pull brings no removal, only the contact with the name everyone else has,
    // under an older clock than her refused rename. (The simulation's seed 37 with a sales
    // relay met this; her "Анна" stayed on her computer alone for good.)
    ClientNode &dina = *m_world.m_clients[4];
    QCOMPARE(dina.user.id, m_dina.id);
    g_simNowMs += 10;
    m_world.clientStep(dina, false);
    QCOMPARE(dina.store->get(contactDef(), m_id).text(u"first_name"), QStringLiteral("Ольга"));
    g_simNowMs += 10;
    QVERIFY(
        dina.store->update(contactDef(), m_id, {FieldWrite {QStringLiteral("first_name"), QStringLiteral("Анна")}}).ok);
    g_simNowMs += 10;
    QVERIFY(m_egor->store
                ->update(contactDef(), m_id,
                         {FieldWrite {QStringLiteral("owner_id"), m_vera.id},
                          FieldWrite {QStringLiteral("office_id"), m_vera.officeId}})
                .ok);
    m_world.clientStep(*m_egor, false);
    QCOMPARE(m_office->storage->fieldStates(contactDef().name, m_id).value(QStringLiteral("owner_id")).text, m_vera.id);
    pushOnly(dina);
    QCOMPARE(m_office->storage->fieldStates(contactDef().name, m_id).value(QStringLiteral("first_name")).text,
             QStringLiteral("Ольга"));
    m_world.relayStep(*m_office, false);
    QCOMPARE(m_office->storage->fieldStates(contactDef().name, m_id).value(QStringLiteral("owner_id")).text, m_dina.id);
    pullOnly(dina);
    const FieldState central
        = m_central->storage->fieldStates(contactDef().name, m_id).value(QStringLiteral("first_name"));
    QCOMPARE(central.text, QStringLiteral("Ольга"));
    const Record r = dina.store->get(contactDef(), m_id);
    QVERIFY(r.isValid());
    QCOMPARE(r.text(u"first_name"), QStringLiteral("Ольга"));
    QCOMPARE(r.clocks.clock(contactDef().fieldIndex(QStringLiteral("first_name"))), central.clock);
    // Later rounds keep it so everywhere.
    for (int i = 0; i < 3; ++i) {
        g_simNowMs += 10;
        m_world.clientStep(dina, false);
        step();
    }
    QCOMPARE(dina.store->get(contactDef(), m_id).text(u"first_name"), QStringLiteral("Ольга"));
    QCOMPARE(m_egor->store->get(contactDef(), m_id).text(u"first_name"), QStringLiteral("Ольга"));
    QCOMPARE(m_central->storage->fieldStates(contactDef().name, m_id).value(QStringLiteral("first_name")).text,
             QStringLiteral("Ольга"));
}

QTEST_GUILESS_MAIN(TestSyncOfficeRefusal)
#include "tst_sync_office_refusal.moc"
