// Office to office over HTTPS (DESIGN.md §4): a central gamix-server (TLS, self-signed) and an office
// gamix-server started with --upstream, a gamix-cli client on each. The office takes its
// accounts from the central directory; edits and offline edits on either side reach the
// other; a concurrent edit becomes one conflict record on both; an erasure on the central
// server reaches the office and its client, byte for byte; kill -9 of the office
// server in the middle of relaying a large push, then a restart, converges with no
// duplicates; a record or an account moved to another office leaves this one.

#include "tst_sync_kit.h"

#include "store/Store.h"

#include <QJsonArray>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QtTest>

using namespace synckit;
using namespace gamix;

class TestUpstream : public QObject, public Workspace
{
    Q_OBJECT

private:
    QStringList m_central, m_office;
    Server m_centralServer, m_officeServer;
    QString m_centralLog, m_officeLog;
    QString m_olgaToken;
    // Every account lives on the central server; the office gets them by sync.
    const Account m_root {QStringLiteral("root"), QStringLiteral("admin"), QString(), QStringLiteral("root-pass")};
    const Account m_olga {QStringLiteral("olga"), QStringLiteral("admin"), QStringLiteral("Казань"),
                          QStringLiteral("пароль-ольги")};

    // "c" syncs with the central server as root, "o" with the office server as olga.
    Run sync(const QString &dbName)
    {
        if (dbName == u"c")
            return syncAs(dbName, centralUrl(), m_root, {QStringLiteral("--ca-cert"), cert()});
        return syncAs(dbName, m_officeServer.url(), m_olga);
    }
    // The central server speaks TLS with a self-signed certificate that both the office
    // server (--upstream-ca-cert) and the central client (--ca-cert) trust explicitly.
    QString cert() const { return m_dir.filePath(QStringLiteral("central.pem")); }
    QString centralUrl() const { return m_centralServer.url(QStringLiteral("https")); }
    bool startOffice()
    {
        return m_officeServer.startOffice(m_office, m_officeLog, centralUrl(), QStringLiteral("kazan-relay"),
                                          "relay-pass", {QStringLiteral("--upstream-ca-cert"), cert()});
    }
    QString field(const QString &dbName, const QString &id, const char *name)
    {
        return get(dbName, id).value(QLatin1String(name)).toString();
    }
    // Syncs both clients until `done` holds (the office relays every second and after each push).
    bool convergeUntil(const std::function<bool()> &done)
    {
        for (int i = 0; i < 60; ++i) {
            if (sync(QStringLiteral("o")).code != 0 || sync(QStringLiteral("c")).code != 0)
                continue;
            if (done())
                return true;
        }
        return false;
    }
    int centralPushes() { return pushesLogged(m_centralLog); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_central = sqliteStorage(QStringLiteral("central"));
        m_office = sqliteStorage(QStringLiteral("office"));
        m_centralLog = m_dir.filePath(QStringLiteral("central.log"));
        m_officeLog = m_dir.filePath(QStringLiteral("office.log"));
        QCOMPARE(addUsers(m_central,
                          {m_root,
                           m_olga,
                           {QStringLiteral("pavel"), QStringLiteral("sales"), QStringLiteral("Москва"),
                            QStringLiteral("пароль-павла")},
                           {QStringLiteral("kazan-relay"), QStringLiteral("relay"), QStringLiteral("Казань"),
                            QStringLiteral("relay-pass")}}),
                 QString());
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                       m_dir.filePath(QStringLiteral("central.key")), QStringLiteral("-out"), cert(),
                       QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1/O=Gamix Test"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
        // This test's own raw requests trust it too.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(QSslCertificate::fromPath(cert()));
        QSslConfiguration::setDefaultConfiguration(tls);
        QVERIFY(m_centralServer.start(m_central, m_centralLog,
                                      {QStringLiteral("--tls-cert"), cert(), QStringLiteral("--tls-key"),
                                       m_dir.filePath(QStringLiteral("central.key"))}));
        QVERIFY(startOffice());
        for (const char *name : {"c", "o"})
            QCOMPARE(cli(QString::fromLatin1(name), {QStringLiteral("init")}).code, 0);
    }

