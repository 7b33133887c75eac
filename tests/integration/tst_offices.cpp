// Office to office through a central server (DESIGN.md §4 "Office to office"), with the real
// gamix-server (a central one and two office servers started with --upstream) and gamix-cli
// clients on loopback: c (root) at the central server, k (olga) behind the Казань office, s
// (semyon) behind the Самара office.
// - What an office server's relay pushed is not sent back to it (no echo): the central
//   server's pull for that office's site leaves its clients' new records out.
// - GET /v1/sites passes through relays: a client behind one office learns the authors of
//   sites behind the other office, and the upstream servers' sites as servers.
// - `gamix-server erase-person` run on an office server reaches the central server and the
//   other office: afterwards no byte of the person is left in the central server's files,
//   the other office server's, nor any client database.
// - A write an office server took from its client and its upstream then refused (forbidden):
//   the office takes the central value back, with its older clock, and its client shows that
//   value after its next sync (not its refused one), its own kept as a conflict record.

#include "tst_sync_kit.h"

#include "store/Store.h"
#include "sync/SiteAuthors.h"

#include <QJsonArray>
#include <QtTest>

using namespace synckit;
using namespace gamix;

class TestOffices : public QObject, public Workspace
{
    Q_OBJECT

private:
    QStringList m_central, m_kazan, m_samara;
    Server m_centralServer, m_kazanServer, m_samaraServer;
    // The central directory's people; the clients c, k and s are root's, olga's and semyon's.
    const Account m_root {QStringLiteral("root"), QStringLiteral("admin"), QString(), QStringLiteral("root-pass")};
    const Account m_olga {QStringLiteral("olga"), QStringLiteral("admin"), QStringLiteral("Казань"),
                          QStringLiteral("пароль-ольги")};
    const Account m_semyon {QStringLiteral("semyon"), QStringLiteral("admin"), QStringLiteral("Самара"),
                            QStringLiteral("пароль-семёна")};

    Run sync(const QString &dbName)
    {
        if (dbName == u"c")
            return syncAs(dbName, m_centralServer.url(), m_root);
        return dbName == u"k" ? syncAs(dbName, m_kazanServer.url(), m_olga)
                              : syncAs(dbName, m_samaraServer.url(), m_semyon);
    }
    // Syncs the three clients until `done` holds (the offices relay every second).
    bool convergeUntil(const std::function<bool()> &done)
    {
        for (int i = 0; i < 60; ++i) {
            for (const char *name : {"k", "s", "c"})
                sync(QString::fromLatin1(name));
            if (done())
                return true;
        }
        return false;
    }
    QVariant serverValue(const QStringList &storage, const QString &sql, const QVariantList &binds = {})
    {
        return sqliteValue(storage.at(1), sql, binds);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_central = sqliteStorage(QStringLiteral("central"));
        m_kazan = sqliteStorage(QStringLiteral("kazan"));
        m_samara = sqliteStorage(QStringLiteral("samara"));
        QCOMPARE(addUsers(m_central,
                          {m_root,
                           m_olga,
                           m_semyon,
                           {QStringLiteral("kazan-relay"), QStringLiteral("relay"), QStringLiteral("Казань"),
                            QStringLiteral("relay-pass")},
                           {QStringLiteral("samara-relay"), QStringLiteral("relay"), QStringLiteral("Самара"),
                            QStringLiteral("relay-pass")}}),
                 QString());
        QVERIFY(m_centralServer.start(m_central, m_dir.filePath(QStringLiteral("central.log"))));
        QVERIFY(m_kazanServer.startOffice(m_kazan, m_dir.filePath(QStringLiteral("kazan.log")), m_centralServer.url(),
                                          QStringLiteral("kazan-relay"), "relay-pass"));
        QVERIFY(m_samaraServer.startOffice(m_samara, m_dir.filePath(QStringLiteral("samara.log")),
                                           m_centralServer.url(), QStringLiteral("samara-relay"), "relay-pass"));
        for (const char *name : {"c", "k", "s"})
            QCOMPARE(cli(QString::fromLatin1(name), {QStringLiteral("init")}).code, 0);
        // The offices take olga and semyon from the central directory on their first round.
        QVERIFY(
            convergeUntil([&] { return sync(QStringLiteral("k")).code == 0 && sync(QStringLiteral("s")).code == 0; }));
    }

