#pragma once
// One import of a CSV file into one entity: settles encoding, delimiter, preset and the
// column mapping (prepare), checks the whole file's structure before writing anything,
// then writes row by row through the Store's write path in committed batches with
// deferred search indexing, reporting each row and the progress. A cancelled or crashed
// import can simply be run again: rows already written are found as duplicates.
// The file is read on a second thread (CsvPrefetcher). A large import of contacts or leads
// (at least 20,000 rows and at least as many as the table holds) sets the email, phone and
// company_id indexes aside (SuspendedIndexes; duplicates are then found through
// ImportResolver's in-memory side index) and rebuilds them at the end; killed in between,
// the next Store::open rebuilds them.
//
//     ImportJob job(store, options);
//     job.onRow = [](const ImportRowReport &r) { ... };
//     const ImportSummary s = job.run();
//
// The job runs on the thread that owns `store`; the wizard runs it in a background thread
// with a Store of its own.

#include "ImportOptions.h"

#include <QStringList>

#include <atomic>
#include <functional>

namespace gamix {

class Store;

class ImportJob
{
public:
    ImportJob(Store &store, ImportOptions options);

    // Reads the header line; after it the accessors below are valid. False with a
    // one-line error (naming the file, and line and column where known).
    bool prepare(QString *error);
    QStringList header() const { return m_header; }
    QList<QStringList> previewRows() const { return m_preview; } // the first rows after the header
    const QList<ColumnMapping> &mapping() const { return m_mapping; }
    const Preset *preset() const { return m_preset; }
    QByteArray encoding() const { return m_encoding; }
    QChar delimiter() const { return m_delimiter; }

    ImportSummary run();

    std::function<void(const ImportRowReport &)> onRow;
    // rows done, rows in the file (0 until known), bytes read, file size.
    std::function<void(qint64, qint64, qint64, qint64)> onProgress;
    std::atomic_bool *cancelFlag = nullptr;

    // "FILE:LINE:COLUMN: message" (column left out when 0).
    static QString location(const QString &file, qint64 line, int column, const QString &message);

private:
    bool precheck(qint64 *rows, QString *error);

    Store &m_store;
    ImportOptions m_options;
    bool m_prepared = false;
    QStringList m_header;
    QList<QStringList> m_preview;
    QList<ColumnMapping> m_mapping;
    const Preset *m_preset = nullptr;
    QByteArray m_encoding;
    QChar m_delimiter;
};

} // namespace gamix
