// The newest server features on PostgreSQL storage (DESIGN.md §4 "Storage": SQL is written
// to run on both), with a real PostgreSQL 15 (tst_pg_kit.h) and the real gamix-server and
// gamix-cli on loopback:
// - conflict records follow a reassigned record: its new owner receives the record and its
//   conflict record, the old owner's computers drop both (ServerVisibility);
// - `prune-log` prunes the removal log, and a replica coming back from behind the pruned
//   horizon still loses what left its view meanwhile (ServerPurgeHorizon);
// - `forget-replica` lets the log be pruned past a dead laptop, which ends with exactly the
//   server's records when it syncs again after all;
// - a new laptop that pushed a record and lost the connection before its first pull is
//   known from its push: the removal of that record, moved away meanwhile, is kept for it;
// - an erasure made at an office server (itself on PostgreSQL) goes up to the central server
//   (POST /v1/erase, ServerErasure) and from there to every client: afterwards no trace of
//   the person is left in a pg_dump of either server's database nor in any client file.

#include "pull_refusing_proxy.h"
#include "tst_pg_kit.h"

#include "store/Clock.h"

#include <QJsonArray>
#include <QtTest>

using namespace synckit;

class TestPostgresSync : public QObject, public Workspace
{
    Q_OBJECT

private:
    pgkit::Cluster m_pg;
    QStringList m_central, m_kazan; // {"--database", URL}
    Server m_server, m_office;
    QString m_borisId;
    // Clients: r (root), a1 and a2 (anna's two computers), b (boris), m (maria), k (olga,
    // behind the Казань office), l (boris's laptop that dies), n (anna's new laptop).
    const Account m_root {QStringLiteral("root"), QStringLiteral("admin"), QString(), QStringLiteral("root-pass")};
    const Account m_anna {QStringLiteral("anna"), QStringLiteral("sales"), QStringLiteral("Москва"),
                          QStringLiteral("пароль-анны")};
    const Account m_boris {QStringLiteral("boris"), QStringLiteral("sales"), QStringLiteral("Москва"),
                           QStringLiteral("пароль-бориса")};
    const Account m_maria {QStringLiteral("maria"), QStringLiteral("manager"), QStringLiteral("Москва"),
                           QStringLiteral("пароль-марии")};
    const Account m_olga {QStringLiteral("olga"), QStringLiteral("admin"), QStringLiteral("Казань"),
                          QStringLiteral("пароль-ольги")};

