// Records leaving replicas without tombstones (DESIGN.md §4 "Visibility"; 152-FZ), with
// the real gamix-server and gamix-cli on loopback:
// - a lead reassigned away from a sales user disappears from their database on the next
//   sync, reaches the new owner whole, and stays intact on the server (the purge is not a
//   delete that syncs back); the same when a user moves to another office (`user set`);
// - `gamix-server erase-person` erases one person (a contact, a web-form lead with its
//   consent, a tombstone, a conflict record) and after the next sync no byte of their
//   name, email or phone is left in any client database file nor in the server's storage;
// - the removal log is pruned behind every active replica (`prune-log`), and a replica that
//   was away longer than the retention still loses what left its view meanwhile; so does a
//   new replica that pushed a record and lost the connection before its first pull.

#include "pull_refusing_proxy.h"
#include "tst_sync_kit.h"

#include <QJsonArray>
#include <QtTest>

using namespace synckit;

class TestPurge : public QObject, public Workspace
{
    Q_OBJECT

private:
    QStringList m_storage;
    Server m_server;
    QString m_log;
    QString m_borisId;
    // The clients a, b, r and k are anna's, boris's, root's and kira's.
    const Account m_root {QStringLiteral("root"), QStringLiteral("admin"), QString(), QStringLiteral("root-pass")};
    const Account m_anna {QStringLiteral("anna"), QStringLiteral("sales"), QStringLiteral("Москва"),
                          QStringLiteral("пароль-анны")};
    const Account m_boris {QStringLiteral("boris"), QStringLiteral("sales"), QStringLiteral("Москва"),
                           QStringLiteral("пароль-бориса")};
    const Account m_kira {QStringLiteral("kira"), QStringLiteral("sales"), QStringLiteral("Казань"),
                          QStringLiteral("пароль-киры")};

    Run sync(const QString &dbName)
    {
        const QHash<QString, Account> byClient {{QStringLiteral("a"), m_anna},
                                                {QStringLiteral("b"), m_boris},
                                                {QStringLiteral("r"), m_root},
                                                {QStringLiteral("k"), m_kira}};
        return syncAs(dbName, m_server.url(), byClient.value(dbName));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_storage = sqliteStorage(QStringLiteral("server"));
        m_log = m_dir.filePath(QStringLiteral("server.log"));
        QCOMPARE(addUsers(m_storage, {m_root, m_anna}), QString());
        m_borisId = addUser(m_storage, m_boris);
        QVERIFY(!m_borisId.isEmpty());
        QVERIFY(m_server.start(m_storage, m_log));
        for (const char *name : {"a", "b", "r"}) {
            QCOMPARE(cli(QString::fromLatin1(name), {QStringLiteral("init")}).code, 0);
            QCOMPARE(sync(QString::fromLatin1(name)).code, 0); // binds each database to its user
        }
    }

