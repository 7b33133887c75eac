// GUI tests of the desktop app: what a user does with the keyboard and the mouse, driven
// through widgets found by objectName, on a real SQLite database in a temporary dir.
#include "DateRangeDialog.h"
#include "DealBoard.h"
#include "ListPage.h"
#include "MainWindow.h"
#include "RecordDialog.h"
#include "RecordTableModel.h"
#include "ReferencePicker.h"
#include "ReminderService.h"
#include "SearchBox.h"
#include "StageList.h"
#include "TasksPage.h"
#include "TodayPage.h"
#include "store/DemoData.h"
#include "store/Store.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace gamix;

namespace {
// QTest::keyClicks handles Latin-1 only; Cyrillic goes key event by key event with its text.
void typeText(QWidget *widget, const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() < 128)
            QTest::keyClick(widget, c.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void createContactThroughForm();
    void badEmailShowsMessageNextToField();
    void editAndUndo();
    void convertLeadLinksExistingContact();
    void dragDealToAnotherStage();
    void completeTask();
    void searchFromCtrlKAndOpen();
    void deleteAndUndoFromList();
    void modelsPassTester();
    void createThenUndoRedo();
    void escapeClosesRecordPage();
    void reminderComes();
    void todayShowsDueOverdueAndPipeline();
    void todayTickCompletesTask();
    void referencePickerSearchesAsYouType();
    void customPeriodFiltersByCreationDay();

private:
    RecordDialog *openDialog() const;
    const EntityDef &entity(const char *name) const { return *Schema::instance().entity(QString::fromLatin1(name)); }

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<MainWindow> m_window;
    int m_n = 0;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear(); // remembered layouts of an earlier run must not leak in
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::init()
{
    m_store = std::make_unique<Store>();
    QString error;
    QVERIFY2(m_store->open(m_dir.filePath(QStringLiteral("t%1.db").arg(++m_n)), &error), qPrintable(error));
    DemoData::fill(*m_store);
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_store.reset();
}

RecordDialog *TestMainWindow::openDialog() const
{
    const auto dialogs = m_window->findChildren<RecordDialog *>();
    for (RecordDialog *d : dialogs) {
        if (d->isVisible())
            return d;
    }
    return nullptr;
}

void TestMainWindow::createContactThroughForm()
{
    m_window->setSection(MainWindow::Contacts);
    const qint64 before = m_store->count(entity("contact"));
    m_window->findChild<QAction *>(QStringLiteral("actionNew"))->trigger();
    RecordDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog()) != nullptr);
    QCOMPARE(dialog->entity().name, QStringLiteral("contact"));
    typeText(dialog->findChild<QLineEdit *>(QStringLiteral("field_first_name")), QStringLiteral("Пётр"));
    typeText(dialog->findChild<QLineEdit *>(QStringLiteral("field_last_name")), QStringLiteral("Ёлкин"));
    typeText(dialog->findChild<QLineEdit *>(QStringLiteral("field_email")), QStringLiteral("petr@elkin.ru"));
    typeText(dialog->findChild<QLineEdit *>(QStringLiteral("field_mobile")), QStringLiteral("8 916 123-45-67"));
    // The links row offers click-to-call and mail as the user types.
    QTRY_VERIFY(dialog->findChild<QLabel *>(QStringLiteral("recordLinks"))
                    ->text()
                    .contains(QStringLiteral("tel:+79161234567")));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_COMPARE(m_store->count(entity("contact")), before + 1);
    QVERIFY(!dialog->recordId().isEmpty());
    const Record r = m_store->get(entity("contact"), dialog->recordId());
    QCOMPARE(r.text(u"last_name"), QStringLiteral("Ёлкин"));
    QCOMPARE(r.text(u"email"), QStringLiteral("petr@elkin.ru"));
    // The list shows it.
    ListPage *page = m_window->listPage(QStringLiteral("contact"));
    QTRY_COMPARE(page->model()->totalRows(), int(before + 1));
    QTRY_VERIFY(
        m_window->findChild<QLabel *>(QStringLiteral("statusCounts"))->text().contains(QString::number(before + 1)));
}

