#include "VCardReader.h"

#include "CsvRow.h"
#include "ImportJob.h"
#include "ImportRowWriter.h"
#include "VCardFormat.h"
#include "ValueParsers.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

namespace gamix {

namespace {

enum Column {
    First,
    Middle,
    Last,
    Full,
    Company,
    Position,
    City,
    Birthday,
    Tags,
    Notes,
    Telegram,
    Phone,
    Mobile,
    Email,
    Count
};

void append(QString &cell, const QString &value)
{
    if (value.trimmed().isEmpty())
        return;
    if (!cell.isEmpty())
        cell += QStringLiteral(" ::: ");
    cell += value.trimmed();
}

} // namespace

QStringList VCardReader::header()
{
    return {QStringLiteral("first_name"), QStringLiteral("middle_name"), QStringLiteral("last_name"),
            QStringLiteral("full_name"),  QStringLiteral("company"),     QStringLiteral("position"),
            QStringLiteral("city"),       QStringLiteral("birthday"),    QStringLiteral("tags"),
            QStringLiteral("notes"),      QStringLiteral("telegram"),    QStringLiteral("phone"),
            QStringLiteral("mobile"),     QStringLiteral("email")};
}

QList<QStringList> VCardReader::cards(const QByteArray &data)
{
    QList<QStringList> out;
    QStringList row;
    bool inCard = false;
    for (const ContentLine &l : VCardFormat::parse(data)) {
        if (l.name == u"BEGIN" && l.value.trimmed().compare(QLatin1String("VCARD"), Qt::CaseInsensitive) == 0) {
            inCard = true;
            row = QStringList();
            row.resize(Count);
            continue;
        }
        if (!inCard)
            continue;
        if (l.name == u"END") {
            out << row;
            inCard = false;
        } else if (l.name == u"N") {
            const QStringList n = VCardFormat::splitComponents(l.value);
            row[Last] = n.value(0).trimmed();
            row[First] = n.value(1).trimmed();
            row[Middle] = n.value(2).trimmed();
        } else if (l.name == u"FN") {
            row[Full] = VCardFormat::unescape(l.value).trimmed();
        } else if (l.name == u"ORG") {
            row[Company] = VCardFormat::splitComponents(l.value).value(0).trimmed();
        } else if (l.name == u"TITLE") {
            row[Position] = VCardFormat::unescape(l.value).trimmed();
        } else if (l.name == u"TEL") {
            QString v = VCardFormat::unescape(l.value).trimmed();
            if (v.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive))
                v = v.mid(4);
            append(row[l.hasType(QStringLiteral("CELL")) ? Mobile : Phone], v);
        } else if (l.name == u"EMAIL") {
            append(row[Email], VCardFormat::unescape(l.value));
        } else if (l.name == u"BDAY") {
            QString v = VCardFormat::unescape(l.value).trimmed();
            // Apple marks a birthday without a year with the year it put in.
            if (l.params.contains(QStringLiteral("X-APPLE-OMIT-YEAR")) && v.size() >= 10)
                v = QString::number(ValueParsers::kNoYear) + v.mid(4);
            row[Birthday] = v;
        } else if (l.name == u"ADR") {
            if (row[City].isEmpty())
                row[City] = VCardFormat::splitComponents(l.value).value(3).trimmed();
        } else if (l.name == u"CATEGORIES") {
            row[Tags] = VCardFormat::splitComponents(l.value, u',').join(u',');
        } else if (l.name == u"NOTE") {
            row[Notes] = VCardFormat::unescape(l.value);
        } else if (l.name == u"X-TELEGRAM") {
            row[Telegram] = VCardFormat::unescape(l.value).trimmed();
        } else if (l.name == u"IMPP" && l.value.contains(QLatin1String("t.me"), Qt::CaseInsensitive)) {
            row[Telegram] = VCardFormat::unescape(l.value).trimmed();
        } else if (l.name == u"URL") {
            QString &notes = row[Notes];
            notes += (notes.isEmpty() ? QString() : QStringLiteral("\n")) + VCardFormat::unescape(l.value).trimmed();
        }
    }
    return out;
}

ImportSummary VCardReader::import(Store &store, const ImportOptions &options,
                                  const std::function<void(const ImportRowReport &)> &onRow)
{
    ImportSummary summary;
    summary.dryRun = options.dryRun;
    QElapsedTimer timer;
    timer.start();
    QFile file(options.file);
    if (!file.open(QIODevice::ReadOnly)) {
        summary.fatalError = ImportJob::location(
            options.file, 0, 0,
            QCoreApplication::translate("Import", "cannot open the file: %1").arg(file.errorString()));
        return summary;
    }
    const QList<QStringList> rows = cards(file.readAll());
    const QStringList head = header();
    QList<ColumnMapping> mapping;
    for (int i = 0; i < head.size(); ++i) {
        ColumnMapping c;
        c.column = i;
        c.header = head.at(i);
        c.target = HeaderMatcher::resolve(*options.entity, head.at(i));
        c.source = ColumnMapping::Source::Preset;
        mapping << c;
    }
    ImportRowWriter writer(store, options, mapping);
    CsvRow row;
    try {
        store.beginBatch(true);
        for (qsizetype n = 0; n < rows.size(); ++n) {
            row.clear();
            for (const QString &cell : rows.at(n)) {
                row.appendText(cell.constData(), cell.size());
                row.endCell();
            }
            const ImportRowReport report = writer.write(row, n + 1);
            ++summary.rows;
            summary.created += report.action == ImportRowReport::Action::Create;
            summary.updated += report.action == ImportRowReport::Action::Update;
            summary.skipped += report.action == ImportRowReport::Action::Skip;
            summary.rejected += report.action == ImportRowReport::Action::Reject;
            if (onRow)
                onRow(report);
        }
        if (options.dryRun) {
            store.rollbackBatch();
        } else {
            store.commitBatch();
            store.catchUpSearchIndex();
        }
    } catch (const SqliteError &e) {
        if (store.inBatch())
            store.rollbackBatch();
        summary.fatalError = ImportJob::location(options.file, 0, 0, e.message());
    }
    summary.preset = QStringLiteral("vcard");
    summary.encoding = QByteArrayLiteral("utf-8");
    summary.seconds = timer.elapsed() / 1000.0;
    return summary;
}

} // namespace gamix
