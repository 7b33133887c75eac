#include "TodayPage.h"

#include "DataEvents.h"
#include "Format.h"
#include "TasksPage.h"
#include "store/ListModelQueries.h"
#include "store/Store.h"

#include <QDate>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QTimer>
#include <QVBoxLayout>

namespace gamix {

namespace {
const QString kDefaultPipeline = QStringLiteral("00000000-0000-7000-8000-000000000001");
}

TodayPage::TodayPage(Store *store, QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_undo(undo)
{
    setObjectName(QStringLiteral("todayPage"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(12, 12, 12, 12);
    grid->setSpacing(12);
    auto box = [](const QString &title, QWidget *content) {
        auto *g = new QGroupBox(title);
        auto *l = new QVBoxLayout(g);
        l->addWidget(content);
        return g;
    };
    m_dueToday = makeList(QStringLiteral("todayTasks"));
    m_overdue = makeList(QStringLiteral("todayOverdue"));
    m_closing = makeList(QStringLiteral("todayClosing"));
    m_pipelineBox = new QWidget;
    m_pipelineLayout = new QVBoxLayout(m_pipelineBox);
    m_pipelineLayout->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(box(tr("Due today"), m_dueToday), 0, 0);
    grid->addWidget(box(tr("Overdue"), m_overdue), 0, 1);
    grid->addWidget(box(tr("Deals closing this month"), m_closing), 1, 0);
    grid->addWidget(box(tr("Pipeline by stage"), m_pipelineBox), 1, 1);
    // Refresh after the signal that caused it returns: a ticked item is among those a
    // refresh replaces.
    auto *later = new QTimer(this);
    later->setSingleShot(true);
    later->setInterval(0);
    connect(later, &QTimer::timeout, this, &TodayPage::refresh);
    connect(DataEvents::instance(), &DataEvents::changed, this, [later](const QString &e) {
        if (e == u"task" || e == u"deal")
            later->start();
    });
    refresh();
}

QListWidget *TodayPage::makeList(const QString &objectName)
{
    auto *l = new QListWidget;
    l->setObjectName(objectName);
    l->setFrameShape(QFrame::NoFrame);
    l->setSpacing(2);
    connect(l, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (!item->data(Qt::UserRole).isNull())
            emit openRecord(item->data(Qt::UserRole).toString(), item->data(Qt::UserRole + 1).toString());
    });
    connect(l, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (!m_refreshing && (item->flags() & Qt::ItemIsUserCheckable))
            TasksPage::setTaskDone(m_store, m_undo, item->data(Qt::UserRole + 1).toString(),
                                   item->checkState() == Qt::Checked);
    });
    return l;
}

void TodayPage::refresh()
{
    m_refreshing = true;
    const Schema &s = Schema::instance();
    const EntityDef &task = *s.entity(u"task");
    const EntityDef &deal = *s.entity(u"deal");
    const QDate today = QDate::currentDate();
    auto fillTasks = [&](QListWidget *list, ListModelQueries::TaskBucket bucket) {
        list->clear();
        for (const QString &id : ListModelQueries::taskIds(m_store->db(), bucket, today, 100)) {
            const Record t = m_store->get(task, id);
            auto *item
                = new QListWidgetItem(t.displayName() + QStringLiteral("  ·  ") + Format::due(t.text(u"due_at")));
            item->setData(Qt::UserRole, task.name);
            item->setData(Qt::UserRole + 1, id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
            if (bucket == ListModelQueries::TaskBucket::Overdue)
                item->setForeground(QColor(0xc0, 0x39, 0x2b));
            list->addItem(item);
        }
        if (list->count() == 0)
            list->addItem(tr("Nothing here — well done."));
    };
    fillTasks(m_dueToday, ListModelQueries::TaskBucket::Today);
    fillTasks(m_overdue, ListModelQueries::TaskBucket::Overdue);

    m_closing->clear();
    const QDate first(today.year(), today.month(), 1);
    for (const QString &id :
         ListModelQueries::dealsClosingBetween(m_store->db(), first, first.addMonths(1).addDays(-1))) {
        const Record d = m_store->get(deal, id);
        auto *item = new QListWidgetItem(d.displayName() + QStringLiteral("  ·  ")
                                         + Format::money(d.value(u"amount").toLongLong()) + QStringLiteral("  ·  ")
                                         + Format::date(d.text(u"expected_close")));
        item->setData(Qt::UserRole, deal.name);
        item->setData(Qt::UserRole + 1, id);
        m_closing->addItem(item);
    }
    if (m_closing->count() == 0)
        m_closing->addItem(tr("No deals close this month."));

    while (QLayoutItem *item = m_pipelineLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const auto totals = ListModelQueries::stageTotals(m_store->db(), kDefaultPipeline);
    qint64 max = 1;
    qint64 sum = 0;
    for (const auto &t : totals) {
        max = qMax(max, t.amount);
        sum += t.amount;
    }
    const EntityDef &stage = *s.entity(u"stage");
    for (const auto &t : totals) {
        auto *row = new QWidget;
        auto *g = new QGridLayout(row);
        g->setContentsMargins(0, 0, 0, 0);
        auto *name = new QLabel(Format::stageName(m_store->get(stage, t.stageId).displayName()));
        name->setMinimumWidth(120);
        auto *bar = new QProgressBar;
        bar->setRange(0, 1000);
        bar->setValue(int(t.amount * 1000 / max));
        bar->setTextVisible(false);
        bar->setMaximumHeight(14);
        auto *value = new QLabel(Format::money(t.amount) + QStringLiteral(" (%1)").arg(t.count));
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setMinimumWidth(150);
        g->addWidget(name, 0, 0);
        g->addWidget(bar, 0, 1);
        g->addWidget(value, 0, 2);
        m_pipelineLayout->addWidget(row);
    }
    auto *total = new QLabel(tr("Total open pipeline: <b>%1</b>").arg(Format::money(sum)));
    total->setObjectName(QStringLiteral("pipelineTotal"));
    m_pipelineLayout->addWidget(total);
    m_pipelineLayout->addStretch(1);
    m_refreshing = false;
}

} // namespace gamix
