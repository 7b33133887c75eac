#include "ImportJob.h"

#include "CsvPrefetcher.h"
#include "CsvReader.h"
#include "CsvWriter.h"
#include "ImportRowWriter.h"
#include "store/Store.h"
#include "store/SuspendedIndexes.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <memory>

namespace gamix {

namespace {

// A bulk import (a file at least this large and at least as large as the table) sets the
// table's random-key lookup indexes aside and rebuilds them once at the end.
constexpr qint64 kBulkMinRows = 20000;

// The indexes a bulk import of `entity` may set aside: those on email and phone columns
// (contact.email2's too, since migration 5), which ImportResolver answers from its in-memory side index when no SQL
// index exists, and company_id, which no import look-up reads. Kept: id, seq and dirty_seq (keys arrive in order, so
// their inserts are cheap appends; sync and the search catch-up read them) and the name index (name-only duplicates are
// looked up by SQL).
QStringList bulkIndexes(SqliteDb &db, const EntityDef &entity)
{
    QStringList columns {QStringLiteral("company_id")};
    for (const FieldDef &f : entity.fields) {
        if (f.type == FieldType::Email)
            columns << QStringLiteral("lower(") + f.name + u')';
        else if (f.type == FieldType::Phone)
            columns << f.name + QStringLiteral("_e164");
    }
    SqliteStmt st = db.prepare(QStringLiteral(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL"));
    st.bind(1, entity.name);
    QStringList names;
    while (st.step()) {
        const QString sql = st.text(1);
        for (const QString &c : columns) {
            if (sql.contains(u'(' + c + u')')) {
                names << st.text(0);
                break;
            }
        }
    }
    return names;
}

// Rebuilds the indexes a bulk import set aside on every way out of ImportJob::run.
struct IndexRestorer
{
    Store &store;
    bool active = false;
    void restore()
    {
        if (!active)
            return;
        active = false;
        SuspendedIndexes::restore(store.db());
    }
    ~IndexRestorer()
    {
        try {
            restore();
        } catch (const SqliteError &) {
            // Left in the note: the next Store::open rebuilds them.
        }
    }
};

} // namespace

QString ImportRowReport::actionName(Action a)
{
    switch (a) {
    case Action::Create:
        return QStringLiteral("create");
    case Action::Update:
        return QStringLiteral("update");
    case Action::Skip:
        return QStringLiteral("skip");
    case Action::Reject:
        return QStringLiteral("reject");
    }
    return {};
}

ImportJob::ImportJob(Store &store, ImportOptions options)
    : m_store(store)
    , m_options(std::move(options))
{ }

QString ImportJob::location(const QString &file, qint64 line, int column, const QString &message)
{
    QString where = file;
    if (line > 0)
        where += u':' + QString::number(line);
    if (line > 0 && column > 0)
        where += u':' + QString::number(column);
    return where + QStringLiteral(": ") + message;
}

bool ImportJob::prepare(QString *error)
{
    if (m_prepared)
        return true;
    QFile file(m_options.file);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = location(m_options.file, 0, 0,
                          QCoreApplication::translate("Import", "cannot open the file: %1").arg(file.errorString()));
        return false;
    }
    CsvOptions csv;
    csv.encoding = m_options.encoding;
    csv.delimiter = m_options.delimiter;
    CsvReader reader(&file, csv);
    CsvRow row;
    if (!reader.readRow(row)) {
        *error = reader.error() == CsvReader::Error::None
            ? location(m_options.file, 0, 0, QCoreApplication::translate("Import", "the file is empty"))
            : location(m_options.file, reader.errorLine(), int(reader.errorColumn()), reader.errorString());
        return false;
    }
    m_header = row.toStringList();
    m_encoding = reader.encoding();
    m_delimiter = reader.delimiter();
    m_preview.clear();
    while (m_preview.size() < 20 && (reader.readRow(row) || reader.error() == CsvReader::Error::RaggedRow))
        m_preview << row.toStringList();

    if (m_options.preset.isEmpty() || m_options.preset == u"auto") {
        m_preset = PresetRegistry::detect(m_header);
    } else {
        m_preset = PresetRegistry::byId(m_options.preset);
        if (!m_preset) {
            QStringList ids;
            for (const Preset &p : PresetRegistry::all())
                ids << p.id;
            *error = QCoreApplication::translate("Import", "unknown preset “%1” (one of: auto, %2)")
                         .arg(m_options.preset, ids.join(QStringLiteral(", ")));
            return false;
        }
    }
    // Gamix's Data profile (field names, ids first) writes values untouched: an apostrophe
    // at the start of a note is the user's, not a spreadsheet guard.
    if (m_preset && m_preset->id == u"gamix" && m_header.value(0) == u"id")
        m_options.dates.excelGuards = false;
    if (m_preset && m_options.dates.slashOrder == ValueParsers::SlashOrder::Auto)
        m_options.dates.slashOrder = m_preset->slashOrder;
    m_mapping = m_options.mapping.isEmpty()
        ? HeaderMatcher::match(*m_options.entity, m_header, m_preset, m_options.userMap)
        : m_options.mapping;
    m_prepared = true;
    return true;
}

bool ImportJob::precheck(qint64 *rows, QString *error)
{
    QFile file(m_options.file);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = location(m_options.file, 0, 0,
                          QCoreApplication::translate("Import", "cannot open the file: %1").arg(file.errorString()));
        return false;
    }
    CsvOptions csv;
    csv.encoding = m_encoding;
    csv.delimiter = m_delimiter;
    CsvReader reader(&file, csv);
    CsvRow row;
    qint64 n = -1; // the header is not a row
    while (reader.readRow(row) || reader.error() == CsvReader::Error::RaggedRow)
        ++n;
    if (reader.error() != CsvReader::Error::None) {
        *error = location(m_options.file, reader.errorLine(), int(reader.errorColumn()), reader.errorString());
        return false;
    }
    *rows = std::max<qint64>(n, 0);
    return true;
}

ImportSummary ImportJob::run()
{
    ImportSummary summary;
    summary.dryRun = m_options.dryRun;
    QElapsedTimer timer;
    timer.start();
    QString error;
    if (!prepare(&error)) {
        summary.fatalError = error;
        return summary;
    }
    summary.preset = m_preset ? m_preset->id : QString();
    summary.encoding = m_encoding;
    summary.delimiter = m_delimiter;

    const qint64 totalBytes = QFileInfo(m_options.file).size();
    qint64 totalRows = 0;
    if (m_options.precheck && !precheck(&totalRows, &error)) {
        summary.fatalError = error; // nothing has been written
        return summary;
    }

    QFile file(m_options.file);
    if (!file.open(QIODevice::ReadOnly)) {
        summary.fatalError
            = location(m_options.file, 0, 0,
                       QCoreApplication::translate("Import", "cannot open the file: %1").arg(file.errorString()));
        return summary;
    }
    CsvOptions csv;
    csv.encoding = m_encoding;
    csv.delimiter = m_delimiter;
    CsvReader reader(&file, csv);
    CsvRow row;
    reader.readRow(row); // the header

    std::unique_ptr<QSaveFile> rejectsFile;
    std::unique_ptr<CsvWriter> rejects;
    if (!m_options.rejectsFile.isEmpty()) {
        rejectsFile = std::make_unique<QSaveFile>(m_options.rejectsFile);
        if (!rejectsFile->open(QIODevice::WriteOnly)) {
            summary.fatalError = location(
                m_options.rejectsFile, 0, 0,
                QCoreApplication::translate("Import", "cannot write the file: %1").arg(rejectsFile->errorString()));
            return summary;
        }
        // The rejected rows go back to the user to fix in Excel: UTF-8 with BOM, their
        // delimiter, and the reason in a last column (ignored when re-imported).
        CsvWriterOptions w = CsvWriterOptions::data();
        w.delimiter = m_delimiter;
        w.bom = true;
        rejects = std::make_unique<CsvWriter>(rejectsFile.get(), w);
        rejects->writeRow(QStringList(m_header) << QCoreApplication::translate("Import", "Import error"));
    }

    // A bigger page cache for the length of the import: the random inserts into the email,
    // phone and name indexes dirty pages all over those B-trees, and each page that stays
    // cached is written to the WAL once per batch instead of once per spill. The same is why
    // batches are large (50,000 rows): at a million rows a commit writes nearly every leaf
    // page of those indexes whether the batch held 10,000 rows or 50,000 (measured: 50,000
    // rows into a 1M-row database took 26 s in 10,000-row batches, 10 s in one).
    const qint64 cacheSize = m_store.db().scalar(QStringLiteral("PRAGMA cache_size"));
    m_store.db().exec(QStringLiteral("PRAGMA cache_size = -131072"));
    struct RestoreCache
    {
        Store &store;
        qint64 size;
        ~RestoreCache() { store.db().exec(QStringLiteral("PRAGMA cache_size = %1").arg(size)); }
    } restoreCache {m_store, cacheSize};

    // Bulk mode, decided before the writer exists: its duplicate look-ups see which
    // indexes are there when it first needs them.
    IndexRestorer indexes {m_store};
    const bool contactLike = m_options.entity->name == u"contact" || m_options.entity->name == u"lead";
    const qint64 expectedRows = totalRows > 0 ? totalRows : totalBytes / 150;
    if (!m_options.dryRun && contactLike && expectedRows >= kBulkMinRows
        && expectedRows >= m_store.count(*m_options.entity)) {
        try {
            indexes.active = !SuspendedIndexes::suspend(m_store.db(), m_options.entity->name,
                                                        bulkIndexes(m_store.db(), *m_options.entity))
                                  .isEmpty();
        } catch (const SqliteError &) {
            // Another writer holds the database: import with the indexes in place.
        }
    }

    ImportRowWriter writer(m_store, m_options, m_mapping);
    writer.setIndexDeferred(true); // every batch below is beginBatch(true)
    const int batchSize = std::max(1, m_options.batchSize);
    int inBatch = 0;
    QElapsedTimer progressTimer;
    progressTimer.start();
    // From here the reader runs on its own thread, a few hundred rows ahead.
    CsvPrefetcher rows(reader);
    qint64 line = reader.lineNumber();
    // The batches of a bulk import commit with synchronous = NORMAL: in WAL mode a commit
    // then skips its fsync and the WAL is synced at checkpoints. A killed process loses
    // nothing committed (the WAL is in the OS's cache); a power cut can only lose the last
    // batches, never corrupt the file, and a re-run finds the rest as duplicates. The commits
    // after the last batch (indexes, search) run with the store's FULL again, and their
    // fsync makes every earlier batch durable before the import returns.
    const qint64 synchronous = m_store.db().scalar(QStringLiteral("PRAGMA synchronous"));
    struct RestoreSync
    {
        Store &store;
        qint64 level;
        bool changed = false;
        void restore()
        {
            if (changed)
                store.db().exec(QStringLiteral("PRAGMA synchronous = %1").arg(level));
            changed = false;
        }
        ~RestoreSync()
        {
            try {
                restore();
            } catch (const SqliteError &) {
                // Inside a transaction (an exception unwinding a batch): the connection
                // closes with the import, and Store::open sets FULL again.
            }
        }
    } restoreSync {m_store, synchronous};
    if (indexes.active) {
        m_store.db().exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        restoreSync.changed = true;
    }

    // In bulk mode only the name index still takes random inserts: a smaller page cache
    // than the batch default leaves room for the side index within the memory budget.
    auto beginBatch = [&] {
        m_store.beginBatch(true);
        if (indexes.active)
            m_store.db().exec(QStringLiteral("PRAGMA cache_size = -49152"));
    };
    try {
        beginBatch();
        while (true) {
            if (m_options.dryRun == false && inBatch >= batchSize) {
                m_store.commitBatch();
                beginBatch();
                inBatch = 0;
            }
            if (cancelFlag && cancelFlag->load()) {
                summary.cancelled = true;
                break;
            }
            const CsvPrefetcher::Item *item = rows.next();
            if (!item)
                break;
            line = item->line;
            ++summary.rows;
            ImportRowReport report;
            if (item->ragged) {
                report.line = item->line;
                report.action = ImportRowReport::Action::Reject;
                report.message = item->message;
            } else {
                report = writer.write(item->row, item->line);
                ++inBatch;
            }
            switch (report.action) {
            case ImportRowReport::Action::Create:
                ++summary.created;
                break;
            case ImportRowReport::Action::Update:
                ++summary.updated;
                break;
            case ImportRowReport::Action::Skip:
                ++summary.skipped;
                break;
            case ImportRowReport::Action::Reject:
                ++summary.rejected;
                if (rejects)
                    rejects->writeRow(item->row.toStringList() << report.message);
                break;
            }
            if (onRow)
                onRow(report);
            if (onProgress && progressTimer.elapsed() >= 200) {
                progressTimer.restart();
                onProgress(summary.rows, totalRows, rows.bytePosition(), totalBytes);
            }
        }
        rows.finish(); // the reader is ours again
        if (!summary.cancelled && reader.error() != CsvReader::Error::None
            && reader.error() != CsvReader::Error::RaggedRow) {
            // Only without the precheck: the batch in progress is dropped, earlier ones stay.
            m_store.rollbackBatch();
            writer.clearCaches();
            summary.fatalError
                = location(m_options.file, reader.errorLine(), int(reader.errorColumn()), reader.errorString());
            return summary;
        }
        if (m_options.dryRun) {
            m_store.rollbackBatch();
        } else {
            m_store.commitBatch();
            restoreSync.restore(); // the next commit (indexes or search) syncs the whole WAL
            indexes.restore();
            m_store.catchUpSearchIndex(); // committed and searchable when we return
        }
    } catch (const SqliteError &e) {
        if (m_store.inBatch())
            m_store.rollbackBatch();
        summary.fatalError = location(m_options.file, line, 0, e.message());
        return summary;
    }
    summary.companiesCreated = m_options.dryRun ? 0 : writer.companiesCreated();
    summary.contactsCreated = m_options.dryRun ? 0 : writer.contactsCreated();
    if (rejects) {
        rejects.reset();
        if (summary.rejected > 0)
            rejectsFile->commit();
        else
            rejectsFile->cancelWriting();
    }
    if (onProgress)
        onProgress(summary.rows, std::max(totalRows, summary.rows), totalBytes, totalBytes);
    summary.seconds = timer.elapsed() / 1000.0;
    return summary;
}

} // namespace gamix
