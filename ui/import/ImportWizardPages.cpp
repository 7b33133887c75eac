#include "ImportWizardPages.h"

#include "ImportWizard.h"
#include "io/HeaderMatcher.h"
#include "io/VCardReader.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gamix {

namespace {

QString delimiterText(QChar d)
{
    return d == u'\t' ? QCoreApplication::translate("ImportWizard", "Tab") : QString(d);
}

} // namespace

// ---- file and entity ----

ImportSourcePage::ImportSourcePage(ImportWizard *wizard)
    : m_wizard(wizard)
{
    setTitle(tr("What to import"));
    setSubTitle(tr("A CSV file from Excel, Outlook, Google, amoCRM, Bitrix24, Pipedrive, HubSpot or Twenty."));
    m_entity = new QComboBox(this);
    m_entity->setObjectName(QStringLiteral("entity"));
    for (const char *name : {"contact", "company", "lead", "deal", "task"}) {
        const EntityDef *e = Schema::instance().entity(QString::fromLatin1(name));
        m_entity->addItem(e->translatedPluralLabel(), e->name);
    }
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("filePath"));
    auto *browse = new QPushButton(tr("Choose…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Import file"), QString(),
                                                       tr("CSV files (*.csv *.txt);;vCard (*.vcf);;All files (*)"));
        if (!f.isEmpty())
            m_file->setText(f);
    });
    connect(m_file, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("sourceError"));
    m_error->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(m_file);
    row->addWidget(browse);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Records:"), m_entity);
    form->addRow(tr("File:"), row);
    form->addRow(m_error);
}

void ImportSourcePage::setEntity(const QString &entity)
{
    m_entity->setCurrentIndex(std::max(0, m_entity->findData(entity)));
}

bool ImportSourcePage::isComplete() const
{
    return QFileInfo(m_file->text()).isFile();
}

int ImportSourcePage::nextId() const
{
    if (VCardReader::looksLikeVCard(m_file->text()))
        return ImportWizard::DuplicatesPage;
    return QWizardPage::nextId();
}

bool ImportSourcePage::validatePage()
{
    ImportOptions &o = m_wizard->options();
    o.file = m_file->text();
    o.entity = Schema::instance().entity(m_entity->currentData().toString());
    o.mapping.clear();
    QString error;
    if (VCardReader::looksLikeVCard(o.file)) {
        if (o.entity->name != u"contact") {
            m_error->setText(tr("A vCard file holds contacts."));
            return false;
        }
        return true;
    }
    if (!m_wizard->prepare(&error)) {
        m_error->setText(error);
        return false;
    }
    m_error->clear();
    return true;
}

// ---- how the file is read ----

ImportPreviewPage::ImportPreviewPage(ImportWizard *wizard)
    : m_wizard(wizard)
{
    setTitle(tr("How the file reads"));
    setSubTitle(tr("Detected automatically; change anything that looks wrong."));
    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(QStringLiteral("encoding"));
    m_encoding->addItem(tr("Detect"), QString());
    for (const char *e : {"utf-8", "windows-1251", "koi8-r", "utf-16le", "utf-16be", "ibm866"})
        m_encoding->addItem(QString::fromLatin1(e), QString::fromLatin1(e));
    m_delimiter = new QComboBox(this);
    m_delimiter->setObjectName(QStringLiteral("delimiter"));
    m_delimiter->addItem(tr("Detect"), QString());
    m_delimiter->addItem(QStringLiteral(";"), QStringLiteral(";"));
    m_delimiter->addItem(QStringLiteral(","), QStringLiteral(","));
    m_delimiter->addItem(tr("Tab"), QStringLiteral("\t"));
    m_delimiter->addItem(QStringLiteral("|"), QStringLiteral("|"));
    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("preset"));
    m_preset->addItem(tr("Recognise"), QString());
    for (const Preset &p : PresetRegistry::all())
        m_preset->addItem(p.translatedLabel(), p.id);
    m_dateOrder = new QComboBox(this);
    m_dateOrder->setObjectName(QStringLiteral("dateOrder"));
    m_dateOrder->addItem(tr("Recognise (03/04 = 4 March in US files)"), int(ValueParsers::SlashOrder::Auto));
    m_dateOrder->addItem(tr("Day first (03/04 = 3 April)"), int(ValueParsers::SlashOrder::DayFirst));
    m_dateOrder->addItem(tr("Month first (03/04 = 4 March)"), int(ValueParsers::SlashOrder::MonthFirst));
    m_readAs = new QLabel(this);
    m_readAs->setObjectName(QStringLiteral("readAs"));
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("preview"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *form = new QFormLayout;
    form->addRow(tr("Encoding:"), m_encoding);
    form->addRow(tr("Delimiter:"), m_delimiter);
    form->addRow(tr("Format:"), m_preset);
    form->addRow(tr("Dates like 03/04/2025:"), m_dateOrder);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_readAs);
    layout->addWidget(m_table, 1);
    for (QComboBox *c : {m_encoding, m_delimiter, m_preset, m_dateOrder})
        connect(c, &QComboBox::currentIndexChanged, this, &ImportPreviewPage::reread);
}

