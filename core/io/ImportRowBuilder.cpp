#include "ImportRowBuilder.h"

#include "CsvRow.h"
#include "schema/PhoneNumber.h"
#include "schema/Schema.h"

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

const QString kContactPrefix = QStringLiteral("contact.");

bool isMultiValued(const QString &target)
{
    const QStringView t
        = target.startsWith(kContactPrefix) ? QStringView(target).mid(kContactPrefix.size()) : QStringView(target);
    return t == u"email" || t == u"email2" || t == u"phone" || t == u"mobile";
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

ImportRowBuilder::ImportRowBuilder(const ImportOptions &options, const QList<ColumnMapping> &mapping)
    : m_options(options)
    , m_entity(*options.entity)
    , m_contact(*Schema::instance().entity(u"contact"))
    , m_mapping(mapping)
{
    // A column headed "ФИО" (Фамилия Имя Отчество) says the order: "Петрова Анна" is
    // Анна Петрова there, where a "Name" column would read it the other way round.
    for (const ColumnMapping &c : m_mapping) {
        const QString h = HeaderMatcher::fold(c.header).remove(u'.').remove(u' ').remove(u',');
        if ((c.target == u"full_name" || c.target == u"contact")
            && (h == u"фио" || h.startsWith(QLatin1String("фамилияимя"))))
            m_surnameFirst = true;
    }
    m_notesField = m_entity.fieldIndex(u"notes") >= 0 ? QStringLiteral("notes")
        : m_entity.fieldIndex(u"body") >= 0           ? QStringLiteral("body")
                                                      : QString();
}

void ImportRowBuilder::splitFullName(const QString &full, QString *first, QString *middle, QString *last,
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

void ImportRowBuilder::addNote(ImportRow &b, const ColumnMapping &c, const QString &value) const
{
    if (!m_options.unmappedToNotes)
        return;
    const QString v = value.trimmed();
    if (v == u"0/0/00" || v == u"0.0.00")
        return; // Outlook's "no date"
    b.notes << c.header.trimmed() + QStringLiteral(": ") + value.trimmed();
}

void ImportRowBuilder::place(ImportRow &b, const ColumnMapping &c, const QString &rawValue, const QString &label) const
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
    if (target.startsWith(kContactPrefix)) {
        placeField(b, Sink {m_contact, b.contactValues, b.contactColumns, &b.contactHeaders},
                   target.mid(kContactPrefix.size()), c, rawValue, label);
        return;
    }
    placeField(b, Sink {m_entity, b.values, b.columns, nullptr, &b.keys}, target, c, rawValue, label);
}

void ImportRowBuilder::placeField(ImportRow &b, Sink sink, const QString &target, const ColumnMapping &c,
                                  const QString &rawValue, const QString &label) const
{
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
        const FieldDef *first = sink.entity.field(family.first());
        const QString text
            = ValueParsers::toFieldText(first ? *first : *sink.entity.field(family.last()), value, m_options.dates);
        const QString key = email ? ValueParsers::emailKey(text) : phoneToE164(text);
        for (const QString &f : family) {
            const QString have = sink.values.value(f);
            if (have.isEmpty())
                continue;
            const QString haveKey = email ? ValueParsers::emailKey(have) : phoneToE164(have);
            if (have == text || (!key.isEmpty() && haveKey == key))
                return; // the same address or number twice
        }
        for (const QString &f : family) {
            if (sink.entity.fieldIndex(f) >= 0 && sink.values.value(f).isEmpty()) {
                sink.values.insert(f, text);
                sink.columns.insert(f, c.column);
                if (sink.headers)
                    sink.headers->insert(f, c.header.trimmed());
                if (sink.keys)
                    sink.keys->insert(f, key);
                return;
            }
        }
        addNote(b, c, value);
        return;
    }
    const FieldDef *field = sink.entity.field(target);
    if (!field)
        return;
    const QString text = ValueParsers::toFieldText(*field, rawValue, m_options.dates);
    if (text.isEmpty())
        return;
    if (field->type == FieldType::Tags && sink.values.contains(target)) {
        sink.values[target] += u',' + text;
        return;
    }
    if (sink.values.value(target).isEmpty()) {
        sink.values.insert(target, text);
        sink.columns.insert(target, c.column);
        if (sink.headers)
            sink.headers->insert(target, c.header.trimmed());
    } else if (sink.values.value(target) != text) {
        addNote(b, c, rawValue);
    }
}

ImportRow ImportRowBuilder::build(const CsvRow &row) const
{
    ImportRow b;
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
        if (isMultiValued(c.target)) {
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

} // namespace gamix
