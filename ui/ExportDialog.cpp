#include "ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QtConcurrent>

namespace gamix {

namespace {

// What a format choice means; the combo's data is the index into this table.
struct FormatChoice
{
    ExportOptions::Format format;
    ExportOptions::Profile profile;
    int vcardVersion;
    const char *suffix;
};

const FormatChoice kChoices[] = {
    {ExportOptions::Format::Csv, ExportOptions::Profile::Excel, 3, "csv"},
    {ExportOptions::Format::Csv, ExportOptions::Profile::Data, 3, "csv"},
    {ExportOptions::Format::VCard, ExportOptions::Profile::Data, 3, "vcf"},
    {ExportOptions::Format::VCard, ExportOptions::Profile::Data, 4, "vcf"},
    {ExportOptions::Format::ICalendar, ExportOptions::Profile::Data, 3, "ics"},
};

} // namespace

ExportDialog::ExportDialog(const QString &dbPath, const EntityDef &entity, const ListQuery &view, bool viewFiltered,
                           bool viewExact, QWidget *parent)
    : QDialog(parent)
    , m_dbPath(dbPath)
    , m_entity(entity)
    , m_view(view)
    , m_poll(new QTimer(this))
    , m_watcher(new QFutureWatcher<ExportOutcome>(this))
    , m_cancelFlag(std::make_shared<std::atomic_bool>(false))
    , m_rows(std::make_shared<std::atomic<qint64>>(0))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export %1").arg(entity.translatedPluralLabel().toLower()));
    auto *form = new QFormLayout(this);

    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("CSV for Excel"), 0);
    m_format->addItem(tr("CSV data (UTF-8, comma, field names)"), 1);
    if (entity.name == u"contact") {
        m_format->addItem(tr("vCard 3.0"), 2);
        m_format->addItem(tr("vCard 4.0"), 3);
    }
    if (entity.name == u"task")
        m_format->addItem(tr("iCalendar (VTODO)"), 4);
    form->addRow(tr("&Format:"), m_format);

    m_encoding = new QComboBox;
    m_encoding->setObjectName(QStringLiteral("exportEncoding"));
    m_encoding->addItem(tr("Windows-1251 (older Excel)"), QByteArrayLiteral("windows-1251"));
    m_encoding->addItem(tr("UTF-8 with BOM"), QByteArrayLiteral("utf-8"));
    // Russian Excel opens a CSV as windows-1251 unless it has a BOM; both work there, but
    // 1251 is what accountants' older Excel versions expect.
    m_encoding->setCurrentIndex(QLocale().language() == QLocale::Russian ? 0 : 1);
    form->addRow(tr("&Encoding:"), m_encoding);

    QString viewText = tr("Only the current &filtered view");
    if (!viewExact)
        viewText += tr(" (without the period filter)");
    m_onlyView = new QCheckBox(viewText);
    m_onlyView->setObjectName(QStringLiteral("exportOnlyView"));
    m_onlyView->setChecked(viewFiltered);
    form->addRow(QString(), m_onlyView);

    auto *fileRow = new QHBoxLayout;
    m_file = new QLineEdit;
    m_file->setObjectName(QStringLiteral("exportFile"));
    m_file->setMinimumWidth(360);
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_file->setText(QDir(docs.isEmpty() ? QDir::homePath() : docs).filePath(entity.name + QStringLiteral("s.csv")));
    m_browse = new QPushButton(tr("&Choose…"));
    m_browse->setObjectName(QStringLiteral("exportBrowse"));
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    form->addRow(tr("F&ile:"), fileRow);

    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setRange(0, 0); // the row count of a view is not known before it is read
    m_progress->setTextVisible(false);
    m_progress->hide();
    form->addRow(m_progress);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_status);

    auto *buttons = new QDialogButtonBox;
    m_start = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("exportStart"));
    m_start->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("exportCancel"));
    form->addRow(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_file, &QLineEdit::textChanged, this, &ExportDialog::updateButtons);
    connect(m_start, &QPushButton::clicked, this, &ExportDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &ExportDialog::reject);
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, [this] {
        m_status->setText(tr("Exporting… %n record(s) written", nullptr, int(qMin<qint64>(m_rows->load(), INT_MAX))));
    });
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this] { done(m_watcher->result()); });
    formatChanged();
}

ExportDialog::~ExportDialog()
{
    // The job owns copies of everything it uses; a closed dialog only drops its answer.
    m_cancelFlag->store(true);
}

bool ExportDialog::isRunning() const
{
    return m_watcher->isRunning();
}