    Run sync(const QString &dbName)
    {
        if (dbName == u"k")
            return syncAs(dbName, m_office.url(), m_olga);
        const QHash<QString, Account> byClient {{QStringLiteral("r"), m_root},  {QStringLiteral("a1"), m_anna},
                                                {QStringLiteral("a2"), m_anna}, {QStringLiteral("n"), m_anna},
                                                {QStringLiteral("b"), m_boris}, {QStringLiteral("l"), m_boris},
                                                {QStringLiteral("m"), m_maria}};
        return syncAs(dbName, m_server.url(), byClient.value(dbName));
    }
    QString add(const QString &dbName, const QStringList &args)
    {
        const Run r = cli(dbName, QStringList {QStringLiteral("add")} + args);
        return r.code == 0 ? QString::fromUtf8(r.out.trimmed()) : QString();
    }
    int conflictsAbout(const QString &dbName, const QString &id)
    {
        const Run r = cli(dbName, {QStringLiteral("--json"), QStringLiteral("conflicts")});
        int n = 0;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
            n += v.toObject().value(QLatin1String("record_id")).toString() == id;
        return r.code == 0 ? n : -1;
    }
    QStringList ids(const QString &dbName, const QString &entity = QStringLiteral("contact"))
    {
        QStringList out;
        for (const QJsonValue &v : list(dbName, entity))
            out << v.toObject().value(QLatin1String("id")).toString();
        return out;
    }
    QString siteOf(const QString &dbName)
    {
        gamix::Store store;
        QString error;
        return store.open(db(dbName), &error) ? gamix::Clock {0, store.siteId()}.siteHex() : QString();
    }
    int central(const QString &sql, const QVariantList &binds = {})
    {
        const QVariant v = m_pg.value(QStringLiteral("central"), sql, binds);
        return v.isValid() ? v.toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QString message;
        const pgkit::Cluster::Start started = m_pg.start(&message);
        if (started == pgkit::Cluster::Start::Skip)
            QSKIP(qPrintable(message));
        QVERIFY2(started == pgkit::Cluster::Start::Running, qPrintable(message));
        const QString centralUrl = m_pg.createDatabase(QStringLiteral("central"));
        const QString kazanUrl = m_pg.createDatabase(QStringLiteral("kazan"));
        QVERIFY(!centralUrl.isEmpty() && !kazanUrl.isEmpty());
        m_central = {QStringLiteral("--database"), centralUrl};
        m_kazan = {QStringLiteral("--database"), kazanUrl};
        QCOMPARE(addUsers(m_central,
                          {m_root,
                           m_anna,
                           m_maria,
                           m_olga,
                           {QStringLiteral("kazan-relay"), QStringLiteral("relay"), QStringLiteral("Казань"),
                            QStringLiteral("relay-pass")}}),
                 QString());
        m_borisId = addUser(m_central, m_boris);
        QVERIFY(!m_borisId.isEmpty());
        QVERIFY(m_server.start(m_central, m_dir.filePath(QStringLiteral("central.log"))));
        for (const char *name : {"r", "a1", "a2", "b", "m"}) {
            QCOMPARE(cli(QString::fromLatin1(name), {QStringLiteral("init")}).code, 0);
            QCOMPARE(sync(QString::fromLatin1(name)).code, 0);
        }
    }

    void cleanupTestCase()
    {
        m_office.kill();
        m_server.kill();
        m_pg.stop();
    }

    void conflictRecordsFollowAReassignedRecord()
    {
        // anna edits her lead on two computers at once: a conflict record. Her manager gives
        // the lead to boris, who could not see it: he receives the lead and its conflict
        // record, anna's computers drop both, the manager keeps both.
        const QString id = add(QStringLiteral("a1"), {QStringLiteral("lead"), QStringLiteral("title=Аудит")});
        QVERIFY(!id.isEmpty());
        QCOMPARE(sync(QStringLiteral("a1")).code, 0);
        QCOMPARE(sync(QStringLiteral("a2")).code, 0);
        QCOMPARE(cli(QStringLiteral("a1"),
                     {QStringLiteral("set"), QStringLiteral("lead"), id, QStringLiteral("notes=звонить утром")})
                     .code,
                 0);
        QCOMPARE(cli(QStringLiteral("a2"),
                     {QStringLiteral("set"), QStringLiteral("lead"), id, QStringLiteral("notes=звонить вечером")})
                     .code,
                 0);
        QCOMPARE(sync(QStringLiteral("a1")).code, 0);
        QCOMPARE(sync(QStringLiteral("a2")).code, 0);
        QCOMPARE(conflictsAbout(QStringLiteral("a2"), id), 1);
        QCOMPARE(sync(QStringLiteral("b")).code, 0);
        QVERIFY(get(QStringLiteral("b"), QStringLiteral("lead"), id).isEmpty());
        QCOMPARE(conflictsAbout(QStringLiteral("b"), id), 0); // not his yet
        QCOMPARE(sync(QStringLiteral("m")).code, 0);
        QCOMPARE(conflictsAbout(QStringLiteral("m"), id), 1);
        QCOMPARE(cli(QStringLiteral("m"),
                     {QStringLiteral("set"), QStringLiteral("lead"), id, QStringLiteral("owner_id=") + m_borisId})
                     .code,
                 0);
        QCOMPARE(sync(QStringLiteral("m")).code, 0);
        QCOMPARE(sync(QStringLiteral("b")).code, 0);
        const QJsonObject atBoris = get(QStringLiteral("b"), QStringLiteral("lead"), id);
        QCOMPARE(atBoris.value(QLatin1String("title")).toString(), QStringLiteral("Аудит"));
        QCOMPARE(atBoris.value(QLatin1String("owner_id")).toString(), m_borisId);
        QCOMPARE(conflictsAbout(QStringLiteral("b"), id), 1);
        for (const char *name : {"a1", "a2"}) {
            QCOMPARE(sync(QString::fromLatin1(name)).code, 0);
            QVERIFY(get(QString::fromLatin1(name), QStringLiteral("lead"), id).isEmpty());
            QCOMPARE(conflictsAbout(QString::fromLatin1(name), id), 0);
        }
        QCOMPARE(sync(QStringLiteral("m")).code, 0);
        QCOMPARE(conflictsAbout(QStringLiteral("m"), id), 1); // still in the manager's office
        QVERIFY(!get(QStringLiteral("m"), QStringLiteral("lead"), id).isEmpty());
    }