void TestMainWindow::badEmailShowsMessageNextToField()
{
    m_window->setSection(MainWindow::Contacts);
    RecordDialog *dialog = m_window->newRecord();
    typeText(dialog->findChild<QLineEdit *>(QStringLiteral("field_last_name")), QStringLiteral("Плохов"));
    typeText(dialog->findChild<QLineEdit *>(QStringLiteral("field_email")), QStringLiteral("not an email"));
    const qint64 before = m_store->count(entity("contact"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("error_email"));
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("not an email")), qPrintable(error->text()));
    QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("error_last_name"))->isVisible());
    QCOMPARE(m_store->count(entity("contact")), before);
    QVERIFY(dialog->recordId().isEmpty());
    // Fixing the field and saving clears the message.
    auto *email = dialog->findChild<QLineEdit *>(QStringLiteral("field_email"));
    email->clear();
    typeText(email, QStringLiteral("plokhov@example.ru"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_VERIFY(!error->isVisible());
    QCOMPARE(m_store->count(entity("contact")), before + 1);
}

void TestMainWindow::editAndUndo()
{
    ListPage *page = m_window->listPage(QStringLiteral("contact"));
    QTRY_VERIFY(!page->model()->isLoading());
    const QString id = page->model()->idAt(0);
    const QString oldName = m_store->get(entity("contact"), id).text(u"first_name");
    RecordDialog *dialog = m_window->openRecord(QStringLiteral("contact"), id);
    auto *first = dialog->findChild<QLineEdit *>(QStringLiteral("field_first_name"));
    QCOMPARE(first->text(), oldName);
    first->selectAll();
    typeText(first, QStringLiteral("Зиновий"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_COMPARE(m_store->get(entity("contact"), id).text(u"first_name"), QStringLiteral("Зиновий"));
    QTRY_VERIFY(!dialog->isVisible());
    // The list re-reads the record (sorted by last then first name, so find it by id).
    QTRY_COMPARE(page->model()->data(page->model()->index(qMax(0, page->model()->rowOfId(id)), 0)).toString(),
                 QStringLiteral("Зиновий"));
    m_window->activateWindow();
    QTRY_VERIFY(m_window->isActiveWindow());
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(m_store->get(entity("contact"), id).text(u"first_name"), oldName);
    QTRY_COMPARE(page->model()->data(page->model()->index(qMax(0, page->model()->rowOfId(id)), 0)).toString(), oldName);
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(m_store->get(entity("contact"), id).text(u"first_name"), QStringLiteral("Зиновий"));
}

void TestMainWindow::convertLeadLinksExistingContact()
{
    const EntityDef &lead = entity("lead");
    // A lead whose email belongs to a contact we already have, at a company we already have.
    const Record contact
        = m_store->list({&entity("contact"), {}, {}, QStringLiteral("last_name"), 1, 0}, nullptr).value(0);
    const Record company = m_store->list({&entity("company"), {}, {}, QStringLiteral("name"), 1, 0}, nullptr).value(0);
    const WriteResult created = m_store->create(lead,
                                                {{QStringLiteral("title"), QStringLiteral("Заявка с сайта")},
                                                 {QStringLiteral("first_name"), QStringLiteral("Лид")},
                                                 {QStringLiteral("email"), contact.text(u"email").toUpper()},
                                                 {QStringLiteral("company_name"), company.text(u"name")}});
    QVERIFY2(created.ok, qPrintable(created.errorText()));
    const qint64 contacts = m_store->count(entity("contact"));
    const qint64 companies = m_store->count(entity("company"));
    const qint64 deals = m_store->count(entity("deal"));
    RecordDialog *dialog = m_window->openRecord(QStringLiteral("lead"), created.id);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("convertButton")), Qt::LeftButton);
    QTRY_COMPARE(m_store->get(lead, created.id).text(u"status"), QStringLiteral("converted"));
    QCOMPARE(m_store->count(entity("contact")), contacts);
    QCOMPARE(m_store->count(entity("company")), companies);
    QCOMPARE(m_store->count(entity("deal")), deals + 1);
    QString err;
    const QList<Record> newDeals = m_store->list(
        {&entity("deal"), {}, {{QStringLiteral("title"), QStringLiteral("Заявка с сайта")}}, {}, -1, 0}, &err);
    QCOMPARE(newDeals.size(), 1);
    QCOMPARE(newDeals.first().text(u"contact_id"), contact.id);
    QCOMPARE(newDeals.first().text(u"company_id"), company.id);
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("convertButton"))->isEnabled());
    // The conversion is one undo step.
    m_window->undoStack()->undo();
    QCOMPARE(m_store->get(lead, created.id).text(u"status"), QStringLiteral("new"));
    QCOMPARE(m_store->count(entity("deal")), deals);
    m_window->undoStack()->redo();
    QCOMPARE(m_store->get(lead, created.id).text(u"status"), QStringLiteral("converted"));
    QCOMPARE(m_store->count(entity("deal")), deals + 1);
}

