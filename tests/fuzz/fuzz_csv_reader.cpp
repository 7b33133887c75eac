// libFuzzer target for CsvReader: any bytes, under options chosen by the first input
// byte (tiny chunks so every boundary case is reachable, forced encodings, strictness).
// Beyond "no crash, no leak, no UB" it checks invariants: line numbers never go back,
// the progress position stays within the input, and whatever was read survives a trip
// through CsvWriter and back unchanged.
#include "io/CsvReader.h"
#include "io/CsvWriter.h"

#include <QBuffer>

#include <cstdint>
#include <cstdlib>

using namespace gamix;

namespace {

const char *const kEncodings[]
    = {"", "utf-8", "windows-1251", "koi8-r", "utf-16le", "utf-16be", "shift_jis", "gb18030"};
const char16_t kDelimiters[] = {0, u',', u';', u'\t'};

QList<QStringList> readAll(const QByteArray &data, const CsvOptions &options, bool *ok)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, options);
    QList<QStringList> rows;
    CsvRow row;
    qint64 lastLine = 0;
    for (;;) {
        const bool read = reader.readRow(row);
        if (!read && reader.error() != CsvReader::Error::RaggedRow)
            break;
        if (reader.lineNumber() < lastLine || reader.bytePosition() > data.size())
            std::abort();
        lastLine = reader.lineNumber();
        if (read)
            rows.append(row.toStringList());
    }
    *ok = reader.error() == CsvReader::Error::None;
    return rows;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t selector = data[0];
    CsvOptions options;
    options.encoding = kEncodings[selector & 7];
    options.delimiter = QChar(kDelimiters[(selector >> 3) & 3]);
    options.chunkSize = (selector & 0x20) ? 16 : 1 << 20;
    options.strictDecoding = !(selector & 0x40);
    options.allowRaggedRows = selector & 0x80;
    options.maxRecordChars = 1 << 16;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    bool ok = false;
    const QList<QStringList> rows = readAll(input, options, &ok);
    if (!ok || rows.isEmpty())
        return 0;

    // UTF-16 carries any QString unchanged (lone surrogates too), so the trip is exact.
    CsvWriterOptions writerOptions = CsvWriterOptions::data();
    writerOptions.encoding = "utf-16le";
    // With a BOM, a U+FEFF that begins the first cell is not taken for one on re-reading.
    writerOptions.bom = true;
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(&out, writerOptions);
        for (const QStringList &row : rows)
            writer.writeRow(row);
    }
    CsvOptions again;
    again.encoding = "utf-16le";
    again.delimiter = u',';
    again.allowRaggedRows = true;
    again.maxRecordChars = 1 << 20;
    bool okAgain = false;
    const QList<QStringList> reread = readAll(out.data(), again, &okAgain);
    // A row of one empty cell is written as a blank line, which the reader skips.
    QList<QStringList> expected;
    for (const QStringList &row : rows) {
        if (!(row.size() == 1 && row.first().isEmpty()))
            expected.append(row);
    }
    if (!okAgain || reread != expected)
        std::abort();
    return 0;
}
