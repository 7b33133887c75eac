#pragma once
// Runs an import (or its dry run) in a background thread: QtConcurrent::run with a
// QPromise that reports progress (rows done of rows in the file, and "N rows/s" as the
// progress text). The thread opens its own Store on the database file, because a Store
// belongs to the thread that opened it. Cancel through `cancel`: the job stops after the
// row in progress, commits what it wrote and still delivers its summary.

#include "io/ImportOptions.h"

#include <QFuture>

#include <atomic>
#include <memory>

namespace gamix {

struct ImportOutcome
{
    ImportSummary summary;
    QList<ImportRowReport> problems; // rejected, skipped and updated rows, the first 500
};

QFuture<ImportOutcome> startImport(const QString &dbPath, const ImportOptions &options,
                                   std::shared_ptr<std::atomic_bool> cancel);

} // namespace gamix
