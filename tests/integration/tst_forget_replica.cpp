// A dead laptop no longer holds back the removal logs (ServerPurgeHorizon; `gamix-server
// replicas`, `gamix-server forget-replica SITE`), with the real gamix-server and gamix-cli on
// loopback: the laptop is listed with its user and site; while it is known, prune-log keeps
// the removals it has not pulled; once forgotten, prune-log removes them; and if the laptop
// syncs again after all, it ends with exactly the records its user may see: what left the
// view meanwhile (a record moved to another office, the user's own move to another office)
// is removed from it, what entered arrives.

#include "tst_sync_kit.h"

#include "store/Clock.h"

#include <QJsonArray>
#include <QtTest>

using namespace synckit;

class TestForgetReplica : public QObject, public Workspace
{
    Q_OBJECT

private:
    QStringList m_storage;
    Server m_server;
    // Clients: r (root), a (anna), b (boris's desktop), l (boris's laptop).
    const Account m_root {QStringLiteral("root"), QStringLiteral("admin"), QString(), QStringLiteral("root-pass")};
    const Account m_anna {QStringLiteral("anna"), QStringLiteral("sales"), QStringLiteral("Москва"),
                          QStringLiteral("пароль-анны")};
    const Account m_boris {QStringLiteral("boris"), QStringLiteral("sales"), QStringLiteral("Москва"),
                           QStringLiteral("пароль-бориса")};
    const Account m_kira {QStringLiteral("kira"), QStringLiteral("sales"), QStringLiteral("Казань"),
                          QStringLiteral("пароль-киры")};
    const Account m_semyon {QStringLiteral("semyon"), QStringLiteral("sales"), QStringLiteral("Самара"),
                            QStringLiteral("пароль-семёна")};

    Run sync(const QString &dbName)
    {
        const QHash<QString, Account> byClient {{QStringLiteral("r"), m_root},
                                                {QStringLiteral("a"), m_anna},
                                                {QStringLiteral("b"), m_boris},
                                                {QStringLiteral("l"), m_boris}};
        return syncAs(dbName, m_server.url(), byClient.value(dbName));
    }
    QString add(const QString &dbName, const QStringList &args)
    {
        const Run r = cli(dbName, QStringList {QStringLiteral("add")} + args);
        return r.code == 0 ? QString::fromUtf8(r.out.trimmed()) : QString();
    }
    QString siteOf(const QString &dbName)
    {
        gamix::Store store;
        QString error;
        return store.open(db(dbName), &error) ? gamix::Clock {0, store.siteId()}.siteHex() : QString();
    }
    int count(const QString &sql, const QVariantList &binds = {})
    {
        const QVariant v = sqliteValue(m_storage.at(1), sql, binds);
        return v.isValid() ? v.toInt() : -1;
    }
    // `gamix-server replicas`: site -> {login, last seen, cursor}.
    QHash<QString, QStringList> replicas()
    {
        const Run r = serverAdmin(m_storage, {QStringLiteral("replicas")});
        QHash<QString, QStringList> out;
        if (r.code != 0)
            return out;
        for (const QByteArray &line : r.out.split('\n')) {
            const QStringList cells = QString::fromUtf8(line).split(u'\t');
            if (cells.size() == 4)
                out.insert(cells.at(1), {cells.at(0), cells.at(2), cells.at(3)});
        }
        return out;
    }
    QList<QByteArray> prune()
    {
        const Run r = serverAdmin(m_storage, {QStringLiteral("prune-log")});
        return r.code == 0 ? r.out.trimmed().split(' ') : QList<QByteArray>();
    }
    // Syncs a, b and r; whether the server has noted that every replica but the laptop holds
    // everything up to `seq` (a pull notes the cursor of the one before, at most every 5 s).
    bool othersPassed(qint64 seq, const QString &laptop)
    {
        for (const char *name : {"a", "b", "r"})
            sync(QString::fromLatin1(name));
        return count(QStringLiteral("SELECT count(*) FROM gx_cursor WHERE site <> ? AND since_seq < ?"), {laptop, seq})
            == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_storage = sqliteStorage(QStringLiteral("server"));
        QCOMPARE(addUsers(m_storage, {m_root, m_anna, m_boris, m_kira, m_semyon}), QString());
        QVERIFY(m_server.start(m_storage, m_dir.filePath(QStringLiteral("server.log"))));
        for (const char *name : {"r", "a", "b", "l"}) {
            QCOMPARE(cli(QString::fromLatin1(name), {QStringLiteral("init")}).code, 0);
            QCOMPARE(sync(QString::fromLatin1(name)).code, 0);
        }
    }

