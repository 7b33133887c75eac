#include "DealBoard.h"

#include "DataEvents.h"
#include "Format.h"
#include "StageList.h"
#include "commands/EditRecordCommand.h"
#include "commands/MoveStageCommand.h"
#include "store/ListModelQueries.h"
#include "store/Store.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace gamix {

DealBoard::DealBoard(Store *store, QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_undo(undo)
{
    setObjectName(QStringLiteral("dealBoard"));
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Pipeline:")));
    m_pipeline = new QComboBox;
    m_pipeline->setObjectName(QStringLiteral("pipelineCombo"));
    ListQuery q;
    q.entity = Schema::instance().entity(u"pipeline");
    QString err;
    for (const Record &p : store->list(q, &err))
        m_pipeline->addItem(Format::stageName(p.displayName()), p.id);
    top->addWidget(m_pipeline);
    top->addStretch(1);
    v->addLayout(top);
    auto *host = new QWidget;
    m_columns = new QHBoxLayout(host);
    m_columns->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(host);
    v->addWidget(scroll, 1);
    connect(m_pipeline, &QComboBox::currentIndexChanged, this, &DealBoard::rebuild);
    // Rebuild after the event that caused it has returned: a drop's own column is
    // among the widgets a rebuild replaces.
    auto *later = new QTimer(this);
    later->setSingleShot(true);
    later->setInterval(0);
    connect(later, &QTimer::timeout, this, &DealBoard::rebuild);
    connect(DataEvents::instance(), &DataEvents::changed, this, [later](const QString &e) {
        if (e == u"deal" || e == u"stage" || e == u"company")
            later->start();
    });
    rebuild();
}

void DealBoard::rebuild()
{
    const QString pipelineId = m_pipeline->currentData().toString();
    for (QWidget *w : std::as_const(m_columnWidgets)) {
        m_columns->removeWidget(w);
        w->hide();
        w->deleteLater();
    }
    m_columnWidgets.clear();
    m_lists.clear();
    m_headers.clear();
    const EntityDef &stageDef = *Schema::instance().entity(u"stage");
    const EntityDef &dealDef = *Schema::instance().entity(u"deal");
    const QList<ListModelQueries::StageTotal> totals = ListModelQueries::stageTotals(m_store->db(), pipelineId);
    for (int i = 0; i < totals.size(); ++i) {
        const auto &t = totals.at(i);
        const Record stage = m_store->get(stageDef, t.stageId);
        auto *col = new QWidget;
        col->setMinimumWidth(220);
        auto *cv = new QVBoxLayout(col);
        cv->setContentsMargins(2, 2, 2, 2);
        auto *header = new QLabel;
        header->setObjectName(QStringLiteral("stageHeader_%1").arg(i));
        header->setTextFormat(Qt::RichText);
        header->setText(QStringLiteral("<b>%1</b><br/><span>%2 · %3</span>")
                            .arg(Format::stageName(stage.displayName()).toHtmlEscaped(),
                                 tr("%n deal(s)", nullptr, int(t.count)), Format::money(t.amount)));
        header->setProperty("plainSummary",
                            QStringLiteral("%1|%2|%3").arg(stage.displayName()).arg(t.count).arg(t.amount));
        cv->addWidget(header);
        auto *list = new StageList(t.stageId);
        list->setObjectName(QStringLiteral("stageList_%1").arg(i));
        ListQuery q;
        q.entity = &dealDef;
        q.where << qMakePair(QStringLiteral("stage_id"), t.stageId)
                << qMakePair(QStringLiteral("status"), QStringLiteral("open"));
        q.sort = QStringLiteral("expected_close");
        q.limit = 500;
        QString err;
        for (const Record &d : m_store->list(q, &err)) {
            QString company = Format::value(*dealDef.field(u"company_id"), d.value(u"company_id"), m_store);
            QString text = d.displayName() + u'\n' + Format::money(d.value(u"amount").toLongLong());
            if (!company.isEmpty())
                text += QStringLiteral(" · ") + company;
            if (!d.text(u"expected_close").isEmpty())
                text += u'\n' + tr("Close by %1").arg(Format::date(d.text(u"expected_close")));
            auto *item = new QListWidgetItem(text);
            item->setData(Qt::UserRole, d.id);
            list->addItem(item);
        }
        list->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(list, &StageList::dealDropped, this,
                [this](const QString &id, const QString &to) { moveDeal(id, to); });
        connect(list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
            emit openRecord(QStringLiteral("deal"), item->data(Qt::UserRole).toString());
        });
        connect(list, &QWidget::customContextMenuRequested, this,
                [this, list](const QPoint &p) { showCardMenu(list, p); });
        cv->addWidget(list, 1);
        m_columns->addWidget(col);
        m_columnWidgets << col;
        m_lists << list;
        m_headers << header;
    }
}

QString DealBoard::headerText(int column) const
{
    QLabel *l = m_headers.value(column);
    return l ? l->property("plainSummary").toString() : QString();
}

bool DealBoard::moveDeal(const QString &dealId, const QString &stageId)
{
    const Record d = m_store->get(*Schema::instance().entity(u"deal"), dealId);
    if (!d.isValid() || d.text(u"stage_id") == stageId)
        return false;
    auto *cmd = new MoveStageCommand(m_store, dealId, stageId);
    if (!cmd->execute()) {
        delete cmd;
        return false;
    }
    m_undo->push(cmd);
    return true;
}

bool DealBoard::closeDeal(const QString &dealId, bool won, const QString &reason)
{
    const EntityDef &deal = *Schema::instance().entity(u"deal");
    QList<FieldWrite> w {{QStringLiteral("status"), won ? QStringLiteral("won") : QStringLiteral("lost")}};
    if (!won)
        w << FieldWrite {QStringLiteral("lost_reason"), reason};
    auto *cmd = new EditRecordCommand(m_store, deal, dealId, w, won ? tr("Mark deal won") : tr("Mark deal lost"));
    if (!cmd->execute()) {
        delete cmd;
        return false;
    }
    m_undo->push(cmd);
    return true;
}

void DealBoard::showCardMenu(StageList *list, const QPoint &pos)
{
    QListWidgetItem *item = list->itemAt(pos);
    if (!item)
        return;
    const QString id = item->data(Qt::UserRole).toString();
    QMenu menu;
    menu.addAction(tr("Open"), this, [this, id] { emit openRecord(QStringLiteral("deal"), id); });
    QMenu *move = menu.addMenu(tr("Move to"));
    for (StageList *other : std::as_const(m_lists)) {
        if (other == list)
            continue;
        const int idx = int(m_lists.indexOf(other));
        move->addAction(m_headers.at(idx)->property("plainSummary").toString().section(u'|', 0, 0), this,
                        [this, id, other] { moveDeal(id, other->stageId()); });
    }
    menu.addSeparator();
    menu.addAction(tr("Mark won"), this, [this, id] { closeDeal(id, true); });
    menu.addAction(tr("Mark lost…"), this, [this, id] {
        bool ok = false;
        const QString reason
            = QInputDialog::getText(this, tr("Deal lost"), tr("Why was it lost?"), QLineEdit::Normal, QString(), &ok);
        if (ok)
            closeDeal(id, false, reason);
    });
    menu.exec(list->viewport()->mapToGlobal(pos));
}

} // namespace gamix