void TestMainWindow::dragDealToAnotherStage()
{
    m_window->setSection(MainWindow::Deals);
    DealBoard *board = m_window->dealBoard();
    QVERIFY(board->columnCount() >= 2);
    StageList *from = board->findChild<StageList *>(QStringLiteral("stageList_0"));
    StageList *to = board->findChild<StageList *>(QStringLiteral("stageList_1"));
    QVERIFY(from && to);
    QVERIFY(from->count() > 0);
    const QString before0 = board->headerText(0);
    const QString before1 = board->headerText(1);
    const qint64 count0 = before0.section(u'|', 1, 1).toLongLong();
    const qint64 count1 = before1.section(u'|', 1, 1).toLongLong();
    const QString dealId = from->item(0)->data(Qt::UserRole).toString();
    const qint64 amount = m_store->get(entity("deal"), dealId).value(u"amount").toLongLong();
    // What a drag out of the first column carries, dropped on the second. Offscreen has no
    // drag session, so the drop goes through the column's drop handling directly.
    std::unique_ptr<QMimeData> mime(from->mimeData({from->item(0)}));
    QSignalSpy dropped(to, &StageList::dealDropped);
    QVERIFY(to->handleDrop(mime.get()));
    QCOMPARE(dropped.count(), 1);
    QTRY_COMPARE(board->headerText(1).section(u'|', 1, 1).toLongLong(), count1 + 1);
    QCOMPARE(board->headerText(0).section(u'|', 1, 1).toLongLong(), count0 - 1);
    QCOMPARE(board->headerText(1).section(u'|', 2, 2).toLongLong(), before1.section(u'|', 2, 2).toLongLong() + amount);
    QCOMPARE(m_store->get(entity("deal"), dealId).text(u"stage_id"),
             QStringLiteral("00000000-0000-7000-8000-000000000012"));
    // The header a user reads shows the new count.
    QVERIFY(board->findChild<QLabel *>(QStringLiteral("stageHeader_1"))->text().contains(QString::number(count1 + 1)));
    m_window->undoStack()->undo();
    QTRY_COMPARE(board->headerText(0), before0);
}

void TestMainWindow::completeTask()
{
    m_window->setSection(MainWindow::Tasks);
    TasksPage *tasks = m_window->tasksPage();
    QListWidget *today = tasks->findChild<QListWidget *>(QStringLiteral("tasksToday"));
    QListWidget *done = tasks->findChild<QListWidget *>(QStringLiteral("tasksDone"));
    QVERIFY(today->count() > 0);
    const int doneBefore = done->count();
    const int todayBefore = today->count();
    const QString id = today->item(0)->data(Qt::UserRole).toString();
    today->item(0)->setCheckState(Qt::Checked);
    QTRY_COMPARE(today->count(), todayBefore - 1);
    QCOMPARE(done->count(), doneBefore + 1);
    QCOMPARE(m_store->get(entity("task"), id).text(u"done"), QStringLiteral("true"));
    m_window->undoStack()->undo();
    QTRY_COMPARE(today->count(), todayBefore);
}

void TestMainWindow::searchFromCtrlKAndOpen()
{
    const Record company = m_store->list({&entity("company"), {}, {}, QStringLiteral("name"), 1, 0}, nullptr).value(0);
    const QString word = company.text(u"name").section(u'«', 1).left(5);
    QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
    SearchBox *box = m_window->searchBox();
    QTRY_VERIFY(box->hasFocus());
    typeText(box, word);
    QListWidget *results = m_window->findChild<QListWidget *>(QStringLiteral("searchResults"));
    QTRY_VERIFY(results->isVisible());
    QVERIFY(results->count() > 0);
    bool found = false;
    for (int i = 0; i < results->count(); ++i)
        found = found || results->item(i)->text().startsWith(company.text(u"name"));
    QVERIFY2(found, qPrintable(word));
    // Walk to the company and open it with Enter.
    while (results->currentItem()->data(Qt::UserRole + 1).toString() != company.id)
        QTest::keyClick(box, Qt::Key_Down);
    QTest::keyClick(box, Qt::Key_Return);
    RecordDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog()) != nullptr);
    QCOMPARE(dialog->recordId(), company.id);
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("recordTitle"))->text(), company.text(u"name"));
    QVERIFY(!results->isVisible());
}

void TestMainWindow::deleteAndUndoFromList()
{
    m_window->setSection(MainWindow::Companies);
    ListPage *page = m_window->listPage(QStringLiteral("company"));
    QTRY_VERIFY(!page->model()->isLoading());
    const int rows = page->model()->rowCount();
    page->view()->setFocus();
    page->view()->setCurrentIndex(page->model()->index(0, 0));
    const QString id = page->currentId();
    m_window->deleteCurrent();
    QTRY_COMPARE(page->model()->rowCount(), rows - 1);
    QVERIFY(!m_store->get(entity("company"), id).isValid() || m_store->get(entity("company"), id, true).isDeleted());
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(page->model()->rowCount(), rows);
}