void ImportPreviewPage::initializePage()
{
    m_filling = true;
    const ImportOptions &o = m_wizard->options();
    m_encoding->setCurrentIndex(std::max(0, m_encoding->findData(QString::fromLatin1(o.encoding))));
    m_delimiter->setCurrentIndex(
        std::max(0, m_delimiter->findData(o.delimiter.isNull() ? QString() : QString(o.delimiter))));
    m_preset->setCurrentIndex(std::max(0, m_preset->findData(o.preset)));
    m_filling = false;
    reread();
}

void ImportPreviewPage::reread()
{
    if (m_filling)
        return;
    ImportOptions &o = m_wizard->options();
    o.encoding = m_encoding->currentData().toString().toLatin1();
    const QString d = m_delimiter->currentData().toString();
    o.delimiter = d.isEmpty() ? QChar() : d.at(0);
    o.preset = m_preset->currentData().toString();
    o.dates.slashOrder = ValueParsers::SlashOrder(m_dateOrder->currentData().toInt());
    o.mapping.clear();
    QString error;
    if (!m_wizard->prepare(&error)) {
        m_readAs->setText(error);
        m_table->clear();
        return;
    }
    const Preset *p = PresetRegistry::byId(m_wizard->detectedPreset());
    m_readAs->setText(tr("Read as %1, delimiter “%2”, format: %3")
                          .arg(QString::fromLatin1(m_wizard->detectedEncoding()),
                               delimiterText(m_wizard->detectedDelimiter()),
                               p ? p->translatedLabel() : tr("not recognised, columns matched by name")));
    const QStringList header = m_wizard->header();
    const QList<QStringList> rows = m_wizard->previewRows();
    m_table->clear();
    m_table->setColumnCount(int(header.size()));
    m_table->setRowCount(int(rows.size()));
    m_table->setHorizontalHeaderLabels(header);
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows.at(r).size() && c < header.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(rows.at(r).at(c)));
    }
}

// ---- column mapping ----

