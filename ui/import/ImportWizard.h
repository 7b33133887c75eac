#pragma once
// The import wizard of the desktop app: choose a file and what it holds → see how it is
// read (encoding, delimiter, recognised preset, the first rows; all overridable) → check
// and edit the column mapping (savable: the same header line gets the same mapping next
// time) → what to do with records already there (skip, update: fill empty fields and
// replace the checked ones, or create) → a dry run summary → the import itself with
// progress (rows/s) and Cancel. A vCard file goes from the first page to the duplicates.
//
// The dry run and the import run in a background thread (QtConcurrent + QPromise) that
// opens its own Store on the same database file; results come back through a
// QFutureWatcher owned by the page, so closing the wizard drops them. A cancelled import
// keeps the rows committed so far, and running it again continues without duplicates.
//
//     ImportWizard wizard(store->path(), this);
//     connect(&wizard, &ImportWizard::imported, this, &MainWindow::refreshCounts);
//     wizard.exec();

#include "io/ImportOptions.h"

#include <QStringList>
#include <QWizard>

namespace gamix {

class ImportWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { SourcePage, PreviewPage, MappingPage, DuplicatesPage, DryRunPage, RunPage };

    // `dbPath`: the database the app has open. `entity`: preselected ("contact" if empty).
    explicit ImportWizard(const QString &dbPath, QWidget *parent = nullptr, const QString &entity = QString());

    QString databasePath() const { return m_dbPath; }
    // What the pages settled so far; the mapping page fills `mapping`.
    ImportOptions &options() { return m_options; }
    // Reads the header and first rows with the current options; false with an error.
    bool prepare(QString *error);
    QStringList header() const { return m_header; }
    QList<QStringList> previewRows() const { return m_preview; }
    QList<ColumnMapping> suggestedMapping() const { return m_suggested; }
    QString detectedPreset() const { return m_preset; }
    QByteArray detectedEncoding() const { return m_encoding; }
    QChar detectedDelimiter() const { return m_delimiter; }

signals:
    // After an import that wrote something (also a cancelled one): views should reload.
    void imported(const QString &entity);

private:
    QString m_dbPath;
    ImportOptions m_options;
    QStringList m_header;
    QList<QStringList> m_preview;
    QList<ColumnMapping> m_suggested;
    QString m_preset;
    QByteArray m_encoding;
    QChar m_delimiter;
};

} // namespace gamix
