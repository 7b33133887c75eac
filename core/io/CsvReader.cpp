#include "CsvReader.h"

#include "CsvDelimiterDetector.h"
#include "EncodingDetector.h"
#include "TextDecoder.h"

#include <QCoreApplication>
#include <QIODevice>

namespace gamix {

namespace {

// Detection wants a fair sample even from a device that trickles (a pipe).
constexpr qint64 kMinSampleBytes = 64 * 1024;

} // namespace

CsvReader::CsvReader(QIODevice *device, const CsvOptions &options)
    : m_device(device)
    , m_options(options)
{
    if (m_options.chunkSize < 16)
        m_options.chunkSize = 16;
}

CsvReader::~CsvReader() = default;

void CsvReader::setFatal(Error error, const QString &message, qint64 line, qint64 column)
{
    m_error = error;
    m_errorString = message;
    m_errorLine = line;
    m_errorColumn = column;
    m_finished = true;
}

qint64 CsvReader::bytePosition() const
{
    const qint64 pending = qint64((m_text.size() - m_pos) * m_bytesPerChar);
    return qMax<qint64>(0, m_bytesRead - pending);
}

bool CsvReader::readSample()
{
    QByteArray sample;
    while (sample.size() < qMin(kMinSampleBytes, m_options.chunkSize)) {
        m_bytes.resize(m_options.chunkSize - sample.size());
        const qint64 n = m_device->read(m_bytes.data(), m_bytes.size());
        if (n < 0) {
            setFatal(Error::Device,
                     QCoreApplication::translate("Csv", "Cannot read the file: %1").arg(m_device->errorString()), 0, 0);
            return false;
        }
        if (n == 0 && !(m_device->isSequential() && m_device->waitForReadyRead(30000))) {
            m_deviceAtEnd = true;
            break;
        }
        sample.append(m_bytes.constData(), n);
    }
    if (!m_deviceAtEnd && !m_device->isSequential() && m_device->atEnd())
        m_deviceAtEnd = true;
    m_bytesRead = sample.size();
    m_bytes = sample;
    return true;
}

bool CsvReader::detect()
{
    if (m_detected)
        return m_error == Error::None || m_error == Error::RaggedRow;
    m_detected = true;
    if (!readSample())
        return false;

    const DetectedEncoding bom = EncodingDetector::detectBom(m_bytes);
    if (m_options.encoding.isEmpty()) {
        const DetectedEncoding detected = EncodingDetector::detect(m_bytes, m_deviceAtEnd);
        m_encoding = detected.name;
        m_bomLength = detected.bomLength;
    } else {
        m_encoding = EncodingDetector::canonicalName(m_options.encoding);
        if (m_encoding == "utf-16")
            m_encoding = bom.name == "utf-16be" ? QByteArrayLiteral("utf-16be") : QByteArrayLiteral("utf-16le");
        // A BOM is skipped only when it belongs to the encoding the user chose.
        if (bom.name == m_encoding)
            m_bomLength = bom.bomLength;
    }
    m_decoder = std::make_unique<TextDecoder>(m_encoding, m_options.strictDecoding);
    if (m_encoding.isEmpty() || !m_decoder->isValid()) {
        setFatal(Error::UnknownEncoding,
                 QCoreApplication::translate("Csv", "Unknown encoding: %1")
                     .arg(QString::fromLatin1(m_options.encoding.isEmpty() ? m_encoding : m_options.encoding)),
                 0, 0);
        return false;
    }

    // The BOM is not text: the decoder starts after it, and file offsets count it.
    const QByteArrayView body = QByteArrayView(m_bytes).sliced(m_bomLength);
    if (!m_decoder->decode(body, m_text, m_deviceAtEnd))
        m_decodeFailed = true;
    if (m_deviceAtEnd)
        m_decoderDone = true;
    if (!m_text.isEmpty())
        m_bytesPerChar = double(m_bytes.size()) / m_text.size();

    m_delimiter = m_options.delimiter.isNull() ? CsvDelimiterDetector::detect(m_text, m_deviceAtEnd && !m_decodeFailed)
                                               : m_options.delimiter;
    return true;
}

bool CsvReader::fill()
{
    if (m_decodeFailed || m_decoderDone)
        return false;
    m_prevCr = !m_text.isEmpty() && m_text.back() == u'\r';
    m_textBase += m_text.size();
    m_text.resize(0);
    m_pos = 0;
    while (m_text.isEmpty()) {
        if (m_deviceAtEnd) {
            // Flush the decoder: a sequence cut at the end of the file is an error now.
            if (!m_decoder->decode({}, m_text, true))
                m_decodeFailed = true;
            m_decoderDone = true;
            return !m_text.isEmpty();
        }
        m_bytes.resize(m_options.chunkSize);
        const qint64 n = m_device->read(m_bytes.data(), m_bytes.size());
        if (n < 0) {
            setFatal(Error::Device,
                     QCoreApplication::translate("Csv", "Cannot read the file: %1").arg(m_device->errorString()),
                     m_line, column());
            return false;
        }
        if (n == 0) {
            if (!(m_device->isSequential() && m_device->waitForReadyRead(30000)))
                m_deviceAtEnd = true;
            continue;
        }
        m_bytesRead += n;
        m_bytes.resize(n);
        if (!m_decoder->decode(m_bytes, m_text, false)) {
            m_decodeFailed = true;
            return !m_text.isEmpty();
        }
        if (!m_text.isEmpty())
            m_bytesPerChar = double(n) / m_text.size();
    }
    return true;
}

void CsvReader::endLine(QChar lineBreak)
{
    ++m_line;
    m_skipLf = lineBreak == u'\r';
    m_lineStart = m_textBase + m_pos + 1;
}

bool CsvReader::readRow(QStringList &cells)
{
    CsvRow row;
    const bool ok = readRow(row);
    cells = row.toStringList();
    return ok;
}

bool CsvReader::readRow(CsvRow &row)
{
    row.clear();
    if (m_error == Error::RaggedRow)
        m_error = Error::None;
    if (m_finished || !detect())
        return false;

    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    State state = State::FieldStart;
    bool recordStarted = false;
    qint64 quoteLine = 0;
    qint64 quoteColumn = 0;
    const QChar delimiter = m_delimiter;

    for (;;) {
        if (m_pos == m_text.size()) {
            if (row.textSize() > m_options.maxRecordChars) {
                setFatal(Error::RecordTooLarge,
                         QCoreApplication::translate("Csv",
                                                     "Line %1: a record longer than %2 characters (is a quote "
                                                     "not closed?)")
                             .arg(m_recordLine)
                             .arg(m_options.maxRecordChars),
                         m_recordLine, 0);
                return false;
            }
            if (fill())
                continue;
            if (m_error != Error::None)
                return false;
            if (m_decodeFailed) {
                setFatal(Error::Decoding,
                         QCoreApplication::translate("Csv",
                                                     "Line %1, column %2: bytes that are not valid %3 text (at "
                                                     "byte %4 of the file)")
                             .arg(m_line)
                             .arg(column())
                             .arg(QString::fromLatin1(m_encoding))
                             .arg(m_decoder->errorByteOffset() + m_bomLength),
                         m_line, column());
                return false;
            }
            // End of the data.
            if (!recordStarted) {
                m_finished = true;
                return false;
            }
            if (state == State::Quoted) {
                setFatal(Error::UnterminatedQuote,
                         QCoreApplication::translate("Csv",
                                                     "Line %1, column %2: a quoted field is not closed before "
                                                     "the end of the file")
                             .arg(quoteLine)
                             .arg(quoteColumn),
                         quoteLine, quoteColumn);
                return false;
            }
            row.endCell();
            break;
        }

        const QChar *const base = m_text.constData();
        const QChar *const end = base + m_text.size();
        const QChar *p = base + m_pos;

        if (!recordStarted) {
            if (m_skipLf) {
                m_skipLf = false;
                if (*p == u'\n') {
                    ++m_pos;
                    m_lineStart = m_textBase + m_pos;
                    continue;
                }
            }
            if (m_options.skipEmptyLines && (*p == u'\n' || *p == u'\r')) {
                endLine(*p);
                ++m_pos;
                continue;
            }
            recordStarted = true;
            m_recordLine = m_line;
        }

        switch (state) {
        case State::FieldStart:
            if (*p == u'"') {
                state = State::Quoted;
                quoteLine = m_line;
                quoteColumn = column();
                ++m_pos;
                break;
            }
            state = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted: {
            // The hot loop: most cells are plain text up to the next delimiter.
            const QChar *start = p;
            while (p < end && *p != delimiter && *p != u'\n' && *p != u'\r')
                ++p;
            row.appendText(start, p - start);
            m_pos = p - base;
            if (p == end)
                break;
            row.endCell();
            if (*p == delimiter) {
                ++m_pos;
                state = State::FieldStart;
                break;
            }
            endLine(*p);
            ++m_pos;
            goto recordDone;
        }
        case State::Quoted: {
            const QChar *start = p;
            while (p < end && *p != u'"') {
                if (*p == u'\n') {
                    const bool afterCr = p > base ? p[-1] == u'\r' : m_prevCr;
                    if (!afterCr)
                        ++m_line;
                    m_lineStart = m_textBase + (p - base) + 1;
                } else if (*p == u'\r') {
                    ++m_line;
                    m_lineStart = m_textBase + (p - base) + 1;
                }
                ++p;
            }
            row.appendText(start, p - start);
            m_pos = p - base;
            if (p == end)
                break;
            ++m_pos;
            state = State::QuoteInQuoted;
            break;
        }
        case State::QuoteInQuoted:
            if (*p == u'"') { // "" is one quote
                row.appendText(p, 1);
                ++m_pos;
                state = State::Quoted;
            } else if (*p == delimiter) {
                row.endCell();
                ++m_pos;
                state = State::FieldStart;
            } else if (*p == u'\n' || *p == u'\r') {
                row.endCell();
                endLine(*p);
                ++m_pos;
                goto recordDone;
            } else {
                // Text after the closing quote ("ab"c) is kept as it stands, as Excel does.
                state = State::Unquoted;
            }
            break;
        }
    }

recordDone:
    if (m_expectedFields == 0) {
        m_expectedFields = row.size();
    } else if (row.size() != m_expectedFields && !m_options.allowRaggedRows) {
        m_error = Error::RaggedRow;
        m_errorLine = m_recordLine;
        m_errorColumn = 0;
        m_errorString = QCoreApplication::translate("Csv",
                                                    "Line %1: %2 fields where the header "
                                                    "has %3")
                            .arg(m_recordLine)
                            .arg(row.size())
                            .arg(m_expectedFields);
        return false;
    }
    return true;
}

} // namespace gamix