    void reassignedLeadLeavesTheOldOwner()
    {
        const QString lead
            = QString::fromUtf8(cli(QStringLiteral("a"),
                                    {QStringLiteral("add"), QStringLiteral("lead"),
                                     QStringLiteral("title=Поставка труб"), QStringLiteral("first_name=Глеб")})
                                    .out.trimmed());
        QVERIFY(!lead.isEmpty());
        QCOMPARE(sync(QStringLiteral("a")).code, 0);
        QCOMPARE(sync(QStringLiteral("b")).code, 0);
        QVERIFY(get(QStringLiteral("b"), QStringLiteral("lead"), lead).isEmpty()); // anna's own lead
        const Run moved
            = serverAdmin(m_storage, {QStringLiteral("reassign"), QStringLiteral("anna"), QStringLiteral("boris")});
        QVERIFY2(moved.code == 0, qPrintable(moved.err));
        QCOMPARE(sync(QStringLiteral("a")).code, 0);
        QVERIFY(get(QStringLiteral("a"), QStringLiteral("lead"), lead).isEmpty());
        QCOMPARE(QJsonDocument::fromJson(cli(QStringLiteral("a"),
                                             {QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("lead")})
                                             .out)
                     .array()
                     .size(),
                 0);
        // Entering boris's view, it arrives whole.
        QCOMPARE(sync(QStringLiteral("b")).code, 0);
        QJsonObject atBoris = get(QStringLiteral("b"), QStringLiteral("lead"), lead);
        QCOMPARE(atBoris.value(QLatin1String("title")).toString(), QStringLiteral("Поставка труб"));
        QCOMPARE(atBoris.value(QLatin1String("first_name")).toString(), QStringLiteral("Глеб"));
        QCOMPARE(atBoris.value(QLatin1String("owner_id")).toString(), m_borisId);
        // anna's purge did not sync back as a delete: the central copy is intact.
        QCOMPARE(sync(QStringLiteral("a")).code, 0);
        QCOMPARE(sync(QStringLiteral("r")).code, 0);
        const QJsonObject central = get(QStringLiteral("r"), QStringLiteral("lead"), lead);
        QCOMPARE(central.value(QLatin1String("title")).toString(), QStringLiteral("Поставка труб"));
        QCOMPARE(central.value(QLatin1String("deleted")).toBool(), false);
        QVERIFY(get(QStringLiteral("a"), QStringLiteral("lead"), lead).isEmpty());
    }

    void officeChangeSwapsTheView()
    {
        // kira works in Казань; boris moves there from Москва.
        QVERIFY(!addUser(m_storage, m_kira).isEmpty());
        QCOMPARE(cli(QStringLiteral("k"), {QStringLiteral("init")}).code, 0);
        QCOMPARE(sync(QStringLiteral("k")).code, 0);
        const QString kazan = QString::fromUtf8(
            cli(QStringLiteral("k"),
                {QStringLiteral("add"), QStringLiteral("contact"), QStringLiteral("first_name=Тимур")})
                .out.trimmed());
        const QString moscow = QString::fromUtf8(
            cli(QStringLiteral("a"),
                {QStringLiteral("add"), QStringLiteral("contact"), QStringLiteral("first_name=Матвей")})
                .out.trimmed());
        QVERIFY(!kazan.isEmpty() && !moscow.isEmpty());
        for (const char *name : {"k", "a", "b"})
            QCOMPARE(sync(QString::fromLatin1(name)).code, 0);
        QVERIFY(!get(QStringLiteral("b"), QStringLiteral("contact"), moscow).isEmpty());
        QVERIFY(get(QStringLiteral("b"), QStringLiteral("contact"), kazan).isEmpty());
        const Run moved = serverAdmin(m_storage,
                                      {QStringLiteral("user"), QStringLiteral("set"), QStringLiteral("boris"),
                                       QStringLiteral("--office"), QStringLiteral("Казань")});
        QVERIFY2(moved.code == 0, qPrintable(moved.err));
        QCOMPARE(sync(QStringLiteral("b")).code, 0);
        QVERIFY(get(QStringLiteral("b"), QStringLiteral("contact"), moscow).isEmpty()); // left the view
        QCOMPARE(
            get(QStringLiteral("b"), QStringLiteral("contact"), kazan).value(QLatin1String("first_name")).toString(),
            QStringLiteral("Тимур")); // entered it, whole
        // Nothing was deleted: anna still has Матвей after her next sync.
        QCOMPARE(sync(QStringLiteral("b")).code, 0);
        QCOMPARE(sync(QStringLiteral("a")).code, 0);
        QCOMPARE(get(QStringLiteral("a"), QStringLiteral("contact"), moscow).value(QLatin1String("deleted")).toBool(),
                 false);
        QVERIFY(!get(QStringLiteral("a"), QStringLiteral("contact"), moscow).isEmpty());
        // Back to Москва for the tests that follow.
        QCOMPARE(serverAdmin(m_storage,
                             {QStringLiteral("user"), QStringLiteral("set"), QStringLiteral("boris"),
                              QStringLiteral("--office"), QStringLiteral("Москва")})
                     .code,
                 0);
        QCOMPARE(sync(QStringLiteral("b")).code, 0);
        QVERIFY(!get(QStringLiteral("b"), QStringLiteral("contact"), moscow).isEmpty());
        QVERIFY(get(QStringLiteral("b"), QStringLiteral("contact"), kazan).isEmpty());
    }