    void removalsAreRebuiltBehindThePrunedHorizon()
    {
        // boris syncs, then stays away while anna's Москва contact moves to Казань.
        const QString moving
            = add(QStringLiteral("a1"), {QStringLiteral("contact"), QStringLiteral("first_name=Анфиса")});
        const QString staying
            = add(QStringLiteral("a1"), {QStringLiteral("contact"), QStringLiteral("first_name=Прасковья")});
        QVERIFY(!moving.isEmpty() && !staying.isEmpty());
        for (const char *name : {"a1", "b", "r"})
            QCOMPARE(sync(QString::fromLatin1(name)).code, 0);
        QVERIFY(!get(QStringLiteral("b"), moving).isEmpty());
        const QString kazan = officeIds(QStringLiteral("r")).value(QStringLiteral("Казань"));
        QVERIFY(!kazan.isEmpty());
        QCOMPARE(cli(QStringLiteral("r"),
                     {QStringLiteral("set"), QStringLiteral("contact"), moving, QStringLiteral("office_id=") + kazan})
                     .code,
                 0);
        QCOMPARE(sync(QStringLiteral("r")).code, 0);
        const QString movedRows = QStringLiteral("SELECT count(*) FROM gx_moved WHERE id = ?");
        QCOMPARE(central(movedRows, {moving}), 1);
        // boris, active within the retention, holds it back...
        Run pruned = serverAdmin(m_central, {QStringLiteral("prune-log")});
        QVERIFY2(pruned.code == 0, qPrintable(pruned.err));
        QCOMPARE(central(movedRows, {moving}), 1);
        // ...counted as inactive, no longer: the log is pruned and the horizon raised.
        pruned = serverAdmin(m_central,
                             {QStringLiteral("prune-log"), QStringLiteral("--inactive-days"), QStringLiteral("0")});
        QVERIFY2(pruned.code == 0, qPrintable(pruned.err));
        const QList<QByteArray> numbers = pruned.out.trimmed().split(' ');
        QCOMPARE(numbers.size(), 4);
        QVERIFY(numbers.at(0).toInt() >= 1);
        QVERIFY(numbers.at(3).toLongLong() > 0);
        QCOMPARE(central(movedRows, {moving}), 0);
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM gx_moved")), 0);
        // boris comes back from behind the horizon: his removal is rebuilt, what he may still
        // see stays, and he holds what anna's office holds.
        QCOMPARE(sync(QStringLiteral("b")).code, 0);
        QVERIFY(get(QStringLiteral("b"), moving).isEmpty());
        QCOMPARE(get(QStringLiteral("b"), staying).value(QLatin1String("first_name")).toString(),
                 QStringLiteral("Прасковья"));
        QCOMPARE(sync(QStringLiteral("a1")).code, 0);
        QStringList annas = ids(QStringLiteral("a1"));
        QVERIFY(annas.removeOne(moving)); // still hers (she owns it), no longer her office's
        QCOMPARE(ids(QStringLiteral("b")), annas);
        QCOMPARE(get(QStringLiteral("r"), moving).value(QLatin1String("office_id")).toString(), kazan);
    }

