#include "CliApp.h"

#include "cli/CliDuplicates.h"
#include "cli/CliImportExport.h"
#include "cli/CliSync.h"
#include "io/CsvInspect.h"
#include "schema/FieldCodec.h"
#include "store/Store.h"
#include "sync/SiteAuthors.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace gamix {

namespace {

void printJson(QTextStream &out, const QJsonValue &v)
{
    const QByteArray bytes = v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented);
    out << QString::fromUtf8(bytes);
}

} // namespace

CliApp::CliApp(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{ }

int CliApp::fail(const QString &message, int code)
{
    m_err << QStringLiteral("gamix-cli: ") << message << Qt::endl;
    return code;
}

int CliApp::usage()
{
    m_err << QCoreApplication::translate(
                 "Cli",
                 "Usage: gamix-cli [--db PATH] [--json] COMMAND\n"
                 "Commands:\n"
                 "  init\n"
                 "  add ENTITY field=value...\n"
                 "  get ENTITY ID\n"
                 "  set ENTITY ID field=value...\n"
                 "  delete ENTITY ID | restore ENTITY ID\n"
                 "  list ENTITY [--search TEXT] [--where field=value]... [--sort FIELD] [--limit N]\n"
                 "  search TEXT\n"
                 "  import ENTITY FILE [--preset auto|NAME] [--encoding auto|NAME] [--delimiter auto|CHAR]\n"
                 "         [--map 'Header=field']... [--date-format FMT] [--on-duplicate skip|update|create]\n"
                 "         [--update-fields FIELD,...] [--dry-run] [--rejects FILE]\n"
                 "  export ENTITY FILE [--format csv|vcard|ical] [--profile excel|data] [--encoding NAME]\n"
                 "  csv inspect FILE [--limit N]\n"
                 "  sync --server URL --login LOGIN [--password-stdin] [--ca-cert FILE]\n"
                 "  conflicts\n"
                 "  duplicates | merge ENTITY KEEP_ID OTHER_ID\n"
                 "  backup FILE | check\n"
                 "Entities: %1")
                 .arg(Schema::instance().entityNames().join(QStringLiteral(", ")))
          << Qt::endl;
    return kUsage;
}

bool CliApp::openStore(Store &store, bool create)
{
    if (!create && !QFileInfo::exists(m_dbPath)) {
        fail(QCoreApplication::translate("Cli", "there is no database at %1 (create one with: gamix-cli --db %1 init)")
                 .arg(m_dbPath));
        return false;
    }
    QString error;
    if (!store.open(m_dbPath, &error)) {
        fail(error);
        return false;
    }
    return true;
}

int CliApp::run(QStringList args)
{
    // Global options may stand anywhere before or after the command.
    QStringList rest;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == u"--json") {
            m_json = true;
        } else if (a == u"--db" || a.startsWith(QStringLiteral("--db="))) {
            if (a.startsWith(QStringLiteral("--db="))) {
                m_dbPath = a.mid(5);
            } else if (i + 1 < args.size()) {
                m_dbPath = args.at(++i);
            } else {
                return fail(QCoreApplication::translate("Cli", "--db needs a path"), kUsage);
            }
        } else if (a == u"--help" || a == u"-h") {
            usage();
            return kOk;
        } else {
            rest << a;
        }
    }
    if (m_dbPath.isEmpty())
        m_dbPath = Store::defaultPath();
    if (rest.isEmpty())
        return usage();
    const QString cmd = rest.takeFirst();
    try {
        if (cmd == u"init") {
            Store store;
            if (!openStore(store, true))
                return kFailed;
            m_err << QCoreApplication::translate("Cli", "Database ready: %1").arg(store.path()) << Qt::endl;
            return kOk;
        }
        if (cmd == u"add")
            return cmdAdd(rest);
        if (cmd == u"get")
            return cmdGet(rest);
        if (cmd == u"set")
            return cmdSet(rest);
        if (cmd == u"delete")
            return cmdDelete(rest, false);
        if (cmd == u"restore")
            return cmdDelete(rest, true);
        if (cmd == u"list")
            return cmdList(rest);
        if (cmd == u"search")
            return cmdSearch(rest);
        if (cmd == u"backup")
            return cmdBackup(rest);
        if (cmd == u"check")
            return cmdCheck();
        if (cmd == u"conflicts")
            return cmdConflicts();
        if (cmd == u"sync")
            return runCliSync(rest, m_dbPath, m_json, m_out, m_err);
        if (cmd == u"duplicates")
            return runCliDuplicates(rest, m_dbPath, m_json, m_out, m_err);
        if (cmd == u"merge")
            return runCliMerge(rest, m_dbPath, m_json, m_out, m_err);
        if (cmd == u"import")
            return runImport(m_dbPath, m_json, rest, m_out, m_err);
        if (cmd == u"export")
            return runExport(m_dbPath, m_json, rest, m_out, m_err);
        if (cmd == u"csv") {
            if (rest.isEmpty() || rest.first() != u"inspect")
                return fail(QCoreApplication::translate("Cli", "unknown csv command; use: csv inspect FILE"), kUsage);
            rest.removeFirst();
            if (m_json)
                rest << QStringLiteral("--json");
            return runCsvInspect(rest, m_out, m_err);
        }
    } catch (const SqliteError &e) {
        return fail(e.message());
    }
    return fail(QCoreApplication::translate("Cli", "unknown command “%1” (see gamix-cli --help)").arg(cmd), kUsage);
}

