#include "MainWindow.h"

#include "ConflictsView.h"
#include "DataEvents.h"
#include "DealBoard.h"
#include "DuplicatesView.h"
#include "ExportDialog.h"
#include "ListPage.h"
#include "RecordDialog.h"
#include "RecordTableModel.h"
#include "SearchBox.h"
#include "Settings.h"
#include "SettingsDialog.h"
#include "SyncStatusLabel.h"
#include "TasksPage.h"
#include "TodayPage.h"
#include "commands/DeleteRecordCommand.h"
#include "import/ImportWizard.h"
#include "store/ListModelQueries.h"
#include "store/Store.h"
#include "sync/CertificateDialog.h"
#include "sync/SyncController.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFutureWatcher>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace gamix {

MainWindow::MainWindow(Store *store, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_undo(new QUndoStack(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Gamix"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/gamix.svg")));
    const Schema &s = Schema::instance();

    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_search = new SearchBox(store, this, toolbar);
    auto *newButton = toolbar->addAction(QIcon(QStringLiteral(":/icons/new.svg")), tr("New"));
    newButton->setObjectName(QStringLiteral("newButton"));
    connect(newButton, &QAction::triggered, this, &MainWindow::newRecord);
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addWidget(m_search);

    m_sidebar = new QListWidget;
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setSpacing(2);
    m_sidebar->setMinimumWidth(150);
    const struct
    {
        const char *icon;
        QString label;
    } sections[] = {{"today", tr("Today")},
                    {"leads", s.entity(u"lead")->translatedPluralLabel()},
                    {"contacts", s.entity(u"contact")->translatedPluralLabel()},
                    {"companies", s.entity(u"company")->translatedPluralLabel()},
                    {"deals", s.entity(u"deal")->translatedPluralLabel()},
                    {"tasks", s.entity(u"task")->translatedPluralLabel()}};
    for (const auto &sec : sections)
        m_sidebar->addItem(
            new QListWidgetItem(QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(sec.icon))), sec.label));

    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("pages"));
    m_today = new TodayPage(store, m_undo);
    m_pages->addWidget(m_today);
    for (const char *e : {"lead", "contact", "company"}) {
        auto *page = new ListPage(store, *s.entity(QString::fromLatin1(e)));
        m_lists << page;
        m_pages->addWidget(page);
        connect(page, &ListPage::openRecord, this, &MainWindow::openRecord);
    }
    m_dealStack = new QStackedWidget;
    m_dealStack->setObjectName(QStringLiteral("dealStack"));
    m_board = new DealBoard(store, m_undo);
    auto *dealList = new ListPage(store, *s.entity(u"deal"));
    m_lists << dealList;
    m_dealStack->addWidget(m_board);
    m_dealStack->addWidget(dealList);
    m_pages->addWidget(m_dealStack);
    m_tasks = new TasksPage(store, m_undo);
    m_pages->addWidget(m_tasks);
    connect(dealList, &ListPage::openRecord, this, &MainWindow::openRecord);
    connect(m_board, &DealBoard::openRecord, this, &MainWindow::openRecord);
    connect(m_tasks, &TasksPage::openRecord, this, &MainWindow::openRecord);
    connect(m_today, &TodayPage::openRecord, this, &MainWindow::openRecord);
    connect(m_search, &SearchBox::openRecord, this, &MainWindow::openRecord);

    m_splitter = new QSplitter;
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({170, 1000});
    m_splitter->restoreState(Settings::instance().get(Settings::Key::MainSplitter).toByteArray());
    setCentralWidget(m_splitter);
    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    m_counts = new QLabel;
    m_counts->setObjectName(QStringLiteral("statusCounts"));
    statusBar()->addPermanentWidget(m_counts);
    m_sync = new SyncController(store->path(), this);
    m_syncStatus = new SyncStatusLabel(m_sync, this);
    statusBar()->addPermanentWidget(m_syncStatus);
    auto *coalesce = new QTimer(this);
    coalesce->setSingleShot(true);
    coalesce->setInterval(0);
    connect(coalesce, &QTimer::timeout, this, &MainWindow::refreshCounts);
    connect(DataEvents::instance(), &DataEvents::changed, coalesce, qOverload<>(&QTimer::start));
    connect(coalesce, &QTimer::timeout, m_sync, &SyncController::localDataChanged);
    connect(m_undo, &QUndoStack::indexChanged, this, [this] {
        if (m_undo->index() > 0 && m_undo->command(m_undo->index() - 1))
            statusBar()->showMessage(m_undo->command(m_undo->index() - 1)->text(), 4000);
    });
    // Counting a million rows can wait until the window is on screen.
    QTimer::singleShot(300, this, &MainWindow::refreshCounts);

    buildMenus();
    setUpSync();
    resize(1280, 800);
    restoreGeometry(Settings::instance().get(Settings::Key::WindowGeometry).toByteArray());
    restoreState(Settings::instance().get(Settings::Key::WindowState).toByteArray());
    setSection(qBound(0, Settings::instance().get(Settings::Key::LastSection).toInt(), SectionCount - 1));
}

