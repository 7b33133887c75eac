// Two gamix-server instances over one real PostgreSQL (DESIGN.md §4 "Storage"): the test
// starts PostgreSQL 15 in a temporary directory (initdb, pg_ctl, a free port), several
// clients push to both instances at the same time while others pull, and afterwards every
// client holds every record: no pull cursor skipped a change committed by the other
// instance.

#include "tst_pg_kit.h"

#include <QJsonArray>
#include <QtTest>

using namespace synckit;

class TestPostgres : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    pgkit::Cluster m_pg;
    QString m_url;

    QString db(int i) const { return m_dir->filePath(QStringLiteral("client%1.db").arg(i)); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QString message;
        const pgkit::Cluster::Start started = m_pg.start(&message);
        if (started == pgkit::Cluster::Start::Skip)
            QSKIP(qPrintable(message));
        QVERIFY2(started == pgkit::Cluster::Start::Running, qPrintable(message));
        m_url = m_pg.createDatabase(QStringLiteral("gamix"));
        QVERIFY(!m_url.isEmpty());
    }

    void cleanupTestCase() { m_pg.stop(); }

    void twoInstancesConcurrentPushesSkipNothing()
    {
        const QStringList storage {QStringLiteral("--database"), m_url};
        constexpr int kClients = 4;
        constexpr int kPerRound = 120;
        for (int i = 0; i < kClients; ++i) {
            QVERIFY(!addUser(storage, QStringLiteral("sales%1").arg(i), QStringLiteral("sales"),
                             QStringLiteral("Офис на Неве"), QStringLiteral("пароль%1").arg(i))
                         .isEmpty());
            QCOMPARE(runCli({QStringLiteral("--db"), db(i), QStringLiteral("init")}).code, 0);
        }
        Server one, two;
        QVERIFY(one.start(storage, m_dir->filePath(QStringLiteral("one.log"))));
        QVERIFY(two.start(storage, m_dir->filePath(QStringLiteral("two.log"))));
        auto syncArgs = [&](int i) {
            return QStringList {QStringLiteral("--db"),           db(i),
                                QStringLiteral("sync"),           QStringLiteral("--server"),
                                (i % 2 ? two : one).url(),        QStringLiteral("--login"),
                                QStringLiteral("sales%1").arg(i), QStringLiteral("--password-stdin")};
        };
        // Three rounds: every client adds records, then all sync at once, half of them
        // against each instance, so pushes on one instance overlap pulls on the other.
        for (int round = 0; round < 3; ++round) {
            for (int i = 0; i < kClients; ++i) {
                const QString csv = m_dir->filePath(QStringLiteral("c%1-%2.csv").arg(i).arg(round));
                QFile f(csv);
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write("first_name,last_name,city\n");
                for (int k = 0; k < kPerRound; ++k)
                    f.write(QStringLiteral("Клиент%1,Раунд%2-%3,Санкт-Петербург\n").arg(i).arg(round).arg(k).toUtf8());
                f.close();
                const Run r
                    = runCli({QStringLiteral("--db"), db(i), QStringLiteral("import"), QStringLiteral("contact"), csv,
                              QStringLiteral("--on-duplicate"), QStringLiteral("create")});
                QVERIFY2(r.code == 0, qPrintable(r.err));
            }
            std::vector<std::unique_ptr<QProcess>> running;
            for (int i = 0; i < kClients; ++i) {
                auto p = std::make_unique<QProcess>();
                p->start(QStringLiteral(GAMIX_CLI_PATH), syncArgs(i));
                QVERIFY(p->waitForStarted());
                p->write(QStringLiteral("пароль%1\n").arg(i).toUtf8());
                p->closeWriteChannel();
                running.push_back(std::move(p));
            }
            for (int i = 0; i < kClients; ++i) {
                QVERIFY(running[size_t(i)]->waitForFinished(60000));
                QVERIFY2(running[size_t(i)]->exitCode() == 0, running[size_t(i)]->readAllStandardError().constData());
            }
        }
        // One more pull each; a change skipped by a cursor earlier would never come now.
        for (int i = 0; i < kClients; ++i) {
            QProcess p;
            p.start(QStringLiteral(GAMIX_CLI_PATH), syncArgs(i));
            QVERIFY(p.waitForStarted());
            p.write(QStringLiteral("пароль%1\n").arg(i).toUtf8());
            p.closeWriteChannel();
            QVERIFY(p.waitForFinished(60000));
            QCOMPARE(p.exitCode(), 0);
        }
        QSet<QString> reference;
        for (int i = 0; i < kClients; ++i) {
            const Run r = runCli({QStringLiteral("--db"), db(i), QStringLiteral("--json"), QStringLiteral("list"),
                                  QStringLiteral("contact")});
            QSet<QString> rows;
            for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array()) {
                const QJsonObject o = v.toObject();
                rows.insert(o.value(QLatin1String("id")).toString() + u'|'
                            + o.value(QLatin1String("first_name")).toString() + u'|'
                            + o.value(QLatin1String("last_name")).toString());
            }
            QCOMPARE(rows.size(), kClients * kPerRound * 3);
            if (i == 0)
                reference = rows;
            else
                QCOMPARE(rows, reference);
        }
    }

    // The removal and erasure bookkeeping (gx_moved, gx_erased) on PostgreSQL: a lead
    // reassigned away leaves its old owner's database; an erased person leaves every client.
    void removalAndErasureOnPostgres()
    {
        const QStringList storage {QStringLiteral("--database"), m_url};
        Server server;
        QVERIFY(server.start(storage, m_dir->filePath(QStringLiteral("purge.log"))));
        auto sync = [&](int i) {
            return runCli({QStringLiteral("--db"), db(i), QStringLiteral("sync"), QStringLiteral("--server"),
                           server.url(), QStringLiteral("--login"), QStringLiteral("sales%1").arg(i),
                           QStringLiteral("--password-stdin")},
                          QStringLiteral("пароль%1\n").arg(i).toUtf8())
                .code;
        };
        auto get = [&](int i, const QString &entity, const QString &id) {
            return runCli({QStringLiteral("--db"), db(i), QStringLiteral("get"), entity, id}).code == 0;
        };
        auto add = [&](int i, const QStringList &args) {
            return QString::fromUtf8(
                runCli(QStringList {QStringLiteral("--db"), db(i), QStringLiteral("add")} + args).out.trimmed());
        };
        const QString lead = add(0, {QStringLiteral("lead"), QStringLiteral("title=Аренда склада")});
        const QString person = add(0,
                                   {QStringLiteral("contact"), QStringLiteral("first_name=Евлампия"),
                                    QStringLiteral("email=evlampia@example.ru")});
        QVERIFY(!lead.isEmpty() && !person.isEmpty());
        QCOMPARE(sync(0), 0);
        QCOMPARE(sync(1), 0);
        QVERIFY(get(1, QStringLiteral("contact"), person));
        QVERIFY(!get(1, QStringLiteral("lead"), lead));
        QCOMPARE(
            serverAdmin(storage, {QStringLiteral("reassign"), QStringLiteral("sales0"), QStringLiteral("sales1")}).code,
            0);
        const Run erased = serverAdmin(
            storage,
            {QStringLiteral("erase-person"), QStringLiteral("--email"), QStringLiteral("evlampia@example.ru")});
        QVERIFY2(erased.code == 0, qPrintable(erased.err));
        QCOMPARE(erased.out.trimmed(), "contact " + person.toLatin1());
        QCOMPARE(sync(0), 0);
        QCOMPARE(sync(1), 0);
        QVERIFY(!get(0, QStringLiteral("lead"), lead));
        QVERIFY(get(1, QStringLiteral("lead"), lead));
        QVERIFY(!get(0, QStringLiteral("contact"), person));
        QVERIFY(!get(1, QStringLiteral("contact"), person));
    }
};

QTEST_GUILESS_MAIN(TestPostgres)
#include "tst_postgres.moc"