    void officeGetsTheDirectory()
    {
        // olga was never added on the office server: she logs in there with her central password.
        // (Waiting on the log, not on failed logins: those would trip the rate limit.)
        QTRY_VERIFY_WITH_TIMEOUT(fileBytes(m_officeLog).contains("account(s) updated from upstream"), 20000);
        QVERIFY(!login(m_officeServer.url(), QStringLiteral("olga"), QStringLiteral("пароль-ольги")).isEmpty());
        // The office's health answer says how its link is doing.
        const QJsonObject up = http("GET", m_officeServer.url() + QStringLiteral("/v1/health"))
                                   .json()
                                   .value(QLatin1String("upstream"))
                                   .toObject();
        QVERIFY(up.value(QLatin1String("rounds")).toInt() >= 1);
        QVERIFY(up.value(QLatin1String("last_ok")).toDouble() > 0);
        QCOMPARE(up.value(QLatin1String("last_error")).toString(), QString());
        QVERIFY(login(m_officeServer.url(), QStringLiteral("olga"), QStringLiteral("wrong")).isEmpty());
        // Nor are accounts of other offices, nor the relay account itself.
        QVERIFY(login(m_officeServer.url(), QStringLiteral("pavel"), QStringLiteral("пароль-павла")).isEmpty());
        QVERIFY(login(m_officeServer.url(), QStringLiteral("kazan-relay"), QStringLiteral("relay-pass")).isEmpty());
        // Nobody but a relay account reads the directory.
        const QString token = login(centralUrl(), QStringLiteral("root"), QStringLiteral("root-pass"));
        QCOMPARE(http("GET", centralUrl() + QStringLiteral("/v1/directory"), QByteArray(), bearer(token)).status, 403);
    }

    void editsTravelBothWays()
    {
        // Offline work on both sides before the first sync.
        const QString onCentral
            = QString::fromUtf8(cli(QStringLiteral("c"),
                                    {QStringLiteral("add"), QStringLiteral("contact"),
                                     QStringLiteral("first_name=Илья"), QStringLiteral("last_name=Центральный")})
                                    .out.trimmed());
        const QString onOffice
            = QString::fromUtf8(cli(QStringLiteral("o"),
                                    {QStringLiteral("add"), QStringLiteral("contact"),
                                     QStringLiteral("first_name=Алёна"), QStringLiteral("last_name=Казанская")})
                                    .out.trimmed());
        QVERIFY(!onCentral.isEmpty() && !onOffice.isEmpty());
        QVERIFY(convergeUntil([&] {
            return field(QStringLiteral("c"), onOffice, "last_name") == u"Казанская"
                && field(QStringLiteral("o"), onCentral, "last_name") == u"Центральный";
        }));
        // An edit on each side of the other's record.
        QCOMPARE(cli(QStringLiteral("o"),
                     {QStringLiteral("set"), QStringLiteral("contact"), onCentral, QStringLiteral("city=Казань")})
                     .code,
                 0);
        QCOMPARE(cli(QStringLiteral("c"),
                     {QStringLiteral("set"), QStringLiteral("contact"), onOffice, QStringLiteral("position=Юрист")})
                     .code,
                 0);
        QVERIFY(convergeUntil([&] {
            return field(QStringLiteral("c"), onCentral, "city") == u"Казань"
                && field(QStringLiteral("o"), onOffice, "position") == u"Юрист";
        }));
        QCOMPARE(list(QStringLiteral("c")).size(), 2);
        QCOMPARE(list(QStringLiteral("c")), list(QStringLiteral("o")));
        // Relayed, never re-stamped: both clients hold the very same field clocks (author sites included).
        auto clocks = [&](const QString &dbName, const QString &id) {
            Store store;
            QString error;
            if (!store.open(db(dbName), &error))
                return QByteArray();
            SqliteStmt st = store.db().prepare(QStringLiteral("SELECT clocks FROM contact WHERE id = ?1"));
            st.bind(1, id);
            return st.step() ? st.blob(0) : QByteArray();
        };
        for (const QString &id : {onCentral, onOffice}) {
            QVERIFY(!clocks(QStringLiteral("c"), id).isEmpty());
            QCOMPARE(clocks(QStringLiteral("c"), id), clocks(QStringLiteral("o"), id));
        }
    }

