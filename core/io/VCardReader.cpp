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
#include <QSaveFile>

#include <climits>

#include <memory>

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

bool VCardReader::looksLikeVCard(const QString &path)
{
    if (path.endsWith(QLatin1String(".vcf"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".vcard"), Qt::CaseInsensitive))
        return true;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QByteArray head = f.read(64).trimmed();
    if (head.startsWith("\xEF\xBB\xBF"))
        head.remove(0, 3);
    return head.toUpper().startsWith("BEGIN:VCARD");
}

QStringList VCardReader::header()
{
    return {QStringLiteral("first_name"), QStringLiteral("middle_name"), QStringLiteral("last_name"),
            QStringLiteral("full_name"),  QStringLiteral("company"),     QStringLiteral("position"),
            QStringLiteral("city"),       QStringLiteral("birthday"),    QStringLiteral("tags"),
            QStringLiteral("notes"),      QStringLiteral("telegram"),    QStringLiteral("phone"),
            QStringLiteral("mobile"),     QStringLiteral("email")};
}

QList<VCardReader::Card> VCardReader::parseCards(const QByteArray &data)
{
    QList<Card> out;
    Card card;
    bool inCard = false;
    for (const ContentLine &l : VCardFormat::parse(data)) {
        if (l.name == u"BEGIN" && l.value.trimmed().compare(QLatin1String("VCARD"), Qt::CaseInsensitive) == 0) {
            if (inCard) {
                card.rawEnd = l.line;
                out << card; // a card without END:VCARD: kept, and rejected on import
            }
            inCard = true;
            card = Card();
            card.line = l.line;
            card.row.resize(Count);
            card.property.resize(Count);
            card.propertyLine.resize(Count);
            continue;
        }
        if (!inCard)
            continue;
        auto from = [&](int column) {
            if (card.property.at(column).isEmpty()) {
                card.property[column] = l.name;
                card.propertyLine[column] = l.line;
            }
        };
        QStringList &row = card.row;
        if (l.name == u"END") {
            card.endLine = l.line;
            card.rawEnd = l.line;
            out << card;
            inCard = false;
        } else if (l.name == u"N") {
            const QStringList n = VCardFormat::splitComponents(l.value);
            row[Last] = n.value(0).trimmed();
            row[First] = n.value(1).trimmed();
            row[Middle] = n.value(2).trimmed();
            for (int c : {Last, First, Middle})
                from(c);
        } else if (l.name == u"FN") {
            row[Full] = VCardFormat::unescape(l.value).trimmed();
            from(Full);
        } else if (l.name == u"ORG") {
            row[Company] = VCardFormat::splitComponents(l.value).value(0).trimmed();
            from(Company);
        } else if (l.name == u"TITLE") {
            row[Position] = VCardFormat::unescape(l.value).trimmed();
            from(Position);
        } else if (l.name == u"TEL") {
            QString v = VCardFormat::unescape(l.value).trimmed();
            if (v.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive))
                v = v.mid(4);
            const int column = l.hasType(QStringLiteral("CELL")) ? Mobile : Phone;
            append(row[column], v);
            from(column);
        } else if (l.name == u"EMAIL") {
            append(row[Email], VCardFormat::unescape(l.value));
            from(Email);
        } else if (l.name == u"BDAY") {
            QString v = VCardFormat::unescape(l.value).trimmed();
            // Apple marks a birthday without a year with the year it put in.
            if (l.params.contains(QStringLiteral("X-APPLE-OMIT-YEAR")) && v.size() >= 10)
                v = QString::number(ValueParsers::kNoYear) + v.mid(4);
            row[Birthday] = v;
            from(Birthday);
        } else if (l.name == u"ADR") {
            if (row[City].isEmpty()) {
                row[City] = VCardFormat::splitComponents(l.value).value(3).trimmed();
                from(City);
            }
        } else if (l.name == u"CATEGORIES") {
            row[Tags] = VCardFormat::splitComponents(l.value, u',').join(u',');
            from(Tags);
        } else if (l.name == u"NOTE") {
            row[Notes] = VCardFormat::unescape(l.value);
            from(Notes);
        } else if (l.name == u"X-TELEGRAM") {
            row[Telegram] = VCardFormat::unescape(l.value).trimmed();
            from(Telegram);
        } else if (l.name == u"IMPP" && l.value.contains(QLatin1String("t.me"), Qt::CaseInsensitive)) {
            row[Telegram] = VCardFormat::unescape(l.value).trimmed();
            from(Telegram);
        } else if (l.name == u"URL") {
            QString &notes = row[Notes];
            notes += (notes.isEmpty() ? QString() : QStringLiteral("\n")) + VCardFormat::unescape(l.value).trimmed();
            from(Notes);
        }
    }
    if (inCard) {
        card.rawEnd = INT_MAX;
        out << card;
    }
    return out;
}

