#include "HeaderMatcher.h"

#include <QRegularExpression>

namespace gamix {

namespace {

struct Synonym
{
    const char16_t *header;
    const char *target;
};

// Exact synonyms (folded) for headers that no preset owns: what people type in Excel.
const Synonym kSynonyms[] = {
    {u"имя", "first_name"},
    {u"first name", "first_name"},
    {u"firstname", "first_name"},
    {u"given name", "first_name"},
    {u"отчество", "middle_name"},
    {u"middle name", "middle_name"},
    {u"фамилия", "last_name"},
    {u"last name", "last_name"},
    {u"lastname", "last_name"},
    {u"surname", "last_name"},
    {u"family name", "last_name"},
    {u"фио", "full_name"},
    {u"ф.и.о.", "full_name"},
    {u"полное имя", "full_name"},
    {u"full name", "full_name"},
    {u"name", "full_name"},
    {u"контакт", "full_name"},
    {u"контактное лицо", "full_name"},
    {u"email", "email"},
    {u"e-mail", "email"},
    {u"e-mail address", "email"},
    {u"email address", "email"},
    {u"эл. почта", "email"},
    {u"электронная почта", "email"},
    {u"почта", "email"},
    {u"емейл", "email"},
    {u"email 2", "email2"},
    {u"e-mail 2", "email2"},
    {u"телефон", "phone"},
    {u"phone", "phone"},
    {u"тел.", "phone"},
    {u"тел", "phone"},
    {u"рабочий телефон", "phone"},
    {u"business phone", "phone"},
    {u"work phone", "phone"},
    {u"phone number", "phone"},
    {u"мобильный", "mobile"},
    {u"мобильный телефон", "mobile"},
    {u"телефон переносной", "mobile"},
    {u"сотовый", "mobile"},
    {u"сотовый телефон", "mobile"},
    {u"mobile", "mobile"},
    {u"mobile phone", "mobile"},
    {u"cell", "mobile"},
    {u"cell phone", "mobile"},
    {u"telegram", "telegram"},
    {u"телеграм", "telegram"},
    {u"компания", "company"},
    {u"организация", "company"},
    {u"company", "company"},
    {u"organization", "company"},
    {u"organisation", "company"},
    {u"название компании", "company"},
    {u"инн", "company_inn"},
    {u"inn", "company_inn"},
    {u"должность", "position"},
    {u"position", "position"},
    {u"job title", "position"},
    {u"город", "city"},
    {u"city", "city"},
    {u"день рождения", "birthday"},
    {u"дата рождения", "birthday"},
    {u"birthday", "birthday"},
    {u"date of birth", "birthday"},
    {u"теги", "tags"},
    {u"метки", "tags"},
    {u"tags", "tags"},
    {u"labels", "tags"},
    {u"заметки", "notes"},
    {u"примечание", "notes"},
    {u"примечания", "notes"},
    {u"комментарий", "notes"},
    {u"комментарии", "notes"},
    {u"notes", "notes"},
    {u"note", "notes"},
    {u"comment", "notes"},
    {u"comments", "notes"},
    {u"описание", "notes"},
    {u"description", "notes"},
    {u"кпп", "kpp"},
    {u"огрн", "ogrn"},
    {u"сайт", "website"},
    {u"website", "website"},
    {u"web site", "website"},
    {u"адрес", "address"},
    {u"address", "address"},
    {u"название", "title"},
    {u"наименование", "title"},
    {u"title", "title"},
    {u"тема", "title"},
    {u"subject", "title"},
    {u"задача", "title"},
    {u"сделка", "deal"},
    {u"лид", "lead"},
    {u"сумма", "amount"},
    {u"бюджет", "amount"},
    {u"amount", "amount"},
    {u"валюта", "currency"},
    {u"currency", "currency"},
    {u"этап", "stage"},
    {u"стадия", "stage"},
    {u"stage", "stage"},
    {u"воронка", "pipeline"},
    {u"pipeline", "pipeline"},
    {u"срок", "due_at"},
    {u"крайний срок", "due_at"},
    {u"due", "due_at"},
    {u"due date", "due_at"},
    {u"выполнена", "done"},
    {u"done", "done"},
    {u"completed", "done"},
    {u"приоритет", "priority"},
    {u"priority", "priority"},
    {u"напоминание", "remind_at"},
    {u"источник", "source"},
    {u"source", "source"},
    {u"статус", "status"},
    {u"status", "status"},
    {u"согласие", "consent"},
    {u"дата закрытия", "expected_close"},
    {u"close date", "expected_close"},
    {u"причина отказа", "lost_reason"},
};

struct Heuristic
{
    const char16_t *needle;
    const char *target;
};

// Substring rules, in order: the first that matches decides. Faxes first so they do not
// become phones; "полное имя" before "имя".
const Heuristic kHeuristics[] = {
    {u"факс", ""},
    {u"fax", ""},
    {u"пейджер", ""},
    {u"pager", ""},
    {u"моб", "mobile"},
    {u"mobile", "mobile"},
    {u"сотов", "mobile"},
    {u"переносн", "mobile"},
    {u"cell", "mobile"},
    {u"телефон", "phone"},
    {u"phone", "phone"},
    {u"e-mail", "email"},
    {u"email", "email"},
    {u"почт", "email"},
    {u"telegram", "telegram"},
    {u"телеграм", "telegram"},
    {u"инн", "company_inn"},
    {u"компани", "company"},
    {u"организаци", "company"},
    {u"company", "company"},
    {u"organization", "company"},
    {u"полное имя", "full_name"},
    {u"фио", "full_name"},
    {u"full name", "full_name"},
    {u"отчеств", "middle_name"},
    {u"middle", "middle_name"},
    {u"фамил", "last_name"},
    {u"last name", "last_name"},
    {u"surname", "last_name"},
    {u"имя", "first_name"},
    {u"first name", "first_name"},
    {u"given", "first_name"},
    {u"должност", "position"},
    {u"job", "position"},
    {u"город", "city"},
    {u"city", "city"},
    {u"рожден", "birthday"},
    {u"birth", "birthday"},
    {u"примечан", "notes"},
    {u"коммент", "notes"},
    {u"заметк", "notes"},
    {u"note", "notes"},
    {u"comment", "notes"},
    {u"тег", "tags"},
    {u"tag", "tags"},
    {u"категори", "tags"},
    {u"categor", "tags"},
    {u"сайт", "website"},
    {u"website", "website"},
    {u"адрес", "address"},
    {u"address", "address"},
    {u"бюджет", "amount"},
    {u"сумм", "amount"},
    {u"amount", "amount"},
    {u"валют", "currency"},
    {u"этап", "stage"},
    {u"стади", "stage"},
    {u"stage", "stage"},
    {u"воронк", "pipeline"},
    {u"pipeline", "pipeline"},
    {u"срок", "due_at"},
    {u"deadline", "due_at"},
    {u"источник", "source"},
    {u"статус", "status"},
    {u"название", "title"},
    {u"наименование", "title"},
};

const QHash<QString, QString> &synonymTable()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> t;
        for (const Synonym &s : kSynonyms)
            t.insert(HeaderMatcher::fold(QStringView(s.header)), QString::fromLatin1(s.target));
        // Every preset's columns are synonyms too (first one wins), so a hand-made file
        // with some Outlook or amoCRM names still matches.
        for (const Preset &p : PresetRegistry::all()) {
            for (auto it = p.columns.begin(); it != p.columns.end(); ++it) {
                if (!t.contains(it.key()) && it.value() != u"-" && it.value() != u"id")
                    t.insert(it.key(), it.value());
            }
        }
        return t;
    }();
    return table;
}

