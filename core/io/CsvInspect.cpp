#include "CsvInspect.h"

#include "CsvReader.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace gamix {

namespace {

constexpr int kDefaultLimit = 20;
// The table view cuts cells to this width so that a long note does not wrap every line.
constexpr int kMaxColumnWidth = 24;
constexpr int kMaxTableColumns = 8;

struct InspectArgs
{
    QString file;
    int limit = kDefaultLimit;
    bool json = false;
    CsvOptions options;
};

// "\t", "tab", a literal tab, or any one character; null for "auto".
bool parseDelimiter(const QString &value, QChar *delimiter)
{
    if (value == u"auto") {
        *delimiter = QChar();
        return true;
    }
    if (value == u"\\t" || value.compare(u"tab", Qt::CaseInsensitive) == 0) {
        *delimiter = u'\t';
        return true;
    }
    // A quote or a line break cannot separate cells: the reader gives them meaning first.
    if (value.size() == 1 && value != u"\"" && value != u"\n" && value != u"\r") {
        *delimiter = value.front();
        return true;
    }
    return false;
}

// Returns an error message, or an empty string when the arguments are fine.
QString parseArgs(const QStringList &args, InspectArgs *parsed)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString arg = args[i];
        QString value;
        bool hasValue = false;
        const qsizetype eq = arg.indexOf(u'=');
        if (arg.startsWith(u"--") && eq > 0) {
            value = arg.mid(eq + 1);
            arg = arg.left(eq);
            hasValue = true;
        }
        const auto takeValue = [&]() {
            if (hasValue)
                return true;
            if (i + 1 >= args.size())
                return false;
            value = args[++i];
            return true;
        };
        if (arg == u"--json") {
            parsed->json = true;
        } else if (arg == u"--limit") {
            bool ok = false;
            const int limit = takeValue() ? value.toInt(&ok) : -1;
            if (!ok || limit < 0)
                return QCoreApplication::translate("Csv", "--limit needs a number of rows, not \"%1\"").arg(value);
            parsed->limit = limit;
        } else if (arg == u"--encoding") {
            if (!takeValue() || value.isEmpty())
                return QCoreApplication::translate("Csv", "--encoding needs auto or an encoding name");
            parsed->options.encoding = value == u"auto" ? QByteArray() : value.toLatin1();
        } else if (arg == u"--delimiter") {
            if (!takeValue() || !parseDelimiter(value, &parsed->options.delimiter))
                return QCoreApplication::translate("Csv", "--delimiter needs auto or one character, not \"%1\"")
                    .arg(value);
        } else if (arg.startsWith(u"--") || !parsed->file.isEmpty()) {
            return QCoreApplication::translate("Csv", "Unexpected argument: %1").arg(arg);
        } else {
            parsed->file = arg;
        }
    }
    if (parsed->file.isEmpty())
        return QCoreApplication::translate("Csv",
                                           "Usage: csv inspect FILE [--limit N] [--json] [--encoding auto|NAME] "
                                           "[--delimiter auto|CHAR]");
    return {};
}

QString delimiterName(QChar delimiter)
{
    return delimiter == u'\t' ? QStringLiteral("tab") : QString(delimiter);
}

// One line per cell is unreadable for wide files; cut cells and show line breaks as ↵.
QString displayCell(const QString &cell)
{
    QString shown = cell;
    const QChar lineBreak(0x21B5);
    shown.replace(QStringLiteral("\r\n"), QString(lineBreak)).replace(u'\n', lineBreak).replace(u'\r', lineBreak);
    shown.replace(u'\t', u' ');
    if (shown.size() > kMaxColumnWidth)
        shown = shown.left(kMaxColumnWidth - 1) + u'\u2026';
    return shown;
}

