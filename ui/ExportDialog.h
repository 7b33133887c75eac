#pragma once
// Export of one entity to a file from the desktop app: the format (CSV for Excel in
// UTF-8 with BOM or windows-1251 — windows-1251 by default in a Russian locale; CSV data
// profile; vCard 3.0/4.0 for contacts; iCalendar for tasks), "only the current filtered
// view", and the file. ExportJob runs in a background thread on its own Store (a Store
// belongs to one thread) with a cancel flag and a rows counter; the dialog shows the
// count, a Cancel button and, on failure, the job's one-line error.
//
// Widgets carry objectNames for the GUI tests: exportFormat, exportEncoding,
// exportOnlyView, exportFile, exportBrowse, exportProgress, exportStatus, exportStart,
// exportCancel.

#include "io/ExportJob.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace gamix {

struct ExportOutcome
{
    bool ok = false;
    bool cancelled = false;
    QString error;
    qint64 rows = 0;
    qint64 unmappable = 0;
};

class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    // `view`: the list's current query; `viewExact` false when the view has a filter the
    // query cannot express (the period); `viewFiltered` checks "only the current view".
    ExportDialog(const QString &dbPath, const EntityDef &entity, const ListQuery &view, bool viewFiltered,
                 bool viewExact, QWidget *parent = nullptr);
    ~ExportDialog() override;

    // The options the widgets describe now (the query points into this dialog).
    ExportOptions options() const;
    bool isRunning() const;
    // Starts the export (the Export button); false when the options are not complete.
    bool start();

signals:
    void finished(bool ok);

public slots:
    void reject() override;

private:
    void formatChanged();
    void browse();
    void done(const ExportOutcome &outcome);
    void updateButtons();

    QString m_dbPath;
    const EntityDef &m_entity;
    ListQuery m_view;
    QComboBox *m_format;
    QComboBox *m_encoding;
    QCheckBox *m_onlyView;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QTimer *m_poll;
    QFutureWatcher<ExportOutcome> *m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
    std::shared_ptr<std::atomic<qint64>> m_rows;
};

} // namespace gamix
