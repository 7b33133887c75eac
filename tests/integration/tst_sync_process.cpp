// The real gamix-server and gamix-cli on loopback (DESIGN.md §4-5): two client databases
// converge after offline edits on both; a concurrent edit shows up as a conflict on both;
// kill -9 of the server in the middle of a large sync, then convergence without
// duplicates; and the security answers (wrong password, expired and revoked tokens, a
// sales user writing someone else's record, 413, 400, 426) change nothing.

#include "tst_sync_kit.h"

#include <QDateTime>
#include <QJsonArray>
#include <QtTest>

using namespace synckit;

class TestSyncProcess : public QObject, public Workspace
{
    Q_OBJECT

private:
    QStringList m_storage;
    Server m_server;
    QString m_log;

    Run sync(const QString &dbName, const QString &user, const QString &password)
    {
        return syncAs(dbName, m_server.url(), user, password);
    }
    QString add(const QString &dbName, const QStringList &fields)
    {
        const Run r = cli(dbName, QStringList {QStringLiteral("add"), QStringLiteral("contact")} + fields);
        return QString::fromUtf8(r.out).trimmed();
    }
    // The server's highest change sequence seen by an admin: unchanged means nothing was written.
    qint64 serverCursor()
    {
        const QString token = login(m_server.url(), QStringLiteral("root"), QStringLiteral("root-pass"));
        qint64 next = 0;
        for (;;) {
            const Answer a = http("GET", m_server.url() + QStringLiteral("/v1/pull?since=%1&limit=5000").arg(next),
                                  QByteArray(), bearer(token));
            const QJsonObject o = a.json();
            next = qint64(o.value(QLatin1String("next")).toDouble());
            if (!o.value(QLatin1String("more")).toBool())
                return next;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_storage = sqliteStorage(QStringLiteral("server"));
        m_log = m_dir.filePath(QStringLiteral("server.log"));
        QCOMPARE(addUsers(m_storage,
                          {{QStringLiteral("root"), QStringLiteral("admin"), QString(), QStringLiteral("root-pass")},
                           {QStringLiteral("anna"), QStringLiteral("sales"), QStringLiteral("Москва"),
                            QStringLiteral("пароль-анны")},
                           {QStringLiteral("boris"), QStringLiteral("sales"), QStringLiteral("Москва"),
                            QStringLiteral("пароль-бориса")},
                           {QStringLiteral("vera"), QStringLiteral("sales"), QStringLiteral("Москва"),
                            QStringLiteral("пароль-веры")}}),
                 QString());
        QVERIFY(m_server.start(m_storage, m_log));
        for (const char *name : {"a", "b", "c"})
            QCOMPARE(cli(QString::fromLatin1(name), {QStringLiteral("init")}).code, 0);
    }

    void offlineEditsConverge()
    {
        // Offline work on both machines before their first sync.
        const QString ivan = add(
            QStringLiteral("a"),
            {QStringLiteral("first_name=Иван"), QStringLiteral("last_name=Петров"), QStringLiteral("city=Тверь")});
        QVERIFY(!ivan.isEmpty());
        const QString yolka = add(QStringLiteral("b"),
                                  {QStringLiteral("first_name=Алёна"), QStringLiteral("last_name=Ёлкина"),
                                   QStringLiteral("email=alena@пример.рф")});
        QVERIFY(!yolka.isEmpty());
        Run r = sync(QStringLiteral("a"), QStringLiteral("anna"), QStringLiteral("пароль-анны"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = sync(QStringLiteral("b"), QStringLiteral("boris"), QStringLiteral("пароль-бориса"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = sync(QStringLiteral("a"), QStringLiteral("anna"), QStringLiteral("пароль-анны"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // More offline edits on both, then both sync twice.
        QCOMPARE(cli(QStringLiteral("a"),
                     {QStringLiteral("set"), QStringLiteral("contact"), yolka, QStringLiteral("position=Директор")})
                     .code,
                 0);
        QCOMPARE(
            cli(QStringLiteral("b"),
                {QStringLiteral("set"), QStringLiteral("contact"), ivan, QStringLiteral("notes=Звонить после обеда")})
                .code,
            0);
        for (const char *name : {"a", "b", "a"}) {
            const bool isA = name[0] == 'a';
            r = sync(QString::fromLatin1(name), isA ? QStringLiteral("anna") : QStringLiteral("boris"),
                     isA ? QStringLiteral("пароль-анны") : QStringLiteral("пароль-бориса"));
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
        const QJsonArray a = list(QStringLiteral("a"), QStringLiteral("contact"));
        const QJsonArray b = list(QStringLiteral("b"), QStringLiteral("contact"));
        QCOMPARE(a.size(), 2);
        QCOMPARE(a, b);
        const QJsonObject ivanRow = a.at(0).toObject().value(QLatin1String("id")).toString() == ivan
            ? a.at(0).toObject()
            : a.at(1).toObject();
        QCOMPARE(ivanRow.value(QLatin1String("city")).toString(), QStringLiteral("Тверь"));
        QCOMPARE(ivanRow.value(QLatin1String("notes")).toString(), QStringLiteral("Звонить после обеда"));
        QCOMPARE(cli(QStringLiteral("a"), {QStringLiteral("get"), QStringLiteral("contact"), yolka})
                     .out.contains("Директор"),
                 true);
    }

    void concurrentEditIsAConflictOnBoth()
    {
        const QString id = list(QStringLiteral("a"), QStringLiteral("contact"))
                               .at(0)
                               .toObject()
                               .value(QLatin1String("id"))
                               .toString();
        QCOMPARE(cli(QStringLiteral("a"),
                     {QStringLiteral("set"), QStringLiteral("contact"), id, QStringLiteral("city=Казань")})
                     .code,
                 0);
        QCOMPARE(cli(QStringLiteral("b"),
                     {QStringLiteral("set"), QStringLiteral("contact"), id, QStringLiteral("city=Самара")})
                     .code,
                 0);
        for (const char *name : {"a", "b", "a"}) {
            const bool isA = name[0] == 'a';
            const Run r = sync(QString::fromLatin1(name), isA ? QStringLiteral("anna") : QStringLiteral("boris"),
                               isA ? QStringLiteral("пароль-анны") : QStringLiteral("пароль-бориса"));
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
        for (const char *name : {"a", "b"}) {
            const Run r = cli(QString::fromLatin1(name), {QStringLiteral("--json"), QStringLiteral("conflicts")});
            const QJsonArray conflicts = QJsonDocument::fromJson(r.out).array();
            QCOMPARE(conflicts.size(), 1);
            const QJsonObject c = conflicts.at(0).toObject();
            QCOMPARE(c.value(QLatin1String("record_id")).toString(), id);
            QCOMPARE(c.value(QLatin1String("field")).toString(), QStringLiteral("city"));
            const QSet<QString> values {c.value(QLatin1String("kept_value")).toString(),
                                        c.value(QLatin1String("lost_value")).toString()};
            QCOMPARE(values, (QSet<QString> {QStringLiteral("Казань"), QStringLiteral("Самара")}));
        }
        QCOMPARE(list(QStringLiteral("a"), QStringLiteral("contact")),
                 list(QStringLiteral("b"), QStringLiteral("contact")));
    }

    void tokenKeptInKeychain()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session bus, so no keychain (CI runs under dbus-run-session with gnome-keyring)");
        const QStringList noPassword {QStringLiteral("sync"), QStringLiteral("--server"), m_server.url(),
                                      QStringLiteral("--login"), QStringLiteral("anna")};
        // anna's earlier syncs left her token in the keychain: no password needed now.
        Run r = cli(QStringLiteral("a"), noPassword);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("in memory")));
        // A revoked token fails with one line and is forgotten.
        QCOMPARE(
            serverAdmin(m_storage, {QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("anna")}).code,
            0);
        r = cli(QStringLiteral("a"), noPassword);
        QVERIFY(r.code != 0);
        QCOMPARE(r.err.count(u'\n'), 1);
        QVERIFY2(r.err.contains(QStringLiteral("log in again")), qPrintable(r.err));
        r = cli(QStringLiteral("a"), noPassword);
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("--password-stdin")), qPrintable(r.err));
        QCOMPARE(sync(QStringLiteral("a"), QStringLiteral("anna"), QStringLiteral("пароль-анны")).code, 0);
        r = cli(QStringLiteral("a"), noPassword);
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void wrongPasswordChangesNothing()
    {
        QCOMPARE(cli(QStringLiteral("c"),
                     {QStringLiteral("add"), QStringLiteral("contact"), QStringLiteral("first_name=Чужой")})
                     .code,
                 0);
        const qint64 before = serverCursor();
        const Run r = sync(QStringLiteral("c"), QStringLiteral("vera"), QStringLiteral("не-тот-пароль"));
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("wrong login or password")), qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n'), 1); // one line
        QCOMPARE(serverCursor(), before);
        // The database was not bound to anyone and got nothing.
        const QJsonArray rows = list(QStringLiteral("c"), QStringLiteral("contact"));
        QCOMPARE(rows.size(), 1);
        QVERIFY(rows.at(0).toObject().value(QLatin1String("owner_id")).isNull());
    }

    void databaseBoundToAnotherUserRefuses()
    {
        // Database a belongs to anna: syncing it as boris is refused before anything moves.
        const qint64 before = serverCursor();
        const Run r = sync(QStringLiteral("a"), QStringLiteral("boris"), QStringLiteral("пароль-бориса"));
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("belongs to anna")), qPrintable(r.err));
        QCOMPARE(serverCursor(), before);
    }

    void revokedAndExpiredTokens()
    {
        const QString token = login(m_server.url(), QStringLiteral("vera"), QStringLiteral("пароль-веры"));
        QVERIFY(!token.isEmpty());
        QCOMPARE(http("GET", m_server.url() + QStringLiteral("/v1/pull?since=0"), QByteArray(), bearer(token)).status,
                 200);
        QCOMPARE(
            serverAdmin(m_storage, {QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("vera")}).code,
            0);
        const qint64 before = serverCursor();
        const QByteArray push
            = R"({"batch_id":"b-revoked","records":[{"entity":"contact","id":"01a20000-0000-7000-8000-000000000001",
            "fields":{"first_name":{"v":"X","hlc":"1000","site":"0123456789abcdef0123456789abcdef"}}}]})";
        QCOMPARE(http("POST", m_server.url() + QStringLiteral("/v1/push"), push, bearer(token)).status, 401);
        QCOMPARE(http("GET", m_server.url() + QStringLiteral("/v1/pull?since=0"), QByteArray(), bearer(token)).status,
                 401);
        QCOMPARE(serverCursor(), before);

        // A server whose tokens live one second: the token stops working on its own.
        Server shortLived;
        QVERIFY(shortLived.start(m_storage, m_log, {QStringLiteral("--token-ttl"), QStringLiteral("1")}));
        const QString brief = login(shortLived.url(), QStringLiteral("vera"), QStringLiteral("пароль-веры"));
        QVERIFY(!brief.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(
            http("GET", shortLived.url() + QStringLiteral("/v1/pull?since=0"), QByteArray(), bearer(brief)).status, 401,
            5000);
        QCOMPARE(http("POST", shortLived.url() + QStringLiteral("/v1/push"), push, bearer(brief)).status, 401);
        QCOMPARE(serverCursor(), before);
    }

    void salesUserCannotWriteAnothersRecord()
    {
        // anna's own lead; vera (sales, same office) may not see or write it.
        const Run added = cli(QStringLiteral("a"),
                              {QStringLiteral("add"), QStringLiteral("lead"), QStringLiteral("title=Заявка Анны")});
        QCOMPARE(added.code, 0);
        const QString leadId = QString::fromUtf8(added.out).trimmed();
        QCOMPARE(sync(QStringLiteral("a"), QStringLiteral("anna"), QStringLiteral("пароль-анны")).code, 0);
        const QString token = login(m_server.url(), QStringLiteral("vera"), QStringLiteral("пароль-веры"));
        const quint64 future = quint64(QDateTime::currentMSecsSinceEpoch()) << 16;
        const QByteArray push
            = QJsonDocument(
                  QJsonObject {
                      {QStringLiteral("batch_id"), QStringLiteral("vera-1")},
                      {QStringLiteral("records"),
                       QJsonArray {QJsonObject {
                           {QStringLiteral("entity"), QStringLiteral("lead")},
                           {QStringLiteral("id"), leadId},
                           {QStringLiteral("fields"),
                            QJsonObject {{QStringLiteral("title"),
                                          QJsonObject {{QStringLiteral("v"), QStringLiteral("Перехвачено")},
                                                       {QStringLiteral("hlc"), QString::number(future)},
                                                       {QStringLiteral("site"),
                                                        QStringLiteral("0123456789abcdef0123456789abcdef")}}}}}}}}})
                  .toJson(QJsonDocument::Compact);
        const Answer a = http("POST", m_server.url() + QStringLiteral("/v1/push"), push, bearer(token));
        QCOMPARE(a.status, 200);
        const QJsonObject result = a.json().value(QLatin1String("results")).toArray().at(0).toObject();
        QCOMPARE(result.value(QLatin1String("fields")).toObject().value(QLatin1String("title")).toString(),
                 QStringLiteral("forbidden"));
        QCOMPARE(a.json().value(QLatin1String("rejected")).toInt(), 1);
        // The server kept anna's value, which reaches her other machine unchanged.
        QCOMPARE(sync(QStringLiteral("a"), QStringLiteral("anna"), QStringLiteral("пароль-анны")).code, 0);
        QVERIFY(cli(QStringLiteral("a"), {QStringLiteral("get"), QStringLiteral("lead"), leadId})
                    .out.contains("Заявка Анны"));
        const QString rootToken = login(m_server.url(), QStringLiteral("root"), QStringLiteral("root-pass"));
        const QByteArray all = http("GET", m_server.url() + QStringLiteral("/v1/pull?since=0&limit=5000"), QByteArray(),
                                    bearer(rootToken))
                                   .body;
        QVERIFY(all.contains("Заявка Анны"));
        QVERIFY(!all.contains("Перехвачено"));
    }

    void badRequestsChangeNothing()
    {
        const QString token = login(m_server.url(), QStringLiteral("anna"), QStringLiteral("пароль-анны"));
        const qint64 before = serverCursor();
        // Malformed JSON.
        Answer a = http("POST", m_server.url() + QStringLiteral("/v1/push"), "{\"batch_id\": \"x\", \"records\": [",
                        bearer(token));
        QCOMPARE(a.status, 400);
        QVERIFY(!a.body.contains("SQL"));
        // Protocol mismatch.
        QList<QPair<QByteArray, QByteArray>> headers = bearer(token);
        headers << qMakePair(QByteArrayLiteral("X-Gamix-Protocol"), QByteArrayLiteral("2"));
        a = http("POST", m_server.url() + QStringLiteral("/v1/push"), "{\"batch_id\":\"y\",\"records\":[]}", headers);
        QCOMPARE(a.status, 426);
        QCOMPARE(a.json().value(QLatin1String("protocol")).toInt(), 1);
        // A body over 64 MB.
        QByteArray huge = "{\"batch_id\":\"z\",\"records\":[\"";
        huge += QByteArray(65 * 1024 * 1024, 'x');
        huge += "\"]}";
        a = http("POST", m_server.url() + QStringLiteral("/v1/push"), huge, bearer(token));
        QCOMPARE(a.status, 413);
        QCOMPARE(serverCursor(), before);
    }

    void killedServerMidSyncConverges()
    {
        // 20,000 contacts on a fresh database of anna's (written through the Store, in one batch).
        QCOMPARE(cli(QStringLiteral("big"), {QStringLiteral("init")}).code, 0);
        QCOMPARE(addContacts(db(QStringLiteral("big")), 20000, QStringLiteral("Пётр"), QStringLiteral("Сидоров-%1"),
                             QStringLiteral("p%1@example.ru")),
                 20000);
        QProcess syncing;
        syncing.setProcessChannelMode(QProcess::MergedChannels);
        syncing.start(QStringLiteral(GAMIX_CLI_PATH),
                      {QStringLiteral("--db"), db(QStringLiteral("big")), QStringLiteral("sync"),
                       QStringLiteral("--server"), m_server.url(), QStringLiteral("--login"), QStringLiteral("anna"),
                       QStringLiteral("--password-stdin")});
        QVERIFY(syncing.waitForStarted());
        syncing.write("пароль-анны\n");
        syncing.closeWriteChannel();
        // Kill the server once some batches went in and others have not (4 batches: the
        // first in, the second built ahead and maybe sent, the last two not read yet).
        const int pushesBefore = pushesLogged(m_log);
        QTRY_VERIFY_WITH_TIMEOUT(pushesLogged(m_log) >= pushesBefore + 1, 30000);
        m_server.kill();
        QVERIFY(syncing.waitForFinished(30000));
        QVERIFY(syncing.exitCode() != 0); // a network failure, reported
        // The first push stamps the owner on the rows it sends; the failed sync's end
        // stamped the rest: every record belongs to anna already.
        const QString big = db(QStringLiteral("big"));
        QCOMPARE(storeScalar(big, QStringLiteral("SELECT count(*) FROM contact WHERE owner_id IS NULL")), 0);
        QCOMPARE(storeScalar(big, QStringLiteral("SELECT count(DISTINCT owner_id) FROM contact")), 1);
        QVERIFY(m_server.start(m_storage, m_log));
        Run r = sync(QStringLiteral("big"), QStringLiteral("anna"), QStringLiteral("пароль-анны"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = sync(QStringLiteral("b"), QStringLiteral("boris"), QStringLiteral("пароль-бориса"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        for (const char *name : {"big", "b"}) {
            const QString file = db(QString::fromLatin1(name));
            QCOMPARE(storeScalar(file, QStringLiteral("SELECT count(*) FROM contact WHERE email LIKE 'p%@example.ru'")),
                     20000);
            QCOMPARE(
                storeScalar(
                    file, QStringLiteral("SELECT count(DISTINCT email) FROM contact WHERE email LIKE 'p%@example.ru'")),
                20000);
            QCOMPARE(storeScalar(file,
                                 QStringLiteral("SELECT count(*) FROM contact WHERE email LIKE 'p%@example.ru' "
                                                "AND owner_id IS NOT NULL AND office_id IS NOT NULL")),
                     20000);
            const Run check = cli(QString::fromLatin1(name), {QStringLiteral("check")});
            QCOMPARE(check.code, 0);
            QCOMPARE(check.out.trimmed(), QByteArray("ok"));
        }
    }

    void killedClientMidSyncConverges()
    {
        // A fresh database of boris with 10,000 contacts; the client is killed (SIGKILL)
        // in the middle of its push, then syncs again: nothing is lost or doubled.
        QCOMPARE(cli(QStringLiteral("big2"), {QStringLiteral("init")}).code, 0);
        QCOMPARE(addContacts(db(QStringLiteral("big2")), 10000, QStringLiteral("Фёдор"), QStringLiteral("Клиентов-%1"),
                             QStringLiteral("k%1@example.ru")),
                 10000);
        const int pushesBefore = pushesLogged(m_log);
        QProcess syncing;
        syncing.start(QStringLiteral(GAMIX_CLI_PATH),
                      {QStringLiteral("--db"), db(QStringLiteral("big2")), QStringLiteral("sync"),
                       QStringLiteral("--server"), m_server.url(), QStringLiteral("--login"), QStringLiteral("boris"),
                       QStringLiteral("--password-stdin")});
        QVERIFY(syncing.waitForStarted());
        syncing.write("пароль-бориса\n");
        syncing.closeWriteChannel();
        QTRY_VERIFY_WITH_TIMEOUT(pushesLogged(m_log) >= pushesBefore + 2 || syncing.state() == QProcess::NotRunning,
                                 30000);
        QVERIFY2(syncing.state() != QProcess::NotRunning, "the sync ended before it could be killed");
        syncing.kill();
        QVERIFY(syncing.waitForFinished(10000));
        QCOMPARE(syncing.exitStatus(), QProcess::CrashExit);
        QCOMPARE(cli(QStringLiteral("big2"), {QStringLiteral("check")}).out.trimmed(), QByteArray("ok"));
        Run r = sync(QStringLiteral("big2"), QStringLiteral("boris"), QStringLiteral("пароль-бориса"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = sync(QStringLiteral("a"), QStringLiteral("anna"), QStringLiteral("пароль-анны"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        for (const char *name : {"big2", "a"}) {
            const QString file = db(QString::fromLatin1(name));
            QCOMPARE(storeScalar(file, QStringLiteral("SELECT count(*) FROM contact WHERE email LIKE 'k%@example.ru'")),
                     10000);
            QCOMPARE(
                storeScalar(
                    file, QStringLiteral("SELECT count(DISTINCT email) FROM contact WHERE email LIKE 'k%@example.ru'")),
                10000);
            // Killed while its first push stamped the owner batch by batch: the sync after
            // stamped the rest.
            QCOMPARE(storeScalar(file,
                                 QStringLiteral("SELECT count(*) FROM contact WHERE email LIKE 'k%@example.ru' "
                                                "AND owner_id IS NOT NULL AND office_id IS NOT NULL")),
                     10000);
            QCOMPARE(cli(QString::fromLatin1(name), {QStringLiteral("check")}).out.trimmed(), QByteArray("ok"));
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncProcess)
#include "tst_sync_process.moc"