namespace {

// ENTITY then field=value pairs; the entity must exist.
const EntityDef *takeEntity(QStringList &args, QString *error)
{
    if (args.isEmpty()) {
        *error = QCoreApplication::translate("Cli", "missing ENTITY (one of: %1)")
                     .arg(Schema::instance().entityNames().join(QStringLiteral(", ")));
        return nullptr;
    }
    const QString name = args.takeFirst();
    const EntityDef *e = Schema::instance().entity(name);
    if (!e) {
        *error = QCoreApplication::translate("Cli", "unknown entity “%1” (one of: %2)")
                     .arg(name, Schema::instance().entityNames().join(QStringLiteral(", ")));
    }
    return e;
}

bool parseAssignments(const QStringList &args, QList<FieldWrite> *writes, QString *error)
{
    for (const QString &a : args) {
        const qsizetype eq = a.indexOf(u'=');
        if (eq <= 0) {
            *error = QCoreApplication::translate("Cli", "“%1” is not field=value").arg(a);
            return false;
        }
        writes->append(FieldWrite {a.left(eq), a.mid(eq + 1)});
    }
    return true;
}

} // namespace

int CliApp::cmdAdd(const QStringList &input)
{
    QStringList args = input;
    QString error;
    const EntityDef *e = takeEntity(args, &error);
    if (!e)
        return fail(error, kUsage);
    QList<FieldWrite> writes;
    if (!parseAssignments(args, &writes, &error))
        return fail(error, kUsage);
    Store store;
    if (!openStore(store, true))
        return kFailed;
    const WriteResult r = store.create(*e, writes);
    if (!r.ok)
        return fail(r.errorText());
    m_out << r.id << Qt::endl;
    return kOk;
}

int CliApp::cmdGet(const QStringList &input)
{
    QStringList args = input;
    QString error;
    const EntityDef *e = takeEntity(args, &error);
    if (!e)
        return fail(error, kUsage);
    if (args.size() != 1)
        return fail(QCoreApplication::translate("Cli", "usage: get ENTITY ID"), kUsage);
    Store store;
    if (!openStore(store, false))
        return kFailed;
    const Record r = store.get(*e, args.first());
    if (!r.isValid())
        return fail(QCoreApplication::translate("Cli", "there is no %1 with id %2").arg(e->name, args.first()));
    if (m_json) {
        printJson(m_out, r.toJson());
    } else {
        const QJsonObject o = r.toJson();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!it.value().isNull())
                m_out << it.key() << QStringLiteral(": ") << FieldCodec::textFromJson(it.value()) << Qt::endl;
        }
    }
    return kOk;
}

int CliApp::cmdSet(const QStringList &input)
{
    QStringList args = input;
    QString error;
    const EntityDef *e = takeEntity(args, &error);
    if (!e)
        return fail(error, kUsage);
    if (args.isEmpty())
        return fail(QCoreApplication::translate("Cli", "usage: set ENTITY ID field=value..."), kUsage);
    const QString id = args.takeFirst();
    QList<FieldWrite> writes;
    if (!parseAssignments(args, &writes, &error))
        return fail(error, kUsage);
    Store store;
    if (!openStore(store, false))
        return kFailed;
    const WriteResult r = store.update(*e, id, writes);
    if (!r.ok)
        return fail(r.errorText());
    return kOk;
}

int CliApp::cmdDelete(const QStringList &input, bool restore)
{
    QStringList args = input;
    QString error;
    const EntityDef *e = takeEntity(args, &error);
    if (!e)
        return fail(error, kUsage);
    if (args.size() != 1)
        return fail(restore ? QCoreApplication::translate("Cli", "usage: restore ENTITY ID")
                            : QCoreApplication::translate("Cli", "usage: delete ENTITY ID"),
                    kUsage);
    Store store;
    if (!openStore(store, false))
        return kFailed;
    const WriteResult r = restore ? store.restore(*e, args.first()) : store.remove(*e, args.first());
    if (!r.ok)
        return fail(r.errorText());
    return kOk;
}