    void prunedRemovalsStillReachAStaleClient()
    {
        // boris syncs, then stays away while anna's Москва contact moves to Казань.
        auto add = [&](const char *name) {
            return QString::fromUtf8(cli(QStringLiteral("a"),
                                         {QStringLiteral("add"), QStringLiteral("contact"),
                                          QStringLiteral("first_name=") + QString::fromUtf8(name)})
                                         .out.trimmed());
        };
        const QString moving = add("Анфиса");
        const QString staying = add("Прасковья");
        QVERIFY(!moving.isEmpty() && !staying.isEmpty());
        for (const char *name : {"a", "b", "r"})
            QCOMPARE(sync(QString::fromLatin1(name)).code, 0);
        QVERIFY(!get(QStringLiteral("b"), QStringLiteral("contact"), moving).isEmpty());
        const QString kazan = officeIds(QStringLiteral("r")).value(QStringLiteral("Казань"));
        QVERIFY(!kazan.isEmpty());
        QCOMPARE(cli(QStringLiteral("r"),
                     {QStringLiteral("set"), QStringLiteral("contact"), moving, QStringLiteral("office_id=") + kazan})
                     .code,
                 0);
        QCOMPARE(sync(QStringLiteral("r")).code, 0);
        const QString file = m_storage.at(1);
        auto movedRows = [&] {
            return sqliteValue(file, QStringLiteral("SELECT count(*) FROM gx_moved WHERE id = ?"), {moving}).toInt();
        };
        QCOMPARE(movedRows(), 1);
        // boris, active within the retention (30 days), has not pulled past it: it stays.
        Run pruned = serverAdmin(m_storage, {QStringLiteral("prune-log")});
        QVERIFY2(pruned.code == 0, qPrintable(pruned.err));
        QCOMPARE(movedRows(), 1);
        // Counted as inactive (0 days), he no longer holds it back: the log is pruned.
        const int before = sqliteValue(file, QStringLiteral("SELECT count(*) FROM gx_moved")).toInt();
        pruned = serverAdmin(m_storage,
                             {QStringLiteral("prune-log"), QStringLiteral("--inactive-days"), QStringLiteral("0")});
        QVERIFY2(pruned.code == 0, qPrintable(pruned.err));
        const QList<QByteArray> numbers = pruned.out.trimmed().split(' ');
        QCOMPARE(numbers.size(), 4);
        QCOMPARE(numbers.at(0).toInt(), before);
        QVERIFY(numbers.at(3).toLongLong() > 0); // the horizon
        QCOMPARE(sqliteValue(file, QStringLiteral("SELECT count(*) FROM gx_moved")).toInt(), 0);
        qInfo("prune-log: %d removal row(s) pruned, horizon %s", before, numbers.at(3).constData());
        // boris comes back from behind the horizon: the removal he missed is rebuilt for him,
        // what he may still see stays, and he converges with anna (same office, same view).
        QCOMPARE(sync(QStringLiteral("b")).code, 0);
        QVERIFY(get(QStringLiteral("b"), QStringLiteral("contact"), moving).isEmpty());
        QCOMPARE(
            get(QStringLiteral("b"), QStringLiteral("contact"), staying).value(QLatin1String("first_name")).toString(),
            QStringLiteral("Прасковья"));
        auto ids = [&](const QString &dbName) {
            QStringList out;
            for (const QJsonValue &v :
                 QJsonDocument::fromJson(
                     cli(dbName, {QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("contact")}).out)
                     .array())
                out << v.toObject().value(QLatin1String("id")).toString();
            out.sort();
            return out;
        };
        QCOMPARE(sync(QStringLiteral("a")).code, 0);
        QStringList annas = ids(QStringLiteral("a"));
        QVERIFY(annas.removeOne(moving)); // hers still (she owns it), no longer the Москва office's
        QVERIFY(!ids(QStringLiteral("b")).isEmpty());
        QCOMPARE(ids(QStringLiteral("b")), annas);
        // The central copy is intact.
        QCOMPARE(
            get(QStringLiteral("r"), QStringLiteral("contact"), moving).value(QLatin1String("office_id")).toString(),
            kazan);
    }