QList<QStringList> VCardReader::cards(const QByteArray &data)
{
    QList<QStringList> out;
    for (const Card &c : parseCards(data)) {
        if (c.endLine > 0)
            out << c.row;
    }
    return out;
}

ImportSummary VCardReader::import(Store &store, const ImportOptions &options,
                                  const std::function<void(const ImportRowReport &)> &onRow)
{
    ImportSummary summary;
    summary.dryRun = options.dryRun;
    summary.preset = QStringLiteral("vcard");
    summary.encoding = QByteArrayLiteral("utf-8");
    QElapsedTimer timer;
    timer.start();
    QFile file(options.file);
    if (!file.open(QIODevice::ReadOnly)) {
        summary.fatalError = ImportJob::location(
            options.file, 0, 0,
            QCoreApplication::translate("Import", "cannot open the file: %1").arg(file.errorString()));
        return summary;
    }
    const QByteArray data = file.readAll();
    const QList<Card> cardList = parseCards(data);
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

    // Rejected cards go back as they were read (the file's own bytes, so a windows-1251
    // QUOTED-PRINTABLE card stays one), with the reason in a property nothing reads.
    std::unique_ptr<QSaveFile> rejects;
    QList<QByteArray> lines;
    if (!options.rejectsFile.isEmpty()) {
        rejects = std::make_unique<QSaveFile>(options.rejectsFile);
        if (!rejects->open(QIODevice::WriteOnly)) {
            summary.fatalError = ImportJob::location(
                options.rejectsFile, 0, 0,
                QCoreApplication::translate("Import", "cannot write the file: %1").arg(rejects->errorString()));
            return summary;
        }
        lines = VCardFormat::physicalLines(data);
    }
    auto writeReject = [&](const Card &card, const QString &message) {
        if (!rejects)
            return;
        QByteArray out;
        for (qsizetype i = card.line - 1; i < card.rawEnd - 1 && i < lines.size(); ++i) {
            if (!lines.at(i).trimmed().isEmpty())
                out += lines.at(i) + "\r\n";
        }
        out += VCardFormat::foldLine(QStringLiteral("X-GAMIX-IMPORT-ERROR:") + VCardFormat::escape(message));
        out += "END:VCARD\r\n";
        rejects->write(out);
    };

    ImportRowWriter writer(store, options, mapping);
    CsvRow row;
    try {
        store.beginBatch(true);
        for (const Card &card : cardList) {
            ImportRowReport report;
            if (card.endLine == 0) {
                report.line = card.line;
                report.action = ImportRowReport::Action::Reject;
                report.message = QCoreApplication::translate("Import", "the card has no END:VCARD");
            } else {
                row.clear();
                for (const QString &cell : card.row) {
                    row.appendText(cell.constData(), cell.size());
                    row.endCell();
                }
                report = writer.write(row, card.line);
                if (report.action == ImportRowReport::Action::Reject && report.column > 0) {
                    // The cell's column means nothing in a vCard: name the property instead.
                    const int c = report.column - 1;
                    if (!card.property.value(c).isEmpty())
                        report.message = QCoreApplication::translate("Import", "%1 on line %2: %3")
                                             .arg(card.property.at(c))
                                             .arg(card.propertyLine.at(c))
                                             .arg(report.message);
                    report.column = 0;
                }
            }
            ++summary.rows;
            summary.created += report.action == ImportRowReport::Action::Create;
            summary.updated += report.action == ImportRowReport::Action::Update;
            summary.skipped += report.action == ImportRowReport::Action::Skip;
            if (report.action == ImportRowReport::Action::Reject) {
                ++summary.rejected;
                writeReject(card, report.message);
            }
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
    summary.companiesCreated = options.dryRun ? 0 : writer.companiesCreated();
    if (rejects) {
        if (summary.rejected > 0 && summary.ok())
            rejects->commit();
        else
            rejects->cancelWriting();
    }
    summary.seconds = timer.elapsed() / 1000.0;
    return summary;
}

} // namespace gamix
