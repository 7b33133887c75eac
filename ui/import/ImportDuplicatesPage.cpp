#include "ImportDuplicatesPage.h"

#include "ImportWizard.h"
#include "io/ImportRowWriter.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace gamix {

ImportDuplicatesPage::ImportDuplicatesPage(ImportWizard *wizard)
    : m_wizard(wizard)
{
    setTitle(tr("Records already there"));
    setSubTitle(tr("A row is the same record when its email, phone or INN is already in the database "
                   "or earlier in the file."));
    m_onDuplicate = new QComboBox(this);
    m_onDuplicate->setObjectName(QStringLiteral("onDuplicate"));
    m_onDuplicate->addItem(tr("Skip the row"), int(OnDuplicate::Skip));
    m_onDuplicate->addItem(tr("Update the existing record"), int(OnDuplicate::Update));
    m_onDuplicate->addItem(tr("Create a new record anyway"), int(OnDuplicate::Create));
    auto *explain = new QLabel(tr("Updating fills the fields of the record that are empty. Fields checked "
                                  "below are replaced by the file's value as well (empty cells replace nothing)."),
                               this);
    explain->setWordWrap(true);
    m_fields = new QListWidget(this);
    m_fields->setObjectName(QStringLiteral("updateFields"));
    auto *form = new QFormLayout;
    form->addRow(tr("When the record already exists:"), m_onDuplicate);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(explain);
    layout->addWidget(new QLabel(tr("Replace these fields:"), this));
    layout->addWidget(m_fields, 1);
    connect(m_onDuplicate, &QComboBox::currentIndexChanged, this, &ImportDuplicatesPage::updateEnabled);
    updateEnabled();
}

void ImportDuplicatesPage::initializePage()
{
    const EntityDef &e = *m_wizard->options().entity;
    if (m_entity == e.name)
        return; // back and forth keeps the choice
    m_entity = e.name;
    m_fields->clear();
    const QStringList chosen = m_wizard->options().updateFields;
    for (const QString &name : ImportRowWriter::updatableFields(e)) {
        const FieldDef *f = e.field(name);
        auto *item = new QListWidgetItem(f ? f->translatedLabel() : name, m_fields);
        item->setData(Qt::UserRole, name);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(chosen.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
    m_onDuplicate->setCurrentIndex(std::max(0, m_onDuplicate->findData(int(m_wizard->options().onDuplicate))));
    updateEnabled();
}

void ImportDuplicatesPage::updateEnabled()
{
    m_fields->setEnabled(OnDuplicate(m_onDuplicate->currentData().toInt()) == OnDuplicate::Update);
}

bool ImportDuplicatesPage::validatePage()
{
    ImportOptions &o = m_wizard->options();
    o.onDuplicate = OnDuplicate(m_onDuplicate->currentData().toInt());
    o.updateFields.clear();
    if (o.onDuplicate == OnDuplicate::Update) {
        for (int i = 0; i < m_fields->count(); ++i) {
            if (m_fields->item(i)->checkState() == Qt::Checked)
                o.updateFields << m_fields->item(i)->data(Qt::UserRole).toString();
        }
    }
    return true;
}

} // namespace gamix