int CliApp::cmdList(const QStringList &input)
{
    QStringList args = input;
    QString error;
    const EntityDef *e = takeEntity(args, &error);
    if (!e)
        return fail(error, kUsage);
    ListQuery q;
    q.entity = e;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (a == u"--search" && hasValue) {
            q.search = args.at(++i);
        } else if (a == u"--where" && hasValue) {
            const QString w = args.at(++i);
            const qsizetype eq = w.indexOf(u'=');
            if (eq <= 0)
                return fail(QCoreApplication::translate("Cli", "--where needs field=value, not “%1”").arg(w), kUsage);
            q.where.append({w.left(eq), w.mid(eq + 1)});
        } else if (a == u"--sort" && hasValue) {
            q.sort = args.at(++i);
        } else if (a == u"--limit" && hasValue) {
            bool ok = false;
            q.limit = args.at(++i).toInt(&ok);
            if (!ok || q.limit < 0)
                return fail(QCoreApplication::translate("Cli", "--limit needs a number, not “%1”").arg(args.at(i)),
                            kUsage);
        } else {
            return fail(QCoreApplication::translate("Cli", "unknown option “%1” for list").arg(a), kUsage);
        }
    }
    Store store;
    if (!openStore(store, false))
        return kFailed;
    const QList<Record> records = store.list(q, &error);
    if (!error.isEmpty())
        return fail(error);
    if (m_json) {
        QJsonArray arr;
        for (const Record &r : records)
            arr.append(r.toJson());
        printJson(m_out, arr);
        return kOk;
    }
    QStringList header {QStringLiteral("id")};
    for (const FieldDef &f : e->fields) {
        if (!f.system)
            header << f.name;
    }
    m_out << header.join(u'\t') << Qt::endl;
    for (const Record &r : records) {
        QStringList row {r.id};
        for (int i = 1; i < header.size(); ++i)
            row << r.text(header.at(i)).replace(u'\n', u' ').replace(u'\t', u' ');
        m_out << row.join(u'\t') << Qt::endl;
    }
    return kOk;
}

int CliApp::cmdSearch(const QStringList &args)
{
    if (args.isEmpty())
        return fail(QCoreApplication::translate("Cli", "usage: search TEXT"), kUsage);
    Store store;
    if (!openStore(store, false))
        return kFailed;
    const QList<SearchHit> hits = store.search(args.join(u' '), 50);
    if (m_json) {
        QJsonArray arr;
        for (const SearchHit &h : hits) {
            QJsonObject o;
            o.insert(QStringLiteral("entity"), h.entity->name);
            o.insert(QStringLiteral("id"), h.id);
            o.insert(QStringLiteral("title"), h.title);
            arr.append(o);
        }
        printJson(m_out, arr);
    } else {
        for (const SearchHit &h : hits)
            m_out << h.entity->name << u'\t' << h.id << u'\t' << h.title << Qt::endl;
    }
    return kOk;
}

int CliApp::cmdBackup(const QStringList &args)
{
    if (args.size() != 1)
        return fail(QCoreApplication::translate("Cli", "usage: backup FILE"), kUsage);
    Store store;
    if (!openStore(store, false))
        return kFailed;
    QString error;
    if (!store.backup(args.first(), &error))
        return fail(error);
    m_err << QCoreApplication::translate("Cli", "Backup written to %1").arg(args.first()) << Qt::endl;
    return kOk;
}

int CliApp::cmdCheck()
{
    Store store;
    if (!openStore(store, false))
        return kFailed;
    const CheckReport report = store.check();
    if (m_json) {
        QJsonObject o;
        o.insert(QStringLiteral("ok"), report.ok);
        o.insert(QStringLiteral("problems"), QJsonArray::fromStringList(report.problems));
        printJson(m_out, o);
    } else {
        for (const QString &p : report.problems)
            m_err << p << Qt::endl;
        m_out << (report.ok ? QStringLiteral("ok") : QStringLiteral("damaged")) << Qt::endl;
    }
    return report.ok ? kOk : kFailed;
}

int CliApp::cmdConflicts()
{
    Store store;
    if (!openStore(store, false))
        return kFailed;
    ListQuery q;
    q.entity = Schema::instance().entity(u"conflict");
    q.where.append({QStringLiteral("resolved"), QStringLiteral("false")});
    q.sort = QStringLiteral("-updated_at");
    QString error;
    const QList<Record> records = store.list(q, &error);
    if (!error.isEmpty())
        return fail(error);
    // Who wrote each value (user name or login from the server's site list, null while
    // unknown), beside the record's own keys.
    SiteAuthors authors(store);
    auto by = [&](const Record &r, const char16_t *site) {
        const QString name = authors.nameFor(r.text(site));
        return name.isEmpty() ? QJsonValue() : QJsonValue(name);
    };
    if (m_json) {
        QJsonArray arr;
        for (const Record &r : records) {
            QJsonObject o = r.toJson();
            o.insert(QStringLiteral("kept_by"), by(r, u"kept_site"));
            o.insert(QStringLiteral("lost_by"), by(r, u"lost_site"));
            arr.append(o);
        }
        printJson(m_out, arr);
    } else {
        for (const Record &r : records) {
            const QString keptBy = by(r, u"kept_site").toString(), lostBy = by(r, u"lost_site").toString();
            m_out << r.text(u"entity") << u' ' << r.text(u"record_id") << u' ' << r.text(u"field")
                  << QStringLiteral(": kept “") << r.text(u"kept_value") << QStringLiteral("”")
                  << (keptBy.isEmpty() ? QString() : QStringLiteral(" (") + keptBy + u')') << QStringLiteral(", lost “")
                  << r.text(u"lost_value") << QStringLiteral("”")
                  << (lostBy.isEmpty() ? QString() : QStringLiteral(" (") + lostBy + u')') << Qt::endl;
        }
    }
    return kOk;
}

} // namespace gamix