bool hasField(const EntityDef &e, const char *name)
{
    const FieldDef *f = e.field(QString::fromLatin1(name));
    return f && !f->system;
}

// Google's repeating groups: "e-mail 2 - value", "phone 1 - label", "address 1 - city".
QString googleGroupTarget(const QString &kind, const QString &part)
{
    const bool value = part == u"value";
    if (kind == u"e-mail" || kind == u"email")
        return value ? QStringLiteral("email") : QStringLiteral("-");
    if (kind == u"phone")
        return value ? QStringLiteral("phone") : QStringLiteral("-");
    if (kind == u"address") {
        if (part == u"city")
            return QStringLiteral("city");
        if (part == u"formatted")
            return QStringLiteral("address");
        return QStringLiteral("-");
    }
    if (kind == u"organization") {
        if (part == u"name")
            return QStringLiteral("company");
        if (part == u"title")
            return QStringLiteral("position");
        if (part == u"department")
            return QStringLiteral("notes");
        return QStringLiteral("-");
    }
    if (kind == u"website")
        return value ? QStringLiteral("website") : QStringLiteral("-");
    if (kind == u"im")
        return value ? QStringLiteral("telegram") : QStringLiteral("-");
    if (value)
        return QString(); // events, relations, custom fields: into the notes with their label
    return QStringLiteral("-");
}