MainWindow::~MainWindow()
{
    saveLayout();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New record"), this, &MainWindow::newRecord);
    newAction->setShortcut(QKeySequence::New);
    newAction->setObjectName(QStringLiteral("actionNew"));
    file->addSeparator();
    QAction *importAction = file->addAction(tr("&Import…"), this, &MainWindow::importRecords);
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importAction->setObjectName(QStringLiteral("actionImport"));
    QAction *exportAction = file->addAction(tr("&Export…"), this, &MainWindow::exportRecords);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setObjectName(QStringLiteral("actionExport"));
    file->addSeparator();
    file->addAction(tr("&Settings…"), this, [this] { SettingsDialog(this, m_sync).exec(); })
        ->setShortcut(QKeySequence::Preferences);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    undo->setObjectName(QStringLiteral("actionUndo"));
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setObjectName(QStringLiteral("actionRedo"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *editRecord = edit->addAction(tr("&Open record"), this, &MainWindow::editCurrent);
    editRecord->setShortcut(Qt::Key_F2);
    QAction *del = edit->addAction(tr("&Delete record"), this, &MainWindow::deleteCurrent);
    del->setShortcut(QKeySequence::Delete);
    del->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_pages->addAction(del);
    edit->addSeparator();
    QAction *filter = edit->addAction(tr("&Filter list"), this, &MainWindow::focusFilter);
    filter->setShortcut(QKeySequence::Find);
    QAction *search = edit->addAction(tr("&Search everything"), this, &MainWindow::focusSearch);
    search->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    search->setObjectName(QStringLiteral("actionSearch"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < SectionCount; ++i) {
        QAction *a = view->addAction(m_sidebar->item(i)->text(), this, [this, i] { setSection(i); });
        a->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
    }
    view->addSeparator();
    m_boardToggle = view->addAction(tr("Deals as &list"));
    m_boardToggle->setIconText(tr("List"));
    m_boardToggle->setCheckable(true);
    m_boardToggle->setObjectName(QStringLiteral("actionDealsList"));
    m_boardToggle->setIcon(QIcon(QStringLiteral(":/icons/deals.svg")));
    m_boardToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    if (auto *toolbar = findChild<QToolBar *>(QStringLiteral("mainToolbar")))
        toolbar->insertAction(toolbar->actions().value(1), m_boardToggle);
    connect(m_boardToggle, &QAction::toggled, this, [this](bool list) {
        m_dealStack->setCurrentIndex(list ? 1 : 0);
        setSection(Deals);
    });

    QMenu *sync = menuBar()->addMenu(tr("&Sync"));
    sync->setObjectName(QStringLiteral("syncMenu"));
    m_syncNow = sync->addAction(tr("Sync &now"), m_sync, &SyncController::syncNow);
    m_syncNow->setShortcut(Qt::Key_F5);
    m_syncNow->setObjectName(QStringLiteral("actionSyncNow"));
    QAction *account = sync->addAction(tr("&Account…"), this, &MainWindow::showAccount);
    account->setObjectName(QStringLiteral("actionAccount"));
    sync->addSeparator();
    QAction *conflicts = sync->addAction(tr("&Conflicts…"), this, &MainWindow::showConflicts);
    conflicts->setObjectName(QStringLiteral("actionConflicts"));
    QAction *duplicates = sync->addAction(tr("&Duplicates…"), this, [this] {
        auto *dialog = new DuplicatesView(m_store, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    duplicates->setObjectName(QStringLiteral("actionDuplicates"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Gamix"), this, [this] {
        QMessageBox::about(this, tr("About Gamix"),
                           tr("<h3>Gamix %1</h3><p>A fast desktop CRM that works offline.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

int MainWindow::currentSection() const
{
    return m_pages->currentIndex();
}

void MainWindow::setSection(int section)
{
    m_sidebar->setCurrentRow(section);
}

ListPage *MainWindow::listPage(const QString &entity) const
{
    for (ListPage *p : m_lists) {
        if (p->model()->entity().name == entity)
            return p;
    }
    return nullptr;
}

const EntityDef *MainWindow::sectionEntity() const
{
    static const char *const names[] = {"task", "lead", "contact", "company", "deal", "task"};
    return Schema::instance().entity(QString::fromLatin1(names[qBound(0, currentSection(), 5)]));
}

ListPage *MainWindow::currentList() const
{
    switch (currentSection()) {
    case Leads:
    case Contacts:
    case Companies:
        return m_lists.at(currentSection() - 1);
    case Deals:
        return m_dealStack->currentIndex() == 1 ? m_lists.at(3) : nullptr;
    default:
        return nullptr;
    }
}

RecordDialog *MainWindow::openRecord(const QString &entity, const QString &id)
{
    const EntityDef *e = Schema::instance().entity(entity);
    if (!e)
        return nullptr;
    auto *dialog = new RecordDialog(m_store, m_undo, *e, id, {}, this);
    connect(dialog, &RecordDialog::openRecord, this, &MainWindow::openRecord);
    dialog->show();
    return dialog;
}

RecordDialog *MainWindow::newRecord()
{
    const EntityDef *e = sectionEntity();
    auto *dialog = new RecordDialog(m_store, m_undo, *e, QString(), {}, this);
    connect(dialog, &RecordDialog::openRecord, this, &MainWindow::openRecord);
    dialog->show();
    return dialog;
}

void MainWindow::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void MainWindow::focusFilter()
{
    if (currentSection() == Deals && !m_boardToggle->isChecked())
        m_boardToggle->setChecked(true);
    if (ListPage *p = currentList())
        p->focusFilter();
}

void MainWindow::deleteCurrent()
{
    ListPage *p = currentList();
    if (!p || p->currentId().isEmpty())
        return;
    auto *cmd = new DeleteRecordCommand(m_store, p->model()->entity(), p->currentId());
    if (cmd->execute())
        m_undo->push(cmd);
    else
        delete cmd;
}

void MainWindow::editCurrent()
{
    ListPage *p = currentList();
    if (p && !p->currentId().isEmpty())
        openRecord(p->model()->entity().name, p->currentId());
}

void MainWindow::refreshCounts()
{
    // Counting a million live rows scans the table: do it on its own connection off the
    // UI thread; a closed window drops the answer (the watcher is its child).
    static const char *const names[] = {"contact", "company", "deal", "lead", "task"};
    auto *watcher = new QFutureWatcher<QList<qint64>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const QList<qint64> counts = watcher->result();
        watcher->deleteLater();
        QStringList parts;
        for (int i = 0; i < counts.size(); ++i) {
            const EntityDef *def = Schema::instance().entity(QString::fromLatin1(names[i]));
            parts << def->translatedPluralLabel() + QStringLiteral(": ") + QLocale().toString(counts.at(i));
        }
        m_counts->setText(parts.join(QStringLiteral("   ·   ")));
    });
    watcher->setFuture(QtConcurrent::run([path = m_store->path()] {
        QList<qint64> counts;
        try {
            SqliteDb db;
            db.open(path, false, true);
            for (const char *name : names)
                counts << ListModelQueries::countRows(db, *Schema::instance().entity(QString::fromLatin1(name)), {});
        } catch (const SqliteError &) { }
        return counts;
    }));
}

const EntityDef *MainWindow::transferEntity() const
{
    if (currentSection() == Today)
        return Schema::instance().entity(u"contact");
    return sectionEntity();
}

ImportWizard *MainWindow::importRecords()
{
    const EntityDef *e = transferEntity();
    // Window-modal and shown with open(), not exec(): the wizard's own background work and
    // the lists behind it keep running, and GUI tests can drive it.
    auto *wizard = new ImportWizard(m_store->path(), this, e->name);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    connect(wizard, &ImportWizard::imported, this, [](const QString &entity) {
        // The wizard wrote through its own Store: tell every list, board and count.
        DataEvents::instance()->notify(entity);
        DataEvents::instance()->notify(QStringLiteral("company")); // companies created by name
    });
    wizard->open();
    return wizard;
}

ExportDialog *MainWindow::exportRecords()
{
    const EntityDef *e = transferEntity();
    ListQuery view;
    view.entity = e;
    bool filtered = false;
    bool exact = true;
    ListPage *page = currentList();
    if (!page || page->model()->entity().name != e->name)
        page = listPage(e->name);
    if (page) {
        view = page->currentQuery(&exact);
        filtered = page->isFiltered();
    }
    auto *dialog = new ExportDialog(m_store->path(), *e, view, filtered, exact, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    return dialog;
}

ConflictsView *MainWindow::showConflicts()
{
    if (auto *open = findChild<ConflictsView *>(QStringLiteral("conflictsView"))) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto *view = new ConflictsView(m_store, m_undo, this);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->show();
    return view;
}

SettingsDialog *MainWindow::showAccount()
{
    auto *dialog = new SettingsDialog(this, m_sync);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    dialog->focusAccount();
    return dialog;
}

void MainWindow::setUpSync()
{
    CertificateDialog::attach(m_sync, this);
    connect(m_sync, &SyncController::syncFinished, this, [this](bool ok, const QString &message) {
        if (!ok) {
            statusBar()->showMessage(tr("Sync failed: %1").arg(message), 8000);
            return;
        }
        // The sync wrote through its own Store in its thread: every view re-reads.
        for (const EntityDef &e : Schema::instance().entities())
            DataEvents::instance()->notify(e.name);
    });
    connect(m_syncStatus, &SyncStatusLabel::conflictsRequested, this, &MainWindow::showConflicts);
    connect(m_syncStatus, &SyncStatusLabel::accountRequested, this, &MainWindow::showAccount);
    const QString server = Settings::instance().get(Settings::Key::SyncServer).toString();
    const QString login = Settings::instance().get(Settings::Key::SyncLogin).toString();
    if (!server.isEmpty() && !login.isEmpty()) {
        m_sync->setAccount(QUrl(server), login);
        m_sync->start();
    }
    m_syncStatus->setSyncAction(m_syncNow);
}

void MainWindow::saveLayout()
{
    Settings &settings = Settings::instance();
    settings.set(Settings::Key::WindowGeometry, saveGeometry());
    settings.set(Settings::Key::WindowState, saveState());
    settings.set(Settings::Key::MainSplitter, m_splitter->saveState());
    settings.set(Settings::Key::LastSection, currentSection());
    for (ListPage *p : std::as_const(m_lists))
        p->saveLayout();
    settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

} // namespace gamix
