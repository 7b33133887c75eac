#pragma once
// The wizard's duplicates step (see ImportWizard.h): what to do with a row whose record is
// already there (same email, phone or INN): skip it, update the record, or create another.
// Updating fills the record's empty fields; the fields checked in the list are replaced
// by the file's values as well. objectNames for the GUI tests: onDuplicate, updateFields
// (items carry the field name as Qt::UserRole).

#include <QWizardPage>

class QComboBox;
class QListWidget;

namespace gamix {

class ImportWizard;

class ImportDuplicatesPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportDuplicatesPage(ImportWizard *wizard);
    void initializePage() override;
    bool validatePage() override;

private:
    void updateEnabled();
    ImportWizard *m_wizard;
    QComboBox *m_onDuplicate;
    QListWidget *m_fields;
    QString m_entity; // the list was filled for this entity
};

} // namespace gamix