// The Excel profile's headers are the fields' labels in the user's language.
bool translatedLabelTarget(const EntityDef &e, const QString &folded, QString *target)
{
    for (const FieldDef &f : e.fields) {
        if (f.system || HeaderMatcher::fold(f.translatedLabel()) != folded)
            continue;
        *target = f.type == FieldType::Reference ? f.name.chopped(3) : f.name;
        return true;
    }
    return false;
}

} // namespace

QString HeaderMatcher::fold(QStringView header)
{
    QString out;
    out.reserve(header.size());
    bool space = false;
    for (QChar c : header) {
        if (c == QChar(0xFEFF))
            continue;
        if (c.isSpace() || c == QChar(0x00A0)) {
            space = !out.isEmpty();
            continue;
        }
        if (space) {
            out.append(u' ');
            space = false;
        }
        c = c.toLower();
        out.append(c == QChar(0x0451) ? QChar(0x0435) : c); // ё -> е
    }
    return out;
}

const QStringList &HeaderMatcher::dealContactFields()
{
    static const QStringList fields
        = {QStringLiteral("first_name"), QStringLiteral("middle_name"), QStringLiteral("last_name"),
           QStringLiteral("email"),      QStringLiteral("email2"),      QStringLiteral("phone"),
           QStringLiteral("mobile"),     QStringLiteral("telegram"),    QStringLiteral("position"),
           QStringLiteral("city")};
    return fields;
}

QString HeaderMatcher::fuzzyTarget(const QString &folded, bool exactOnly)
{
    const auto it = synonymTable().constFind(folded);
    if (it != synonymTable().constEnd())
        return *it;
    if (exactOnly)
        return {};
    for (const Heuristic &h : kHeuristics) {
        if (folded.contains(QStringView(h.needle)))
            return QString::fromLatin1(h.target);
    }
    return {};
}

QString HeaderMatcher::resolve(const EntityDef &e, const QString &target)
{
    if (target.isEmpty() || target == u"-" || target == u"id")
        return target;
    const FieldDef *f = e.field(target);
    if (f && !f->system)
        return target;
    // A deal file carries its contact's details beside the deal (amoCRM, Pipedrive): they
    // belong to that contact (contact.phone...), found or created with the deal.
    if (e.name == u"deal") {
        const QStringList &fields = dealContactFields();
        if (target.startsWith(QLatin1String("contact.")) && fields.contains(target.mid(8)))
            return target;
        if (fields.contains(target))
            return QStringLiteral("contact.") + target;
    }
    const bool person = hasField(e, "first_name");
    if (target == u"full_name" || target == u"name" || target == u"title") {
        if (person && target != u"title")
            return QStringLiteral("full_name");
        // A person's name in a deal or task file is its contact.
        if (target == u"full_name" && hasField(e, "contact_id"))
            return QStringLiteral("contact");
        if (hasField(e, "title"))
            return QStringLiteral("title");
        if (hasField(e, "name"))
            return QStringLiteral("name");
        return {};
    }
    if (target == u"mobile")
        return hasField(e, "phone") ? QStringLiteral("phone") : QString();
    if (target == u"email2")
        return hasField(e, "email") ? QStringLiteral("email") : QString();
    if (target == u"company") {
        if (e.name == u"company")
            return QStringLiteral("name");
        if (hasField(e, "company_id"))
            return QStringLiteral("company");
        if (hasField(e, "company_name"))
            return QStringLiteral("company_name");
        return {};
    }
    if (target == u"company_inn") {
        if (e.name == u"company")
            return QStringLiteral("inn");
        return hasField(e, "company_id") ? target : QString();
    }
    if (target == u"contact" || target == u"pipeline" || target == u"stage" || target == u"deal" || target == u"lead") {
        return hasField(e, QString(target + QStringLiteral("_id")).toLatin1().constData()) ? target : QString();
    }
    if (target == u"notes" && hasField(e, "body"))
        return QStringLiteral("body");
    return {};
}

