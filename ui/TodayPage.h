#pragma once
// The Today page: tasks due today, overdue tasks, deals closing this month and the
// pipeline's value by stage — what a salesperson looks at first in the morning.

#include <QWidget>

class QListWidget;
class QVBoxLayout;

namespace gamix {

class Store;

class TodayPage : public QWidget
{
    Q_OBJECT
public:
    explicit TodayPage(Store *store, QWidget *parent = nullptr);

public slots:
    void refresh();

signals:
    void openRecord(const QString &entity, const QString &id);

private:
    QListWidget *makeList(const QString &objectName);
    Store *m_store;
    QListWidget *m_dueToday;
    QListWidget *m_overdue;
    QListWidget *m_closing;
    QWidget *m_pipelineBox;
    QVBoxLayout *m_pipelineLayout;
};

} // namespace gamix