ExportOptions ExportDialog::options() const
{
    const FormatChoice &c = kChoices[m_format->currentData().toInt()];
    ExportOptions o;
    o.entity = &m_entity;
    o.file = m_file->text().trimmed();
    o.format = c.format;
    o.profile = c.profile;
    o.vcardVersion = c.vcardVersion;
    if (c.format == ExportOptions::Format::Csv && c.profile == ExportOptions::Profile::Excel)
        o.encoding = m_encoding->currentData().toByteArray();
    o.query = m_onlyView->isChecked() ? &m_view : nullptr;
    return o;
}

void ExportDialog::formatChanged()
{
    const FormatChoice &c = kChoices[m_format->currentData().toInt()];
    m_encoding->setEnabled(c.format == ExportOptions::Format::Csv && c.profile == ExportOptions::Profile::Excel);
    // Keep the chosen name, with the suffix of the format.
    const QString file = m_file->text().trimmed();
    if (!file.isEmpty()) {
        const QFileInfo info(file);
        m_file->setText(info.dir().filePath(info.completeBaseName() + u'.' + QLatin1String(c.suffix)));
    }
    updateButtons();
}

void ExportDialog::browse()
{
    const FormatChoice &c = kChoices[m_format->currentData().toInt()];
    const QString filter = c.format == ExportOptions::Format::Csv ? tr("CSV files (*.csv)")
        : c.format == ExportOptions::Format::VCard                ? tr("vCard files (*.vcf)")
                                                                  : tr("iCalendar files (*.ics)");
    const QString file = QFileDialog::getSaveFileName(this, tr("Export to"), m_file->text(), filter);
    if (!file.isEmpty())
        m_file->setText(file);
}

void ExportDialog::updateButtons()
{
    const bool running = isRunning();
    m_start->setEnabled(!running && !m_file->text().trimmed().isEmpty());
    m_format->setEnabled(!running);
    m_onlyView->setEnabled(!running);
    m_file->setEnabled(!running);
    m_browse->setEnabled(!running);
}

bool ExportDialog::start()
{
    if (isRunning() || m_file->text().trimmed().isEmpty())
        return false;
    ExportOptions o = options();
    const bool useView = o.query != nullptr;
    o.query = nullptr; // the job gets its own copy of the query
    m_cancelFlag = std::make_shared<std::atomic_bool>(false);
    m_rows = std::make_shared<std::atomic<qint64>>(0);
    m_progress->show();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Exporting…"));
    m_cancel->setText(tr("&Stop"));
    m_poll->start();
    m_watcher->setFuture(
        QtConcurrent::run([path = m_dbPath, o, view = m_view, useView, cancel = m_cancelFlag, rows = m_rows]() mutable {
            ExportOutcome out;
            Store store;
            if (!store.open(path, &out.error))
                return out;
            if (useView)
                o.query = &view;
            ExportJob job(store, o);
            job.cancelFlag = cancel.get();
            job.onProgress = [rows](qint64 n) {
                rows->store(n);
            };
            out.ok = job.run(&out.error);
            out.cancelled = !out.ok && cancel->load();
            out.rows = job.rowsWritten();
            out.unmappable = job.unmappableCount();
            return out;
        }));
    updateButtons();
    return true;
}

void ExportDialog::done(const ExportOutcome &outcome)
{
    m_poll->stop();
    m_progress->hide();
    m_cancel->setText(tr("&Close"));
    updateButtons();
    if (outcome.ok) {
        QString text = tr("Exported %n record(s) to %1.", nullptr, int(qMin<qint64>(outcome.rows, INT_MAX)))
                           .arg(QDir::toNativeSeparators(m_file->text().trimmed()));
        if (outcome.unmappable > 0)
            text += u' '
                + tr("%n character(s) did not fit the encoding and were written as “?”; choose UTF-8 to keep them.",
                     nullptr, int(qMin<qint64>(outcome.unmappable, INT_MAX)));
        m_status->setText(text);
    } else if (outcome.cancelled) {
        m_status->setText(tr("Export stopped; the file was not written."));
    } else {
        m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_status->setText(tr("Export failed: %1").arg(outcome.error));
    }
    emit finished(outcome.ok);
}

void ExportDialog::reject()
{
    if (isRunning()) {
        // First press stops the job; the dialog stays to say so.
        m_cancelFlag->store(true);
        m_status->setText(tr("Stopping…"));
        return;
    }
    QDialog::reject();
}

} // namespace gamix
