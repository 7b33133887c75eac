// Duplicates that meet through sync, with the real gamix-server and gamix-cli on loopback
// (issue 5): the same email imported offline into two databases is flagged on both after
// sync (one flag, the same on both); a merge on one reaches the other, and both then show
// one live contact.

#include "tst_sync_kit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace synckit;

class TestDuplicatesProcess : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList m_storage;
    Server m_server;

    QString db(const QString &name) const { return m_dir.filePath(name + QStringLiteral(".db")); }
    Run cli(const QString &dbName, const QStringList &args, const QByteArray &input = QByteArray())
    {
        return runCli(QStringList {QStringLiteral("--db"), db(dbName)} + args, input);
    }
    bool sync(const QString &dbName)
    {
        const Run r = cli(dbName,
                          {QStringLiteral("sync"), QStringLiteral("--server"), m_server.url(),
                           QStringLiteral("--login"), QStringLiteral("root"), QStringLiteral("--password-stdin")},
                          QByteArray("root-pass\n"));
        if (r.code != 0)
            qWarning().noquote() << "sync" << dbName << r.code << r.err;
        return r.code == 0;
    }
    QJsonArray json(const QString &dbName, const QStringList &args)
    {
        const Run r = cli(dbName, QStringList {QStringLiteral("--json")} + args);
        return QJsonDocument::fromJson(r.out).array();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_storage = {QStringLiteral("--data"), m_dir.filePath(QStringLiteral("server.sqlite"))};
        QVERIFY(
            !addUser(m_storage, QStringLiteral("root"), QStringLiteral("admin"), QString(), QStringLiteral("root-pass"))
                 .isEmpty());
        QVERIFY(m_server.start(m_storage, m_dir.filePath(QStringLiteral("server.log"))));
    }

    void sameEmailOnTwoMachines()
    {
        for (const char *name : {"a", "b"})
            QCOMPARE(cli(QLatin1String(name), {QStringLiteral("init")}).code, 0);
        // Offline: the same person typed into both databases.
        const Run ra = cli(QStringLiteral("a"),
                           {QStringLiteral("add"), QStringLiteral("contact"), QStringLiteral("first_name=Анна"),
                            QStringLiteral("email=anna@example.ru")});
        const Run rb = cli(QStringLiteral("b"),
                           {QStringLiteral("add"), QStringLiteral("contact"), QStringLiteral("first_name=Аня"),
                            QStringLiteral("email=ANNA@example.ru"), QStringLiteral("city=Тверь")});
        QCOMPARE(ra.code, 0);
        QCOMPARE(rb.code, 0);
        QVERIFY(json(QStringLiteral("a"), {QStringLiteral("duplicates")}).isEmpty());

        // They meet through the server: both see the same one flag.
        for (const char *name : {"a", "b", "a", "b"})
            QVERIFY(sync(QLatin1String(name)));
        const QJsonArray fa = json(QStringLiteral("a"), {QStringLiteral("duplicates")});
        const QJsonArray fb = json(QStringLiteral("b"), {QStringLiteral("duplicates")});
        QCOMPARE(fa.size(), 1);
        QCOMPARE(fb.size(), 1);
        QCOMPARE(fa.first()[QLatin1String("id")], fb.first()[QLatin1String("id")]);
        QCOMPARE(fa.first()[QLatin1String("entity")].toString(), QStringLiteral("contact"));
        QCOMPARE(json(QStringLiteral("a"), {QStringLiteral("list"), QStringLiteral("contact")}).size(), 2);
        // A flag is not a conflict.
        QVERIFY(json(QStringLiteral("a"), {QStringLiteral("conflicts")}).isEmpty());

        // Merge on A, keeping A's record values; then sync both ways.
        const QString first = fa.first()[QLatin1String("first")][QLatin1String("id")].toString();
        const QString second = fa.first()[QLatin1String("second")][QLatin1String("id")].toString();
        const Run m = cli(QStringLiteral("a"), {QStringLiteral("merge"), QStringLiteral("contact"), first, second});
        QVERIFY2(m.code == 0, qPrintable(m.err));
        for (const char *name : {"a", "b", "a"})
            QVERIFY(sync(QLatin1String(name)));
        for (const char *name : {"a", "b"}) {
            const QJsonArray live = json(QLatin1String(name), {QStringLiteral("list"), QStringLiteral("contact")});
            QCOMPARE(live.size(), 1);
            QCOMPARE(live.first()[QLatin1String("email")].toString().toLower(), QStringLiteral("anna@example.ru"));
            QCOMPARE(live.first()[QLatin1String("city")].toString(), QStringLiteral("Тверь"));
            QVERIFY(json(QLatin1String(name), {QStringLiteral("duplicates")}).isEmpty());
            QCOMPARE(cli(QLatin1String(name), {QStringLiteral("check")}).code, 0);
        }
        // A usage error is told as such.
        QCOMPARE(cli(QStringLiteral("a"), {QStringLiteral("merge"), QStringLiteral("contact")}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestDuplicatesProcess)
#include "tst_duplicates_process.moc"