    void helpNamesTheCommands()
    {
        const Run help = serverAdmin({}, {QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains("replicas"));
        QVERIFY(help.out.contains("forget-replica SITE"));
        QVERIFY(help.out.contains("prune-log"));
        const Run wrong = serverAdmin(m_storage, {QStringLiteral("forget-replica")});
        QVERIFY(wrong.code != 0);
        QVERIFY(serverAdmin(m_storage, {QStringLiteral("forget-replica"), QStringLiteral("laptop")}).code != 0);
    }

    void aForgottenLaptopNoLongerHoldsThePruningBack()
    {
        const QHash<QString, QString> offices = officeIds(QStringLiteral("r"));
        const QString kazan = offices.value(QStringLiteral("Казань")), samara = offices.value(QStringLiteral("Самара"));
        QVERIFY(!kazan.isEmpty() && !samara.isEmpty());
        // anna's Москва contacts; root's Казань one. Every computer syncs, the laptop last.
        const QString moving
            = add(QStringLiteral("a"), {QStringLiteral("contact"), QStringLiteral("first_name=Анфиса")});
        const QString staying
            = add(QStringLiteral("a"), {QStringLiteral("contact"), QStringLiteral("first_name=Прасковья")});
        const QString inKazan = add(
            QStringLiteral("r"),
            {QStringLiteral("contact"), QStringLiteral("first_name=Тимур"), QStringLiteral("office_id=") + kazan});
        QVERIFY(!moving.isEmpty() && !staying.isEmpty() && !inKazan.isEmpty());
        for (const char *name : {"a", "r", "b", "l"})
            QCOMPARE(sync(QString::fromLatin1(name)).code, 0);
        QVERIFY(!get(QStringLiteral("l"), moving).isEmpty());
        QVERIFY(!get(QStringLiteral("l"), staying).isEmpty());
        QVERIFY(get(QStringLiteral("l"), inKazan).isEmpty());
        const QString laptop = siteOf(QStringLiteral("l"));
        QVERIFY(!laptop.isEmpty());

        // The laptop dies. One contact moves to Самара: a removal for Москва's replicas.
        QCOMPARE(cli(QStringLiteral("r"),
                     {QStringLiteral("set"), QStringLiteral("contact"), moving, QStringLiteral("office_id=") + samara})
                     .code,
                 0);
        QCOMPARE(sync(QStringLiteral("r")).code, 0);
        const QString movedRows = QStringLiteral("SELECT count(*) FROM gx_moved WHERE id = ?");
        QCOMPARE(count(movedRows, {moving}), 1);
        const qint64 moveSeq
            = sqliteValue(m_storage.at(1), QStringLiteral("SELECT seq FROM gx_moved WHERE id = ?"), {moving})
                  .toLongLong();
        QTRY_VERIFY_WITH_TIMEOUT(othersPassed(moveSeq, laptop), 40000);

        // The administrator sees the laptop among the replicas, under boris.
        QHash<QString, QStringList> known = replicas();
        QVERIFY2(known.contains(laptop), qPrintable(QStringList(known.keys()).join(u' ')));
        QCOMPARE(known.value(laptop).at(0), QStringLiteral("boris"));
        QVERIFY(QDateTime::fromString(known.value(laptop).at(1), Qt::ISODate).isValid());
        QVERIFY(known.value(laptop).at(2).toLongLong() < moveSeq);
        QCOMPARE(known.value(siteOf(QStringLiteral("b"))).at(0), QStringLiteral("boris"));
        QCOMPARE(known.value(siteOf(QStringLiteral("a"))).at(0), QStringLiteral("anna"));

        // While it is known (seen within the retention), the removal it has not pulled stays.
        QCOMPARE(prune().size(), 4);
        QCOMPARE(count(movedRows, {moving}), 1);

        // Forgotten, it no longer holds the log back: the next prune removes the row.
        const Run forgot = serverAdmin(m_storage, {QStringLiteral("forget-replica"), laptop.toUpper()});
        QVERIFY2(forgot.code == 0, qPrintable(forgot.err));
        known = replicas();
        QVERIFY(!known.contains(laptop));
        QVERIFY(known.contains(siteOf(QStringLiteral("b"))));
        QVERIFY(serverAdmin(m_storage, {QStringLiteral("forget-replica"), laptop}).code != 0); // already gone
        const QList<QByteArray> numbers = prune();
        QCOMPARE(numbers.size(), 4);
        QVERIFY(numbers.at(0).toInt() >= 1);
        QCOMPARE(count(movedRows, {moving}), 0);
        qInfo("prune-log after forget-replica: %s removal row(s), horizon %s", numbers.at(0).constData(),
              numbers.at(3).constData());

        // Then boris moves to Казань: his Москва records leave his view (gx_unseen), the
        // Казань ones enter it. His desktop follows; the forgotten laptop held the rows back
        // no more, so they are pruned too.
        QCOMPARE(serverAdmin(m_storage,
                             {QStringLiteral("user"), QStringLiteral("set"), QStringLiteral("boris"),
                              QStringLiteral("--office"), QStringLiteral("Казань")})
                     .code,
                 0);
        const QString borisId
            = sqliteValue(m_storage.at(1), QStringLiteral("SELECT user_id FROM gx_login WHERE login = 'boris'"))
                  .toString();
        const QString unseenRows = QStringLiteral("SELECT count(*) FROM gx_unseen WHERE user_id = ?");
        QVERIFY(count(unseenRows, {borisId}) >= 1);
        const qint64 unseenSeq
            = sqliteValue(m_storage.at(1), QStringLiteral("SELECT max(seq) FROM gx_unseen WHERE user_id = ?"),
                          {borisId})
                  .toLongLong();
        // (only boris's own replicas hold his removals back; a cursor moves with what its user sees)
        QTRY_VERIFY_WITH_TIMEOUT(
            sync(QStringLiteral("b")).code == 0
                && count(QStringLiteral(
                             "SELECT count(*) FROM gx_cursor WHERE user_id = ? AND site <> ? AND since_seq < ?"),
                         {borisId, laptop, unseenSeq})
                    == 0,
            40000);
        QVERIFY(get(QStringLiteral("b"), staying).isEmpty());
        QCOMPARE(get(QStringLiteral("b"), inKazan).value(QLatin1String("first_name")).toString(),
                 QStringLiteral("Тимур"));
        QCOMPARE(prune().size(), 4);
        QCOMPARE(count(unseenRows, {borisId}), 0);

        // The laptop comes back after all, to a server restarted since (it remembers nothing of
        // it): it ends with exactly what boris may see, as his desktop does. Neither removal it
        // missed is left in the log; both are rebuilt.
        m_server.kill();
        QVERIFY(m_server.start(m_storage, m_dir.filePath(QStringLiteral("server.log"))));
        const Run back = sync(QStringLiteral("l"));
        QVERIFY2(back.code == 0, qPrintable(back.err));
        QCOMPARE(sync(QStringLiteral("b")).code, 0);
        QVERIFY(get(QStringLiteral("l"), moving).isEmpty());
        QVERIFY(get(QStringLiteral("l"), staying).isEmpty());
        QCOMPARE(get(QStringLiteral("l"), inKazan).value(QLatin1String("first_name")).toString(),
                 QStringLiteral("Тимур"));
        for (const QString &entity :
             {QStringLiteral("contact"), QStringLiteral("company"), QStringLiteral("lead"), QStringLiteral("deal")})
            QCOMPARE(list(QStringLiteral("l"), entity), list(QStringLiteral("b"), entity));
        QVERIFY(!list(QStringLiteral("l")).isEmpty());
        // It is known again, and nothing was lost on the server.
        QCOMPARE(sync(QStringLiteral("l")).code, 0);
        QTRY_VERIFY_WITH_TIMEOUT(sync(QStringLiteral("l")).code == 0 && replicas().contains(laptop), 20000);
        QCOMPARE(sync(QStringLiteral("r")).code, 0);
        QCOMPARE(get(QStringLiteral("r"), moving).value(QLatin1String("office_id")).toString(), samara);
        QCOMPARE(get(QStringLiteral("r"), staying).value(QLatin1String("first_name")).toString(),
                 QStringLiteral("Прасковья"));
    }
};

QTEST_GUILESS_MAIN(TestForgetReplica)
#include "tst_forget_replica.moc"
