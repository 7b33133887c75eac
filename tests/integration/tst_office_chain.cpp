// An office behind another office (DESIGN.md §4 "Office to office"), with real processes on
// loopback: a central gamix-server, the Казань office server (--upstream central, relaying
// as kazan-relay) and a second Казань office server behind it (--upstream the first office,
// relaying as kazan2-relay, an account of the first office's own storage: relay accounts are
// never passed down the directory). Clients are gamix-cli: c (root) at the central server, o
// (olga) behind the second office, and olga's desktop k and laptop l at the first office.
// - A contact made behind the second office reaches the central client with the same values;
//   a central edit comes back; a concurrent offline edit of one field converges to one value
//   on both, with a conflict record naming both; a central deletion reaches the office client.
// - Forgetting a laptop on an office server (`replicas`, `forget-replica SITE`): it no longer
//   holds the office's prune-log back, and when it syncs again after all it ends with what
//   its desktop holds, the contact that left the office while it was away included, and
//   nothing is lost.

#include "tst_sync_kit.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>

#include <functional>

using namespace synckit;

class TestOfficeChain : public QObject, public Workspace
{
    Q_OBJECT

private:
    QStringList m_central, m_kazan, m_kazan2;
    Server m_centralServer, m_kazanServer, m_kazan2Server;
    const Account m_root {QStringLiteral("root"), QStringLiteral("admin"), QString(), QStringLiteral("root-pass")};
    const Account m_olga {QStringLiteral("olga"), QStringLiteral("admin"), QStringLiteral("Казань"),
                          QStringLiteral("пароль-ольги")};
    const Account m_semyon {QStringLiteral("semyon"), QStringLiteral("sales"), QStringLiteral("Самара"),
                            QStringLiteral("пароль-семёна")};

