#include "ImportRowWriter.h"

#include "CsvRow.h"
#include "schema/PhoneNumber.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace gamix {

namespace {

bool isPseudo(const QString &t)
{
    static const QStringList pseudo
        = {QStringLiteral("company"), QStringLiteral("company_inn"), QStringLiteral("full_name"),
           QStringLiteral("contact"), QStringLiteral("pipeline"),    QStringLiteral("stage"),
           QStringLiteral("deal"),    QStringLiteral("lead")};
    return pseudo.contains(t);
}

// " ::: " (Google), a JSON array (Twenty's additional emails), or one value.
QStringList splitMulti(QStringView cell)
{
    const QStringView t = cell.trimmed();
    if (t.startsWith(u'[') && t.endsWith(u']')) {
        const QJsonDocument doc = QJsonDocument::fromJson(t.toString().toUtf8());
        if (doc.isArray()) {
            QStringList out;
            for (const QJsonValue &v : doc.array()) {
                if (v.isString() && !v.toString().trimmed().isEmpty())
                    out << v.toString().trimmed();
                else if (v.isObject()) // [{"number": "...", "callingCode": "+7"}]
                    out << QString(v[QLatin1String("callingCode")].toString() + u' '
                                   + v[QLatin1String("number")].toString())
                               .trimmed();
            }
            return out;
        }
    }
    if (!t.contains(QLatin1String(" ::: ")))
        return {t.toString()};
    QStringList out;
    for (const QString &part : t.toString().split(QStringLiteral(" ::: "))) {
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    }
    return out;
}

bool isPatronymic(const QString &word)
{
    static const char16_t *const endings[] = {u"вич", u"вна", u"чна", u"ична", u"оглы", u"кызы"};
    for (const char16_t *e : endings) {
        if (word.endsWith(QStringView(e), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

ImportRowWriter::ImportRowWriter(Store &store, const ImportOptions &options, const QList<ColumnMapping> &mapping)
    : m_store(store)
    , m_options(options)
    , m_entity(*options.entity)
    , m_mapping(mapping)
    , m_resolver(store)
{
    // A column headed "ФИО" (Фамилия Имя Отчество) says the order: "Петрова Анна" is
    // Анна Петрова there, where a "Name" column would read it the other way round.
    for (const ColumnMapping &c : m_mapping) {
        const QString h = HeaderMatcher::fold(c.header).remove(u'.').remove(u' ').remove(u',');
        if (c.target == u"full_name" && (h == u"фио" || h.startsWith(QLatin1String("фамилияимя"))))
            m_surnameFirst = true;
    }
    m_notesField = m_entity.fieldIndex(u"notes") >= 0 ? QStringLiteral("notes")
        : m_entity.fieldIndex(u"body") >= 0           ? QStringLiteral("body")
                                                      : QString();
}

bool ImportRowWriter::checkUpdateFields(const EntityDef &entity, QStringList *fields, QString *unknown)
{
    QStringList out;
    for (QString f : std::as_const(*fields)) {
        f = f.trimmed();
        if (f.isEmpty())
            continue;
        if (f == u"company" && entity.fieldIndex(u"company_id") >= 0)
            f = QStringLiteral("company_id");
        const FieldDef *def = entity.field(f);
        if (!def || def->system || f == u"id") {
            *unknown = f;
            return false;
        }
        if (!out.contains(f))
            out << f;
    }
    *fields = out;
    return true;
}

QStringList ImportRowWriter::updatableFields(const EntityDef &entity)
{
    QStringList out;
    for (const FieldDef &f : entity.fields) {
        if (!f.system && f.name != u"id")
            out << f.name;
    }
    return out;
}

void ImportRowWriter::splitFullName(const QString &full, QString *first, QString *middle, QString *last,
                                    bool surnameFirst)
{
    const QStringList w = full.simplified().split(u' ', Qt::SkipEmptyParts);
    first->clear();
    middle->clear();
    last->clear();
    if (w.isEmpty())
        return;
    if (w.size() == 1) {
        *first = w.at(0);
    } else if (w.size() == 3 && isPatronymic(w.at(2))) { // Фамилия Имя Отчество
        *last = w.at(0);
        *first = w.at(1);
        *middle = w.at(2);
    } else if (w.size() == 3 && isPatronymic(w.at(1))) { // Имя Отчество Фамилия
        *first = w.at(0);
        *middle = w.at(1);
        *last = w.at(2);
    } else if (w.size() == 2 && isPatronymic(w.at(1))) {
        *first = w.at(0);
        *middle = w.at(1);
    } else if (surnameFirst) {
        *last = w.at(0);
        *first = w.at(1);
        *middle = w.mid(2).join(u' ');
    } else {
        *first = w.at(0);
        *last = w.mid(1).join(u' ');
    }
}

void ImportRowWriter::addNote(Built &b, const ColumnMapping &c, const QString &value)
{
    if (!m_options.unmappedToNotes)
        return;
    const QString v = value.trimmed();
    if (v == u"0/0/00" || v == u"0.0.00")
        return; // Outlook's "no date"
    b.notes << c.header.trimmed() + QStringLiteral(": ") + value.trimmed();
}

void ImportRowWriter::place(Built &b, const ColumnMapping &c, const QString &rawValue, const QString &label)
{
    const QString &target = c.target;
    if (target == u"id") {
        b.id = rawValue.trimmed();
        return;
    }
    if (target == m_notesField) {
        b.notes << (m_options.dates.excelGuards ? ValueParsers::unwrapExcel(rawValue) : rawValue);
        return;
    }
    if (isPseudo(target)) {
        const QString v = rawValue.trimmed();
        if (!b.pseudo.contains(target)) {
            b.pseudo.insert(target, v);
            b.columns.insert(target, c.column);
        } else if (b.pseudo.value(target) != v) {
            addNote(b, c, v);
        }
        return;
    }
    const bool email = target == u"email" || target == u"email2";
    const bool phone = target == u"phone" || target == u"mobile";
    if (email || phone) {
        QString value = rawValue.trimmed();
        QStringList family;
        if (email)
            family = {target, target == u"email" ? QStringLiteral("email2") : QStringLiteral("email")};
        else {
            const QString l = label.toLower();
            const bool mobile = target == u"mobile" || l.contains(QLatin1String("mobile"))
                || l.contains(QLatin1String("моб")) || l.contains(QLatin1String("cell"));
            family = mobile ? QStringList {QStringLiteral("mobile"), QStringLiteral("phone")}
                            : QStringList {QStringLiteral("phone"), QStringLiteral("mobile")};
            // Twenty keeps the calling code apart: "+7" and "9161234567".
            const QString code = label.trimmed();
            if (code.startsWith(u'+') && !value.startsWith(u'+') && code.size() <= 5)
                value = code + u' ' + value;
        }
        const FieldDef *first = m_entity.field(family.first());
        const QString text
            = ValueParsers::toFieldText(first ? *first : *m_entity.field(family.last()), value, m_options.dates);
        const QString key = email ? ValueParsers::emailKey(text) : phoneToE164(text);
        for (const QString &f : family) {
            const QString have = b.values.value(f);
            if (have.isEmpty())
                continue;
            const QString haveKey = email ? ValueParsers::emailKey(have) : phoneToE164(have);
            if (have == text || (!key.isEmpty() && haveKey == key))
                return; // the same address or number twice
        }
        for (const QString &f : family) {
            if (m_entity.fieldIndex(f) >= 0 && b.values.value(f).isEmpty()) {
                b.values.insert(f, text);
                b.columns.insert(f, c.column);
                return;
            }
        }
        addNote(b, c, value);
        return;
    }
    const FieldDef *field = m_entity.field(target);
    if (!field)
        return;
    const QString text = ValueParsers::toFieldText(*field, rawValue, m_options.dates);
    if (text.isEmpty())
        return;
    if (field->type == FieldType::Tags && b.values.contains(target)) {
        b.values[target] += u',' + text;
        return;
    }
    if (b.values.value(target).isEmpty()) {
        b.values.insert(target, text);
        b.columns.insert(target, c.column);
    } else if (b.values.value(target) != text) {
        addNote(b, c, rawValue);
    }
}

ImportRowWriter::Built ImportRowWriter::build(const CsvRow &row)
{
    Built b;
    for (const ColumnMapping &c : m_mapping) {
        if (c.column >= row.size() || c.target == u"-")
            continue;
        const QStringView raw = row.cell(c.column);
        if (raw.trimmed().isEmpty())
            continue;
        if (c.target.isEmpty()) {
            addNote(b, c, raw.toString());
            continue;
        }
        const QString label
            = c.labelColumn >= 0 && c.labelColumn < row.size() ? row.cell(c.labelColumn).toString() : QString();
        if (c.target == u"email" || c.target == u"email2" || c.target == u"phone" || c.target == u"mobile") {
            for (const QString &part : splitMulti(raw))
                place(b, c, part, label);
        } else {
            place(b, c, raw.toString(), label);
        }
    }
    if (b.pseudo.contains(QStringLiteral("full_name")) && m_entity.fieldIndex(u"first_name") >= 0
        && b.values.value(QStringLiteral("first_name")).isEmpty()
        && b.values.value(QStringLiteral("last_name")).isEmpty()) {
        QString first, middle, last;
        splitFullName(b.pseudo.value(QStringLiteral("full_name")), &first, &middle, &last, m_surnameFirst);
        const int col = b.columns.value(QStringLiteral("full_name"));
        const QList<QPair<QString, QString>> parts = {{QStringLiteral("first_name"), first},
                                                      {QStringLiteral("middle_name"), middle},
                                                      {QStringLiteral("last_name"), last}};
        for (const auto &[field, value] : parts) {
            if (!value.isEmpty() && m_entity.fieldIndex(field) >= 0 && b.values.value(field).isEmpty()) {
                b.values.insert(field, value);
                b.columns.insert(field, col);
            }
        }
    }
    return b;
}

bool ImportRowWriter::resolveReferences(Built &b, QString *error, int *column)
{
    const Schema &schema = Schema::instance();
    // Ids from another database (a Data export) fall back to the names beside them.
    static const char *const refs[] = {"company", "contact", "pipeline", "stage", "deal", "lead"};
    for (const char *ref : refs) {
        const QString field = QString::fromLatin1(ref) + QStringLiteral("_id");
        const QString id = b.values.value(field);
        if (!id.isEmpty() && !m_resolver.exists(*schema.entity(QString::fromLatin1(ref)), id))
            b.values.remove(field);
    }
    auto pseudo = [&](const char *name) {
        return b.pseudo.value(QString::fromLatin1(name));
    };
    auto unresolved = [&](const char *name) {
        // Not found: keep the name in the notes rather than lose it.
        const QString v = pseudo(name);
        if (!v.isEmpty() && !m_notesField.isEmpty())
            b.notes << QCoreApplication::translate("Schema", schema.entity(QString::fromLatin1(name))->label)
                    + QStringLiteral(": ") + v;
    };
    if (!pseudo("pipeline").isEmpty() || !pseudo("stage").isEmpty())
        beginSideEffects(); // they may be created
    if (m_entity.fieldIndex(u"pipeline_id") >= 0 && b.values.value(QStringLiteral("pipeline_id")).isEmpty()
        && !pseudo("pipeline").isEmpty()) {
        const QString id = m_resolver.pipeline(pseudo("pipeline"), error);
        if (id.isEmpty()) {
            *column = b.columns.value(QStringLiteral("pipeline"), -1);
            return false;
        }
        b.values.insert(QStringLiteral("pipeline_id"), id);
    }
    if (m_entity.fieldIndex(u"stage_id") >= 0 && b.values.value(QStringLiteral("stage_id")).isEmpty()
        && !pseudo("stage").isEmpty()) {
        const QString id = m_resolver.stage(b.values.value(QStringLiteral("pipeline_id")), pseudo("stage"), error);
        if (id.isEmpty()) {
            *column = b.columns.value(QStringLiteral("stage"), -1);
            return false;
        }
        b.values.insert(QStringLiteral("stage_id"), id);
    }
    if (m_entity.fieldIndex(u"contact_id") >= 0 && b.values.value(QStringLiteral("contact_id")).isEmpty()
        && !pseudo("contact").isEmpty()) {
        const QString id = m_resolver.contact(pseudo("contact"));
        if (id.isEmpty())
            unresolved("contact");
        else
            b.values.insert(QStringLiteral("contact_id"), id);
    }
    for (const char *ref : {"deal", "lead"}) {
        const QString field = QString::fromLatin1(ref) + QStringLiteral("_id");
        if (m_entity.fieldIndex(field) < 0 || !b.values.value(field).isEmpty() || pseudo(ref).isEmpty())
            continue;
        const QString id = m_resolver.byTitle(*schema.entity(QString::fromLatin1(ref)), pseudo(ref));
        if (id.isEmpty())
            unresolved(ref);
        else
            b.values.insert(field, id);
    }
    return true;
}

int ImportRowWriter::columnForError(const Built &b, const QString &error) const
{
    const qsizetype colon = error.indexOf(u':');
    if (colon <= 0)
        return -1;
    const QString field = error.left(colon);
    if (b.columns.contains(field))
        return b.columns.value(field);
    if (field == u"company_id")
        return b.columns.value(QStringLiteral("company"), -1);
    return -1;
}

ImportRowReport ImportRowWriter::write(const CsvRow &row, qint64 line)
{
    Built b = build(row);
    // A row that creates companies, pipelines or stages before its own record writes under
    // a savepoint (opened by beginSideEffects), so a rejected row leaves nothing behind.
    m_savepoint = false;
    ImportRowReport report;
    try {
        report = writeBuilt(b, line);
    } catch (...) {
        if (m_savepoint)
            m_store.db().exec(QStringLiteral("ROLLBACK TO import_row; RELEASE import_row"));
        throw;
    }
    if (m_savepoint) {
        if (report.action == ImportRowReport::Action::Reject) {
            m_store.db().exec(QStringLiteral("ROLLBACK TO import_row; RELEASE import_row"));
            m_resolver.clearCaches();
        } else {
            m_store.db().exec(QStringLiteral("RELEASE import_row"));
        }
    }
    return report;
}

void ImportRowWriter::beginSideEffects()
{
    if (m_savepoint)
        return;
    m_store.db().exec(QStringLiteral("SAVEPOINT import_row"));
    m_savepoint = true;
}

ImportRowReport ImportRowWriter::writeBuilt(Built &b, qint64 line)
{
    ImportRowReport report;
    report.line = line;
    auto reject = [&](const QString &message, int column) {
        report.action = ImportRowReport::Action::Reject;
        report.message = message;
        report.column = column + 1;
        return report;
    };
    QString error;
    int column = -1;
    if (!resolveReferences(b, &error, &column))
        return reject(error, column);

    // Companies: found now by INN or name; created only when the row is written.
    const bool wantsCompany = m_entity.fieldIndex(u"company_id") >= 0
        && b.values.value(QStringLiteral("company_id")).isEmpty()
        && (!b.pseudo.value(QStringLiteral("company")).isEmpty()
            || !b.pseudo.value(QStringLiteral("company_inn")).isEmpty());
    if (wantsCompany) {
        const QString id = m_resolver.company(b.pseudo.value(QStringLiteral("company")),
                                              b.pseudo.value(QStringLiteral("company_inn")), false, &error);
        if (!id.isEmpty())
            b.values.insert(QStringLiteral("company_id"), id);
    }

    const Schema &schema = Schema::instance();
    QString duplicate;
    if (!b.id.isEmpty() && m_resolver.exists(m_entity, b.id))
        duplicate = b.id.toLower();
    else
        duplicate = m_resolver.findDuplicate(m_entity, b.values);
    if (!duplicate.isEmpty() && m_options.onDuplicate == OnDuplicate::Skip) {
        report.action = ImportRowReport::Action::Skip;
        report.id = duplicate;
        report.message = QCoreApplication::translate("Import", "duplicate of %1").arg(duplicate);
        return report;
    }

    if (wantsCompany && b.values.value(QStringLiteral("company_id")).isEmpty()) {
        beginSideEffects();
        bool created = false;
        const QString id = m_resolver.company(b.pseudo.value(QStringLiteral("company")),
                                              b.pseudo.value(QStringLiteral("company_inn")), true, &error, &created);
        if (!error.isEmpty()) {
            const int col
                = b.columns.value(QStringLiteral("company_inn"), b.columns.value(QStringLiteral("company"), -1));
            return reject(error, col);
        }
        if (!id.isEmpty())
            b.values.insert(QStringLiteral("company_id"), id);
        else if (!m_notesField.isEmpty() && !b.pseudo.value(QStringLiteral("company_inn")).isEmpty())
            b.notes << QCoreApplication::translate("Schema", "INN") + QStringLiteral(": ")
                    + b.pseudo.value(QStringLiteral("company_inn"));
        m_companiesCreated += created ? 1 : 0;
    }

    QList<FieldWrite> writes;
    const QString notes = b.notes.join(u'\n');
    if (!duplicate.isEmpty() && m_options.onDuplicate == OnDuplicate::Update) {
        // Empty fields of the record take the file's value; the fields the user chose
        // (updateFields) take it even over what is there.
        const Record existing = m_store.get(m_entity, duplicate);
        QStringList filled, replaced;
        for (auto it = b.values.begin(); it != b.values.end(); ++it) {
            const QString have = existing.text(it.key());
            if (have.isEmpty())
                filled << it.key();
            else if (have != it.value() && m_options.updateFields.contains(it.key()))
                replaced << it.key();
            else
                continue;
            writes.append({it.key(), it.value()});
        }
        if (!notes.isEmpty() && !m_notesField.isEmpty()) {
            const QString have = existing.text(m_notesField);
            if (have.isEmpty() || (have != notes && m_options.updateFields.contains(m_notesField))) {
                (have.isEmpty() ? filled : replaced) << m_notesField;
                writes.append({m_notesField, notes});
            }
        }
        report.id = duplicate;
        if (writes.isEmpty()) {
            report.action = ImportRowReport::Action::Skip;
            report.message = QCoreApplication::translate("Import", "duplicate of %1; its fields are already filled")
                                 .arg(duplicate);
            return report;
        }
        const WriteResult r = m_store.update(m_entity, duplicate, writes);
        if (!r.ok)
            return reject(r.errorText(), columnForError(b, r.errors.value(0)));
        m_resolver.noteWritten(m_entity, duplicate, b.values);
        report.action = ImportRowReport::Action::Update;
        QStringList parts;
        if (!filled.isEmpty())
            parts << QCoreApplication::translate("Import", "fills %1").arg(filled.join(QStringLiteral(", ")));
        if (!replaced.isEmpty())
            parts << QCoreApplication::translate("Import", "replaces %1").arg(replaced.join(QStringLiteral(", ")));
        report.message = QCoreApplication::translate("Import", "duplicate of %1: %2")
                             .arg(duplicate, parts.join(QStringLiteral("; ")));
        return report;
    }

    for (auto it = b.values.begin(); it != b.values.end(); ++it)
        writes.append({it.key(), it.value()});
    if (!notes.isEmpty() && !m_notesField.isEmpty())
        writes.append({m_notesField, notes});
    const WriteResult r = m_store.create(m_entity, writes, duplicate.isEmpty() ? b.id : QString());
    if (!r.ok)
        return reject(r.errorText(), columnForError(b, r.errors.value(0)));
    Q_UNUSED(schema);
    m_resolver.noteWritten(m_entity, r.id, b.values);
    report.action = ImportRowReport::Action::Create;
    report.id = r.id;
    return report;
}

} // namespace gamix