    void relayedRecordsAreNotEchoed()
    {
        const int n = 500;
        QCOMPARE(addContacts(db(QStringLiteral("k")), n, QStringLiteral("Эхо"), QStringLiteral("Казанский-%1"),
                             QStringLiteral("echo%1@example.ru")),
                 n);
        QCOMPARE(sync(QStringLiteral("k")).code, 0);
        // The Казань office relays them to the central server...
        QTRY_COMPARE_WITH_TIMEOUT(serverValue(m_central,
                                              QStringLiteral("SELECT count(*) FROM gx_record WHERE entity = 'contact' "
                                                             "AND fields LIKE '%echo%@example.ru%'"))
                                      .toInt(),
                                  n, 30000);
        // ...whose pull for that office's replica leaves them out; for another replica of the
        // same account (or the other office) they are all there.
        const QString token = login(m_centralServer.url(), QStringLiteral("kazan-relay"), QStringLiteral("relay-pass"));
        QVERIFY(!token.isEmpty());
        auto pull = [&](const QString &site, int *echoes, qint64 since = 0) {
            const Answer a = http(
                "GET", m_centralServer.url() + QStringLiteral("/v1/pull?since=%1&limit=5000").arg(since), QByteArray(),
                bearer(token) + QList<QPair<QByteArray, QByteArray>> {{"X-Gamix-Site", site.toLatin1()}});
            *echoes = 0;
            for (const QJsonValue &v : a.json().value(QLatin1String("records")).toArray())
                *echoes += QJsonDocument(v.toObject()).toJson().contains("@example.") ? 1 : 0;
            return a.body.size();
        };
        int fromOffice = -1, fromElsewhere = -1;
        const qsizetype officeBytes = pull(serverSite(m_kazan), &fromOffice);
        const qsizetype otherBytes = pull(QStringLiteral("0123456789abcdef0123456789abcdef"), &fromElsewhere);
        QCOMPARE(fromOffice, 0);
        QCOMPARE(fromElsewhere, n);
        qInfo("central pull for the Казань office after its push of %d records: %lld bytes (%lld with the echo)", n,
              qlonglong(officeBytes), qlonglong(otherBytes));
        // Nor is an office client's edit of a record the office had pulled from upstream.
        const QString fromCentral = QString::fromUtf8(
            cli(QStringLiteral("c"),
                {QStringLiteral("add"), QStringLiteral("contact"), QStringLiteral("first_name=Центральная"),
                 QStringLiteral("email=central@example.org")})
                .out.trimmed());
        QVERIFY(convergeUntil([&] { return !get(QStringLiteral("k"), fromCentral).isEmpty(); }));
        auto seqOf = [&](const QString &id) {
            return serverValue(m_central, QStringLiteral("SELECT seq FROM gx_record WHERE id = ?"), {id}).toLongLong();
        };
        const qint64 created = seqOf(fromCentral);
        // (the central server has noted that the office pulled past it)
        QTRY_VERIFY_WITH_TIMEOUT(serverValue(m_central,
                                             QStringLiteral("SELECT since_seq FROM gx_cursor WHERE site = ?"),
                                             {serverSite(m_kazan)})
                                         .toLongLong()
                                     >= created,
                                 20000);
        QCOMPARE(cli(QStringLiteral("k"),
                     {QStringLiteral("set"), QStringLiteral("contact"), fromCentral, QStringLiteral("city=Казань")})
                     .code,
                 0);
        QCOMPARE(sync(QStringLiteral("k")).code, 0);
        QTRY_VERIFY_WITH_TIMEOUT(seqOf(fromCentral) > created, 20000);
        int edited = -1, editedElsewhere = -1;
        pull(serverSite(m_kazan), &edited, created);
        pull(QStringLiteral("0123456789abcdef0123456789abcdef"), &editedElsewhere, created);
        QCOMPARE(edited, 0);
        QCOMPARE(editedElsewhere, 1);
        // The central client still gets them, and an edit made there goes down to the office
        // again (the record is no longer the office's alone).
        QVERIFY(convergeUntil([&] {
            return storeScalar(db(QStringLiteral("c")),
                               QStringLiteral("SELECT count(*) FROM contact WHERE email LIKE 'echo%'"))
                == n;
        }));
        const QString echoId
            = QJsonDocument::fromJson(cli(QStringLiteral("c"),
                                          {QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("contact"),
                                           QStringLiteral("--where"), QStringLiteral("email=echo7@example.ru")})
                                          .out)
                  .array()
                  .at(0)
                  .toObject()
                  .value(QLatin1String("id"))
                  .toString();
        QVERIFY(!echoId.isEmpty());
        QCOMPARE(cli(QStringLiteral("c"),
                     {QStringLiteral("set"), QStringLiteral("contact"), echoId, QStringLiteral("city=Москва")})
                     .code,
                 0);
        QVERIFY(convergeUntil(
            [&] { return get(QStringLiteral("k"), echoId).value(QLatin1String("city")).toString() == u"Москва"; }));
    }

