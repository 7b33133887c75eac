#pragma once
// Picks the field delimiter of a CSV text among ',', ';', tab and '|': the one that splits
// the first records into the same number of cells (more than one). Quotes are honoured,
// so "Москва, Тверская 1" inside quotes does not vote for the comma.

#include <QChar>
#include <QStringView>

namespace gamix {

class CsvDelimiterDetector
{
public:
    // `text` is the decoded start of the file; `complete` says it is the whole file, so
    // its last record is not cut. Returns ',' when no candidate splits anything.
    static QChar detect(QStringView text, bool complete);

    // Cells per record when `text` is split at `delimiter`, for at most `maxRecords`
    // records (the last one dropped if cut). Exposed for the tests.
    static QList<int> fieldCounts(QStringView text, QChar delimiter, bool complete, int maxRecords);
};

} // namespace gamix
