#include "ConflictsView.h"

#include "DataEvents.h"
#include "Format.h"
#include "commands/EditRecordCommand.h"
#include "schema/FieldCodec.h"
#include "store/Store.h"
#include "sync/SiteAuthors.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace gamix {

namespace {

const EntityDef &conflictEntity()
{
    return *Schema::instance().entity(u"conflict");
}

// A stored value in its text form as the list would show it (names for references).
QString shown(Store *store, const EntityDef *entity, const QString &field, const QString &text)
{
    const FieldDef *f = entity ? entity->field(field) : nullptr;
    if (!f || text.isEmpty())
        return text;
    QVariant stored;
    QString error;
    if (!FieldCodec::parse(*f, text, &stored, &error))
        return text;
    return Format::value(*f, stored, store);
}

// "Anna Petrova, 26.11.2026 14:05": the person (through the server's site list, see
// SiteAuthors) or, for a replica nobody named yet, a short form of its site id.
QString author(SiteAuthors &authors, const QString &site, const QString &at)
{
    const QString when = at.isEmpty() ? QString() : Format::dateTime(at);
    QString who = site.isEmpty() ? QString() : authors.nameFor(site);
    if (who.isEmpty() && !site.isEmpty())
        who = ConflictsView::tr("replica %1").arg(site.left(8));
    if (who.isEmpty())
        return when;
    return when.isEmpty() ? who : ConflictsView::tr("%1, %2").arg(who, when);
}

} // namespace

ConflictsView::ConflictsView(Store *store, QUndoStack *undo, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_undo(undo)
    , m_model(new QStandardItemModel(0, ColumnCount, this))
{
    setObjectName(QStringLiteral("conflictsView"));
    setWindowTitle(tr("Conflicts"));
    m_model->setHorizontalHeaderLabels({tr("Record"), tr("Field"), tr("Current value"), tr("Written by, when"),
                                        tr("Other value"), tr("Written by, when")});
    auto *v = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("These fields were edited in two places at once. The later edit was kept; "
                                "you can keep it or restore the other value."));
    intro->setWordWrap(true);
    v->addWidget(intro);
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("conflictsTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultSectionSize(160);
    v->addWidget(m_view, 1);
    m_empty = new QLabel(tr("No conflicts: every edit arrived in order."));
    m_empty->setObjectName(QStringLiteral("conflictsEmpty"));
    v->addWidget(m_empty);

    auto *buttons = new QDialogButtonBox;
    m_keep = buttons->addButton(tr("&Keep current"), QDialogButtonBox::ActionRole);
    m_keep->setObjectName(QStringLiteral("keepCurrent"));
    m_restore = buttons->addButton(tr("&Restore the other value"), QDialogButtonBox::ActionRole);
    m_restore->setObjectName(QStringLiteral("restoreOther"));
    buttons->addButton(QDialogButtonBox::Close);
    v->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_keep, &QPushButton::clicked, this, [this] { keepCurrent(); });
    connect(m_restore, &QPushButton::clicked, this, [this] { restoreOther(); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ConflictsView::updateButtons);
    connect(DataEvents::instance(), &DataEvents::changed, this, [this](const QString &entity) {
        // New conflicts arrive with sync; names and values shown change with any edit.
        Q_UNUSED(entity);
        reload();
    });
    resize(980, 420);
    reload();
}

int ConflictsView::conflictCount() const
{
    return m_model->rowCount();
}

void ConflictsView::reload()
{
    const QString current = conflictIdAt(m_view->currentIndex().row());
    const EntityDef &c = conflictEntity();
    const int resolvedIndex = c.fieldIndex(u"resolved");
    ListQuery q;
    q.entity = &c;
    q.sort = QStringLiteral("-lost_at");
    QString error;
    const QList<Record> records = m_store->list(q, &error);
    m_model->removeRows(0, m_model->rowCount());
    SiteAuthors authors(*m_store);
    int currentRow = -1;
    for (const Record &r : records) {
        const QVariant resolved = r.values.value(resolvedIndex);
        if (!resolved.isNull() && resolved.toLongLong() != 0)
            continue;
        const QString entityName = r.text(u"entity");
        const QString field = r.text(u"field");
        const EntityDef *e = Schema::instance().entity(entityName);
        const FieldDef *f = e ? e->field(field) : nullptr;
        QString title = r.text(u"record_id");
        if (e) {
            const Record target = m_store->get(*e, title);
            if (!target.id.isEmpty())
                title = e->translatedLabel() + QStringLiteral(": ") + target.displayName();
        }
        QList<QStandardItem *> row;
        row << new QStandardItem(title) << new QStandardItem(f ? f->translatedLabel() : field)
            << new QStandardItem(shown(m_store, e, field, r.text(u"kept_value")))
            << new QStandardItem(author(authors, r.text(u"kept_site"), r.text(u"kept_at")))
            << new QStandardItem(shown(m_store, e, field, r.text(u"lost_value")))
            << new QStandardItem(author(authors, r.text(u"lost_site"), r.text(u"lost_at")));
        row.first()->setData(r.id, ConflictIdRole);
        if (r.id == current)
            currentRow = m_model->rowCount();
        m_model->appendRow(row);
    }
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(currentRow >= 0 ? currentRow : 0, 0));
    m_empty->setVisible(m_model->rowCount() == 0);
    m_view->setVisible(m_model->rowCount() > 0);
    updateButtons();
    emit conflictCountChanged(m_model->rowCount());
}

QString ConflictsView::conflictIdAt(int row) const
{
    if (row < 0 || row >= m_model->rowCount())
        return QString();
    return m_model->item(row, 0)->data(ConflictIdRole).toString();
}

void ConflictsView::updateButtons()
{
    const bool any = !conflictIdAt(m_view->currentIndex().row()).isEmpty();
    m_keep->setEnabled(any);
    m_restore->setEnabled(any);
}

bool ConflictsView::markResolved(const QString &conflictId, const QString &text)
{
    auto *cmd = new EditRecordCommand(m_store, conflictEntity(), conflictId,
                                      {FieldWrite {QStringLiteral("resolved"), QStringLiteral("true")}}, text);
    if (!cmd->execute()) {
        delete cmd;
        return false;
    }
    m_undo->push(cmd);
    return true;
}

bool ConflictsView::keepCurrent(int row)
{
    const QString id = conflictIdAt(row < 0 ? m_view->currentIndex().row() : row);
    if (id.isEmpty())
        return false;
    const Record conflict = m_store->get(conflictEntity(), id);
    return markResolved(id, tr("Keep the current %1").arg(conflict.text(u"field")));
}

bool ConflictsView::restoreOther(int row)
{
    const QString id = conflictIdAt(row < 0 ? m_view->currentIndex().row() : row);
    if (id.isEmpty())
        return false;
    const Record conflict = m_store->get(conflictEntity(), id);
    const EntityDef *e = Schema::instance().entity(conflict.text(u"entity"));
    const QString recordId = conflict.text(u"record_id");
    const QString field = conflict.text(u"field");
    if (!e || !e->field(field) || m_store->get(*e, recordId).id.isEmpty())
        return false;
    const QString text = tr("Restore the other %1").arg(e->field(field)->translatedLabel().toLower());
    auto *write
        = new EditRecordCommand(m_store, *e, recordId, {FieldWrite {field, conflict.text(u"lost_value")}}, text);
    if (!write->execute()) {
        delete write;
        return false;
    }
    // One undo step for both writes: the value and the conflict's "resolved".
    m_undo->beginMacro(text);
    m_undo->push(write);
    markResolved(id, text);
    m_undo->endMacro();
    return true;
}

} // namespace gamix