QStringList HeaderMatcher::targets(const EntityDef &e)
{
    QStringList out;
    for (const FieldDef &f : e.fields) {
        if (!f.system)
            out << f.name;
    }
    static const char *const pseudo[]
        = {"full_name", "company", "company_inn", "contact", "pipeline", "stage", "deal", "lead"};
    for (const char *p : pseudo) {
        const QString name = QString::fromLatin1(p);
        if (!out.contains(name) && resolve(e, name) == name)
            out << name;
    }
    if (e.name == u"deal") {
        for (const QString &f : dealContactFields())
            out << QStringLiteral("contact.") + f;
    }
    out << QStringLiteral("id");
    return out;
}

QList<ColumnMapping> HeaderMatcher::match(const EntityDef &entity, const QStringList &header, const Preset *preset,
                                          const QHash<QString, QString> &userMap)
{
    static const QRegularExpression googleRe(QStringLiteral("^(.+?) (\\d+) - (.+)$"));
    static const QRegularExpression prefixedRe(QStringLiteral(
        "^(person|organization|deal|lead|activity|контакт|организация|сделка|лид|человек) - (.+?)(?: - (.+))?$"));
    QList<ColumnMapping> out;
    QHash<QString, int> labelColumns; // "phone 1" -> column of its label/type
    QList<QString> folded;
    for (const QString &h : header)
        folded << fold(h);
    for (int i = 0; i < folded.size(); ++i) {
        const auto m = googleRe.match(folded.at(i));
        if (m.hasMatch() && (m.captured(3) == u"label" || m.captured(3) == u"type"))
            labelColumns.insert(m.captured(1) + u' ' + m.captured(2), i);
    }
    for (int i = 0; i < header.size(); ++i) {
        ColumnMapping c;
        c.column = i;
        c.header = header.at(i);
        const QString &h = folded.at(i);
        QString target;
        if (userMap.contains(h)) {
            target = userMap.value(h);
            c.source = ColumnMapping::Source::User;
            if (target.isEmpty())
                target = QStringLiteral("-");
        } else if ((!preset || preset->id == u"gamix") && translatedLabelTarget(entity, h, &target)) {
            c.source = ColumnMapping::Source::Preset;
        } else if (preset && preset->columns.contains(h)) {
            target = preset->columns.value(h);
            c.source = ColumnMapping::Source::Preset;
        } else if (const auto g = googleRe.match(h); g.hasMatch() && (!preset || preset->googleGroups)) {
            target = googleGroupTarget(g.captured(1), g.captured(3));
            c.labelColumn = labelColumns.value(g.captured(1) + u' ' + g.captured(2), -1);
            c.source = ColumnMapping::Source::Pattern;
        } else if (const auto p = prefixedRe.match(h); p.hasMatch() && (!preset || preset->entityPrefixed)) {
            target = fuzzyTarget(p.captured(2));
            const QString label = p.captured(3);
            if (target == u"phone" && (label.contains(QLatin1String("mob")) || label.contains(QLatin1String("моб"))))
                target = QStringLiteral("mobile");
            c.source = ColumnMapping::Source::Pattern;
        } else {
            // A recognised preset owns its columns; what it leaves over (an account's custom
            // columns) is matched by exact synonyms only, so "Имя помощника" stays in notes.
            target = fuzzyTarget(h, preset != nullptr);
            c.source = target.isEmpty() ? ColumnMapping::Source::None : ColumnMapping::Source::Fuzzy;
        }
        if (target == u"id" && c.source != ColumnMapping::Source::User && (!preset || preset->id != u"gamix"))
            target = QStringLiteral("-"); // another program's ids mean nothing here
        c.target = resolve(entity, target);
        if (c.target.isEmpty() && c.source == ColumnMapping::Source::User)
            c.target = QStringLiteral("-");
        out << c;
    }
    // Twenty writes the calling code of a phone in a column of its own.
    for (ColumnMapping &c : out) {
        if (HeaderMatcher::fold(c.header) != u"phones / primary phone number")
            continue;
        for (int i = 0; i < folded.size(); ++i) {
            if (folded.at(i) == u"phones / primary phone calling code"
                || (c.labelColumn < 0 && folded.at(i) == u"phones / primary phone country code"))
                c.labelColumn = i;
        }
    }
    return out;
}

} // namespace gamix
