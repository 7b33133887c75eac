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

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    const EntityDef *sectionEntity() const;
    ListPage *currentList() const;
    void saveLayout();

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
};

} // namespace gamix
