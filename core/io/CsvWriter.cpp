#include "CsvWriter.h"

#include "EncodingDetector.h"
#include "TextEncoder.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QRegularExpression>

namespace gamix {

namespace {

// Text is encoded and written in blocks of about this many characters.
constexpr qsizetype kFlushChars = 64 * 1024;

bool startsLikeFormula(QStringView cell)
{
    if (cell.isEmpty())
        return false;
    const QChar c = cell.front();
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

} // namespace

CsvWriterOptions CsvWriterOptions::excel()
{
    CsvWriterOptions options;
    options.delimiter = u';';
    options.lineEnding = LineEnding::CrLf;
    options.encoding = QByteArrayLiteral("utf-8");
    options.bom = true; // without it Excel reads UTF-8 as the ANSI code page
    options.neutraliseFormulas = true;
    return options;
}

CsvWriterOptions CsvWriterOptions::excelWindows1251()
{
    CsvWriterOptions options = excel();
    options.encoding = QByteArrayLiteral("windows-1251");
    options.bom = false;
    return options;
}

CsvWriterOptions CsvWriterOptions::data()
{
    return {};
}

// The Excel profile's defence against formula injection (CSV injection, OWASP): a cell
// that begins with = + - @ tab or CR would be evaluated by Excel, so it gets a leading
// apostrophe, which makes it text. Two kinds of value are safe and common enough in a CRM
// to be written differently:
//  - Plain numbers ("-150.50", "+5"): Excel reads them as numbers; no reference or
//    function can hide in them, and an apostrophe would turn amounts into text.
//  - Phone numbers in international form ("+7 916 123-45-67", "+79161234567"): Excel would
//    evaluate them ("+7 916 123-45-67" shows #NULL!, since a space is its intersection
//    operator; "+79161234567" loses its plus and shows 7,92E+10), and Excel shows an
//    apostrophe from a CSV file literally, so "'+7 916..." would not be a dialable phone.
//    They are written as ="+7 916 123-45-67": a formula whose only content is a string
//    literal, which Excel, LibreOffice and Google Sheets display as the bare phone. The
//    pattern admits only digits, spaces, brackets and dashes, so nothing can end the
//    literal early or reference anything. Importers should unwrap ="..." (our reader
//    hands cells out exactly as written).
QString CsvWriter::neutraliseFormula(const QString &cell)
{
    if (!startsLikeFormula(cell))
        return cell;
    static const QRegularExpression phone(QStringLiteral("^\\+[0-9][0-9 ()\\-]*[0-9]$"));
    static const QRegularExpression number(QStringLiteral("^[+\\-]?[0-9]+([.,][0-9]+)?$"));
    if (phone.match(cell).hasMatch()) {
        int digits = 0;
        for (const QChar c : cell)
            digits += c.isDigit();
        if (digits >= 5)
            return QStringLiteral("=\"") % cell % u'"';
    }
    if (number.match(cell).hasMatch())
        return cell;
    return QChar(u'\'') % cell;
}

CsvWriter::CsvWriter(QIODevice *device, const CsvWriterOptions &options)
    : m_device(device)
    , m_options(options)
    , m_encoder(std::make_unique<TextEncoder>(EncodingDetector::canonicalName(options.encoding)))
{
    if (!m_encoder->isValid()) {
        m_errorString
            = QCoreApplication::translate("Csv", "Unknown encoding: %1").arg(QString::fromLatin1(options.encoding));
    }
}

CsvWriter::~CsvWriter()
{
    if (!isValid())
        return;
    m_encoder->encode(m_text, m_bytes);
    m_text.resize(0);
    m_encoder->finish(m_bytes);
    flush();
}

bool CsvWriter::isValid() const
{
    return m_encoder->isValid();
}

qint64 CsvWriter::unmappableCount() const
{
    return m_encoder->unmappableCount();
}

void CsvWriter::appendCell(QStringView cell)
{
    const QChar delimiter = m_options.delimiter;
    bool needsQuotes = false;
    for (const QChar c : cell) {
        if (c == delimiter || c == u'"' || c == u'\n' || c == u'\r') {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes) {
        m_text.append(cell);
        return;
    }
    m_text.append(u'"');
    qsizetype start = 0;
    for (qsizetype i = 0; i < cell.size(); ++i) {
        if (cell[i] == u'"') {
            m_text.append(cell.sliced(start, i + 1 - start));
            m_text.append(u'"');
            start = i + 1;
        }
    }
    m_text.append(cell.sliced(start));
    m_text.append(u'"');
}

template<typename Cells> bool CsvWriter::writeCells(const Cells &cells)
{
    if (!isValid())
        return false;
    if (!m_started) {
        m_started = true;
        if (m_options.bom)
            m_bytes.append(m_encoder->bom());
    }
    bool first = true;
    for (const auto &cell : cells) {
        if (!first)
            m_text.append(m_options.delimiter);
        first = false;
        if (m_options.neutraliseFormulas && startsLikeFormula(cell))
            appendCell(neutraliseFormula(QStringView(cell).toString()));
        else
            appendCell(cell);
    }
    m_text.append(m_options.lineEnding == CsvWriterOptions::LineEnding::CrLf ? u"\r\n" : u"\n");
    if (m_text.size() >= kFlushChars)
        return flush();
    return true;
}

bool CsvWriter::writeRow(const QStringList &cells)
{
    return writeCells(cells);
}

bool CsvWriter::writeRow(const QList<QStringView> &cells)
{
    return writeCells(cells);
}

bool CsvWriter::flush()
{
    if (!isValid())
        return false;
    m_encoder->encode(m_text, m_bytes);
    m_text.resize(0);
    if (m_bytes.isEmpty())
        return true;
    const qint64 written = m_device->write(m_bytes);
    if (written != m_bytes.size()) {
        m_errorString = QCoreApplication::translate("Csv", "Cannot write the file: %1").arg(m_device->errorString());
        m_bytes.clear();
        return false;
    }
    m_bytes.resize(0);
    return true;
}

} // namespace gamix
