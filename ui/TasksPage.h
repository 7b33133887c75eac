#pragma once
// Tasks in four buckets: Today, Overdue, Upcoming, Done. Ticking a task completes it (an
// undoable edit); all-day tasks show their date alone.

#include <QWidget>

class QTabWidget;
class QListWidget;
class QListWidgetItem;
class QUndoStack;

namespace gamix {

class Store;

class TasksPage : public QWidget
{
    Q_OBJECT
public:
    TasksPage(Store *store, QUndoStack *undo, QWidget *parent = nullptr);
    QListWidget *list(int bucket) const { return m_lists.value(bucket); }
    bool setDone(const QString &taskId, bool done);
    // Completes or reopens a task as one undoable command (also used by the Today page).
    static bool setTaskDone(Store *store, QUndoStack *undo, const QString &taskId, bool done);

public slots:
    void refresh();

signals:
    void openRecord(const QString &entity, const QString &id);

private:
    Store *m_store;
    QUndoStack *m_undo;
    QTabWidget *m_tabs;
    QList<QListWidget *> m_lists;
    bool m_refreshing = false;
};

} // namespace gamix
