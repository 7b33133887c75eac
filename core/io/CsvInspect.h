#pragma once
// `gamix-cli csv inspect FILE [--limit N] [--json] [--encoding auto|NAME]
// [--delimiter auto|CHAR]`: shows how Gamix reads a CSV file (encoding, delimiter, header,
// the first rows) without a database. With --json, stdout gets exactly one object
// {"encoding", "bom", "delimiter", "header", "rows"} with cells exactly as read.

#include <QStringList>

class QTextStream;

namespace gamix {

// `args` is what follows `csv inspect` (a global --json may be among them). Returns the
// exit code: 0, 1 when the file cannot be read as CSV, 2 for bad arguments. Errors are one
// line on `err` naming the file (and line and column where known); `out` then stays empty.
int runCsvInspect(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace gamix