    Run sync(const QString &dbName)
    {
        if (dbName == u"c")
            return syncAs(dbName, m_centralServer.url(), m_root);
        if (dbName == u"o")
            return syncAs(dbName, m_kazan2Server.url(), m_olga);
        return syncAs(dbName, m_kazanServer.url(), m_olga); // k, l
    }
    // Syncs `clients` once each; then whether `done` holds (the offices relay every second
    // and soon after a client pushed, so a few rounds of this reach every replica).
    bool syncedUntil(const QStringList &clients, const std::function<bool()> &done)
    {
        for (const QString &name : clients)
            sync(name);
        return done();
    }
    QString value(const QString &dbName, const QString &id, const char *field)
    {
        return get(dbName, id).value(QLatin1String(field)).toString();
    }
    bool listed(const QString &dbName, const QString &id)
    {
        for (const QJsonValue &v : list(dbName)) {
            if (v.toObject().value(QLatin1String("id")).toString() == id)
                return true;
        }
        return false;
    }
    // "field:kept>lost" of each open conflict of the record, as `gamix-cli --json conflicts` shows.
    QStringList conflictsOf(const QString &dbName, const QString &id)
    {
        QStringList out;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(cli(dbName, {QStringLiteral("--json"), QStringLiteral("conflicts")}).out)
                 .array()) {
            const QJsonObject c = v.toObject();
            if (c.value(QLatin1String("record_id")).toString() == id)
                out << c.value(QLatin1String("field")).toString() + u':'
                        + c.value(QLatin1String("kept_value")).toString() + u'>'
                        + c.value(QLatin1String("lost_value")).toString();
        }
        return out;
    }
    // `gamix-server replicas` of the first office: site -> login.
    QHash<QString, QString> officeReplicas()
    {
        const Run r = serverAdmin(m_kazan, {QStringLiteral("replicas")});
        QHash<QString, QString> out;
        for (const QByteArray &line : r.out.split('\n')) {
            const QStringList cells = QString::fromUtf8(line).split(u'\t');
            if (r.code == 0 && cells.size() == 4)
                out.insert(cells.at(1), cells.at(0));
        }
        return out;
    }
    QList<QByteArray> officePrune()
    {
        const Run r = serverAdmin(m_kazan, {QStringLiteral("prune-log")});
        return r.code == 0 ? r.out.trimmed().split(' ') : QList<QByteArray>();
    }
    int officeCount(const QString &sql, const QVariantList &binds = {})
    {
        const QVariant v = sqliteValue(m_kazan.at(1), sql, binds);
        return v.isValid() ? v.toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_central = sqliteStorage(QStringLiteral("central"));
        m_kazan = sqliteStorage(QStringLiteral("kazan"));
        m_kazan2 = sqliteStorage(QStringLiteral("kazan2"));
        QCOMPARE(addUsers(m_central,
                          {m_root,
                           m_olga,
                           m_semyon,
                           {QStringLiteral("kazan-relay"), QStringLiteral("relay"), QStringLiteral("Казань"),
                            QStringLiteral("relay-pass")}}),
                 QString());
        QVERIFY(m_centralServer.start(m_central, m_dir.filePath(QStringLiteral("central.log"))));
        QVERIFY(m_kazanServer.startOffice(m_kazan, m_dir.filePath(QStringLiteral("kazan.log")), m_centralServer.url(),
                                          QStringLiteral("kazan-relay"), "relay-pass"));
        for (const char *name : {"c", "o", "k", "l"})
            QCOMPARE(cli(QString::fromLatin1(name), {QStringLiteral("init")}).code, 0);
        // Once the first office has the directory (olga logs in there), its administrator adds
        // the account the second office relays with, in the Казань office it took from upstream.
        QTRY_VERIFY_WITH_TIMEOUT(sync(QStringLiteral("k")).code == 0, 30000);
        QVERIFY(!addUser(m_kazan,
                         {QStringLiteral("kazan2-relay"), QStringLiteral("relay"), QStringLiteral("Казань"),
                          QStringLiteral("relay2-pass")})
                     .isEmpty());
        QCOMPARE(sqliteValue(m_kazan.at(1),
                             QStringLiteral("SELECT count(*) FROM gx_record WHERE entity = 'office' "
                                            "AND fields LIKE '%Казань%'"))
                     .toInt(),
                 1);
        QVERIFY(m_kazan2Server.startOffice(m_kazan2, m_dir.filePath(QStringLiteral("kazan2.log")), m_kazanServer.url(),
                                           QStringLiteral("kazan2-relay"), "relay2-pass"));
        QTRY_VERIFY_WITH_TIMEOUT(sync(QStringLiteral("o")).code == 0, 30000);
        QCOMPARE(sync(QStringLiteral("c")).code, 0);
    }

    void aContactTravelsThroughTwoOffices()
    {
        QElapsedTimer timer;
        timer.start();
        const QString id
            = QString::fromUtf8(cli(QStringLiteral("o"),
                                    {QStringLiteral("add"), QStringLiteral("contact"),
                                     QStringLiteral("first_name=Зульфия"), QStringLiteral("last_name=Хайруллина"),
                                     QStringLiteral("email=zulfiya@example.ru"), QStringLiteral("city=Казань")})
                                    .out.trimmed());
        QVERIFY(!id.isEmpty());
        const QJsonObject made = get(QStringLiteral("o"), id);
        const QStringList both {QStringLiteral("o"), QStringLiteral("c")};
        QTRY_VERIFY_WITH_TIMEOUT(syncedUntil(both, [&] { return !get(QStringLiteral("c"), id).isEmpty(); }), 30000);
        qInfo("office 2 -> central: %lld ms", qlonglong(timer.elapsed()));
        const QJsonObject seen = get(QStringLiteral("c"), id);
        for (const char *field : {"first_name", "last_name", "email", "city", "office_id", "owner_id"})
            QCOMPARE(seen.value(QLatin1String(field)), made.value(QLatin1String(field)));
        QCOMPARE(seen.value(QLatin1String("first_name")).toString(), QStringLiteral("Зульфия"));

        // A central edit goes down both offices.
        QCOMPARE(cli(QStringLiteral("c"),
                     {QStringLiteral("set"), QStringLiteral("contact"), id, QStringLiteral("phone=+7 843 555-12-34")})
                     .code,
                 0);
        timer.restart();
        QTRY_VERIFY_WITH_TIMEOUT(syncedUntil(both,
                                             [&] {
                                                 return value(QStringLiteral("o"), id, "phone")
                                                     == value(QStringLiteral("c"), id, "phone")
                                                     && !value(QStringLiteral("o"), id, "phone").isEmpty();
                                             }),
                                 30000);
        qInfo("central -> office 2: %lld ms", qlonglong(timer.elapsed()));
        QCOMPARE(value(QStringLiteral("o"), id, "first_name"), QStringLiteral("Зульфия"));

        // Both edit the last name offline: one value everywhere, and a conflict naming both.
        QCOMPARE(cli(QStringLiteral("c"),
                     {QStringLiteral("set"), QStringLiteral("contact"), id,
                      QStringLiteral("last_name=Хайруллина-Центральная")})
                     .code,
                 0);
        QCOMPARE(
            cli(QStringLiteral("o"),
                {QStringLiteral("set"), QStringLiteral("contact"), id, QStringLiteral("last_name=Хайруллина-Офисная")})
                .code,
            0);
        const QStringList values {QStringLiteral("Хайруллина-Центральная"), QStringLiteral("Хайруллина-Офисная")};
        QTRY_VERIFY_WITH_TIMEOUT(syncedUntil(both,
                                             [&] {
                                                 const QString atOffice = value(QStringLiteral("o"), id, "last_name");
                                                 return atOffice == value(QStringLiteral("c"), id, "last_name")
                                                     && conflictsOf(QStringLiteral("o"), id).size() == 1
                                                     && conflictsOf(QStringLiteral("c"), id).size() == 1;
                                             }),
                                 30000);
        const QString kept = value(QStringLiteral("c"), id, "last_name");
        QVERIFY2(values.contains(kept), qPrintable(kept));
        const QString lost = values.at(kept == values.at(0) ? 1 : 0);
        const QStringList expected {QStringLiteral("last_name:") + kept + u'>' + lost};
        QCOMPARE(conflictsOf(QStringLiteral("c"), id), expected);
        QCOMPARE(conflictsOf(QStringLiteral("o"), id), expected);

        // A deletion at the central server: gone from the office client's list.
        QVERIFY(listed(QStringLiteral("o"), id));
        QCOMPARE(cli(QStringLiteral("c"), {QStringLiteral("delete"), QStringLiteral("contact"), id}).code, 0);
        QVERIFY(!listed(QStringLiteral("c"), id));
        timer.restart();
        QTRY_VERIFY_WITH_TIMEOUT(syncedUntil(both, [&] { return !listed(QStringLiteral("o"), id); }), 30000);
        qInfo("central deletion -> office 2: %lld ms", qlonglong(timer.elapsed()));
        QCOMPARE(list(QStringLiteral("o")), list(QStringLiteral("c")));

        for (const QString &name : both) {
            const Run check = cli(name, {QStringLiteral("check")});
            QCOMPARE(check.code, 0);
            QCOMPARE(check.out.trimmed(), QByteArray("ok"));
        }
    }

    void aForgottenLaptopNoLongerHoldsTheOfficeBack()
    {
        const QHash<QString, QString> offices = officeIds(QStringLiteral("c"));
        const QString kazan = offices.value(QStringLiteral("Казань")), samara = offices.value(QStringLiteral("Самара"));
        QVERIFY(!kazan.isEmpty() && !samara.isEmpty());
        auto add = [&](const QString &name) {
            return QString::fromUtf8(cli(QStringLiteral("c"),
                                         {QStringLiteral("add"), QStringLiteral("contact"),
                                          QStringLiteral("first_name=") + name, QStringLiteral("office_id=") + kazan})
                                         .out.trimmed());
        };
        const QString moving = add(QStringLiteral("Рустем")), staying = add(QStringLiteral("Гульнара"));
        QVERIFY(!moving.isEmpty() && !staying.isEmpty());
        const QStringList clients {QStringLiteral("c"), QStringLiteral("k"), QStringLiteral("l")};
        QTRY_VERIFY_WITH_TIMEOUT(syncedUntil(clients,
                                             [&] {
                                                 return !get(QStringLiteral("l"), moving).isEmpty()
                                                     && !get(QStringLiteral("l"), staying).isEmpty()
                                                     && !get(QStringLiteral("k"), moving).isEmpty();
                                             }),
                                 30000);
        const QString laptop = clientSite(QStringLiteral("l"));
        QVERIFY(!laptop.isEmpty());
        QCOMPARE(officeReplicas().value(laptop), QStringLiteral("olga"));

        // The laptop stops syncing, with an edit of its own not yet pushed. One contact moves
        // to Самара: the office drops it and logs a removal for its replicas.
        QCOMPARE(cli(QStringLiteral("l"),
                     {QStringLiteral("set"), QStringLiteral("contact"), staying, QStringLiteral("city=Зеленодольск")})
                     .code,
                 0);
        QCOMPARE(cli(QStringLiteral("c"),
                     {QStringLiteral("set"), QStringLiteral("contact"), moving, QStringLiteral("office_id=") + samara})
                     .code,
                 0);
        QCOMPARE(sync(QStringLiteral("c")).code, 0);
        const QString movedRows = QStringLiteral("SELECT count(*) FROM gx_moved WHERE id = ?");
        const QString droppedRows = QStringLiteral("SELECT count(*) FROM gx_dropped WHERE id = ?");
        QTRY_COMPARE_WITH_TIMEOUT(officeCount(droppedRows, {moving}), 1, 20000);
        QCOMPARE(officeCount(movedRows, {moving}), 1);
        const qint64 moveSeq
            = sqliteValue(m_kazan.at(1), QStringLiteral("SELECT seq FROM gx_moved WHERE id = ?"), {moving})
                  .toLongLong();
        // Every other replica of the office (olga's desktop, the second office) pulls past it.
        QTRY_VERIFY_WITH_TIMEOUT(
            syncedUntil({QStringLiteral("k"), QStringLiteral("o")},
                        [&] {
                            return officeCount(QStringLiteral(
                                                   "SELECT count(*) FROM gx_cursor WHERE site <> ? AND since_seq < ?"),
                                               {laptop, moveSeq})
                                == 0;
                        }),
            40000);
        QVERIFY(get(QStringLiteral("k"), moving).isEmpty());

        // While the laptop is known, the office's prune-log keeps the removal it has not pulled.
        QCOMPARE(officePrune().size(), 4);
        QCOMPARE(officeCount(movedRows, {moving}), 1);
        QCOMPARE(officeCount(droppedRows, {moving}), 1);
        // Forgotten on the office server, it no longer holds the log back.
        const Run forgot = serverAdmin(m_kazan, {QStringLiteral("forget-replica"), laptop});
        QVERIFY2(forgot.code == 0, qPrintable(forgot.err));
        const QHash<QString, QString> known = officeReplicas();
        QVERIFY(!known.contains(laptop));
        QCOMPARE(known.value(clientSite(QStringLiteral("k"))), QStringLiteral("olga"));
        const QList<QByteArray> numbers = officePrune();
        QCOMPARE(numbers.size(), 4);
        QVERIFY(numbers.at(0).toInt() >= 1);
        QCOMPARE(officeCount(movedRows, {moving}), 0);
        QCOMPARE(officeCount(droppedRows, {moving}), 0);
        qInfo("office prune-log after forget-replica: %s removal row(s), %s dropped note(s)", numbers.at(0).constData(),
              numbers.at(2).constData());

        // The laptop syncs again after all: it ends with what olga's desktop holds, its offline
        // edit reaches the central server, and the move stands. The moved contact leaves the
        // laptop too: the office keeps the ids of what it dropped (gx_gone) once their log is
        // pruned, and rebuilds their removal for a replica from behind its horizon.
        const Run back = sync(QStringLiteral("l"));
        QVERIFY2(back.code == 0, qPrintable(back.err));
        QTRY_VERIFY_WITH_TIMEOUT(syncedUntil(clients,
                                             [&] {
                                                 return value(QStringLiteral("c"), staying, "city") == u"Зеленодольск"
                                                     && value(QStringLiteral("k"), staying, "city") == u"Зеленодольск";
                                             }),
                                 30000);
        QVERIFY(get(QStringLiteral("l"), moving).isEmpty());
        QCOMPARE(list(QStringLiteral("l")), list(QStringLiteral("k")));
        QVERIFY(listed(QStringLiteral("k"), staying));
        for (const QString &entity : {QStringLiteral("company"), QStringLiteral("lead"), QStringLiteral("deal")})
            QCOMPARE(list(QStringLiteral("l"), entity), list(QStringLiteral("k"), entity));
        QCOMPARE(value(QStringLiteral("c"), moving, "office_id"), samara);
        QCOMPARE(value(QStringLiteral("c"), moving, "first_name"), QStringLiteral("Рустем"));
        QCOMPARE(officeCount(QStringLiteral("SELECT count(*) FROM gx_record WHERE id = ?"), {moving}), 0);
        QTRY_VERIFY_WITH_TIMEOUT(sync(QStringLiteral("l")).code == 0 && officeReplicas().contains(laptop), 20000);
        for (const char *name : {"c", "o", "k", "l"}) {
            const Run check = cli(QString::fromLatin1(name), {QStringLiteral("check")});
            QCOMPARE(check.code, 0);
            QCOMPARE(check.out.trimmed(), QByteArray("ok"));
        }
    }
};

QTEST_GUILESS_MAIN(TestOfficeChain)
#include "tst_office_chain.moc"
