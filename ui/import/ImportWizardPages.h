#pragma once
// The pages of ImportWizard (see ImportWizard.h). Widgets carry objectNames for the GUI
// tests: filePath, entity, encoding, delimiter, preset, readAs, preview, mapping,
// saveMapping, dryRunSummary, problems, progress, rate, cancelImport, result (the
// duplicates step is ImportDuplicatesPage).

#include "ImportBackground.h"

#include <QFutureWatcher>
#include <QWizardPage>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace gamix {

class ImportWizard;

class ImportSourcePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportSourcePage(ImportWizard *wizard);
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override; // a vCard file has no columns to map: straight to the duplicates
    void setEntity(const QString &entity);

private:
    ImportWizard *m_wizard;
    QLineEdit *m_file;
    QComboBox *m_entity;
    QLabel *m_error;
};

class ImportPreviewPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportPreviewPage(ImportWizard *wizard);
    void initializePage() override;

private:
    void reread();
    ImportWizard *m_wizard;
    QComboBox *m_encoding;
    QComboBox *m_delimiter;
    QComboBox *m_preset;
    QComboBox *m_dateOrder;
    QLabel *m_readAs;
    QTableWidget *m_table;
    bool m_filling = false;
};

class ImportMappingPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportMappingPage(ImportWizard *wizard);
    void initializePage() override;
    bool validatePage() override;

    // Saved mappings live in QSettings under import/mappings/<entity>-<hash of the header>.
    static QString settingsKey(const QString &entity, const QStringList &header);

private:
    void saveMapping();
    ImportWizard *m_wizard;
    QTableWidget *m_table;
    QLabel *m_saved;
};

class ImportDryRunPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportDryRunPage(ImportWizard *wizard);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    ImportWizard *m_wizard;
    QLabel *m_summary;
    QTableWidget *m_problems;
    QFutureWatcher<ImportOutcome> *m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_done = false;
};

class ImportRunPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportRunPage(ImportWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;

private:
    ImportWizard *m_wizard;
    QProgressBar *m_progress;
    QLabel *m_rate;
    QPushButton *m_cancelButton;
    QLabel *m_result;
    QFutureWatcher<ImportOutcome> *m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_done = false;
};

} // namespace gamix
