#include "TasksPage.h"

#include "DataEvents.h"
#include "Format.h"
#include "commands/EditRecordCommand.h"
#include "store/ListModelQueries.h"
#include "store/Store.h"

#include <QDate>
#include <QListWidget>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace gamix {

namespace {
const char *const kBucketNames[] = {"tasksToday", "tasksOverdue", "tasksUpcoming", "tasksDone"};
}

TasksPage::TasksPage(Store *store, QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_undo(undo)
{
    setObjectName(QStringLiteral("tasksPage"));
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(8, 8, 8, 0);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("taskTabs"));
    v->addWidget(m_tabs);
    for (int i = 0; i < 4; ++i) {
        auto *list = new QListWidget;
        list->setObjectName(QString::fromLatin1(kBucketNames[i]));
        list->setAlternatingRowColors(true);
        list->setSpacing(2);
        connect(list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
            if (!m_refreshing)
                setDone(item->data(Qt::UserRole).toString(), item->checkState() == Qt::Checked);
        });
        connect(list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
            emit openRecord(QStringLiteral("task"), item->data(Qt::UserRole).toString());
        });
        m_lists << list;
        m_tabs->addTab(list, QString());
    }
    // Refresh after the signal that caused it returns: a ticked item is among those a
    // refresh replaces.
    auto *later = new QTimer(this);
    later->setSingleShot(true);
    later->setInterval(0);
    connect(later, &QTimer::timeout, this, &TasksPage::refresh);
    connect(DataEvents::instance(), &DataEvents::changed, this, [later](const QString &e) {
        if (e == u"task")
            later->start();
    });
    refresh();
}

void TasksPage::refresh()
{
    m_refreshing = true;
    const EntityDef &task = *Schema::instance().entity(u"task");
    const QDate today = QDate::currentDate();
    const QString titles[] = {tr("Today"), tr("Overdue"), tr("Upcoming"), tr("Done")};
    for (int i = 0; i < 4; ++i) {
        QListWidget *list = m_lists.at(i);
        list->clear();
        const QStringList ids = ListModelQueries::taskIds(m_store->db(), ListModelQueries::TaskBucket(i), today);
        for (const QString &id : ids) {
            const Record t = m_store->get(task, id);
            QString text = t.displayName();
            QStringList extra;
            if (!t.text(u"due_at").isEmpty())
                extra << Format::due(t.text(u"due_at"));
            const QString who = Format::value(*task.field(u"contact_id"), t.value(u"contact_id"), m_store);
            if (!who.isEmpty())
                extra << who;
            if (t.text(u"priority") == u"high")
                extra << tr("high priority");
            if (!extra.isEmpty())
                text += u'\n' + extra.join(QStringLiteral(" · "));
            auto *item = new QListWidgetItem(text);
            item->setData(Qt::UserRole, id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(t.text(u"done") == u"true" ? Qt::Checked : Qt::Unchecked);
            if (i == 1)
                item->setForeground(QColor(0xc0, 0x39, 0x2b));
            list->addItem(item);
        }
        m_tabs->setTabText(i, QStringLiteral("%1 (%2)").arg(titles[i]).arg(ids.size()));
    }
    m_refreshing = false;
}

bool TasksPage::setDone(const QString &taskId, bool done)
{
    return setTaskDone(m_store, m_undo, taskId, done);
}

bool TasksPage::setTaskDone(Store *store, QUndoStack *undo, const QString &taskId, bool done)
{
    const EntityDef &task = *Schema::instance().entity(u"task");
    auto *cmd = new EditRecordCommand(
        store, task, taskId, {{QStringLiteral("done"), done ? QStringLiteral("true") : QStringLiteral("false")}},
        done ? tr("Complete task") : tr("Reopen task"));
    if (!cmd->execute()) {
        delete cmd;
        return false;
    }
    undo->push(cmd);
    return true;
}

} // namespace gamix
