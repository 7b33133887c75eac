// A push that the server's database fails part way through (DESIGN.md §4: a batch is merged
// whole or not at all) against the real gamix-server on SQLite: the batch is answered 503 and
// nothing of it is stored, so the client sends it again; once the database takes it, all of
// it arrives. The failure is a real one of SQLite: a trigger the test adds to the server's
// file refuses one record's row.
#include "tst_sync_kit.h"

#include "store/Store.h"
#include "sync/StoreReplica.h"
#include "sync/SyncEngine.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gamix;

class TestSyncPushStorageFailure : public QObject
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

    void aBatchTheDatabaseFailsIsStoredNotAtAll()
    {
        const QString db = m_dir.filePath(QStringLiteral("client.db"));
        QCOMPARE(synckit::addContacts(db, 100, QStringLiteral("Anna"), QStringLiteral("Refused-%1"),
                                      QStringLiteral("refused%1@example.ru")),
                 100);
        QVERIFY(serverSql(QStringLiteral("CREATE TRIGGER test_refuse BEFORE INSERT ON gx_record "
                                         "WHEN NEW.fields LIKE '%\"Refused-57\"%' "
                                         "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")));
        Store store;
        QString error;
        QVERIFY(store.open(db, &error));
        StoreReplica replica(store);
        SyncEngine engine(replica);
        engine.beginPush();
        const QByteArray body = engine.takePushBody(100, nullptr).body;
        QVERIFY(!body.isEmpty());

        const synckit::Answer failed = post(body);
        QCOMPARE(failed.status, 503);
        QCOMPARE(contactsOnServer(), 0); // not the 99 records before and after the refused one
        QCOMPARE(engine.handlePush(failed.status, failed.body), SyncEngine::Step::Failed);

        QVERIFY(serverSql(QStringLiteral("DROP TRIGGER test_refuse")));
        engine.beginPush();
        const QByteArray again = engine.takePushBody(100, nullptr).body;
        QCOMPARE(again, body); // the same batch id: the failed one was not stored as answered
        const synckit::Answer stored = post(again);
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.json().value(QLatin1String("rejected")).toInt(), 0);
        QCOMPARE(engine.handlePush(stored.status, stored.body), SyncEngine::Step::Continue);
        QCOMPARE(contactsOnServer(), 100);
    }

private:
    synckit::Answer post(const QByteArray &body)
    {
        return synckit::http("POST", m_server.url() + QStringLiteral("/v1/push"), body, synckit::bearer(m_token));
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

    int contactsOnServer()
    {
        return synckit::sqliteValue(m_storage.at(1),
                                    QStringLiteral("SELECT count(*) FROM gx_record WHERE entity = 'contact' "
                                                   "AND fields LIKE '%Refused-%'"))
            .toInt();
    }

    QTemporaryDir m_dir;
    QStringList m_storage;
    synckit::Server m_server;
    QString m_token;
};

QTEST_GUILESS_MAIN(TestSyncPushStorageFailure)
#include "tst_sync_push_storage_failure.moc"
