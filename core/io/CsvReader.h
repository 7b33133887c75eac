#pragma once
// Streaming CSV reader: RFC 4180 plus what Excel and other exporters really write (quoted
// line breaks, CR/LF/CRLF, a missing last line break, BOMs, UTF-16 files, text after a
// closing quote). Reads its QIODevice in chunks and keeps about two chunks of text in
// memory, so a 1 GB export streams; the encoding and delimiter are detected from the
// first chunk unless CsvOptions fixes them.
//
//     CsvReader reader(&file, options);
//     CsvRow row;
//     while (reader.readRow(row) || reader.error() == CsvReader::Error::RaggedRow) { ... }
//     if (reader.error() != CsvReader::Error::None) report(reader.errorString());

#include "CsvOptions.h"
#include "CsvRow.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QIODevice;

namespace gamix {

class TextDecoder;

class CsvReader
{
public:
    enum class Error {
        None,
        Device, // the device could not be read
        UnknownEncoding, // CsvOptions::encoding names no encoding we know
        Decoding, // bytes that are not valid text in the encoding (strict mode)
        UnterminatedQuote, // a quoted field still open at the end of the file
        RecordTooLarge, // a record beyond CsvOptions::maxRecordChars
        RaggedRow, // a row with a cell count unlike the first row's; recoverable
    };

    // The device must be open for reading; the reader does not own it.
    explicit CsvReader(QIODevice *device, const CsvOptions &options = {});
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    // Reads the first chunk and settles encoding and delimiter. readRow() calls it; call it
    // yourself to know them before the first row. False on an error.
    bool detect();

    // The next record. False at the end of the data or on an error (see error()). After
    // Error::RaggedRow the row holds the cells as read and the next call goes on; every
    // other error is final.
    bool readRow(CsvRow &row);
    bool readRow(QStringList &cells);

    // True once all records have been read (or a final error happened).
    bool atEnd() const { return m_finished; }

    // Physical line (1-based) where the record last returned by readRow() began.
    qint64 lineNumber() const { return m_recordLine; }
    // Bytes of the device consumed so far, for a progress bar.
    qint64 bytePosition() const;

    // Canonical lower-case encoding name ("utf-8", "windows-1251"...) and whether the
    // file began with a BOM; the delimiter in use. Valid after detect().
    QByteArray encoding() const { return m_encoding; }
    bool hasBom() const { return m_bomLength > 0; }
    QChar delimiter() const { return m_delimiter; }
    // Cells per row: the first row's count unless rows are allowed to be ragged.
    int expectedFieldCount() const { return m_expectedFields; }

    Error error() const { return m_error; }
    // One translated line naming line and column where they are known.
    QString errorString() const { return m_errorString; }
    qint64 errorLine() const { return m_errorLine; }
    qint64 errorColumn() const { return m_errorColumn; }

private:
    bool fill();
    bool readSample();
    void setFatal(Error error, const QString &message, qint64 line, qint64 column);
    qint64 column() const { return m_textBase + m_pos - m_lineStart + 1; }
    void endLine(QChar lineBreak);

    QIODevice *m_device;
    CsvOptions m_options;
    std::unique_ptr<TextDecoder> m_decoder;

    QByteArray m_bytes; // the chunk just read
    QString m_text; // decoded text not yet parsed past m_pos
    qsizetype m_pos = 0;
    qint64 m_textBase = 0; // characters of the stream before m_text[0]
    qint64 m_bytesRead = 0;
    double m_bytesPerChar = 1;
    bool m_deviceAtEnd = false;
    bool m_decoderDone = false;
    bool m_decodeFailed = false;

    bool m_detected = false;
    QByteArray m_encoding;
    int m_bomLength = 0;
    QChar m_delimiter;

    qint64 m_line = 1; // physical line at m_pos
    qint64 m_lineStart = 0; // stream offset (characters) where that line began
    bool m_skipLf = false; // a record ended at CR; an LF right after belongs to it
    bool m_prevCr = false; // the character before m_text[0] was CR
    qint64 m_recordLine = 0;
    int m_expectedFields = 0;
    bool m_finished = false;

    Error m_error = Error::None;
    QString m_errorString;
    qint64 m_errorLine = 0;
    qint64 m_errorColumn = 0;
};

} // namespace gamix
