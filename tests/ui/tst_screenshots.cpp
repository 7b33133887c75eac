// Renders the main sections in Russian on the demo database and, when GAMIX_SCREENSHOT_DIR
// is set, saves them as PNGs (docs/screenshots/ holds the committed ones).
#include "Application.h"
#include "DealBoard.h"
#include "ListPage.h"
#include "MainWindow.h"
#include "RecordDialog.h"
#include "RecordTableModel.h"
#include "store/DemoData.h"
#include "store/Store.h"

#include <QApplication>
#include <QDir>
#include <QFontDatabase>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gamix;

class TestScreenshots : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sections_data();
    void sections();
    void recordPage();
    void cleanupTestCase();

private:
    void save(QWidget *widget, const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<MainWindow> m_window;
};

void TestScreenshots::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear(); // remembered layouts of an earlier run must not leak in
    installTranslations(qApp, QStringLiteral("ru"));
    QCOMPARE(QLocale().language(), QLocale::Russian);
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 10));
    m_store = std::make_unique<Store>();
    QString error;
    QVERIFY2(m_store->open(m_dir.filePath(QStringLiteral("demo.db")), &error), qPrintable(error));
    const DemoCounts n = DemoData::fill(*m_store, QDate::currentDate());
    QVERIFY(n.contacts > 100 && n.deals > 20 && n.tasks > 20 && n.leads > 10);
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestScreenshots::save(QWidget *widget, const QString &name)
{
    const QPixmap shot = widget->grab();
    QVERIFY(!shot.isNull());
    QVERIFY(shot.width() >= 600);
    const QString dir = qEnvironmentVariable("GAMIX_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(shot.save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

void TestScreenshots::sections_data()
{
    QTest::addColumn<int>("section");
    QTest::addColumn<QString>("name");
    QTest::newRow("today") << int(MainWindow::Today) << QStringLiteral("today");
    QTest::newRow("leads") << int(MainWindow::Leads) << QStringLiteral("leads");
    QTest::newRow("contacts") << int(MainWindow::Contacts) << QStringLiteral("contacts");
    QTest::newRow("companies") << int(MainWindow::Companies) << QStringLiteral("companies");
    QTest::newRow("deals") << int(MainWindow::Deals) << QStringLiteral("deals");
    QTest::newRow("tasks") << int(MainWindow::Tasks) << QStringLiteral("tasks");
}

void TestScreenshots::sections()
{
    QFETCH(int, section);
    QFETCH(QString, name);
    m_window->setSection(section);
    QCOMPARE(m_window->currentSection(), section);
    if (ListPage *p = m_window->listPage(name == u"leads"           ? QStringLiteral("lead")
                                             : name == u"contacts"  ? QStringLiteral("contact")
                                             : name == u"companies" ? QStringLiteral("company")
                                                                    : QString())) {
        QTRY_VERIFY(!p->model()->isLoading());
        QVERIFY(p->model()->rowCount() > 0);
    }
    QCoreApplication::processEvents();
    save(m_window.get(), name);
}

void TestScreenshots::recordPage()
{
    ListPage *p = m_window->listPage(QStringLiteral("contact"));
    QTRY_VERIFY(!p->model()->isLoading());
    // A contact with some history: the demo gives the first twenty contacts notes.
    QString err;
    const Record note = m_store->list({Schema::instance().entity(u"note"), {}, {}, {}, 1, 0}, &err).value(0);
    RecordDialog *dialog = m_window->openRecord(QStringLiteral("contact"), note.text(u"contact_id"));
    QVERIFY(dialog);
    dialog->resize(1000, 680);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(dialog->findChild<QListWidget *>(QStringLiteral("timeline"))->count() > 0);
    save(dialog, QStringLiteral("contact"));
    dialog->close();
}

void TestScreenshots::cleanupTestCase()
{
    m_window.reset();
    m_store.reset();
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
