#pragma once
// Options of CsvReader: what to detect and what to take as given. Empty encoding and a
// null delimiter mean "detect"; the CLI's `--encoding NAME` and `--delimiter CHAR` fill them.

#include <QByteArray>
#include <QChar>
#include <QtGlobal>

namespace gamix {

struct CsvOptions
{
    // Any name ICU knows ("cp1251", "KOI8-R", "utf8"...); empty = detect.
    QByteArray encoding;
    // ',', ';', '\t', '|' or any other character; null = detect.
    QChar delimiter;
    // Bytes read from the device at a time; memory stays around a few times this.
    qint64 chunkSize = 1 << 20;
    // Bad bytes in the encoding are an error (with line and column) instead of U+FFFD:
    // a silently mangled name is worse than a refused import.
    bool strictDecoding = true;
    // A row whose cell count differs from the first row's is an error the caller can
    // skip past; it is never padded or cut, because guessing moves data between columns.
    bool allowRaggedRows = false;
    // Blank physical lines (nothing at all between two line breaks) are not records.
    // Spreadsheets leave them at the end of files; a one-column file loses its empty cells.
    bool skipEmptyLines = true;
    // A single record bigger than this (in UTF-16 units) is an error: an unterminated quote
    // near the top of a 1 GB file must not pull the whole file into one cell.
    qint64 maxRecordChars = 64 * 1024 * 1024;
};

} // namespace gamix
