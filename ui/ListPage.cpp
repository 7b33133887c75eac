#include "ListPage.h"

#include "DataEvents.h"
#include "DateRangeDialog.h"
#include "Format.h"
#include "RecordTableModel.h"
#include "Settings.h"
#include "store/Store.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace gamix {

namespace {
constexpr int kCustomPeriod = -1; // the period combo's "Custom range…" item
}

ListPage::ListPage(Store *store, const EntityDef &entity, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_entity(entity)
    , m_model(new RecordTableModel(store, entity, this))
{
    setObjectName(entity.name + QStringLiteral("Page"));
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(8, 8, 8, 0);
    auto *bar = new QHBoxLayout;
    m_filterEdit = new QLineEdit;
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter %1 (Ctrl+F)").arg(entity.translatedPluralLabel().toLower()));
    m_filterEdit->setClearButtonEnabled(true);
    bar->addWidget(m_filterEdit, 2);

    const QString statusField = entity.name == u"deal" ? QStringLiteral("stage_id")
        : entity.field(u"status")                      ? QStringLiteral("status")
        : entity.name == u"task"                       ? QStringLiteral("done")
                                                       : QString();
    if (!statusField.isEmpty()) {
        m_statusFilter = new QComboBox;
        m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
        m_statusFilter->setProperty("field", statusField);
        const FieldDef *f = entity.field(statusField);
        m_statusFilter->addItem(f->name == u"stage_id" ? tr("All stages") : tr("Any status"), QString());
        if (f->type == FieldType::Enum) {
            for (const QString &value : f->enumValues)
                m_statusFilter->addItem(Format::enumLabel(*f, value), value);
        } else if (f->type == FieldType::Bool) {
            m_statusFilter->addItem(tr("Open"), QStringLiteral("0"));
            m_statusFilter->addItem(tr("Done"), QStringLiteral("1"));
        } else {
            ListQuery q;
            q.entity = Schema::instance().entity(u"stage");
            q.sort = QStringLiteral("position");
            QString err;
            for (const Record &r : store->list(q, &err))
                m_statusFilter->addItem(Format::stageName(r.displayName()), r.id);
        }
        bar->addWidget(m_statusFilter);
    }
    m_ownerFilter = new QComboBox;
    m_ownerFilter->setObjectName(QStringLiteral("ownerFilter"));
    m_ownerFilter->addItem(tr("All owners"), QString());
    {
        ListQuery q;
        q.entity = Schema::instance().entity(u"user");
        QString err;
        for (const Record &r : store->list(q, &err))
            m_ownerFilter->addItem(r.text(u"full_name").isEmpty() ? r.displayName() : r.text(u"full_name"), r.id);
    }
    m_ownerFilter->setEnabled(m_ownerFilter->count() > 1);
    bar->addWidget(m_ownerFilter);
    m_periodFilter = new QComboBox;
    m_periodFilter->setObjectName(QStringLiteral("periodFilter"));
    m_periodFilter->addItem(tr("Any time"), 0);
    m_periodFilter->addItem(tr("Today"), 1);
    m_periodFilter->addItem(tr("Last 7 days"), 7);
    m_periodFilter->addItem(tr("Last 30 days"), 30);
    m_periodFilter->addItem(tr("This year"), 365);
    m_periodFilter->addItem(tr("Custom range…"), kCustomPeriod);
    bar->addWidget(m_periodFilter);
    m_columns = new QToolButton;
    m_columns->setObjectName(QStringLiteral("columnChooser"));
    m_columns->setText(tr("Columns"));
    m_columns->setPopupMode(QToolButton::InstantPopup);
    bar->addWidget(m_columns);
    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("listCount"));
    bar->addWidget(m_count);
    v->addLayout(bar);

    m_view = new QTableView;
    m_view->setObjectName(entity.name + QStringLiteral("Table"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row height: the view never measures rows, so a million of them cost nothing.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setDefaultSectionSize(150);
    m_view->horizontalHeader()->setStretchLastSection(true);
    const QByteArray state = Settings::instance().columns(entity.name);
    if (!state.isEmpty()) {
        m_view->horizontalHeader()->restoreState(state);
    } else {
        // Sensible defaults: the first columns that say what a record is.
        for (int c = 0; c < m_model->columnCount(); ++c) {
            const FieldDef &f = entity.fields.at(m_model->columnFields().at(c));
            const bool hide = c >= 8 || f.type == FieldType::LongText || f.name == u"currency"
                || f.name == u"pipeline_id" || f.name == u"email2" || f.name == u"kpp" || f.name == u"ogrn"
                || f.name == u"middle_name" || f.name == u"address" || f.name == u"tags" || f.name == u"remind_at"
                || f.name == u"lead_id";
            m_view->horizontalHeader()->setSectionHidden(c, hide);
        }
    }
    const ListOrder order = m_model->order();
    const int sortField = entity.fieldIndex(order.field);
    const int sortColumn = int(m_model->columnFields().indexOf(sortField));
    if (state.isEmpty())
        m_view->horizontalHeader()->setSortIndicator(sortColumn,
                                                     order.descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    // Enabling sorting applies the header's indicator (the remembered one, or the model's
    // natural order set just above), so the list opens in the order the user left it.
    m_view->setSortingEnabled(true);
    v->addWidget(m_view, 1);
    buildColumnMenu();

    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(120);
    connect(debounce, &QTimer::timeout, this, &ListPage::applyFilter);
    connect(m_filterEdit, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(m_filterEdit, &QLineEdit::returnPressed, this, &ListPage::applyFilter);
    if (m_statusFilter)
        connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &ListPage::applyFilter);
    connect(m_ownerFilter, &QComboBox::currentIndexChanged, this, &ListPage::applyFilter);
    connect(m_periodFilter, &QComboBox::activated, this, &ListPage::periodChosen);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString id = m_model->idAt(index.row());
        if (!id.isEmpty())
            emit openRecord(m_entity.name, id);
    });
    auto updateCount = [this] {
        m_count->setText(m_model->isLoading() ? tr("Loading…") : tr("%n record(s)", nullptr, m_model->totalRows()));
    };
    connect(m_model, &RecordTableModel::loaded, this, updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, updateCount);
    updateCount();
    connect(DataEvents::instance(), &DataEvents::changed, this, [this](const QString &e) {
        // Our own rows, or names shown in our reference columns, changed.
        bool relevant = e == m_entity.name;
        for (const FieldDef &f : m_entity.fields)
            relevant = relevant || (f.type == FieldType::Reference && !f.system && f.refEntity == e);
        if (relevant)
            m_model->reload();
    });
}

ListPage::~ListPage()
{
    saveLayout();
}

void ListPage::saveLayout()
{
    Settings::instance().setColumns(m_entity.name, m_view->horizontalHeader()->saveState());
}

QString ListPage::currentId() const
{
    const QModelIndex i = m_view->currentIndex();
    return i.isValid() ? m_model->idAt(i.row()) : QString();
}

void ListPage::focusFilter()
{
    m_filterEdit->setFocus();
    m_filterEdit->selectAll();
}

ListQuery ListPage::currentQuery(bool *exact) const
{
    const ListFilter f = m_model->filter();
    ListQuery q;
    q.entity = &m_entity;
    q.search = f.search.trimmed();
    q.where = f.equals;
    if (!f.ownerId.isEmpty() && m_entity.field(u"owner_id"))
        q.where.append({QStringLiteral("owner_id"), f.ownerId});
    const ListOrder order = m_model->order();
    // The natural order without a field is "newest first": by creation time.
    const QString field
        = order.field.isEmpty() ? (order.descending ? QLatin1String(kCreatedField) : QString()) : order.field;
    if (!field.isEmpty())
        q.sort = (order.descending ? QStringLiteral("-") : QString()) + field;
    if (exact)
        *exact = f.dateField.isEmpty() || (!f.from.isValid() && !f.to.isValid());
    return q;
}

bool ListPage::isFiltered() const
{
    return !m_model->filter().isEmpty();
}

void ListPage::applyFilter()
{
    ListFilter f;
    f.search = m_filterEdit->text();
    if (m_statusFilter && !m_statusFilter->currentData().toString().isEmpty())
        f.equals << qMakePair(m_statusFilter->property("field").toString(), m_statusFilter->currentData().toString());
    f.ownerId = m_ownerFilter->currentData().toString();
    const int days = m_periodFilter->currentData().toInt();
    if (days == kCustomPeriod && m_rangeFrom.isValid()) {
        f.dateField = QLatin1String(kCreatedField);
        f.from = m_rangeFrom;
        f.to = m_rangeTo.addDays(1);
    } else if (days > 0) {
        f.dateField = QLatin1String(kCreatedField);
        const QDate today = QDate::currentDate();
        f.from = days == 365 ? QDate(today.year(), 1, 1) : today.addDays(1 - days);
        f.to = today.addDays(1);
    }
    m_model->setFilter(f);
}

void ListPage::periodChosen(int index)
{
    if (m_periodFilter->itemData(index).toInt() != kCustomPeriod) {
        m_periodIndex = index;
        applyFilter();
        return;
    }
    const QDate today = QDate::currentDate();
    auto *dialog = new DateRangeDialog(m_rangeFrom.isValid() ? m_rangeFrom : today.addDays(-30),
                                       m_rangeTo.isValid() ? m_rangeTo : today, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { setCustomPeriod(dialog->from(), dialog->to()); });
    connect(dialog, &QDialog::rejected, this, [this] { m_periodFilter->setCurrentIndex(m_periodIndex); });
    dialog->open();
}

void ListPage::setCustomPeriod(const QDate &from, const QDate &to)
{
    m_rangeFrom = from;
    m_rangeTo = to;
    const int custom = m_periodFilter->findData(kCustomPeriod);
    m_periodFilter->setItemText(custom,
                                QStringLiteral("%1 – %2").arg(Format::date(from.toString(Qt::ISODate)),
                                                              Format::date(to.toString(Qt::ISODate))));
    m_periodFilter->setCurrentIndex(custom);
    m_periodIndex = custom;
    applyFilter();
}

void ListPage::buildColumnMenu()
{
    auto *menu = new QMenu(m_columns);
    for (int c = 0; c < m_model->columnCount(); ++c) {
        QAction *a = menu->addAction(m_model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!m_view->horizontalHeader()->isSectionHidden(c));
        connect(a, &QAction::toggled, this,
                [this, c](bool on) { m_view->horizontalHeader()->setSectionHidden(c, !on); });
    }
    m_columns->setMenu(menu);
}

} // namespace gamix
