#include "CliImportExport.h"

#include "io/EncodingDetector.h"
#include "io/ExportJob.h"
#include "io/ImportJob.h"
#include "io/ImportRowWriter.h"
#include "io/VCardReader.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace gamix {

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

int fail(QTextStream &err, const QString &message, int code = kFailed)
{
    err << QStringLiteral("gamix-cli: ") << message << Qt::endl;
    return code;
}

bool parseDelimiter(const QString &text, QChar *delimiter)
{
    if (text == u"auto") {
        *delimiter = QChar();
        return true;
    }
    if (text == u"tab" || text == u"\\t") {
        *delimiter = u'\t';
        return true;
    }
    if (text == u"semicolon") {
        *delimiter = u';';
        return true;
    }
    if (text == u"comma") {
        *delimiter = u',';
        return true;
    }
    if (text.size() != 1)
        return false;
    *delimiter = text.at(0);
    return true;
}

QString delimiterName(QChar d)
{
    return d == u'\t' ? QStringLiteral("\\t") : QString(d);
}

} // namespace

int runImport(const QString &dbPath, bool json, const QStringList &input, QTextStream &out, QTextStream &err)
{
    QStringList args = input;
    const QString usage
        = QCoreApplication::translate("Cli",
                                      "usage: import ENTITY FILE [--preset auto|NAME] [--encoding auto|NAME] "
                                      "[--delimiter auto|CHAR] [--map 'Header=field']... [--date-format FMT] "
                                      "[--on-duplicate skip|update|create] [--update-fields FIELD,...] [--dry-run] "
                                      "[--rejects FILE]");
    if (args.size() < 2)
        return fail(err, usage, kUsage);
    ImportOptions options;
    options.entity = Schema::instance().entity(args.at(0));
    if (!options.entity || options.entity->directory || options.entity->name == u"conflict")
        return fail(err, QCoreApplication::translate("Cli", "cannot import into “%1”").arg(args.at(0)), kUsage);
    options.file = args.at(1);
    for (int i = 2; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (a == u"--dry-run") {
            options.dryRun = true;
        } else if (!hasValue) {
            return fail(
                err, QCoreApplication::translate("Cli", "unknown option or missing value: “%1”").arg(a) + u'\n' + usage,
                kUsage);
        } else if (a == u"--preset") {
            options.preset = args.at(++i).toLower();
            if (options.preset != u"auto" && !PresetRegistry::byId(options.preset))
                return fail(err, QCoreApplication::translate("Cli", "unknown preset “%1”").arg(options.preset), kUsage);
        } else if (a == u"--encoding") {
            const QString e = args.at(++i);
            if (e != u"auto") {
                options.encoding = EncodingDetector::canonicalName(e.toLatin1());
                if (options.encoding.isEmpty())
                    return fail(err, QCoreApplication::translate("Cli", "unknown encoding “%1”").arg(e), kUsage);
            }
        } else if (a == u"--delimiter") {
            if (!parseDelimiter(args.at(++i), &options.delimiter))
                return fail(
                    err,
                    QCoreApplication::translate("Cli", "--delimiter needs one character, “tab” or “auto”, not “%1”")
                        .arg(args.at(i)),
                    kUsage);
        } else if (a == u"--map") {
            const QString m = args.at(++i);
            const qsizetype eq = m.lastIndexOf(u'=');
            if (eq <= 0)
                return fail(err, QCoreApplication::translate("Cli", "--map needs 'Header=field', not “%1”").arg(m),
                            kUsage);
            const QString target = m.mid(eq + 1).trimmed();
            if (!target.isEmpty() && target != u"-" && !HeaderMatcher::targets(*options.entity).contains(target))
                return fail(err,
                            QCoreApplication::translate("Cli", "--map: “%1” is not a field of %2 (one of: %3)")
                                .arg(target, options.entity->name,
                                     HeaderMatcher::targets(*options.entity).join(QStringLiteral(", "))),
                            kUsage);
            options.userMap.insert(HeaderMatcher::fold(m.left(eq)), target);
        } else if (a == u"--date-format") {
            const QString f = args.at(++i);
            if (f.compare(QLatin1String("dmy"), Qt::CaseInsensitive) == 0)
                options.dates.slashOrder = ValueParsers::SlashOrder::DayFirst;
            else if (f.compare(QLatin1String("mdy"), Qt::CaseInsensitive) == 0)
                options.dates.slashOrder = ValueParsers::SlashOrder::MonthFirst;
            else
                options.dates.userFormat = f;
        } else if (a == u"--on-duplicate") {
            const QString d = args.at(++i);
            if (d == u"skip")
                options.onDuplicate = OnDuplicate::Skip;
            else if (d == u"update")
                options.onDuplicate = OnDuplicate::Update;
            else if (d == u"create")
                options.onDuplicate = OnDuplicate::Create;
            else
                return fail(
                    err,
                    QCoreApplication::translate("Cli", "--on-duplicate is skip, update or create, not “%1”").arg(d),
                    kUsage);
        } else if (a == u"--update-fields") {
            options.updateFields = args.at(++i).split(u',', Qt::SkipEmptyParts);
            QString unknown;
            if (!ImportRowWriter::checkUpdateFields(*options.entity, &options.updateFields, &unknown))
                return fail(
                    err,
                    QCoreApplication::translate("Cli", "--update-fields: “%1” is not a field of %2 (one of: %3)")
                        .arg(unknown, options.entity->name,
                             ImportRowWriter::updatableFields(*options.entity).join(QStringLiteral(", "))),
                    kUsage);
            if (options.updateFields.isEmpty())
                return fail(err, QCoreApplication::translate("Cli", "--update-fields needs at least one field name"),
                            kUsage);
        } else if (a == u"--rejects") {
            options.rejectsFile = args.at(++i);
        } else if (a == u"--batch") {
            options.batchSize = args.at(++i).toInt();
            if (options.batchSize <= 0)
                return fail(err, QCoreApplication::translate("Cli", "--batch needs a positive number"), kUsage);
        } else {
            return fail(err, QCoreApplication::translate("Cli", "unknown option “%1”").arg(a) + u'\n' + usage, kUsage);
        }
    }
    if (!options.updateFields.isEmpty() && options.onDuplicate != OnDuplicate::Update)
        return fail(err, QCoreApplication::translate("Cli", "--update-fields needs --on-duplicate update"), kUsage);
    if (!QFileInfo::exists(options.file))
        return fail(err, QCoreApplication::translate("Cli", "%1: there is no such file").arg(options.file));

    Store store;
    QString error;
    if (!store.open(dbPath, &error))
        return fail(err, error);

    QJsonArray errors;
    QJsonArray report;
    auto onRow = [&](const ImportRowReport &r) {
        const bool rejected = r.action == ImportRowReport::Action::Reject;
        if (rejected) {
            const QString line = ImportJob::location(options.file, r.line, r.column, r.message);
            if (json) {
                QJsonObject o {{QStringLiteral("line"), r.line},
                               {QStringLiteral("column"), r.column},
                               {QStringLiteral("message"), r.message}};
                errors.append(o);
            }
            if (!options.dryRun || json)
                err << line << Qt::endl;
        }
        if (!options.dryRun)
            return;
        if (json) {
            report.append(QJsonObject {{QStringLiteral("line"), r.line},
                                       {QStringLiteral("action"), ImportRowReport::actionName(r.action)},
                                       {QStringLiteral("id"), r.id.isEmpty() ? QJsonValue() : QJsonValue(r.id)},
                                       {QStringLiteral("column"), r.column},
                                       {QStringLiteral("message"), r.message}});
        } else {
            out << r.line << u'\t' << ImportRowReport::actionName(r.action) << u'\t' << r.id << u'\t'
                << (rejected ? ImportJob::location(options.file, r.line, r.column, r.message) : r.message) << Qt::endl;
        }
    };

    ImportSummary s;
    if (VCardReader::looksLikeVCard(options.file)) {
        if (options.entity->name != u"contact")
            return fail(err, QCoreApplication::translate("Cli", "%1: a vCard file holds contacts").arg(options.file),
                        kUsage);
        s = VCardReader::import(store, options, onRow);
    } else {
        ImportJob job(store, options);
        job.onRow = onRow;
        const bool large = QFileInfo(options.file).size() > 4 * 1024 * 1024;
        QElapsedTimer clock;
        clock.start();
        qint64 lastReport = 0;
        qint64 lastRows = 0;
        if (large) {
            job.onProgress = [&](qint64 rows, qint64 total, qint64, qint64) {
                const qint64 now = clock.elapsed();
                if (now - lastReport < 2000 || rows == 0)
                    return;
                const qint64 rate = qint64((rows - lastRows) * 1000.0 / std::max<qint64>(1, now - lastReport));
                lastReport = now;
                lastRows = rows;
                err << QCoreApplication::translate("Cli", "import: %1 of %2 rows, %3 rows/s")
                           .arg(rows)
                           .arg(total)
                           .arg(rate)
                    << Qt::endl;
            };
        }
        QString prepError;
        if (!job.prepare(&prepError))
            return fail(err, prepError);
        err << QCoreApplication::translate("Cli", "%1: %2, delimiter “%3”, preset %4")
                   .arg(options.file, QString::fromLatin1(job.encoding()), delimiterName(job.delimiter()),
                        job.preset() ? job.preset()->id
                                     : QCoreApplication::translate("Cli", "none (columns matched by name)"))
            << Qt::endl;
        QStringList unmapped;
        for (const ColumnMapping &c : job.mapping()) {
            if (c.target.isEmpty())
                unmapped << c.header;
        }
        if (!unmapped.isEmpty())
            err << QCoreApplication::translate("Cli",
                                               "%1: columns that match no field go to the notes as “Column: value”: %2")
                       .arg(options.file, unmapped.join(QStringLiteral(", ")))
                << Qt::endl;
        s = job.run();
    }
    if (!s.ok())
        return fail(err, s.fatalError);

    if (json) {
        QJsonObject o {{QStringLiteral("file"), options.file},
                       {QStringLiteral("entity"), options.entity->name},
                       {QStringLiteral("preset"), s.preset.isEmpty() ? QJsonValue() : QJsonValue(s.preset)},
                       {QStringLiteral("encoding"), QString::fromLatin1(s.encoding)},
                       {QStringLiteral("delimiter"), s.delimiter.isNull() ? QString() : QString(s.delimiter)},
                       {QStringLiteral("dry_run"), s.dryRun},
                       {QStringLiteral("rows"), s.rows},
                       {QStringLiteral("created"), s.created},
                       {QStringLiteral("updated"), s.updated},
                       {QStringLiteral("skipped"), s.skipped},
                       {QStringLiteral("rejected"), s.rejected},
                       {QStringLiteral("companies_created"), s.companiesCreated},
                       {QStringLiteral("contacts_created"), s.contactsCreated},
                       {QStringLiteral("errors"), errors}};
        if (options.dryRun)
            o.insert(QStringLiteral("report"), report);
        out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else {
        out << QStringLiteral("rows=%1 created=%2 updated=%3 skipped=%4 rejected=%5%6")
                   .arg(s.rows)
                   .arg(s.created)
                   .arg(s.updated)
                   .arg(s.skipped)
                   .arg(s.rejected)
                   .arg(s.dryRun ? QStringLiteral(" dry-run") : QString())
            << Qt::endl;
    }
    if (s.rejected > 0) {
        // The count is computed first: lupdate 6.4 hangs on a comma nested inside translate()'s %n argument.
        const int rejected = int(std::min<qint64>(s.rejected, INT_MAX));
        err << QCoreApplication::translate("Cli", "%n row(s) rejected", nullptr, rejected)
            << (options.rejectsFile.isEmpty()
                    ? QCoreApplication::translate("Cli", "; save them with --rejects FILE, fix and import again")
                    : QCoreApplication::translate("Cli", "; written to %1 to fix and import again")
                          .arg(options.rejectsFile))
            << Qt::endl;
        return kFailed;
    }
    return kOk;
}

int runExport(const QString &dbPath, bool json, const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString usage
        = QCoreApplication::translate("Cli",
                                      "usage: export ENTITY FILE [--format csv|vcard|ical] [--profile excel|data] "
                                      "[--encoding NAME]");
    if (args.size() < 2)
        return fail(err, usage, kUsage);
    ExportOptions options;
    options.entity = Schema::instance().entity(args.at(0));
    if (!options.entity)
        return fail(err, QCoreApplication::translate("Cli", "unknown entity “%1”").arg(args.at(0)), kUsage);
    options.file = args.at(1);
    if (options.file.endsWith(QLatin1String(".vcf"), Qt::CaseInsensitive))
        options.format = ExportOptions::Format::VCard;
    else if (options.file.endsWith(QLatin1String(".ics"), Qt::CaseInsensitive))
        options.format = ExportOptions::Format::ICalendar;
    for (int i = 2; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (i + 1 >= args.size())
            return fail(
                err, QCoreApplication::translate("Cli", "unknown option or missing value: “%1”").arg(a) + u'\n' + usage,
                kUsage);
        const QString v = args.at(++i);
        if (a == u"--format") {
            if (v == u"csv")
                options.format = ExportOptions::Format::Csv;
            else if (v == u"vcard" || v == u"vcf")
                options.format = ExportOptions::Format::VCard;
            else if (v == u"ical" || v == u"ics" || v == u"icalendar")
                options.format = ExportOptions::Format::ICalendar;
            else
                return fail(err, QCoreApplication::translate("Cli", "--format is csv, vcard or ical, not “%1”").arg(v),
                            kUsage);
        } else if (a == u"--profile") {
            if (v == u"excel")
                options.profile = ExportOptions::Profile::Excel;
            else if (v == u"data")
                options.profile = ExportOptions::Profile::Data;
            else
                return fail(err, QCoreApplication::translate("Cli", "--profile is excel or data, not “%1”").arg(v),
                            kUsage);
        } else if (a == u"--encoding") {
            options.encoding = EncodingDetector::canonicalName(v.toLatin1());
            if (options.encoding.isEmpty())
                return fail(err, QCoreApplication::translate("Cli", "unknown encoding “%1”").arg(v), kUsage);
        } else if (a == u"--vcard-version") {
            options.vcardVersion = v.toInt();
            if (options.vcardVersion != 3 && options.vcardVersion != 4)
                return fail(err, QCoreApplication::translate("Cli", "--vcard-version is 3 or 4"), kUsage);
        } else {
            return fail(err, QCoreApplication::translate("Cli", "unknown option “%1”").arg(a) + u'\n' + usage, kUsage);
        }
    }
    if (!QFileInfo::exists(dbPath))
        return fail(
            err,
            QCoreApplication::translate("Cli", "there is no database at %1 (create one with: gamix-cli --db %1 init)")
                .arg(dbPath));
    Store store;
    QString error;
    if (!store.open(dbPath, &error))
        return fail(err, error);
    ExportJob job(store, options);
    if (!job.run(&error))
        return fail(err, error);
    if (job.unmappableCount() > 0)
        err << QCoreApplication::translate("Cli", "%1: %2 characters could not be written in %3 and became “?”")
                   .arg(options.file)
                   .arg(job.unmappableCount())
                   .arg(QString::fromLatin1(options.encoding))
            << Qt::endl;
    if (json) {
        out << QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("file"), options.file},
                                                            {QStringLiteral("rows"), job.rowsWritten()},
                                                            {QStringLiteral("unmappable"), job.unmappableCount()}})
                                     .toJson(QJsonDocument::Indented));
    } else {
        out << QStringLiteral("rows=%1").arg(job.rowsWritten()) << Qt::endl;
    }
    return kOk;
}

} // namespace gamix
