#pragma once
// Streaming CSV writer with two profiles:
//  - Excel: ';' (what Russian Excel expects), CRLF, UTF-8 with BOM (or windows-1251 for old
//    Excel), and formula injection neutralised (see CsvWriter.cpp for the exact rule).
//  - Data: RFC 4180 for programs: ',', CRLF as the RFC says (every reader accepts it; LF
//    would be non-conforming for no gain), UTF-8 without BOM, values written untouched.
// Cells are quoted only when needed. Output is buffered and encoded in blocks.

#include <QByteArray>
#include <QChar>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <memory>

class QIODevice;

namespace gamix {

class TextEncoder;

struct CsvWriterOptions
{
    enum class LineEnding { CrLf, Lf };

    QChar delimiter = u',';
    LineEnding lineEnding = LineEnding::CrLf;
    QByteArray encoding = QByteArrayLiteral("utf-8"); // any name ICU knows
    bool bom = false; // only for UTF encodings
    bool neutraliseFormulas = false; // the Excel profile's guard

    static CsvWriterOptions excel(); // ';', CRLF, UTF-8 + BOM, formulas neutralised
    static CsvWriterOptions excelWindows1251(); // the same in windows-1251 for old Excel
    static CsvWriterOptions data(); // ',', CRLF, UTF-8 without BOM, values untouched
};

class CsvWriter
{
public:
    // The device must be open for writing; the writer does not own it.
    CsvWriter(QIODevice *device, const CsvWriterOptions &options);
    ~CsvWriter(); // flushes
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    bool isValid() const;
    bool writeRow(const QStringList &cells);
    bool writeRow(const QList<QStringView> &cells);
    // Writes buffered bytes to the device. False (with errorString()) if it refused.
    bool flush();

    // Characters the encoding could not represent, written as '?'.
    qint64 unmappableCount() const;
    QString errorString() const { return m_errorString; }

    // How the Excel profile writes one cell before CSV quoting. Exposed for the tests.
    static QString neutraliseFormula(const QString &cell);

private:
    template<typename Cells> bool writeCells(const Cells &cells);
    void appendCell(QStringView cell);

    QIODevice *m_device;
    CsvWriterOptions m_options;
    std::unique_ptr<TextEncoder> m_encoder;
    QString m_text; // rows not yet encoded
    QByteArray m_bytes; // encoded, not yet written
    bool m_started = false;
    QString m_errorString;
};

} // namespace gamix