void TestMainWindow::modelsPassTester()
{
    for (const char *e : {"lead", "contact", "company", "deal"}) {
        ListPage *page = m_window->listPage(QString::fromLatin1(e));
        QAbstractItemModelTester tester(page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page->model()->sort(1, Qt::DescendingOrder);
        QTRY_VERIFY(!page->model()->isLoading());
        page->model()->sort(0, Qt::AscendingOrder);
        QTRY_VERIFY(!page->model()->isLoading());
    }
}

void TestMainWindow::createThenUndoRedo()
{
    m_window->setSection(MainWindow::Companies);
    const qint64 before = m_store->count(entity("company"));
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    RecordDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog()) != nullptr);
    QCOMPARE(dialog->entity().name, QStringLiteral("company"));
    typeText(dialog->findChild<QLineEdit *>(QStringLiteral("field_name")), QStringLiteral("ООО «Ромашка»"));
    typeText(dialog->findChild<QLineEdit *>(QStringLiteral("field_inn")), QStringLiteral("7707083893"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_COMPARE(m_store->count(entity("company")), before + 1);
    const QString id = dialog->recordId();
    dialog->close();
    m_window->activateWindow();
    QTRY_VERIFY(m_window->isActiveWindow());
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(m_store->count(entity("company")), before);
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(m_store->count(entity("company")), before + 1);
    QCOMPARE(m_store->get(entity("company"), id).text(u"name"), QStringLiteral("ООО «Ромашка»"));
}

void TestMainWindow::escapeClosesRecordPage()
{
    const Record c = m_store->list({&entity("contact"), {}, {}, {}, 1, 0}, nullptr).value(0);
    RecordDialog *dialog = m_window->openRecord(QStringLiteral("contact"), c.id);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QPointer<RecordDialog> guard(dialog);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(guard.isNull() || !guard->isVisible());
}

void TestMainWindow::reminderComes()
{
    ReminderService reminders(m_store.get());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const WriteResult t = m_store->create(entity("task"),
                                          {{QStringLiteral("title"), QStringLiteral("Перезвонить")},
                                           {QStringLiteral("remind_at"), now.addSecs(60).toString(Qt::ISODate)}});
    QVERIFY2(t.ok, qPrintable(t.errorText()));
    QSignalSpy spy(&reminders, &ReminderService::reminded);
    QVERIFY(reminders.check(now.addSecs(30)).isEmpty()); // not yet
    QCOMPARE(reminders.check(now.addSecs(90)), QStringList {t.id});
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().at(1).toString(), QStringLiteral("Перезвонить"));
    QVERIFY(reminders.check(now.addSecs(120)).isEmpty()); // once only
}

void TestMainWindow::todayShowsDueOverdueAndPipeline()
{
    m_window->setSection(MainWindow::Today);
    auto *page = m_window->findChild<TodayPage *>();
    QVERIFY(page);
    QCOMPARE(page->findChild<QListWidget *>(QStringLiteral("todayTasks"))->count(), 8); // the demo's tasks due today
    QCOMPARE(page->findChild<QListWidget *>(QStringLiteral("todayOverdue"))->count(), 7);
    QVERIFY(page->findChild<QListWidget *>(QStringLiteral("todayClosing"))->count() > 0);
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("pipelineTotal"))->text().contains(QStringLiteral("₽")));
}

void TestMainWindow::todayTickCompletesTask()
{
    m_window->setSection(MainWindow::Today);
    auto *page = m_window->findChild<TodayPage *>();
    QListWidget *due = page->findChild<QListWidget *>(QStringLiteral("todayTasks"));
    const int before = due->count();
    QVERIFY(before > 0);
    QListWidgetItem *first = due->item(0);
    QVERIFY(first->flags() & Qt::ItemIsUserCheckable);
    QCOMPARE(first->checkState(), Qt::Unchecked);
    const QString id = first->data(Qt::UserRole + 1).toString();
    first->setCheckState(Qt::Checked);
    QTRY_COMPARE(due->count(), before - 1);
    QCOMPARE(m_store->get(entity("task"), id).text(u"done"), QStringLiteral("true"));
    // One undo brings it back to Today.
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Complete task"));
    m_window->undoStack()->undo();
    QTRY_COMPARE(due->count(), before);
    QCOMPARE(m_store->get(entity("task"), id).text(u"done"), QStringLiteral("false"));
}

