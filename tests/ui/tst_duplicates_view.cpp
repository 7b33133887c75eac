// The duplicates view (issue 5): two contacts with the same email that met through sync
// are listed side by side; one click merges them, the list empties and one contact stays.

#include "DuplicatesView.h"
#include "store/Store.h"
#include "sync/StoreReplica.h"

#include <QPushButton>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QtTest>

using namespace gamix;

class TestDuplicatesView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void mergeInOneClick()
    {
        QTemporaryDir dir;
        Store mine, theirs;
        QString error;
        QVERIFY(mine.open(dir.filePath(QStringLiteral("mine.sqlite")), &error));
        QVERIFY(theirs.open(dir.filePath(QStringLiteral("theirs.sqlite")), &error));
        const EntityDef &contact = *Schema::instance().entity(u"contact");
        const WriteResult a = mine.create(contact,
                                          {FieldWrite {QStringLiteral("last_name"), QStringLiteral("Орлова")},
                                           FieldWrite {QStringLiteral("email"), QStringLiteral("o@example.ru")}});
        const WriteResult b = theirs.create(contact,
                                            {FieldWrite {QStringLiteral("last_name"), QStringLiteral("Орлова")},
                                             FieldWrite {QStringLiteral("email"), QStringLiteral("O@example.ru")},
                                             FieldWrite {QStringLiteral("city"), QStringLiteral("Казань")}});
        QVERIFY(a.ok && b.ok);
        StoreReplica from(theirs), to(mine);
        to.apply(from.localChanges(0, 1000).records, {});

        DuplicatesView view(&mine);
        view.show();
        QCOMPARE(view.duplicateCount(), 1);
        QVERIFY(view.model()->item(0, DuplicatesView::FirstColumn)->text().contains(QStringLiteral("Орлова")));
        QVERIFY(view.model()->item(0, DuplicatesView::SecondColumn)->text().contains(QStringLiteral("Казань"))
                || view.model()->item(0, DuplicatesView::FirstColumn)->text().contains(QStringLiteral("Казань")));
        auto *keepFirst = view.findChild<QPushButton *>(QStringLiteral("mergeKeepFirst"));
        QVERIFY(keepFirst && keepFirst->isEnabled());
        QTest::mouseClick(keepFirst, Qt::LeftButton);
        QCOMPARE(view.duplicateCount(), 0);
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("duplicatesEmpty"))->isVisible());
        ListQuery q;
        q.entity = &contact;
        const QList<Record> live = mine.list(q, &error);
        QCOMPARE(live.size(), 1);
        QCOMPARE(live.first().text(u"city"), QStringLiteral("Казань"));
    }

    void notDuplicatesDismissesTheFlag()
    {
        QTemporaryDir dir;
        Store mine, theirs;
        QString error;
        QVERIFY(mine.open(dir.filePath(QStringLiteral("mine.sqlite")), &error));
        QVERIFY(theirs.open(dir.filePath(QStringLiteral("theirs.sqlite")), &error));
        const EntityDef &company = *Schema::instance().entity(u"company");
        // Two branches of one firm: the same INN, and the user says they stay apart.
        QVERIFY(mine.create(company,
                            {FieldWrite {QStringLiteral("name"), QStringLiteral("Филиал 1")},
                             FieldWrite {QStringLiteral("inn"), QStringLiteral("7736207543")}})
                    .ok);
        QVERIFY(theirs
                    .create(company,
                            {FieldWrite {QStringLiteral("name"), QStringLiteral("Филиал 2")},
                             FieldWrite {QStringLiteral("inn"), QStringLiteral("7736207543")}})
                    .ok);
        StoreReplica from(theirs), to(mine);
        to.apply(from.localChanges(0, 1000).records, {});
        DuplicatesView view(&mine);
        QCOMPARE(view.duplicateCount(), 1);
        QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("notDuplicates")), Qt::LeftButton);
        QCOMPARE(view.duplicateCount(), 0);
        QCOMPARE(mine.count(company), 2);
        // The same records arriving again do not bring the flag back.
        to.apply(from.localChanges(0, 1000).records, {});
        QVERIFY(mine.duplicateFlags().isEmpty());
    }
};

QTEST_MAIN(TestDuplicatesView)
#include "tst_duplicates_view.moc"