    void aReplicaThatOnlyPushedStillLosesWhatLeftItsView()
    {
        // anna's new laptop n: its first syncs push, then the network drops before the pull.
        PullRefusingProxy proxy(m_server.port());
        QCOMPARE(cli(QStringLiteral("n"), {QStringLiteral("init")}).code, 0);
        QVERIFY(syncAs(QStringLiteral("n"), proxy.url(), m_anna).code != 0); // logged in (binds it to anna)
        const QString lead = QString::fromUtf8(
            cli(QStringLiteral("n"), {QStringLiteral("add"), QStringLiteral("lead"), QStringLiteral("title=Забор")})
                .out.trimmed());
        QVERIFY(!lead.isEmpty());
        const Run pushed = syncAs(QStringLiteral("n"), proxy.url(), m_anna);
        QVERIFY(pushed.code != 0);
        QVERIFY2(pushed.err.contains(QStringLiteral("the network dropped")), qPrintable(pushed.err)); // at the pull
        const QString file = m_storage.at(1);
        QCOMPARE(sqliteValue(file, QStringLiteral("SELECT count(*) FROM gx_record WHERE id = ?"), {lead}).toInt(), 1);
        QString site;
        {
            gamix::Store store;
            QString error;
            QVERIFY2(store.open(db(QStringLiteral("n")), &error), qPrintable(error));
            site = gamix::Clock {0, store.siteId()}.siteHex().toLower();
        }
        // The server knows the laptop from its push (it holds what it pushed, nothing more).
        const Run listed = serverAdmin(m_storage, {QStringLiteral("replicas")});
        QVERIFY2(listed.out.contains(site.toLatin1()), listed.out.constData());

        // An admin hands the lead to boris: it leaves anna's view.
        QCOMPARE(sync(QStringLiteral("r")).code, 0);
        QCOMPARE(cli(QStringLiteral("r"),
                     {QStringLiteral("set"), QStringLiteral("lead"), lead, QStringLiteral("owner_id=") + m_borisId})
                     .code,
                 0);
        QCOMPARE(sync(QStringLiteral("r")).code, 0);
        const qint64 moveSeq
            = sqliteValue(file, QStringLiteral("SELECT seq FROM gx_moved WHERE id = ?"), {lead}).toLongLong();
        QVERIFY(moveSeq > 0);
        // Every other replica pulls past the move (a pull's cursor is noted at most every 5 s).
        auto othersPast = [&] {
            for (const char *name : {"a", "b", "r", "k"})
                sync(QString::fromLatin1(name));
            return sqliteValue(file, QStringLiteral("SELECT count(*) FROM gx_cursor WHERE site <> ? AND since_seq < ?"),
                               {site, moveSeq})
                       .toInt()
                == 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(othersPast(), 60000);
        const Run pruned = serverAdmin(
            m_storage, {QStringLiteral("prune-log"), QStringLiteral("--inactive-days"), QStringLiteral("30")});
        QVERIFY2(pruned.code == 0, qPrintable(pruned.err));

        // The laptop's first pull carries the removal.
        QCOMPARE(syncAs(QStringLiteral("n"), m_server.url(), m_anna).code, 0);
        QVERIFY(get(QStringLiteral("n"), QStringLiteral("lead"), lead).isEmpty());
        // boris has it whole; the central copy is intact.
        QCOMPARE(sync(QStringLiteral("b")).code, 0);
        QCOMPARE(get(QStringLiteral("b"), QStringLiteral("lead"), lead).value(QLatin1String("title")).toString(),
                 QStringLiteral("Забор"));
    }

    void erasureFindsPeopleByPhoneAndId()
    {
        // Phones match as numbers (E.164), whatever way they were typed.
        const QString byMobile
            = QString::fromUtf8(cli(QStringLiteral("a"),
                                    {QStringLiteral("add"), QStringLiteral("contact"),
                                     QStringLiteral("first_name=Ермолай"), QStringLiteral("mobile=8 (912) 000-11-22")})
                                    .out.trimmed());
        const QString byId = QString::fromUtf8(
            cli(QStringLiteral("a"),
                {QStringLiteral("add"), QStringLiteral("lead"), QStringLiteral("title=Разовая покупка")})
                .out.trimmed());
        QCOMPARE(sync(QStringLiteral("a")).code, 0);
        Run r = serverAdmin(
            m_storage, {QStringLiteral("erase-person"), QStringLiteral("--phone"), QStringLiteral("+7 912 000 11 22")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), "contact " + byMobile.toLatin1());
        r = serverAdmin(m_storage, {QStringLiteral("erase-person"), QStringLiteral("--id"), byId});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), "lead " + byId.toLatin1());
        QVERIFY(
            serverAdmin(m_storage, {QStringLiteral("erase-person"), QStringLiteral("--name"), QStringLiteral("x")}).code
            != 0);
        QCOMPARE(sync(QStringLiteral("a")).code, 0);
        QVERIFY(get(QStringLiteral("a"), QStringLiteral("contact"), byMobile).isEmpty());
        QVERIFY(get(QStringLiteral("a"), QStringLiteral("lead"), byId).isEmpty());
    }

    void erasedPersonLeavesNoByteAnywhere()
    {
        const QString contact = QString::fromUtf8(
            cli(QStringLiteral("a"),
                {QStringLiteral("add"), QStringLiteral("contact"), QStringLiteral("first_name=Евлампия"),
                 QStringLiteral("last_name=Чудинова"), QStringLiteral("email=evlampia@example.ru"),
                 QStringLiteral("phone=+7 912 345-67-89")})
                .out.trimmed());
        QVERIFY(!contact.isEmpty());
        // A web-form lead of the same person, with her consent.
        const QString formToken = QString::fromUtf8(
            serverAdmin(m_storage,
                        {QStringLiteral("form-token"), QStringLiteral("add"), QStringLiteral("сайт"),
                         QStringLiteral("--office"), QStringLiteral("Москва")})
                .out.trimmed());
        QVERIFY(!formToken.isEmpty());
        const QJsonObject form {{QStringLiteral("first_name"), QStringLiteral("Евлампия")},
                                {QStringLiteral("email"), QStringLiteral("evlampia@example.ru")},
                                {QStringLiteral("phone"), QStringLiteral("+79123456789")},
                                {QStringLiteral("consent"), QStringLiteral("on")}};
        const Answer posted = http("POST", m_server.url() + QStringLiteral("/v1/leads"),
                                   QJsonDocument(form).toJson(QJsonDocument::Compact),
                                   {{QByteArrayLiteral("Authorization"), "Form " + formToken.toLatin1()}}, false);
        QCOMPARE(posted.status, 201);
        const QString lead = posted.json().value(QLatin1String("id")).toString();
        for (const char *name : {"a", "b", "r"})
            QCOMPARE(sync(QString::fromLatin1(name)).code, 0);
        QCOMPARE(get(QStringLiteral("b"), QStringLiteral("lead"), lead).value(QLatin1String("consent")).toBool(), true);
        // A concurrent edit (a conflict record holding both names) and a tombstone (boris
        // deletes the lead: its values stay in the tombstone).
        QCOMPARE(cli(QStringLiteral("a"),
                     {QStringLiteral("set"), QStringLiteral("contact"), contact,
                      QStringLiteral("last_name=Чудинова-Орлова")})
                     .code,
                 0);
        QCOMPARE(cli(QStringLiteral("b"),
                     {QStringLiteral("set"), QStringLiteral("contact"), contact,
                      QStringLiteral("last_name=Чудинова-Смирнова")})
                     .code,
                 0);
        QCOMPARE(cli(QStringLiteral("b"), {QStringLiteral("delete"), QStringLiteral("lead"), lead}).code, 0);
        for (const char *name : {"a", "b", "a", "r"})
            QCOMPARE(sync(QString::fromLatin1(name)).code, 0);
        QCOMPARE(conflicts(QStringLiteral("a")), 1);
        QCOMPARE(conflicts(QStringLiteral("b")), 1);
        const QList<QByteArray> needles {QStringLiteral("Евлампия").toUtf8(),
                                         QStringLiteral("евлампия").toUtf8(),
                                         QStringLiteral("Чудинова").toUtf8(),
                                         QStringLiteral("чудинова").toUtf8(),
                                         QByteArray("evlampia"),
                                         QByteArray("9123456789"),
                                         QByteArray("912 345-67-89")};
        QVERIFY(rawBytes({QStringLiteral("a.db")}).contains(needles.at(0))); // the needles do find her before

        const Run erased = serverAdmin(
            m_storage,
            {QStringLiteral("erase-person"), QStringLiteral("--email"), QStringLiteral("EVLAMPIA@example.ru")});
        QVERIFY2(erased.code == 0, qPrintable(erased.err));
        const QList<QByteArray> lines = erased.out.trimmed().split('\n');
        QCOMPARE(QSet<QByteArray>(lines.begin(), lines.end()),
                 (QSet<QByteArray> {"contact " + contact.toLatin1(), "lead " + lead.toLatin1()}));
        // Nobody matching is an error (a mistyped address must not pass silently).
        QVERIFY(serverAdmin(
                    m_storage,
                    {QStringLiteral("erase-person"), QStringLiteral("--email"), QStringLiteral("nobody@example.ru")})
                    .code
                != 0);

        for (const char *name : {"a", "b", "r", "a"})
            QCOMPARE(sync(QString::fromLatin1(name)).code, 0);
        for (const char *name : {"a", "b", "r"}) {
            const QString n = QString::fromLatin1(name);
            QVERIFY(get(n, QStringLiteral("contact"), contact).isEmpty());
            QVERIFY(get(n, QStringLiteral("lead"), lead).isEmpty());
            QCOMPARE(conflicts(n), 0);
        }
        // An old copy pushed again (a replica that missed the erasure) cannot bring her back.
        const QString token = login(m_server.url(), QStringLiteral("root"), QStringLiteral("root-pass"));
        const QByteArray push = "{\"batch_id\":\"revive\",\"records\":[{\"entity\":\"contact\",\"id\":\""
            + contact.toLatin1()
            + "\",\"fields\":{\"first_name\":{\"v\":\"Евлампия\",\"hlc\":\"99999\",\"site\":"
              "\"0123456789abcdef0123456789abcdef\"}}}]}";
        QCOMPARE(http("POST", m_server.url() + QStringLiteral("/v1/push"), push, bearer(token)).status, 200);
        QCOMPARE(sync(QStringLiteral("r")).code, 0);
        QVERIFY(get(QStringLiteral("r"), QStringLiteral("contact"), contact).isEmpty());

        for (const QString &files : {QStringLiteral("a.db"), QStringLiteral("b.db"), QStringLiteral("r.db"),
                                     QStringLiteral("server.sqlite")}) {
            const QByteArray bytes = rawBytes({files});
            QVERIFY(!bytes.isEmpty());
            for (const QByteArray &needle : needles)
                QVERIFY2(!bytes.contains(needle),
                         qPrintable(files + QStringLiteral(" still holds ") + QString::fromUtf8(needle)));
        }
    }
};

QTEST_GUILESS_MAIN(TestPurge)
#include "tst_purge.moc"
