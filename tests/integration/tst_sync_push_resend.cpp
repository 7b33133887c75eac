// The push's crash contract against the real gamix-server (DESIGN.md §4): a batch id is
// stored before its body is sent, and a batch sent again after a crash is answered, not
// applied twice. Checked where the client saves commits: a batch built ahead (written to a
// spare slot while the server merges the one in flight) is the one sent again after a crash
// once it was sent, and an answer whose cursor move was not written yet (it goes with the
// next batch's commit) leaves the answered batch pending, which the server then answers from
// its log instead of merging it again. And a batch the server's database fails part of
// (a statement refused) is stored not at all, answered 503, and stored whole when sent
// again: on SQLite a failed statement leaves the transaction open, and the commit stored
// the rest of the batch, the refused record reported accepted.
#include "tst_sync_kit.h"

#include "schema/Schema.h"
#include "store/Store.h"
#include "sync/StoreReplica.h"
#include "sync/SyncEngine.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gamix;

// A client's database and its sync engine, as one run of SyncClient holds them.
struct Client
{
    explicit Client(const QString &db) { opened = store.open(db, &error); }
    Store store;
    StoreReplica replica {store};
    SyncEngine engine {replica};
    QString error;
    bool opened = false;
};

class TestSyncPushResend : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_storage = {QStringLiteral("--data"), m_dir.filePath(QStringLiteral("server.sqlite"))};
        QVERIFY(!synckit::addUser(m_storage, QStringLiteral("anna"), QStringLiteral("admin"), QString(),
                                  QStringLiteral("pw-anna"))
                     .isEmpty());
        QVERIFY(m_server.start(m_storage, m_dir.filePath(QStringLiteral("server.log"))));
        m_token = synckit::login(m_server.url(), QStringLiteral("anna"), QStringLiteral("pw-anna"));
        QVERIFY(!m_token.isEmpty());
    }

    void aBatchBuiltAheadIsSentAgainAfterACrash()
    {
        const QString db = m_dir.filePath(QStringLiteral("ahead.db"));
        QCOMPARE(synckit::addContacts(db, 30, QStringLiteral("Anna"), QStringLiteral("Ahead-%1"),
                                      QStringLiteral("ahead%1@example.ru")),
                 30);
        QByteArray second;
        {
            Client client(db);
            QVERIFY2(client.opened, qPrintable(client.error));
            SyncEngine &engine = client.engine;
            engine.beginPush();
            const QByteArray first = engine.takePushBody(10, nullptr).body;
            QVERIFY(!first.isEmpty());
            // Built while the first is in flight, then taken once the first is answered.
            SyncEngine::PushBatch ahead = engine.buildPushBatch(engine.pendingNext(), 10);
            QCOMPARE(ahead.records, 10);
            const synckit::Answer a = post(first);
            QCOMPARE(a.status, 200);
            QCOMPARE(engine.handlePush(a.status, a.body), SyncEngine::Step::Continue);
            const SyncEngine::PushBody next = engine.takePushBody(10, &ahead);
            QVERIFY(next.fromAhead);
            second = next.body;
            // The process dies here, the second batch sent or not.
        }
        QCOMPARE(contactsOnServer(u"Ahead-"), 10);
        Client client(db);
        QVERIFY2(client.opened, qPrintable(client.error));
        SyncEngine &engine = client.engine;
        engine.beginPush();
        QCOMPARE(engine.takePushBody(10, nullptr).body, second); // the same id and records
        pushAll(engine, second);
        QCOMPARE(contactsOnServer(u"Ahead-"), 30);
        QCOMPARE(client.store.meta(QStringLiteral("sync.server.pending_slot")), QString());
        QCOMPARE(client.store.meta(QStringLiteral("sync.server.pending_batch_1")), QString());
        QCOMPARE(client.store.meta(QStringLiteral("sync.server.pending_batch_2")), QString());
    }

    void anAnsweredBatchIsAnsweredAgainNotMergedTwice()
    {
        const QString db = m_dir.filePath(QStringLiteral("answered.db"));
        QCOMPARE(synckit::addContacts(db, 25, QStringLiteral("Boris"), QStringLiteral("Answered-%1"),
                                      QStringLiteral("answered%1@example.ru")),
                 25);
        QByteArray first, answer;
        qint64 seqAfterFirst = 0;
        {
            Client client(db);
            QVERIFY2(client.opened, qPrintable(client.error));
            SyncEngine &engine = client.engine;
            engine.beginPush();
            first = engine.takePushBody(10, nullptr).body;
            const synckit::Answer a = post(first);
            QCOMPARE(a.status, 200);
            answer = a.body;
            seqAfterFirst = serverSeq();
            QCOMPARE(engine.handlePush(a.status, a.body), SyncEngine::Step::Continue);
            // The process dies before the next batch's commit, which would move the cursor.
        }
        Client client(db);
        QVERIFY2(client.opened, qPrintable(client.error));
        SyncEngine &engine = client.engine;
        engine.beginPush();
        const QByteArray again = engine.takePushBody(10, nullptr).body;
        QCOMPARE(again, first);
        const synckit::Answer a = post(again);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.body, answer); // the stored answer
        QCOMPARE(serverSeq(), seqAfterFirst); // nothing merged again
        QCOMPARE(engine.handlePush(a.status, a.body), SyncEngine::Step::Continue);
        pushAll(engine, QByteArray());
        QCOMPARE(contactsOnServer(u"Answered-"), 25);
    }

    void aBatchTheDatabaseFailsIsStoredNotAtAll()
    {
        const QString db = m_dir.filePath(QStringLiteral("client.db"));
        QCOMPARE(synckit::addContacts(db, 100, QStringLiteral("Anna"), QStringLiteral("Refused-%1"),
                                      QStringLiteral("refused%1@example.ru")),
                 100);
        QVERIFY(serverSql(QStringLiteral("CREATE TRIGGER test_refuse BEFORE INSERT ON gx_record "
                                         "WHEN NEW.fields LIKE '%\"Refused-57\"%' "
                                         "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")));
        Client client(db);
        QVERIFY2(client.opened, qPrintable(client.error));
        SyncEngine &engine = client.engine;
        engine.beginPush();
        const QByteArray body = engine.takePushBody(100, nullptr).body;
        QVERIFY(!body.isEmpty());

        const synckit::Answer failed = post(body);
        QCOMPARE(failed.status, 503);
        QCOMPARE(contactsOnServer(u"Refused-"), 0); // not the 99 records before and after the refused one
        QCOMPARE(engine.handlePush(failed.status, failed.body), SyncEngine::Step::Failed);

        QVERIFY(serverSql(QStringLiteral("DROP TRIGGER test_refuse")));
        engine.beginPush();
        const QByteArray again = engine.takePushBody(100, nullptr).body;
        QCOMPARE(again, body); // the same batch id: the failed one was not stored as answered
        const synckit::Answer stored = post(again);
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.json().value(QLatin1String("rejected")).toInt(), 0);
        QCOMPARE(engine.handlePush(stored.status, stored.body), SyncEngine::Step::Continue);
        QCOMPARE(contactsOnServer(u"Refused-"), 100);
    }

