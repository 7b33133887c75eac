// The push's crash contract against the real gamix-server (DESIGN.md §4): a batch id is
// stored before its body is sent, and a batch sent again after a crash is answered, not
// applied twice. Checked where the client saves commits: a batch built ahead (written to a
// spare slot while the server merges the one in flight) is the one sent again after a crash
// once it was sent, and an answer whose cursor move was not written yet (it goes with the
// next batch's commit) leaves the answered batch pending, which the server then answers from
// its log instead of merging it again.
#include "tst_sync_kit.h"

#include "schema/Schema.h"
#include "store/Store.h"
#include "sync/StoreReplica.h"
#include "sync/SyncEngine.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gamix;

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
            Store store;
            QString error;
            QVERIFY(store.open(db, &error));
            StoreReplica replica(store);
            SyncEngine engine(replica);
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
        Store store;
        QString error;
        QVERIFY(store.open(db, &error));
        StoreReplica replica(store);
        SyncEngine engine(replica);
        engine.beginPush();
        QCOMPARE(engine.takePushBody(10, nullptr).body, second); // the same id and records
        pushAll(engine, second);
        QCOMPARE(contactsOnServer(u"Ahead-"), 30);
        QCOMPARE(store.meta(QStringLiteral("sync.server.pending_slot")), QString());
        QCOMPARE(store.meta(QStringLiteral("sync.server.pending_batch_1")), QString());
        QCOMPARE(store.meta(QStringLiteral("sync.server.pending_batch_2")), QString());
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
            Store store;
            QString error;
            QVERIFY(store.open(db, &error));
            StoreReplica replica(store);
            SyncEngine engine(replica);
            engine.beginPush();
            first = engine.takePushBody(10, nullptr).body;
            const synckit::Answer a = post(first);
            QCOMPARE(a.status, 200);
            answer = a.body;
            seqAfterFirst = serverSeq();
            QCOMPARE(engine.handlePush(a.status, a.body), SyncEngine::Step::Continue);
            // The process dies before the next batch's commit, which would move the cursor.
        }
        Store store;
        QString error;
        QVERIFY(store.open(db, &error));
        StoreReplica replica(store);
        SyncEngine engine(replica);
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