    void concurrentEditIsOneConflictOnBoth()
    {
        const QString id = list(QStringLiteral("c")).at(0).toObject().value(QLatin1String("id")).toString();
        QCOMPARE(cli(QStringLiteral("c"),
                     {QStringLiteral("set"), QStringLiteral("contact"), id, QStringLiteral("notes=Звонить утром")})
                     .code,
                 0);
        QCOMPARE(cli(QStringLiteral("o"),
                     {QStringLiteral("set"), QStringLiteral("contact"), id, QStringLiteral("notes=Звонить вечером")})
                     .code,
                 0);
        QVERIFY(convergeUntil([&] {
            return conflicts(QStringLiteral("c")) == 1 && conflicts(QStringLiteral("o")) == 1
                && list(QStringLiteral("c")) == list(QStringLiteral("o"));
        }));
        const QJsonObject c = QJsonDocument::fromJson(
                                  cli(QStringLiteral("o"), {QStringLiteral("--json"), QStringLiteral("conflicts")}).out)
                                  .array()
                                  .at(0)
                                  .toObject();
        QCOMPARE(c.value(QLatin1String("field")).toString(), QStringLiteral("notes"));
        const QSet<QString> values {c.value(QLatin1String("kept_value")).toString(),
                                    c.value(QLatin1String("lost_value")).toString()};
        QCOMPARE(values, (QSet<QString> {QStringLiteral("Звонить утром"), QStringLiteral("Звонить вечером")}));
    }