private:
    synckit::Answer post(const QByteArray &body)
    {
        return synckit::http("POST", m_server.url() + QStringLiteral("/v1/push"), body, synckit::bearer(m_token));
    }

    // Sends `pending` (if any), then every batch left, as SyncClient does without a network.
    void pushAll(SyncEngine &engine, const QByteArray &pending)
    {
        QByteArray body = pending;
        for (int guard = 0; guard < 20; ++guard) {
            if (body.isEmpty())
                body = engine.takePushBody(10, nullptr).body;
            if (body.isEmpty())
                return;
            const synckit::Answer a = post(body);
            QCOMPARE(a.status, 200);
            QCOMPARE(engine.handlePush(a.status, a.body), SyncEngine::Step::Continue);
            body.clear();
        }
        QFAIL("the push did not end");
    }

    // One statement on the server's storage file, from a second connection beside the server.
    bool serverSql(const QString &sql)
    {
        const QString name = QStringLiteral("test-writer");
        bool ok = false;
        {
            QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            d.setDatabaseName(m_storage.at(1));
            d.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
            if (d.open()) {
                QSqlQuery q(d);
                ok = q.exec(sql);
            }
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    int contactsOnServer(QStringView lastNamePrefix)
    {
        return synckit::sqliteValue(m_storage.at(1),
                                    QStringLiteral("SELECT count(*) FROM gx_record WHERE entity = 'contact' "
                                                   "AND fields LIKE ?"),
                                    {QString(u'%' + lastNamePrefix + u'%')})
            .toInt();
    }

    qint64 serverSeq()
    {
        return synckit::sqliteValue(m_storage.at(1), QStringLiteral("SELECT max(seq) FROM gx_record")).toLongLong();
    }

    QTemporaryDir m_dir;
    QStringList m_storage;
    synckit::Server m_server;
    QString m_token;
};

QTEST_GUILESS_MAIN(TestSyncPushResend)
#include "tst_sync_push_resend.moc"
