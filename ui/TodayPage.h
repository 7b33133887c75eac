#pragma once
// The Today page: tasks due today, overdue tasks, deals closing this month and the
// pipeline's value by stage — what a salesperson looks at first in the morning. Ticking a
// task completes it (the same undoable edit as on the Tasks page).

#include <QWidget>

class QListWidget;
class QUndoStack;
class QVBoxLayout;

namespace gamix {

class Store;

class TodayPage : public QWidget
{
    Q_OBJECT
public:
    TodayPage(Store *store, QUndoStack *undo, QWidget *parent = nullptr);

public slots:
    void refresh();

signals:
    void openRecord(const QString &entity, const QString &id);

private:
    QListWidget *makeList(const QString &objectName);
    Store *m_store;
    QUndoStack *m_undo;
    bool m_refreshing = false;
    QListWidget *m_dueToday;
    QListWidget *m_overdue;
    QListWidget *m_closing;
    QWidget *m_pipelineBox;
    QVBoxLayout *m_pipelineLayout;
};

} // namespace gamix
