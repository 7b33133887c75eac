#pragma once
// The main window: a sidebar of sections (Today, Leads, Contacts, Companies, Deals,
// Tasks), the global search box (Ctrl+K), record counts in the status bar, every action
// in a menu, one undo stack for every user operation. Layout is remembered in Settings.

#include <QMainWindow>

class QListWidget;
class QStackedWidget;
class QSplitter;
class QLabel;
class QUndoStack;
class QAction;

namespace gamix {

class Store;
class SearchBox;
class ListPage;
class DealBoard;
class TasksPage;
class TodayPage;
class RecordDialog;
class ImportWizard;
class ExportDialog;
class ConflictsView;
class SyncController;
class SettingsDialog;
class SyncStatusLabel;
struct EntityDef;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Section { Today, Leads, Contacts, Companies, Deals, Tasks, SectionCount };

    explicit MainWindow(Store *store, QWidget *parent = nullptr);
    ~MainWindow() override;

    QUndoStack *undoStack() const { return m_undo; }
    SearchBox *searchBox() const { return m_search; }
    ListPage *listPage(const QString &entity) const;
    DealBoard *dealBoard() const { return m_board; }
    TasksPage *tasksPage() const { return m_tasks; }
    // Background sync (ui/sync); syncs only once an account is set up in Settings.
    SyncController *syncController() const { return m_sync; }
    int currentSection() const;
    void setSection(int section);

public slots:
    RecordDialog *openRecord(const QString &entity, const QString &id);
    RecordDialog *newRecord();
    void focusSearch();
    void focusFilter();
    void deleteCurrent();
    void editCurrent();
    void refreshCounts();
    // File > Import… (Ctrl+I): the import wizard for the current section's entity
    // (contacts where the section has no list of its own), window-modal; lists reload
    // after an import. Returns the open wizard (objectName "importWizard").
    ImportWizard *importRecords();
    // File > Export… (Ctrl+E): the export dialog for the current section's entity with
    // the list's current filtered view (objectName "exportDialog").
    ExportDialog *exportRecords();
    // Sync > Conflicts…: the conflicts view (objectName "conflictsView"), one at a time.
    ConflictsView *showConflicts();
    // Sync > Account…: the settings dialog at the sync account (objectName "settingsDialog").
    SettingsDialog *showAccount();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    const EntityDef *sectionEntity() const;
    ListPage *currentList() const;
    // The entity Import/Export work on: the section's, contacts for Today.
    const EntityDef *transferEntity() const;
    void saveLayout();
    void setUpSync();

    Store *m_store;
    QUndoStack *m_undo;
    QSplitter *m_splitter;
    QListWidget *m_sidebar;
    QStackedWidget *m_pages;
    QStackedWidget *m_dealStack;
    SearchBox *m_search;
    DealBoard *m_board;
    TasksPage *m_tasks;
    TodayPage *m_today;
    QList<ListPage *> m_lists;
    QLabel *m_counts;
    QAction *m_boardToggle;
    SyncController *m_sync;
    SyncStatusLabel *m_syncStatus;
    QAction *m_syncNow = nullptr;
};

} // namespace gamix