    void sitesPassThroughRelays()
    {
        // semyon pushes to the Самара office; the Казань office learns his site through the
        // central server, which learned it from the Самара office's relay.
        QVERIFY(!cli(QStringLiteral("s"),
                     {QStringLiteral("add"), QStringLiteral("contact"), QStringLiteral("first_name=Самарский")})
                     .out.trimmed()
                     .isEmpty());
        QCOMPARE(sync(QStringLiteral("s")).code, 0);
        const QString semyonSite = clientSite(QStringLiteral("s"));
        const QString olgaSite = clientSite(QStringLiteral("k"));
        const QString centralSite = serverSite(m_central);
        QVERIFY(!semyonSite.isEmpty() && !olgaSite.isEmpty() && !centralSite.isEmpty());
        const QString token = login(m_kazanServer.url(), QStringLiteral("olga"), QStringLiteral("пароль-ольги"));
        QVERIFY(!token.isEmpty());
        auto sites = [&] {
            return http("GET", m_kazanServer.url() + QStringLiteral("/v1/sites"), QByteArray(), bearer(token)).json();
        };
        auto entry = [&](const QJsonObject &answer, const QString &site) {
            for (const QJsonValue &v : answer.value(QLatin1String("sites")).toArray()) {
                if (v.toObject().value(QLatin1String("site")).toString() == site)
                    return v.toObject();
            }
            return QJsonObject();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!entry(sites(), semyonSite).isEmpty(), 20000);
        const QJsonObject answer = sites();
        QCOMPARE(entry(answer, semyonSite).value(QLatin1String("login")).toString(), QStringLiteral("semyon"));
        QCOMPARE(entry(answer, olgaSite).value(QLatin1String("login")).toString(), QStringLiteral("olga"));
        QCOMPARE(entry(answer, centralSite).value(QLatin1String("server")).toBool(), true);
        QCOMPARE(answer.value(QLatin1String("server_site")).toString(), serverSite(m_kazan));
        // A client behind the Казань office names them.
        Store store;
        QString error;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("names.db")), &error));
        SiteAuthors authors(store);
        authors.update(answer.value(QLatin1String("sites")).toArray(),
                       answer.value(QLatin1String("server_site")).toString(), QStringLiteral("olga"));
        QCOMPARE(authors.nameFor(semyonSite), QStringLiteral("semyon"));
        QCOMPARE(authors.nameFor(centralSite), QCoreApplication::translate("Sync", "server"));
        QCOMPARE(SiteAuthors(store).nameFor(centralSite), QCoreApplication::translate("Sync", "server")); // kept
    }

    void erasureAtAnOfficeReachesEveryReplica()
    {
        const QString id = QString::fromUtf8(
            cli(QStringLiteral("c"),
                {QStringLiteral("add"), QStringLiteral("contact"), QStringLiteral("first_name=Евдокия"),
                 QStringLiteral("last_name=Пантелеева"), QStringLiteral("email=evdokia@example.ru"),
                 QStringLiteral("phone=+7 912 765-43-21")})
                .out.trimmed());
        QVERIFY(!id.isEmpty());
        QVERIFY(convergeUntil([&] {
            return get(QStringLiteral("k"), id).value(QLatin1String("first_name")).toString() == u"Евдокия"
                && get(QStringLiteral("s"), id).value(QLatin1String("first_name")).toString() == u"Евдокия";
        }));
        // A concurrent edit at the two offices: a conflict record holding both names everywhere.
        QCOMPARE(
            cli(QStringLiteral("k"),
                {QStringLiteral("set"), QStringLiteral("contact"), id, QStringLiteral("last_name=Пантелеева-Орлова")})
                .code,
            0);
        QCOMPARE(
            cli(QStringLiteral("s"),
                {QStringLiteral("set"), QStringLiteral("contact"), id, QStringLiteral("last_name=Пантелеева-Смирнова")})
                .code,
            0);
        QVERIFY(convergeUntil([&] {
            return conflicts(QStringLiteral("k")) == 1 && conflicts(QStringLiteral("s")) == 1
                && conflicts(QStringLiteral("c")) == 1;
        }));
        const QList<QByteArray> needles {QStringLiteral("Евдокия").toUtf8(),
                                         QStringLiteral("евдокия").toUtf8(),
                                         QStringLiteral("Пантелеева").toUtf8(),
                                         QStringLiteral("пантелеева").toUtf8(),
                                         QByteArray("evdokia"),
                                         QByteArray("9127654321"),
                                         QByteArray("912 765-43-21")};
        QVERIFY(rawBytes({QStringLiteral("central.sqlite")}).contains(needles.at(2)));

        // Only an office server's account forwards an erasure (or a site list); an admin's
        // token gets 403 and changes nothing.
        const QString root = login(m_centralServer.url(), QStringLiteral("root"), QStringLiteral("root-pass"));
        const QByteArray request = "{\"key\":\"id\",\"digest\":\"\",\"records\":[{\"entity\":\"contact\",\"id\":\""
            + id.toLatin1() + "\"}]}";
        QCOMPARE(http("POST", m_centralServer.url() + QStringLiteral("/v1/erase"), request, bearer(root)).status, 403);
        QCOMPARE(
            http("POST", m_centralServer.url() + QStringLiteral("/v1/sites"), "{\"sites\":[]}", bearer(root)).status,
            403);
        QCOMPARE(http("POST", m_centralServer.url() + QStringLiteral("/v1/erase"), request).status, 401);
        QCOMPARE(serverValue(m_central, QStringLiteral("SELECT count(*) FROM gx_record WHERE id = ?"), {id}).toInt(),
                 1);
        // The Казань office's administrator erases her there.
        const Run erased = serverAdmin(
            m_kazan, {QStringLiteral("erase-person"), QStringLiteral("--email"), QStringLiteral("Evdokia@Example.ru")});
        QVERIFY2(erased.code == 0, qPrintable(erased.err));
        QCOMPARE(erased.out.trimmed(), "contact " + id.toLatin1());
        QVERIFY2(erased.err.contains(QStringLiteral("upstream")), qPrintable(erased.err));
        // It reaches the central server (which erases its copy, tombstones, conflicts and
        // audit values) and from there the Самара office and every client.
        QTRY_COMPARE_WITH_TIMEOUT(
            serverValue(m_central, QStringLiteral("SELECT count(*) FROM gx_erased WHERE id = ?"), {id}).toInt(), 1,
            20000);
        QCOMPARE(serverValue(m_central, QStringLiteral("SELECT count(*) FROM gx_record WHERE id = ?"), {id}).toInt(),
                 0);
        QCOMPARE(
            serverValue(m_central,
                        QStringLiteral("SELECT count(*) FROM gx_audit WHERE record_id = ? AND action = 'erase' "
                                       "AND user_id IN (SELECT user_id FROM gx_login WHERE login = 'kazan-relay')"),
                        {id})
                .toInt(),
            1);
        QVERIFY(convergeUntil([&] {
            return get(QStringLiteral("s"), id).isEmpty() && get(QStringLiteral("c"), id).isEmpty()
                && get(QStringLiteral("k"), id).isEmpty() && conflicts(QStringLiteral("s")) == 0
                && conflicts(QStringLiteral("c")) == 0 && conflicts(QStringLiteral("k")) == 0;
        }));
        QTRY_COMPARE_WITH_TIMEOUT(
            serverValue(m_samara, QStringLiteral("SELECT count(*) FROM gx_erased WHERE id = ?"), {id}).toInt(), 1,
            20000);
        for (const QString &prefix :
             {QStringLiteral("central.sqlite"), QStringLiteral("samara.sqlite"), QStringLiteral("kazan.sqlite"),
              QStringLiteral("s.db"), QStringLiteral("c.db"), QStringLiteral("k.db")}) {
            QByteArray bytes;
            // A running server compacts right after the erasure; give a busy moment time to pass.
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    bytes = rawBytes({prefix});
                    for (const QByteArray &needle : needles) {
                        if (bytes.contains(needle))
                            return false;
                    }
                    return true;
                }(),
                10000);
            QVERIFY(!bytes.isEmpty());
        }
        // The office's queued request is gone once carried out (it held no value, only a digest).
        QCOMPARE(serverValue(m_kazan, QStringLiteral("SELECT count(*) FROM gx_meta WHERE k LIKE 'erase_up.%'")).toInt(),
                 0);
    }

    void droppedRecordsArePrunedOnceEveryReplicaPassed()
    {
        const QHash<QString, QString> offices = officeIds(QStringLiteral("c"));
        QVERIFY(offices.contains(QStringLiteral("Казань")) && offices.contains(QStringLiteral("Самара")));
        const QString id = QString::fromUtf8(
            cli(QStringLiteral("c"),
                {QStringLiteral("add"), QStringLiteral("contact"), QStringLiteral("first_name=Переезжающий"),
                 QStringLiteral("office_id=") + offices.value(QStringLiteral("Казань"))})
                .out.trimmed());
        QVERIFY(convergeUntil([&] { return !get(QStringLiteral("k"), id).isEmpty(); }));
        // Moved to Самара: the Казань office server drops it; olga's replica has not synced since.
        QCOMPARE(cli(QStringLiteral("c"),
                     {QStringLiteral("set"), QStringLiteral("contact"), id,
                      QStringLiteral("office_id=") + offices.value(QStringLiteral("Самара"))})
                     .code,
                 0);
        QCOMPARE(sync(QStringLiteral("c")).code, 0);
        auto dropped = [&] {
            return serverValue(m_kazan, QStringLiteral("SELECT count(*) FROM gx_dropped WHERE id = ?"), {id}).toInt();
        };
        QTRY_COMPARE_WITH_TIMEOUT(dropped(), 1, 20000);
        const qint64 dropSeq
            = serverValue(m_kazan, QStringLiteral("SELECT seq FROM gx_moved WHERE id = ?"), {id}).toLongLong();
        QVERIFY(dropSeq > 0);
        auto prune = [&] {
            const Run r = serverAdmin(
                m_kazan, {QStringLiteral("prune-log"), QStringLiteral("--inactive-days"), QStringLiteral("0")});
            return r.code == 0 ? r.out.trimmed().split(' ') : QList<QByteArray>();
        };
        // Even counted as inactive, a replica that may still hold it keeps the office's note
        // (its late push must not bring it back as new).
        QCOMPARE(prune().size(), 4);
        QCOMPARE(dropped(), 1);
        // Once olga's replica has pulled past the removal (and the office noted it), it goes.
        QTRY_VERIFY_WITH_TIMEOUT(
            sync(QStringLiteral("k")).code == 0
                && serverValue(m_kazan, QStringLiteral("SELECT min(since_seq) FROM gx_cursor")).toLongLong() >= dropSeq,
            30000);
        QVERIFY(get(QStringLiteral("k"), id).isEmpty());
        const QList<QByteArray> numbers = prune();
        QCOMPARE(numbers.size(), 4);
        QVERIFY(numbers.at(2).toInt() >= 1);
        QCOMPARE(dropped(), 0);
        QCOMPARE(serverValue(m_kazan, QStringLiteral("SELECT count(*) FROM gx_moved WHERE id = ?"), {id}).toInt(), 0);
        qInfo("office prune-log: %s removal row(s), %s dropped note(s)", numbers.at(0).constData(),
              numbers.at(2).constData());
        // The record lives on at the central server and the Самара office.
        QVERIFY(convergeUntil([&] {
            return get(QStringLiteral("s"), id).value(QLatin1String("first_name")).toString() == u"Переезжающий";
        }));
    }

    void anOfficeClientTakesBackAValueItsUpstreamRefused()
    {
        // A third office server, whose account the central admin then makes a manager of Казань
        // (the account keeps its token): the central server judges its relay as a manager's
        // pushes, and a manager may not move a record to another office. Its client is olga
        // (an admin, who may), on a fresh database k2.
        const Account relay {QStringLiteral("kazan2-relay"), QStringLiteral("relay"), QStringLiteral("Казань"),
                             QStringLiteral("relay-pass")};
        QVERIFY(!addUser(m_central, relay).isEmpty());
        const QStringList storage = sqliteStorage(QStringLiteral("kazan2"));
        Server office;
        QVERIFY(office.startOffice(storage, m_dir.filePath(QStringLiteral("kazan2.log")), m_centralServer.url(),
                                   QStringLiteral("kazan2-relay"), "relay-pass"));
        const QString k2 = QStringLiteral("k2");
        QCOMPARE(cli(k2, {QStringLiteral("init")}).code, 0);
        // (olga can log in there once the office's first round brought the directory)
        QTRY_VERIFY_WITH_TIMEOUT(syncAs(k2, office.url(), m_olga).code == 0, 30000);
        const QHash<QString, QString> offices = officeIds(k2);
        const QString kazan = offices.value(QStringLiteral("Казань")), samara = offices.value(QStringLiteral("Самара"));
        QVERIFY(!kazan.isEmpty() && !samara.isEmpty());
        const QString id
            = QString::fromUtf8(cli(k2,
                                    {QStringLiteral("add"), QStringLiteral("contact"),
                                     QStringLiteral("first_name=Отказанная"), QStringLiteral("office_id=") + kazan})
                                    .out.trimmed());
        QVERIFY(!id.isEmpty());
        QCOMPARE(syncAs(k2, office.url(), m_olga).code, 0);
        auto officeOf = [&](const QStringList &server) {
            return serverValue(server, QStringLiteral("SELECT office_id FROM gx_record WHERE id = ?"), {id}).toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(officeOf(m_central), kazan, 30000);
        QCOMPARE(serverAdmin(m_central,
                             {QStringLiteral("user"), QStringLiteral("set"), QStringLiteral("kazan2-relay"),
                              QStringLiteral("--role"), QStringLiteral("manager")})
                     .code,
                 0);
        // olga moves it to Самара: her office takes it; the central server refuses it to the
        // office's account and sends its own value, which the office takes back.
        QCOMPARE(
            cli(k2, {QStringLiteral("set"), QStringLiteral("contact"), id, QStringLiteral("office_id=") + samara}).code,
            0);
        QCOMPARE(syncAs(k2, office.url(), m_olga).code, 0);
        // (the office relays every second: it may be back already; its conflict record shows it took it)
        auto officeConflicts = [&] {
            return serverValue(storage,
                               QStringLiteral("SELECT count(*) FROM gx_record WHERE entity = 'conflict' AND fields "
                                              "LIKE ? AND fields LIKE ?"),
                               {QString(u'%' + id + u'%'), QString(u'%' + samara + u'%')})
                .toInt();
        };
        QTRY_VERIFY_WITH_TIMEOUT(officeOf(storage) == kazan && officeConflicts() == 1, 30000);
        QCOMPARE(officeOf(m_central), kazan);
        // What olga's gamix-cli shows after her next sync: the contact in Казань again, and her
        // move as one conflict she can restore.
        auto shown = [&] {
            const QJsonObject contact = get(k2, id);
            QStringList lines {contact.value(QLatin1String("first_name")).toString(),
                               contact.value(QLatin1String("office_id")).toString()};
            for (const QJsonValue &v :
                 QJsonDocument::fromJson(cli(k2, {QStringLiteral("--json"), QStringLiteral("conflicts")}).out)
                     .array()) {
                const QJsonObject c = v.toObject();
                if (c.value(QLatin1String("record_id")).toString() == id)
                    lines << c.value(QLatin1String("field")).toString() + u':'
                            + c.value(QLatin1String("kept_value")).toString() + u'>'
                            + c.value(QLatin1String("lost_value")).toString();
            }
            return lines;
        };
        const Run taken = syncAs(k2, office.url(), m_olga);
        QCOMPARE(taken.code, 0);
        const QStringList expected {QStringLiteral("Отказанная"), kazan,
                                    QStringLiteral("office_id:") + kazan + u'>' + samara};
        QCOMPARE(shown(), expected);
        // Her sync report says so, once.
        QCOMPARE(
            taken.err.count(QStringLiteral("office_id was refused by the central server after the office took it")), 1);
        // Later syncs change nothing (the office does not send its refused value up again).
        for (int i = 0; i < 2; ++i) {
            const Run again = syncAs(k2, office.url(), m_olga);
            QCOMPARE(again.code, 0);
            QVERIFY2(!again.err.contains(QStringLiteral("refused")), qPrintable(again.err));
            QCOMPARE(shown(), expected);
        }
        QCOMPARE(officeOf(m_central), kazan);
    }
};

QTEST_GUILESS_MAIN(TestOffices)
#include "tst_offices.moc"