void TestMainWindow::referencePickerSearchesAsYouType()
{
    // The company sorts after the first rows the picker lists, so only a search finds it.
    const EntityDef &company = entity("company");
    for (int i = 0; i < ReferencePicker::kInitialRows + 20; ++i)
        QVERIFY(m_store->create(company, {{QStringLiteral("name"), QStringLiteral("Альфа %1").arg(i)}}).ok);
    const WriteResult target = m_store->create(company, {{QStringLiteral("name"), QStringLiteral("Яхонт-Сервис")}});
    QVERIFY(target.ok);
    m_window->setSection(MainWindow::Contacts);
    RecordDialog *dialog = m_window->newRecord();
    auto *picker = dialog->findChild<ReferencePicker *>(QStringLiteral("field_company_id"));
    QVERIFY(picker);
    QCOMPARE(picker->findData(target.id), -1);
    typeText(dialog->findChild<QLineEdit *>(QStringLiteral("field_last_name")), QStringLiteral("Подбиралов"));
    // Lower case and ё/е folded like every search.
    typeText(picker->lineEdit(), QStringLiteral("яхонт"));
    QAbstractItemView *hits = picker->hitsView();
    QVERIFY(hits);
    QTRY_VERIFY(hits->isVisible());
    QCOMPARE(hits->model()->rowCount(), 1);
    QCOMPARE(hits->model()->index(0, 0).data().toString(), QStringLiteral("Яхонт-Сервис"));
    hits->setCurrentIndex(hits->model()->index(0, 0));
    QTest::keyClick(hits, Qt::Key_Return);
    QTRY_COMPARE(picker->lineEdit()->text(), QStringLiteral("Яхонт-Сервис"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_VERIFY(!dialog->recordId().isEmpty());
    QCOMPARE(m_store->get(entity("contact"), dialog->recordId()).text(u"company_id"), target.id);

    // A name that matches no company is not saved as one: the field says so.
    RecordDialog *second = m_window->newRecord();
    auto *picker2 = second->findChild<ReferencePicker *>(QStringLiteral("field_company_id"));
    typeText(second->findChild<QLineEdit *>(QStringLiteral("field_last_name")), QStringLiteral("Безфирменный"));
    typeText(picker2->lineEdit(), QStringLiteral("Несуществующая фирма"));
    QVERIFY(picker2->isUnresolved());
    const qint64 before = m_store->count(entity("contact"));
    QTest::mouseClick(second->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    auto *error = second->findChild<QLabel *>(QStringLiteral("error_company_id"));
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("choose it from the list")), qPrintable(error->text()));
    QCOMPARE(m_store->count(entity("contact")), before);
}

void TestMainWindow::customPeriodFiltersByCreationDay()
{
    m_window->setSection(MainWindow::Contacts);
    ListPage *page = m_window->listPage(QStringLiteral("contact"));
    QTRY_VERIFY(!page->model()->isLoading());
    const int all = page->model()->totalRows();
    QVERIFY(all > 0);
    auto *period = page->findChild<QComboBox *>(QStringLiteral("periodFilter"));
    const int custom = period->count() - 1;
    QCOMPARE(period->itemText(custom), QStringLiteral("Custom range…"));
    period->setCurrentIndex(custom);
    emit period->activated(custom); // as a click on the item does
    DateRangeDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page->findChild<DateRangeDialog *>()) != nullptr);
    // A year before the demo data was made: nothing. Dates entered the wrong way round.
    dialog->findChild<QDateEdit *>(QStringLiteral("rangeFrom"))->setDate(QDate(2021, 12, 31));
    dialog->findChild<QDateEdit *>(QStringLiteral("rangeTo"))->setDate(QDate(2021, 1, 1));
    dialog->accept();
    QTRY_COMPARE(page->model()->totalRows(), 0);
    QVERIFY(period->currentText().contains(QStringLiteral("2021")));
    // Up to today, inclusive: everything (the demo was created today).
    page->setCustomPeriod(QDate(2021, 1, 1), QDate::currentDate());
    QTRY_COMPARE(page->model()->totalRows(), all);
    // Cancelling the dialog goes back to the period shown before.
    period->setCurrentIndex(0);
    emit period->activated(0);
    QTRY_COMPARE(page->model()->totalRows(), all);
    period->setCurrentIndex(custom);
    emit period->activated(custom);
    QTRY_VERIFY((dialog = page->findChild<DateRangeDialog *>()) != nullptr);
    dialog->reject();
    QTRY_COMPARE(period->currentIndex(), 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