    void aForgottenReplicaNoLongerHoldsThePruningBack()
    {
        // boris's laptop syncs once, then dies while anna's contact moves to Казань.
        QCOMPARE(cli(QStringLiteral("l"), {QStringLiteral("init")}).code, 0);
        const QString moving
            = add(QStringLiteral("a1"), {QStringLiteral("contact"), QStringLiteral("first_name=Фёкла")});
        QVERIFY(!moving.isEmpty());
        for (const char *name : {"a1", "l", "b", "r"})
            QCOMPARE(sync(QString::fromLatin1(name)).code, 0);
        QVERIFY(!get(QStringLiteral("l"), moving).isEmpty());
        const QString laptop = siteOf(QStringLiteral("l"));
        QVERIFY(!laptop.isEmpty());
        const QString kazan = officeIds(QStringLiteral("r")).value(QStringLiteral("Казань"));
        QCOMPARE(cli(QStringLiteral("r"),
                     {QStringLiteral("set"), QStringLiteral("contact"), moving, QStringLiteral("office_id=") + kazan})
                     .code,
                 0);
        QCOMPARE(sync(QStringLiteral("r")).code, 0);
        const QString movedRows = QStringLiteral("SELECT count(*) FROM gx_moved WHERE id = ?");
        QCOMPARE(central(movedRows, {moving}), 1);
        const int moveSeq = central(QStringLiteral("SELECT seq FROM gx_moved WHERE id = ?"), {moving});
        // Every other replica pulls past it (a pull notes the cursor of the one before, at most every 5 s).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const char *name : {"r", "a1", "a2", "b", "m"})
                    sync(QString::fromLatin1(name));
                return central(QStringLiteral("SELECT count(*) FROM gx_cursor WHERE site <> ? AND since_seq < ?"),
                               {laptop, moveSeq})
                    == 0;
            }(),
            60000);
        const Run listed = serverAdmin(m_central, {QStringLiteral("replicas")});
        QCOMPARE(listed.code, 0);
        QVERIFY2(listed.out.contains(QByteArray("boris\t" + laptop.toLatin1() + '\t')), listed.out.constData());
        auto prune = [&] {
            return serverAdmin(m_central, {QStringLiteral("prune-log")}).code;
        };
        QCOMPARE(prune(), 0);
        QCOMPARE(central(movedRows, {moving}), 1); // the laptop holds it back
        const Run forgot = serverAdmin(m_central, {QStringLiteral("forget-replica"), laptop});
        QVERIFY2(forgot.code == 0, qPrintable(forgot.err));
        QVERIFY(!serverAdmin(m_central, {QStringLiteral("replicas")}).out.contains(laptop.toLatin1()));
        QCOMPARE(prune(), 0);
        QCOMPARE(central(movedRows, {moving}), 0);
        // It syncs again after all (the server restarted meanwhile): it ends like boris's desktop.
        m_server.kill();
        QVERIFY(m_server.start(m_central, m_dir.filePath(QStringLiteral("central.log"))));
        QCOMPARE(sync(QStringLiteral("l")).code, 0);
        QCOMPARE(sync(QStringLiteral("b")).code, 0);
        QVERIFY(get(QStringLiteral("l"), moving).isEmpty());
        QCOMPARE(list(QStringLiteral("l")), list(QStringLiteral("b")));
        QCOMPARE(list(QStringLiteral("l"), QStringLiteral("lead")), list(QStringLiteral("b"), QStringLiteral("lead")));
    }

    void aReplicaThatOnlyPushedStillLosesWhatLeftItsView()
    {
        // anna's new laptop pushes a lead, then the network drops before its first pull.
        PullRefusingProxy proxy(m_server.port());
        QCOMPARE(cli(QStringLiteral("n"), {QStringLiteral("init")}).code, 0);
        QVERIFY(syncAs(QStringLiteral("n"), proxy.url(), m_anna).code != 0); // logged in (binds it to anna)
        const QString lead = add(QStringLiteral("n"), {QStringLiteral("lead"), QStringLiteral("title=Забор")});
        QVERIFY(!lead.isEmpty());
        QVERIFY(syncAs(QStringLiteral("n"), proxy.url(), m_anna).code != 0);
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM gx_record WHERE id = ?"), {lead}), 1);
        const QString laptop = siteOf(QStringLiteral("n"));
        QVERIFY(!laptop.isEmpty());
        QVERIFY(serverAdmin(m_central, {QStringLiteral("replicas")}).out.contains(laptop.toLatin1()));
        // Her manager hands it to boris; every other replica pulls past the move.
        QCOMPARE(sync(QStringLiteral("m")).code, 0);
        QCOMPARE(cli(QStringLiteral("m"),
                     {QStringLiteral("set"), QStringLiteral("lead"), lead, QStringLiteral("owner_id=") + m_borisId})
                     .code,
                 0);
        QCOMPARE(sync(QStringLiteral("m")).code, 0);
        const int moveSeq = central(QStringLiteral("SELECT seq FROM gx_moved WHERE id = ?"), {lead});
        QVERIFY(moveSeq > 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const char *name : {"r", "a1", "a2", "b", "m", "l"})
                    sync(QString::fromLatin1(name));
                return central(QStringLiteral("SELECT count(*) FROM gx_cursor WHERE site <> ? AND since_seq < ?"),
                               {laptop, moveSeq})
                    == 0;
            }(),
            60000);
        const Run pruned = serverAdmin(
            m_central, {QStringLiteral("prune-log"), QStringLiteral("--inactive-days"), QStringLiteral("30")});
        QVERIFY2(pruned.code == 0, qPrintable(pruned.err));
        // The laptop's first pull carries the removal; it ends like anna's desktop.
        QCOMPARE(sync(QStringLiteral("n")).code, 0);
        QVERIFY(get(QStringLiteral("n"), QStringLiteral("lead"), lead).isEmpty());
        QCOMPARE(sync(QStringLiteral("a1")).code, 0);
        QCOMPARE(ids(QStringLiteral("n"), QStringLiteral("lead")), ids(QStringLiteral("a1"), QStringLiteral("lead")));
        QCOMPARE(sync(QStringLiteral("b")).code, 0);
        QCOMPARE(get(QStringLiteral("b"), QStringLiteral("lead"), lead).value(QLatin1String("title")).toString(),
                 QStringLiteral("Забор"));
    }

    void erasureAtAnOfficeReachesTheCentralServer()
    {
        // The Казань office server keeps its data in PostgreSQL too, and relays to the central one.
        QVERIFY(m_office.startOffice(m_kazan, m_dir.filePath(QStringLiteral("kazan.log")), m_server.url(),
                                     QStringLiteral("kazan-relay"), "relay-pass"));
        QCOMPARE(cli(QStringLiteral("k"), {QStringLiteral("init")}).code, 0);
        auto convergeUntil = [&](const std::function<bool()> &done) {
            for (int i = 0; i < 60; ++i) {
                sync(QStringLiteral("k"));
                sync(QStringLiteral("r"));
                if (done())
                    return true;
            }
            return false;
        };
        const QString kazan = officeIds(QStringLiteral("r")).value(QStringLiteral("Казань"));
        const QString id = add(QStringLiteral("r"),
                               {QStringLiteral("contact"), QStringLiteral("first_name=Евдокия"),
                                QStringLiteral("last_name=Пантелеева"), QStringLiteral("email=evdokia@example.ru"),
                                QStringLiteral("phone=+7 912 765-43-21"), QStringLiteral("office_id=") + kazan});
        QVERIFY(!id.isEmpty());
        QVERIFY(convergeUntil(
            [&] { return get(QStringLiteral("k"), id).value(QLatin1String("first_name")).toString() == u"Евдокия"; }));
        // A concurrent edit at the office and at the centre: a conflict record holding both names.
        QCOMPARE(
            cli(QStringLiteral("k"),
                {QStringLiteral("set"), QStringLiteral("contact"), id, QStringLiteral("last_name=Пантелеева-Орлова")})
                .code,
            0);
        QCOMPARE(
            cli(QStringLiteral("r"),
                {QStringLiteral("set"), QStringLiteral("contact"), id, QStringLiteral("last_name=Пантелеева-Смирнова")})
                .code,
            0);
        QVERIFY(convergeUntil([&] {
            return conflictsAbout(QStringLiteral("k"), id) == 1 && conflictsAbout(QStringLiteral("r"), id) == 1;
        }));
        const QList<QByteArray> needles {QStringLiteral("Евдокия").toUtf8(),
                                         QStringLiteral("евдокия").toUtf8(),
                                         QStringLiteral("Пантелеева").toUtf8(),
                                         QStringLiteral("пантелеева").toUtf8(),
                                         QByteArray("evdokia"),
                                         QByteArray("9127654321"),
                                         QByteArray("912 765-43-21")};
        // The needles do find her before: in both dumps and in both client files.
        for (const QByteArray &bytes : {m_pg.dump(QStringLiteral("central")), m_pg.dump(QStringLiteral("kazan")),
                                        rawBytes({QStringLiteral("k.db")}), rawBytes({QStringLiteral("r.db")})}) {
            QVERIFY(bytes.contains("evdokia@example.ru"));
            QVERIFY(bytes.contains(needles.at(2)));
        }

        // The office's administrator erases her there, by her email typed differently.
        const Run erased = serverAdmin(
            m_kazan, {QStringLiteral("erase-person"), QStringLiteral("--email"), QStringLiteral("Evdokia@Example.ru")});
        QVERIFY2(erased.code == 0, qPrintable(erased.err));
        QCOMPARE(erased.out.trimmed(), "contact " + id.toLatin1());
        // It reaches the central server, in the relay's name...
        QTRY_COMPARE_WITH_TIMEOUT(central(QStringLiteral("SELECT count(*) FROM gx_erased WHERE id = ?"), {id}), 1,
                                  30000);
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM gx_record WHERE id = ?"), {id}), 0);
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM gx_audit WHERE record_id = ? AND action = 'erase' AND "
                                        "user_id IN (SELECT user_id FROM gx_login WHERE login = 'kazan-relay')"),
                         {id}),
                 1);
        // ...and from there every client: the record and its conflict record are gone.
        QVERIFY(convergeUntil([&] {
            return get(QStringLiteral("k"), id).isEmpty() && get(QStringLiteral("r"), id).isEmpty()
                && conflictsAbout(QStringLiteral("k"), id) == 0 && conflictsAbout(QStringLiteral("r"), id) == 0;
        }));
        for (const char *name : {"a1", "b", "m"}) {
            QCOMPARE(sync(QString::fromLatin1(name)).code, 0);
            QVERIFY(get(QString::fromLatin1(name), id).isEmpty());
        }
        // No trace of her in either server's database nor in any client file.
        for (const QString &database : {QStringLiteral("central"), QStringLiteral("kazan")}) {
            const QByteArray dump = m_pg.dump(database);
            QVERIFY(dump.contains("gx_erased"));
            for (const QByteArray &needle : needles)
                QVERIFY2(!dump.contains(needle),
                         qPrintable(database + QStringLiteral(" still holds ") + QString::fromUtf8(needle)));
        }
        for (const char *name : {"k", "r", "a1", "b", "m"}) {
            const QByteArray bytes = rawBytes({QString::fromLatin1(name) + QStringLiteral(".db")});
            QVERIFY(!bytes.isEmpty());
            for (const QByteArray &needle : needles)
                QVERIFY2(!bytes.contains(needle),
                         qPrintable(QString::fromLatin1(name) + QStringLiteral(".db still holds ")
                                    + QString::fromUtf8(needle)));
        }
        // The office's queued request is gone once carried out.
        QCOMPARE(m_pg.value(QStringLiteral("kazan"),
                            QStringLiteral("SELECT count(*) FROM gx_meta WHERE k LIKE 'erase_up.%'"))
                     .toInt(),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestPostgresSync)
#include "tst_postgres_sync.moc"
