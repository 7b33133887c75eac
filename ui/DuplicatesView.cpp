#include "DuplicatesView.h"

#include "DataEvents.h"
#include "store/Store.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace gamix {

namespace {

// What the user recognises a record by: its name and the keys that made it a duplicate.
QString describe(const Record &r)
{
    QStringList parts {r.displayName()};
    for (const char16_t *key : {u"email", u"phone", u"mobile", u"inn", u"city"}) {
        if (r.entity->fieldIndex(key) >= 0 && !r.text(key).isEmpty())
            parts << r.text(key);
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace

DuplicatesView::DuplicatesView(Store *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(tr("No duplicates to review."), this))
    , m_keepFirst(new QPushButton(tr("Merge, keep &first"), this))
    , m_keepSecond(new QPushButton(tr("Merge, keep &second"), this))
    , m_dismiss(new QPushButton(tr("&Not duplicates"), this))
{
    setObjectName(QStringLiteral("duplicatesView"));
    setWindowTitle(tr("Duplicates"));
    resize(820, 360);
    m_model->setHorizontalHeaderLabels({tr("Kind"), tr("First record"), tr("Second record")});
    m_view->setObjectName(QStringLiteral("duplicatesTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    m_empty->setObjectName(QStringLiteral("duplicatesEmpty"));
    m_keepFirst->setObjectName(QStringLiteral("mergeKeepFirst"));
    m_keepSecond->setObjectName(QStringLiteral("mergeKeepSecond"));
    m_dismiss->setObjectName(QStringLiteral("notDuplicates"));
    auto *hint = new QLabel(tr("These records were entered on different computers and share an email, a phone or "
                               "an INN. Merging keeps one record, fills its empty fields from the other and moves "
                               "deals, tasks and notes over to it."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_keepFirst, QDialogButtonBox::ActionRole);
    buttons->addButton(m_keepSecond, QDialogButtonBox::ActionRole);
    buttons->addButton(m_dismiss, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_keepFirst, &QPushButton::clicked, this, [this] { merge(true); });
    connect(m_keepSecond, &QPushButton::clicked, this, [this] { merge(false); });
    connect(m_dismiss, &QPushButton::clicked, this, [this] { dismiss(); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_view);
    layout->addWidget(m_empty);
    layout->addWidget(buttons);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DuplicatesView::updateButtons);
    // Sync may bring new flags, or another window may merge them.
    connect(DataEvents::instance(), &DataEvents::changed, this, [this](const QString &entity) {
        if (!m_notifying && (entity == u"conflict" || entity == u"contact" || entity == u"company"))
            reload();
    });
    reload();
}

int DuplicatesView::duplicateCount() const
{
    return m_model->rowCount();
}

void DuplicatesView::reload()
{
    m_model->removeRows(0, m_model->rowCount());
    for (const DuplicateFlag &f : m_store->duplicateFlags()) {
        const Record a = m_store->get(*f.entity, f.firstId), b = m_store->get(*f.entity, f.secondId);
        auto *kind = new QStandardItem(f.entity->translatedLabel());
        kind->setData(f.firstId, FirstIdRole);
        kind->setData(f.secondId, SecondIdRole);
        kind->setData(f.entity->name, EntityRole);
        kind->setData(f.id, FlagIdRole);
        m_model->appendRow({kind, new QStandardItem(describe(a)), new QStandardItem(describe(b))});
    }
    m_view->resizeColumnsToContents();
    m_view->setVisible(m_model->rowCount() > 0);
    m_empty->setVisible(m_model->rowCount() == 0);
    if (m_model->rowCount() > 0 && !m_view->selectionModel()->hasSelection())
        m_view->selectRow(0);
    updateButtons();
}

bool DuplicatesView::merge(bool keepFirst, int row)
{
    if (row < 0)
        row = selectedRow();
    if (row < 0 || row >= m_model->rowCount())
        return false;
    const QStandardItem *kind = m_model->item(row, KindColumn);
    const EntityDef *entity = Schema::instance().entity(kind->data(EntityRole).toString());
    const QString first = kind->data(FirstIdRole).toString(), second = kind->data(SecondIdRole).toString();
    const WriteResult w = m_store->mergeRecords(*entity, keepFirst ? first : second, keepFirst ? second : first);
    if (!w.ok) {
        QMessageBox::warning(this, windowTitle(), tr("The records could not be merged: %1").arg(w.errorText()));
        return false;
    }
    // Lists of every kind may show the moved references.
    m_notifying = true;
    for (const EntityDef &e : Schema::instance().entities())
        DataEvents::instance()->notify(e.name);
    m_notifying = false;
    reload();
    return true;
}

bool DuplicatesView::dismiss(int row)
{
    if (row < 0)
        row = selectedRow();
    if (row < 0 || row >= m_model->rowCount())
        return false;
    const QString flagId = m_model->item(row, KindColumn)->data(FlagIdRole).toString();
    const WriteResult w = m_store->remove(*Schema::instance().entity(u"conflict"), flagId);
    if (!w.ok) {
        QMessageBox::warning(this, windowTitle(), w.errorText());
        return false;
    }
    m_notifying = true;
    DataEvents::instance()->notify(QStringLiteral("conflict"));
    m_notifying = false;
    reload();
    return true;
}

int DuplicatesView::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void DuplicatesView::updateButtons()
{
    const bool any = m_view->selectionModel()->hasSelection();
    m_keepFirst->setEnabled(any);
    m_keepSecond->setEnabled(any);
    m_dismiss->setEnabled(any);
}

} // namespace gamix
