// The conflicts view names people (issue 5: "who made each and when"): two users of one
// office, each with their own database and the app's SyncController, edit the same
// company's city while apart, through the real gamix-server on loopback; in both
// databases the conflicts view shows the kept value "by boris" and the lost one "by anna"
// (their logins: the server's users have no full name here), not replica ids.
#include "../integration/tst_sync_kit.h"
#include "ConflictsView.h"
#include "store/Store.h"
#include "sync/SyncController.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace gamix;

class TestConflictAuthors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void conflictsViewNamesWhoWroteEachValue()
    {
        const QStringList storage {QStringLiteral("--data"), m_dir.filePath(QStringLiteral("server.sqlite"))};
        for (const char *login : {"anna", "boris"})
            QVERIFY(!synckit::addUser(storage, QString::fromLatin1(login), QStringLiteral("sales"),
                                      QStringLiteral("Москва"), QStringLiteral("pw-") + QString::fromLatin1(login))
                         .isEmpty());
        synckit::Server server;
        QVERIFY(server.start(storage, m_dir.filePath(QStringLiteral("server.log"))));
        const QString dbA = m_dir.filePath(QStringLiteral("anna.db")), dbB = m_dir.filePath(QStringLiteral("boris.db"));
        SyncController syncA(dbA), syncB(dbB);
        syncA.setAccount(QUrl(server.url()), QStringLiteral("anna"));
        syncB.setAccount(QUrl(server.url()), QStringLiteral("boris"));
        auto sync = [](SyncController &c, const QString &password) {
            QSignalSpy done(&c, &SyncController::syncFinished);
            c.logIn(password);
            return done.wait(20000) && done.last().at(0).toBool();
        };
        const EntityDef &company = *Schema::instance().entity(u"company");
        // The first syncs bind each new database to its user; the app's windows open after.
        QVERIFY(sync(syncA, QStringLiteral("pw-anna")));
        QVERIFY(sync(syncB, QStringLiteral("pw-boris")));
        Store a, b;
        QString error;
        QVERIFY2(a.open(dbA, &error) && b.open(dbB, &error), qPrintable(error));
        const QString id = a.create(company, {{QStringLiteral("name"), QStringLiteral("Ромашка")}}).id;
        QVERIFY(!id.isEmpty());
        QVERIFY(sync(syncA, QStringLiteral("pw-anna")));
        QVERIFY(sync(syncB, QStringLiteral("pw-boris")));
        QVERIFY(b.get(company, id).isValid());
        QVERIFY(a.update(company, id, {{QStringLiteral("city"), QStringLiteral("Тверь")}}).ok);
        // boris writes later than anna: within one millisecond the two stamps would tie and
        // the random site ids decide, so his clock first passes hers (as a later wall clock
        // would). He still has not seen her value: the edits stay concurrent.
        b.hlc().observe(a.get(company, id).clocks.clock(company.fieldIndex(u"city")).hlc);
        QVERIFY(b.update(company, id, {{QStringLiteral("city"), QStringLiteral("Псков")}}).ok);
        QVERIFY(sync(syncA, QStringLiteral("pw-anna")));
        QVERIFY(sync(syncB, QStringLiteral("pw-boris")));
        QVERIFY(sync(syncA, QStringLiteral("pw-anna")));

        for (Store *store : {&a, &b}) {
            QUndoStack undo;
            ConflictsView view(store, &undo);
            QCOMPARE(view.conflictCount(), 1);
            const QStandardItemModel *m = view.model();
            QCOMPARE(m->item(0, ConflictsView::CurrentColumn)->text(), QStringLiteral("Псков"));
            const QString keptBy = m->item(0, ConflictsView::CurrentByColumn)->text();
            const QString lostBy = m->item(0, ConflictsView::OtherByColumn)->text();
            QVERIFY2(keptBy.startsWith(QStringLiteral("boris, ")), qPrintable(keptBy));
            QVERIFY2(lostBy.startsWith(QStringLiteral("anna, ")), qPrintable(lostBy));
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestConflictAuthors)
#include "tst_conflict_authors.moc"
