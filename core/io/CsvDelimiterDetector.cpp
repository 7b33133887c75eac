#include "CsvDelimiterDetector.h"

#include <QHash>
#include <QList>

namespace gamix {

namespace {

constexpr int kSampleRecords = 50;

} // namespace

QList<int> CsvDelimiterDetector::fieldCounts(QStringView text, QChar delimiter, bool complete, int maxRecords)
{
    QList<int> counts;
    int fields = 1;
    bool inQuotes = false;
    bool recordHasText = false;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n && counts.size() < maxRecords; ++i) {
        const QChar c = text[i];
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < n && text[i + 1] == u'"')
                    ++i;
                else
                    inQuotes = false;
            }
            continue;
        }
        if (c == u'"') {
            inQuotes = true;
            recordHasText = true;
        } else if (c == delimiter) {
            ++fields;
            recordHasText = true;
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < n && text[i + 1] == u'\n')
                ++i;
            if (recordHasText)
                counts.append(fields);
            fields = 1;
            recordHasText = false;
        } else {
            recordHasText = true;
        }
    }
    // A last record without a line break counts only if nothing follows it.
    if (complete && recordHasText && !inQuotes && counts.size() < maxRecords)
        counts.append(fields);
    return counts;
}

QChar CsvDelimiterDetector::detect(QStringView text, bool complete)
{
    // Order breaks ties: in Russian files ';' is the Excel default, and a comma inside an
    // unquoted address is more common than a semicolon.
    const QChar candidates[] = {u';', u',', u'\t', u'|'};
    QChar best = u',';
    double bestConsistency = 0;
    int bestFields = 1;
    for (const QChar candidate : candidates) {
        const QList<int> counts = fieldCounts(text, candidate, complete, kSampleRecords);
        if (counts.isEmpty())
            continue;
        // The most frequent cell count, and the share of records that have it.
        QHash<int, int> histogram;
        for (const int count : counts)
            ++histogram[count];
        int modeFields = 1;
        int modeRecords = 0;
        for (auto it = histogram.cbegin(); it != histogram.cend(); ++it) {
            if (it.value() > modeRecords || (it.value() == modeRecords && it.key() > modeFields)) {
                modeFields = it.key();
                modeRecords = it.value();
            }
        }
        if (modeFields < 2)
            continue;
        // The header decides when it disagrees: data rows may hold stray delimiters
        // inside unquoted text, the header of a real export rarely does.
        const double consistency = double(modeRecords) / counts.size() + (counts.first() == modeFields ? 0.5 : 0.0);
        if (consistency > bestConsistency + 1e-9
            || (qAbs(consistency - bestConsistency) <= 1e-9 && modeFields > bestFields)) {
            best = candidate;
            bestConsistency = consistency;
            bestFields = modeFields;
        }
    }
    return best;
}

} // namespace gamix
