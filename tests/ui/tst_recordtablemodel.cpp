// RecordTableModel: the row count is known up front, order comes from SQL, rows load in
// windows; checked by QAbstractItemModelTester through load, sort, filter and writes.
#include "RecordTableModel.h"
#include "store/DemoData.h"
#include "store/Store.h"

#include <QAbstractItemModelTester>
#include <QCollator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gamix;

class TestRecordTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loadsEveryRowInNameOrder();
    void sortsDescendingByHeader();
    void filtersByTextAndField();
    void followsWrites();

private:
    int column(RecordTableModel &m, const char *field)
    {
        return int(m.columnFields().indexOf(m.entity().fieldIndex(QLatin1String(field))));
    }
    QTemporaryDir m_dir;
    Store m_store;
    const EntityDef &m_contact = *Schema::instance().entity(u"contact");
};

void TestRecordTableModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QString error;
    QVERIFY2(m_store.open(m_dir.filePath(QStringLiteral("m.db")), &error), qPrintable(error));
    DemoData::fillContacts(m_store, 1500); // more than several windows
    QCOMPARE(m_store.count(m_contact), 1500);
}

void TestRecordTableModel::loadsEveryRowInNameOrder()
{
    RecordTableModel model(&m_store, m_contact);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The first window is there at once; the rest arrives from the background.
    QVERIFY(model.rowCount() >= RecordTableModel::kWindow);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 1500);
    const int last = column(model, "last_name");
    QVERIFY(last >= 0);
    QString prev;
    for (int row = 0; row < model.rowCount(); row += 7) {
        const QString name = model.data(model.index(row, last)).toString();
        QVERIFY2(prev.compare(name, Qt::CaseInsensitive) <= 0, qPrintable(prev + u" > " + name));
        prev = name;
    }
    QVERIFY(!model.data(model.index(1499, last)).toString().isEmpty());
    QCOMPARE(model.headerData(last, Qt::Horizontal).toString(), m_contact.field(u"last_name")->translatedLabel());
}

void TestRecordTableModel::sortsDescendingByHeader()
{
    RecordTableModel model(&m_store, m_contact);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(!model.isLoading());
    const int city = column(model, "city");
    model.sort(city, Qt::DescendingOrder);
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 1500);
    const QString top = model.data(model.index(0, city)).toString();
    const QString bottom = model.data(model.index(1499, city)).toString();
    QVERIFY2(top.compare(bottom, Qt::CaseInsensitive) > 0, qPrintable(top + u" / " + bottom));
}

void TestRecordTableModel::filtersByTextAndField()
{
    RecordTableModel model(&m_store, m_contact);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ListFilter f;
    f.search = QStringLiteral("иванов");
    model.setFilter(f);
    QTRY_VERIFY(!model.isLoading());
    QVERIFY(model.rowCount() > 0);
    QVERIFY(model.rowCount() < 1500);
    const int last = column(model, "last_name");
    // A prefix search: the last name or the patronymic (Иванович, Ивановна) matches.
    for (int row = 0; row < model.rowCount(); ++row) {
        const Record r = model.recordAt(row);
        QVERIFY(model.data(model.index(row, last)).toString() == r.text(u"last_name"));
        QVERIFY2(r.text(u"last_name").startsWith(QStringLiteral("Иванов"))
                     || r.text(u"middle_name").startsWith(QStringLiteral("Иванов")),
                 qPrintable(r.displayName()));
    }
    f.search.clear();
    f.equals << qMakePair(QStringLiteral("city"), QStringLiteral("Казань"));
    model.setFilter(f);
    QTRY_VERIFY(!model.isLoading());
    QVERIFY(model.rowCount() > 0);
    const int city = column(model, "city");
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.data(model.index(row, city)).toString(), QStringLiteral("Казань"));
}

void TestRecordTableModel::followsWrites()
{
    RecordTableModel model(&m_store, m_contact);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(!model.isLoading());
    const WriteResult r = m_store.create(m_contact, {{QStringLiteral("last_name"), QStringLiteral("Аааронов")}});
    QVERIFY(r.ok);
    model.reload();
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 1501);
    QCOMPARE(model.idAt(0), r.id);
    m_store.remove(m_contact, r.id);
    model.reload();
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 1500);
    QVERIFY(model.idAt(0) != r.id);
}

QTEST_MAIN(TestRecordTableModel)
#include "tst_recordtablemodel.moc"