void printTable(const QString &file, const CsvReader &reader, const QStringList &header, const QList<QStringList> &rows,
                QTextStream &out)
{
    out << QCoreApplication::translate("Csv", "File:      %1").arg(file) << '\n';
    out << QCoreApplication::translate("Csv", "Encoding:  %1%2")
               .arg(QString::fromLatin1(reader.encoding()),
                    reader.hasBom() ? QCoreApplication::translate("Csv", " (with BOM)") : QString())
        << '\n';
    out << QCoreApplication::translate("Csv", "Delimiter: %1").arg(delimiterName(reader.delimiter())) << '\n';
    out << QCoreApplication::translate("Csv", "Columns:   %1").arg(header.size()) << '\n';
    out << QCoreApplication::translate("Csv", "Rows shown: %1").arg(rows.size()) << "\n\n";

    // A wide export (Outlook has 92 columns) does not fit a table: list each row's
    // non-empty cells under their header names instead.
    if (header.size() > kMaxTableColumns) {
        for (qsizetype r = 0; r < rows.size(); ++r) {
            out << QCoreApplication::translate("Csv", "Row %1:").arg(r + 1) << '\n';
            for (qsizetype c = 0; c < rows[r].size(); ++c) {
                if (!rows[r][c].isEmpty())
                    out << "  " << header.value(c) << ": " << displayCell(rows[r][c]) << '\n';
            }
        }
        return;
    }
    QList<int> widths;
    for (const QString &cell : header)
        widths.append(int(displayCell(cell).size()));
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = qMax(widths[c], int(displayCell(row[c]).size()));
    }
    const auto printRow = [&](const QStringList &row) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c > 0)
                line += QStringLiteral(" | ");
            line += displayCell(row[c]).leftJustified(widths.value(c));
        }
        out << line.trimmed() << '\n';
    };
    printRow(header);
    QString rule;
    for (qsizetype c = 0; c < widths.size(); ++c)
        rule += (c > 0 ? QStringLiteral("-+-") : QString()) + QString(widths[c], u'-');
    out << rule << '\n';
    for (const QStringList &row : rows)
        printRow(row);
}

} // namespace

int runCsvInspect(const QStringList &args, QTextStream &out, QTextStream &err)
{
    InspectArgs parsed;
    const QString usageError = parseArgs(args, &parsed);
    if (!usageError.isEmpty()) {
        err << usageError << '\n';
        err.flush();
        return 2;
    }

    QFile file(parsed.file);
    if (!file.open(QIODevice::ReadOnly)) {
        err << QCoreApplication::translate("Csv", "%1: cannot open: %2").arg(parsed.file, file.errorString()) << '\n';
        err.flush();
        return 1;
    }
    CsvReader reader(&file, parsed.options);
    QStringList header;
    QList<QStringList> rows;
    // Everything is read before anything is printed: on an error stdout stays empty.
    bool ok = reader.readRow(header);
    while (ok && rows.size() < parsed.limit) {
        QStringList cells;
        if (!reader.readRow(cells))
            break;
        rows.append(cells);
    }
    if (reader.error() != CsvReader::Error::None) {
        err << QCoreApplication::translate("Csv", "%1: %2").arg(parsed.file, reader.errorString()) << '\n';
        err.flush();
        return 1;
    }
    if (!ok)
        header.clear(); // an empty file: no header, no rows

    if (parsed.json) {
        QJsonArray jsonRows;
        for (const QStringList &row : rows)
            jsonRows.append(QJsonArray::fromStringList(row));
        QJsonObject object;
        object.insert(QStringLiteral("encoding"), QString::fromLatin1(reader.encoding()));
        object.insert(QStringLiteral("bom"), reader.hasBom());
        object.insert(QStringLiteral("delimiter"), QString(reader.delimiter()));
        object.insert(QStringLiteral("header"), QJsonArray::fromStringList(header));
        object.insert(QStringLiteral("rows"), jsonRows);
        out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
    } else {
        printTable(parsed.file, reader, header, rows, out);
    }
    out.flush();
    return 0;
}

} // namespace gamix