ImportMappingPage::ImportMappingPage(ImportWizard *wizard)
    : m_wizard(wizard)
{
    setTitle(tr("Columns"));
    setSubTitle(tr("Which field each column fills. Columns left “to notes” are kept in the notes."));
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("mapping"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Column"), tr("Example"), tr("Field")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *save = new QPushButton(tr("Save this mapping"), this);
    save->setObjectName(QStringLiteral("saveMapping"));
    connect(save, &QPushButton::clicked, this, &ImportMappingPage::saveMapping);
    m_saved = new QLabel(this);
    m_saved->setObjectName(QStringLiteral("mappingSaved"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(save);
    buttons->addWidget(m_saved, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

QString ImportMappingPage::settingsKey(const QString &entity, const QStringList &header)
{
    QStringList folded;
    for (const QString &h : header)
        folded << HeaderMatcher::fold(h);
    const QByteArray hash
        = QCryptographicHash::hash(folded.join(u'\n').toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QStringLiteral("import/mappings/") + entity + u'-' + QString::fromLatin1(hash);
}

void ImportMappingPage::initializePage()
{
    const EntityDef &e = *m_wizard->options().entity;
    const QStringList header = m_wizard->header();
    QList<ColumnMapping> mapping = m_wizard->suggestedMapping();
    // A mapping saved for this very header line wins over the guess.
    const QVariantMap saved = QSettings().value(settingsKey(e.name, header)).toMap();
    m_saved->setText(saved.isEmpty() ? QString() : tr("Using the mapping you saved for this kind of file."));
    const QList<QStringList> rows = m_wizard->previewRows();
    m_table->setRowCount(int(mapping.size()));
    const QStringList targets = HeaderMatcher::targets(e);
    for (int i = 0; i < mapping.size(); ++i) {
        const ColumnMapping &c = mapping.at(i);
        m_table->setItem(i, 0, new QTableWidgetItem(c.header));
        QString example;
        for (const QStringList &r : rows) {
            if (c.column < r.size() && !r.at(c.column).trimmed().isEmpty()) {
                example = r.at(c.column);
                break;
            }
        }
        m_table->setItem(i, 1, new QTableWidgetItem(example));
        auto *combo = new QComboBox(m_table);
        combo->setObjectName(QStringLiteral("map_%1").arg(i));
        combo->addItem(tr("(to notes)"), QString());
        combo->addItem(tr("(ignore)"), QStringLiteral("-"));
        for (const QString &t : targets) {
            const FieldDef *f = e.field(t);
            // A deal's contact.phone...: "Contact: Phone (contact.phone)".
            const EntityDef *contact = Schema::instance().entity(u"contact");
            const FieldDef *cf = t.startsWith(QLatin1String("contact.")) ? contact->field(t.mid(8)) : nullptr;
            if (f)
                combo->addItem(f->translatedLabel() + QStringLiteral(" (") + t + u')', t);
            else if (cf)
                combo->addItem(contact->translatedLabel() + QStringLiteral(": ") + cf->translatedLabel()
                                   + QStringLiteral(" (") + t + u')',
                               t);
            else
                combo->addItem(t, t);
        }
        const QString target = saved.contains(c.header) ? saved.value(c.header).toString() : c.target;
        combo->setCurrentIndex(std::max(0, combo->findData(target)));
        m_table->setCellWidget(i, 2, combo);
    }
    m_table->resizeColumnsToContents();
}

bool ImportMappingPage::validatePage()
{
    ImportOptions &o = m_wizard->options();
    QList<ColumnMapping> mapping = m_wizard->suggestedMapping();
    for (int i = 0; i < mapping.size(); ++i) {
        auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(i, 2));
        const QString chosen = combo->currentData().toString();
        if (chosen != mapping[i].target) {
            mapping[i].target = chosen;
            mapping[i].source = ColumnMapping::Source::User;
        }
    }
    o.mapping = mapping;
    return true;
}

void ImportMappingPage::saveMapping()
{
    QVariantMap map;
    for (int i = 0; i < m_table->rowCount(); ++i)
        map.insert(m_table->item(i, 0)->text(), qobject_cast<QComboBox *>(m_table->cellWidget(i, 2))->currentData());
    QSettings().setValue(settingsKey(m_wizard->options().entity->name, m_wizard->header()), map);
    m_saved->setText(tr("Saved: files with these columns will be mapped the same way."));
}

// ---- dry run ----

ImportDryRunPage::ImportDryRunPage(ImportWizard *wizard)
    : m_wizard(wizard)
    , m_watcher(new QFutureWatcher<ImportOutcome>(this))
{
    setTitle(tr("Check"));
    setSubTitle(tr("What the import will do. Nothing has been written yet."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("Import"));
    m_summary = new QLabel(tr("Checking…"), this);
    m_summary->setObjectName(QStringLiteral("dryRunSummary"));
    m_summary->setWordWrap(true);
    m_problems = new QTableWidget(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setColumnCount(3);
    m_problems->setHorizontalHeaderLabels({tr("Line"), tr("What happens"), tr("Why")});
    m_problems->horizontalHeader()->setStretchLastSection(true);
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems, 1);
    connect(m_watcher, &QFutureWatcher<ImportOutcome>::finished, this, [this] {
        if (m_watcher->future().resultCount() == 0)
            return;
        const ImportOutcome o = m_watcher->result();
        const ImportSummary &s = o.summary;
        m_done = true;
        if (!s.ok()) {
            m_summary->setText(s.fatalError);
            emit completeChanged();
            return;
        }
        m_summary->setText(tr("%1 rows: %2 new, %3 to update, %4 already there, %5 with errors.")
                               .arg(s.rows)
                               .arg(s.created)
                               .arg(s.updated)
                               .arg(s.skipped)
                               .arg(s.rejected));
        m_problems->setRowCount(int(o.problems.size()));
        for (int i = 0; i < o.problems.size(); ++i) {
            const ImportRowReport &r = o.problems.at(i);
            m_problems->setItem(i, 0, new QTableWidgetItem(QString::number(r.line)));
            const QString action = r.action == ImportRowReport::Action::Reject ? tr("not imported")
                : r.action == ImportRowReport::Action::Update                  ? tr("updates the record")
                                                                               : tr("skipped");
            m_problems->setItem(i, 1, new QTableWidgetItem(action));
            m_problems->setItem(i, 2, new QTableWidgetItem(r.message));
        }
        emit completeChanged();
    });
}

void ImportDryRunPage::initializePage()
{
    m_done = false;
    m_summary->setText(tr("Checking…"));
    m_problems->setRowCount(0);
    ImportOptions o = m_wizard->options();
    o.dryRun = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_watcher->setFuture(startImport(m_wizard->databasePath(), o, m_cancel));
}

void ImportDryRunPage::cleanupPage()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool ImportDryRunPage::isComplete() const
{
    return m_done && m_watcher->future().resultCount() > 0 && m_watcher->result().summary.ok();
}

// ---- the import ----

ImportRunPage::ImportRunPage(ImportWizard *wizard)
    : m_wizard(wizard)
    , m_watcher(new QFutureWatcher<ImportOutcome>(this))
{
    setTitle(tr("Importing"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_rate = new QLabel(this);
    m_rate->setObjectName(QStringLiteral("rate"));
    m_cancelButton = new QPushButton(tr("Stop"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelImport"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("result"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_rate);
    layout->addWidget(m_cancelButton, 0, Qt::AlignLeft);
    layout->addWidget(m_result, 1);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_cancel)
            m_cancel->store(true);
        m_cancelButton->setEnabled(false);
    });
    connect(m_watcher, &QFutureWatcher<ImportOutcome>::progressRangeChanged, m_progress, &QProgressBar::setRange);
    connect(m_watcher, &QFutureWatcher<ImportOutcome>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(m_watcher, &QFutureWatcher<ImportOutcome>::progressTextChanged, m_rate, &QLabel::setText);
    connect(m_watcher, &QFutureWatcher<ImportOutcome>::finished, this, [this] {
        m_done = true;
        m_cancelButton->setEnabled(false);
        if (m_watcher->future().resultCount() == 0)
            return;
        const ImportSummary s = m_watcher->result().summary;
        if (!s.ok()) {
            m_result->setText(s.fatalError);
        } else {
            QString text = s.cancelled ? tr("Stopped after %1 rows. Run the same import again to continue: "
                                            "rows already imported are recognised and skipped.")
                                             .arg(s.rows)
                                       : tr("Done: %1 rows in %2 s.").arg(s.rows).arg(s.seconds, 0, 'f', 1);
            text += u'\n'
                + tr("%1 created, %2 updated, %3 skipped, %4 not imported.")
                      .arg(s.created)
                      .arg(s.updated)
                      .arg(s.skipped)
                      .arg(s.rejected);
            if (s.rejected > 0)
                text += u'\n'
                    + tr("The rows with errors are in %1: fix them there and import that file.")
                          .arg(m_wizard->options().rejectsFile);
            m_result->setText(text);
            m_progress->setValue(m_progress->maximum());
        }
        if (s.created + s.updated > 0)
            emit m_wizard->imported(m_wizard->options().entity->name);
        emit completeChanged();
    });
}

void ImportRunPage::initializePage()
{
    m_done = false;
    m_result->clear();
    m_rate->clear();
    m_progress->setRange(0, 0);
    m_cancelButton->setEnabled(true);
    ImportOptions &o = m_wizard->options();
    o.dryRun = false;
    const QFileInfo source(o.file);
    // Rejected rows in the file's own format: a vCard file's cards come back as vCard.
    const bool vcard = VCardReader::looksLikeVCard(o.file);
    o.rejectsFile = source.absolutePath() + u'/' + source.completeBaseName() + tr("-rejected")
        + (vcard ? QStringLiteral(".vcf") : QStringLiteral(".csv"));
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_watcher->setFuture(startImport(m_wizard->databasePath(), o, m_cancel));
}

bool ImportRunPage::isComplete() const
{
    return m_done;
}

} // namespace gamix
