#pragma once
// `gamix-cli duplicates` and `gamix-cli merge ENTITY KEEP_ID OTHER_ID` (issue 5): the
// records flagged as duplicates when they met through sync, and the merge that keeps one,
// tombstones the other with merged_into and repoints references (Store::mergeRecords).

#include <QStringList>
#include <QTextStream>

namespace gamix {

// Exit codes as CliApp: 0 done, 1 refused or failed, 2 a wrong command line.
int runCliDuplicates(const QStringList &args, const QString &dbPath, bool json, QTextStream &out, QTextStream &err);
int runCliMerge(const QStringList &args, const QString &dbPath, bool json, QTextStream &out, QTextStream &err);

} // namespace gamix