    void recordMovedToAnotherOfficeLeavesThisOne()
    {
        // The office server holds its office's records (and those of no office) only.
        const QString moscow = officeIds(QStringLiteral("c")).value(QStringLiteral("Москва"));
        QVERIFY(!moscow.isEmpty());
        const QString id = QString::fromUtf8(
            cli(QStringLiteral("c"),
                {QStringLiteral("add"), QStringLiteral("contact"), QStringLiteral("first_name=Прохор")})
                .out.trimmed());
        QVERIFY(convergeUntil([&] { return field(QStringLiteral("o"), id, "first_name") == u"Прохор"; }));
        // Meanwhile the office client edits it offline.
        QCOMPARE(cli(QStringLiteral("o"),
                     {QStringLiteral("set"), QStringLiteral("contact"), id, QStringLiteral("city=Казань")})
                     .code,
                 0);
        QCOMPARE(cli(QStringLiteral("c"),
                     {QStringLiteral("set"), QStringLiteral("contact"), id, QStringLiteral("office_id=") + moscow})
                     .code,
                 0);
        QCOMPARE(sync(QStringLiteral("c")).code, 0);
        // The office server drops it (read from its storage file, as a second reader)...
        auto atOffice = [&] {
            const QVariant n
                = sqliteValue(m_office.at(1), QStringLiteral("SELECT count(*) FROM gx_record WHERE id = ?"), {id});
            return n.isValid() ? n.toInt() : -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(atOffice(), 0, 20000);
        // ...and the client's late edit cannot bring it back there as a new record.
        QVERIFY(convergeUntil([&] { return get(QStringLiteral("o"), id).isEmpty(); }));
        QCOMPARE(atOffice(), 0);
        QCOMPARE(field(QStringLiteral("c"), id, "city"), QString());
        QCOMPARE(field(QStringLiteral("c"), id, "first_name"), QStringLiteral("Прохор")); // not deleted
        QCOMPARE(get(QStringLiteral("c"), id).value(QLatin1String("deleted")).toBool(), false);
    }

    void erasureReachesTheOfficeAndItsClients()
    {
        const QString id = QString::fromUtf8(
            cli(QStringLiteral("c"),
                {QStringLiteral("add"), QStringLiteral("contact"), QStringLiteral("first_name=Евстигней"),
                 QStringLiteral("email=evstigney@example.ru")})
                .out.trimmed());
        QVERIFY(!id.isEmpty());
        QVERIFY(convergeUntil([&] { return field(QStringLiteral("o"), id, "first_name") == u"Евстигней"; }));
        const Run erased = serverAdmin(m_central, {QStringLiteral("erase-person"), QStringLiteral("--id"), id});
        QVERIFY2(erased.code == 0, qPrintable(erased.err));
        QCOMPARE(erased.out.trimmed(), "contact " + id.toLatin1());
        QVERIFY(convergeUntil([&] { return get(QStringLiteral("o"), id).isEmpty(); }));
        QVERIFY(get(QStringLiteral("c"), id).isEmpty());
        // Neither the office server's storage nor its client keeps a byte of it.
        for (const QString &prefix : {QStringLiteral("office.sqlite"), QStringLiteral("o.db")}) {
            const QByteArray bytes = rawBytes({prefix});
            QVERIFY(!bytes.isEmpty());
            QVERIFY2(!bytes.contains("evstigney"), qPrintable(prefix));
            QVERIFY2(!bytes.contains(QStringLiteral("Евстигней").toUtf8()), qPrintable(prefix));
        }
    }

    void killedOfficeMidRelayConverges()
    {
        QCOMPARE(addContacts(db(QStringLiteral("o")), 8000, QStringLiteral("Фёдор"), QStringLiteral("Офисов-%1"),
                             QStringLiteral("o%1@example.ru")),
                 8000);
        const int before = centralPushes();
        QVERIFY(sync(QStringLiteral("o")).code == 0); // all in the office; the relay starts right after
        QTRY_VERIFY_WITH_TIMEOUT(centralPushes() >= before + 2, 30000);
        m_officeServer.kill(); // SIGKILL in the middle of relaying
        // 8,000 records go up in four batches of 2,000: some went, others had not.
        QVERIFY2(centralPushes() < before + 4, "the relay ended before the office server could be killed");
        QVERIFY(startOffice());
        QVERIFY(convergeUntil([&] {
            return storeScalar(db(QStringLiteral("c")),
                               QStringLiteral("SELECT count(*) FROM contact WHERE email LIKE 'o%@example.ru'"))
                == 8000;
        }));
        for (const char *name : {"c", "o"}) {
            const QString file = db(QString::fromLatin1(name));
            QCOMPARE(storeScalar(file, QStringLiteral("SELECT count(*) FROM contact WHERE email LIKE 'o%@example.ru'")),
                     8000);
            QCOMPARE(storeScalar(file,
                                 QStringLiteral("SELECT count(DISTINCT email) FROM contact WHERE email LIKE "
                                                "'o%@example.ru'")),
                     8000);
            const Run check = cli(QString::fromLatin1(name), {QStringLiteral("check")});
            QCOMPARE(check.out.trimmed(), QByteArray("ok"));
        }
    }

    void accountMovedAwayStopsWorkingAtTheOffice()
    {
        QVERIFY(!login(m_officeServer.url(), QStringLiteral("olga"), QStringLiteral("пароль-ольги")).isEmpty());
        const Run moved = serverAdmin(m_central,
                                      {QStringLiteral("user"), QStringLiteral("set"), QStringLiteral("olga"),
                                       QStringLiteral("--office"), QStringLiteral("Москва")});
        QVERIFY2(moved.code == 0, qPrintable(moved.err));
        auto olgaAtOffice = [this] {
            const Answer a = http("GET", m_officeServer.url() + QStringLiteral("/v1/pull?since=0&limit=1"),
                                  QByteArray(), bearer(m_olgaToken));
            return a.status;
        };
        m_olgaToken = login(m_officeServer.url(), QStringLiteral("olga"), QStringLiteral("пароль-ольги"));
        QVERIFY(!m_olgaToken.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(olgaAtOffice(), 401, 20000); // her token is revoked there
        QVERIFY(login(m_officeServer.url(), QStringLiteral("olga"), QStringLiteral("пароль-ольги")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUpstream)
#include "tst_upstream.moc"
