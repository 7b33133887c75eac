#include "Schema.h"

#include <QCoreApplication>

namespace gamix {

namespace {

FieldDef f(const char *name, FieldType type, const char *label)
{
    FieldDef d;
    d.name = QString::fromLatin1(name);
    d.type = type;
    d.label = label;
    return d;
}

FieldDef searchable(FieldDef d)
{
    d.searchable = true;
    return d;
}

FieldDef required(FieldDef d)
{
    d.required = true;
    return d;
}

FieldDef ref(const char *name, const char *entity, const char *label)
{
    FieldDef d = f(name, FieldType::Reference, label);
    d.refEntity = QString::fromLatin1(entity);
    return d;
}

FieldDef enumField(const char *name, const char *label, QStringList values)
{
    FieldDef d = f(name, FieldType::Enum, label);
    d.enumValues = std::move(values);
    d.defaultValue = d.enumValues.value(0);
    return d;
}

EntityDef makeEntity(const char *name, int code, const char *label, const char *plural, const char *displayField,
                     QList<FieldDef> fields)
{
    EntityDef e;
    e.name = QString::fromLatin1(name);
    e.code = code;
    e.label = label;
    e.pluralLabel = plural;
    e.displayField = QString::fromLatin1(displayField);
    FieldDef owner = ref(kOwnerField, "user", QT_TRANSLATE_NOOP("Schema", "Owner"));
    owner.system = true;
    FieldDef office = ref(kOfficeField, "office", QT_TRANSLATE_NOOP("Schema", "Office"));
    office.system = true;
    FieldDef created = f(kCreatedField, FieldType::DateTime, QT_TRANSLATE_NOOP("Schema", "Created"));
    created.system = true;
    FieldDef deleted = f(kDeletedField, FieldType::Bool, QT_TRANSLATE_NOOP("Schema", "Deleted"));
    deleted.system = true;
    fields << owner << office << created << deleted;
    e.fields = std::move(fields);
    e.deletedAt = int(e.fields.size()) - 1;
    return e;
}

// Fields added after the first release go after `deleted`: clocks are kept per field
// index, so an existing field never moves (migration 4 added merged_into).
void appendMergedInto(EntityDef &e)
{
    FieldDef merged = ref("merged_into", e.name.toLatin1().constData(), QT_TRANSLATE_NOOP("Schema", "Merged into"));
    merged.system = true; // set by a merge of duplicates, never typed in; not in forms, CSV or JSON input
    e.fields << merged;
}

} // namespace

QString FieldDef::translatedLabel() const
{
    return QCoreApplication::translate("Schema", label);
}

int EntityDef::fieldIndex(QStringView name) const
{
    for (int i = 0; i < fields.size(); ++i) {
        if (fields.at(i).name == name)
            return i;
    }
    return -1;
}

const FieldDef *EntityDef::field(QStringView name) const
{
    const int i = fieldIndex(name);
    return i < 0 ? nullptr : &fields.at(i);
}

int EntityDef::userFieldCount() const
{
    int n = 0;
    for (const FieldDef &d : fields)
        n += d.system ? 0 : 1;
    return n;
}

QString EntityDef::translatedLabel() const
{
    return QCoreApplication::translate("Schema", label);
}

QString EntityDef::translatedPluralLabel() const
{
    return QCoreApplication::translate("Schema", pluralLabel);
}

Schema::Schema()
{
    using T = FieldType;
    // Labels are spelled out as QT_TRANSLATE_NOOP("Schema", ...): lupdate does not expand macros.
    const FieldDef notes = f("notes", T::LongText, QT_TRANSLATE_NOOP("Schema", "Notes"));

    EntityDef company = makeEntity(
        "company", 1, QT_TRANSLATE_NOOP("Schema", "Company"), QT_TRANSLATE_NOOP("Schema", "Companies"), "name",
        {required(searchable(f("name", T::Text, QT_TRANSLATE_NOOP("Schema", "Name")))),
         searchable(f("inn", T::Inn, QT_TRANSLATE_NOOP("Schema", "INN"))),
         f("kpp", T::Kpp, QT_TRANSLATE_NOOP("Schema", "KPP")), f("ogrn", T::Ogrn, QT_TRANSLATE_NOOP("Schema", "OGRN")),
         f("website", T::Url, QT_TRANSLATE_NOOP("Schema", "Website")),
         searchable(f("phone", T::Phone, QT_TRANSLATE_NOOP("Schema", "Phone"))),
         searchable(f("email", T::Email, QT_TRANSLATE_NOOP("Schema", "Email"))),
         f("address", T::Text, QT_TRANSLATE_NOOP("Schema", "Address")),
         f("city", T::Text, QT_TRANSLATE_NOOP("Schema", "City")), notes});
    appendMergedInto(company);
    m_entities << company;

    EntityDef contact = makeEntity("contact", 2, QT_TRANSLATE_NOOP("Schema", "Contact"),
                                   QT_TRANSLATE_NOOP("Schema", "Contacts"), "last_name",
                                   {searchable(f("first_name", T::Text, QT_TRANSLATE_NOOP("Schema", "First name"))),
                                    searchable(f("middle_name", T::Text, QT_TRANSLATE_NOOP("Schema", "Middle name"))),
                                    searchable(f("last_name", T::Text, QT_TRANSLATE_NOOP("Schema", "Last name"))),
                                    searchable(f("email", T::Email, QT_TRANSLATE_NOOP("Schema", "Email"))),
                                    searchable(f("email2", T::Email, QT_TRANSLATE_NOOP("Schema", "Email 2"))),
                                    searchable(f("phone", T::Phone, QT_TRANSLATE_NOOP("Schema", "Phone"))),
                                    searchable(f("mobile", T::Phone, QT_TRANSLATE_NOOP("Schema", "Mobile"))),
                                    searchable(f("telegram", T::Telegram, QT_TRANSLATE_NOOP("Schema", "Telegram"))),
                                    ref("company_id", "company", QT_TRANSLATE_NOOP("Schema", "Company")),
                                    f("position", T::Text, QT_TRANSLATE_NOOP("Schema", "Position")),
                                    f("city", T::Text, QT_TRANSLATE_NOOP("Schema", "City")),
                                    f("birthday", T::Date, QT_TRANSLATE_NOOP("Schema", "Birthday")),
                                    f("tags", T::Tags, QT_TRANSLATE_NOOP("Schema", "Tags")), notes});
    contact.requireAny = {QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("email"),
                          QStringLiteral("phone"), QStringLiteral("mobile")};
    appendMergedInto(contact);
    m_entities << contact;

    EntityDef lead
        = makeEntity("lead", 3, QT_TRANSLATE_NOOP("Schema", "Lead"), QT_TRANSLATE_NOOP("Schema", "Leads"), "title",
                     {searchable(f("title", T::Text, QT_TRANSLATE_NOOP("Schema", "Title"))),
                      searchable(f("first_name", T::Text, QT_TRANSLATE_NOOP("Schema", "First name"))),
                      searchable(f("last_name", T::Text, QT_TRANSLATE_NOOP("Schema", "Last name"))),
                      searchable(f("email", T::Email, QT_TRANSLATE_NOOP("Schema", "Email"))),
                      searchable(f("phone", T::Phone, QT_TRANSLATE_NOOP("Schema", "Phone"))),
                      searchable(f("company_name", T::Text, QT_TRANSLATE_NOOP("Schema", "Company name"))),
                      f("source", T::Text, QT_TRANSLATE_NOOP("Schema", "Source")),
                      enumField("status", QT_TRANSLATE_NOOP("Schema", "Status"),
                                {QStringLiteral("new"), QStringLiteral("working"), QStringLiteral("converted"),
                                 QStringLiteral("lost")}),
                      f("consent", T::Bool, QT_TRANSLATE_NOOP("Schema", "Consent")), notes});
    lead.requireAny = {QStringLiteral("title"), QStringLiteral("first_name"), QStringLiteral("last_name"),
                       QStringLiteral("email"), QStringLiteral("phone"),      QStringLiteral("company_name")};
    m_entities << lead;

    m_entities << makeEntity("pipeline", 4, QT_TRANSLATE_NOOP("Schema", "Pipeline"),
                             QT_TRANSLATE_NOOP("Schema", "Pipelines"), "name",
                             {required(searchable(f("name", T::Text, QT_TRANSLATE_NOOP("Schema", "Name"))))});

    FieldDef position = f("position", T::Integer, QT_TRANSLATE_NOOP("Schema", "Position"));
    position.defaultValue = QStringLiteral("0");
    m_entities << makeEntity("stage", 5, QT_TRANSLATE_NOOP("Schema", "Stage"), QT_TRANSLATE_NOOP("Schema", "Stages"),
                             "name",
                             {required(ref("pipeline_id", "pipeline", QT_TRANSLATE_NOOP("Schema", "Pipeline"))),
                              required(searchable(f("name", T::Text, QT_TRANSLATE_NOOP("Schema", "Name")))), position,
                              f("probability", T::Percent, QT_TRANSLATE_NOOP("Schema", "Probability"))});

    FieldDef amount = f("amount", T::Money, QT_TRANSLATE_NOOP("Schema", "Amount"));
    amount.clockGroup = QStringLiteral("money");
    FieldDef currency = f("currency", T::Currency, QT_TRANSLATE_NOOP("Schema", "Currency"));
    currency.clockGroup = QStringLiteral("money");
    currency.defaultValue = QStringLiteral("RUB");
    m_entities << makeEntity("deal", 6, QT_TRANSLATE_NOOP("Schema", "Deal"), QT_TRANSLATE_NOOP("Schema", "Deals"),
                             "title",
                             {required(searchable(f("title", T::Text, QT_TRANSLATE_NOOP("Schema", "Title")))), amount,
                              currency, ref("pipeline_id", "pipeline", QT_TRANSLATE_NOOP("Schema", "Pipeline")),
                              ref("stage_id", "stage", QT_TRANSLATE_NOOP("Schema", "Stage")),
                              ref("contact_id", "contact", QT_TRANSLATE_NOOP("Schema", "Contact")),
                              ref("company_id", "company", QT_TRANSLATE_NOOP("Schema", "Company")),
                              f("expected_close", T::Date, QT_TRANSLATE_NOOP("Schema", "Expected close")),
                              enumField("status", QT_TRANSLATE_NOOP("Schema", "Status"),
                                        {QStringLiteral("open"), QStringLiteral("won"), QStringLiteral("lost")}),
                              f("lost_reason", T::Text, QT_TRANSLATE_NOOP("Schema", "Lost reason")), notes});

    FieldDef done = f("done", T::Bool, QT_TRANSLATE_NOOP("Schema", "Done"));
    done.defaultValue = QStringLiteral("false");
    FieldDef priority = enumField("priority", QT_TRANSLATE_NOOP("Schema", "Priority"),
                                  {QStringLiteral("normal"), QStringLiteral("high"), QStringLiteral("low")});
    m_entities << makeEntity("task", 7, QT_TRANSLATE_NOOP("Schema", "Task"), QT_TRANSLATE_NOOP("Schema", "Tasks"),
                             "title",
                             {required(searchable(f("title", T::Text, QT_TRANSLATE_NOOP("Schema", "Title")))),
                              f("due_at", T::DueDate, QT_TRANSLATE_NOOP("Schema", "Due")), done, priority,
                              f("remind_at", T::DateTime, QT_TRANSLATE_NOOP("Schema", "Reminder")),
                              ref("contact_id", "contact", QT_TRANSLATE_NOOP("Schema", "Contact")),
                              ref("company_id", "company", QT_TRANSLATE_NOOP("Schema", "Company")),
                              ref("deal_id", "deal", QT_TRANSLATE_NOOP("Schema", "Deal")),
                              ref("lead_id", "lead", QT_TRANSLATE_NOOP("Schema", "Lead")), notes});

    m_entities << makeEntity("note", 8, QT_TRANSLATE_NOOP("Schema", "Note"), QT_TRANSLATE_NOOP("Schema", "Notes"),
                             "body",
                             {enumField("kind", QT_TRANSLATE_NOOP("Schema", "Kind"),
                                        {QStringLiteral("note"), QStringLiteral("call"), QStringLiteral("email"),
                                         QStringLiteral("meeting")}),
                              required(searchable(f("body", T::LongText, QT_TRANSLATE_NOOP("Schema", "Text")))),
                              f("occurred_at", T::DateTime, QT_TRANSLATE_NOOP("Schema", "When")),
                              ref("contact_id", "contact", QT_TRANSLATE_NOOP("Schema", "Contact")),
                              ref("company_id", "company", QT_TRANSLATE_NOOP("Schema", "Company")),
                              ref("deal_id", "deal", QT_TRANSLATE_NOOP("Schema", "Deal")),
                              ref("lead_id", "lead", QT_TRANSLATE_NOOP("Schema", "Lead"))});

    EntityDef user
        = makeEntity("user", 9, QT_TRANSLATE_NOOP("Schema", "User"), QT_TRANSLATE_NOOP("Schema", "Users"), "login",
                     {required(searchable(f("login", T::Text, QT_TRANSLATE_NOOP("Schema", "Login")))),
                      searchable(f("full_name", T::Text, QT_TRANSLATE_NOOP("Schema", "Full name"))),
                      f("email", T::Email, QT_TRANSLATE_NOOP("Schema", "Email")),
                      enumField("role", QT_TRANSLATE_NOOP("Schema", "Role"),
                                {QStringLiteral("sales"), QStringLiteral("manager"), QStringLiteral("admin")}),
                      f("disabled", T::Bool, QT_TRANSLATE_NOOP("Schema", "Disabled"))});
    user.directory = true;
    m_entities << user;

    EntityDef office = makeEntity("office", 10, QT_TRANSLATE_NOOP("Schema", "Office"),
                                  QT_TRANSLATE_NOOP("Schema", "Offices"), "name",
                                  {required(f("name", T::Text, QT_TRANSLATE_NOOP("Schema", "Name"))),
                                   f("city", T::Text, QT_TRANSLATE_NOOP("Schema", "City"))});
    office.directory = true;
    m_entities << office;

    // A concurrent edit that lost: both values, both authors and times (DESIGN.md §3).
    // Its id is derived from the edit pair, so every replica that detects the same
    // conflict produces the same record and sync merges them into one.
    m_entities << makeEntity("conflict", 11, QT_TRANSLATE_NOOP("Schema", "Conflict"),
                             QT_TRANSLATE_NOOP("Schema", "Conflicts"), "field",
                             {f("entity", T::Text, QT_TRANSLATE_NOOP("Schema", "Entity")),
                              f("record_id", T::Text, QT_TRANSLATE_NOOP("Schema", "Record")),
                              f("field", T::Text, QT_TRANSLATE_NOOP("Schema", "Field")),
                              f("kept_value", T::LongText, QT_TRANSLATE_NOOP("Schema", "Kept value")),
                              f("kept_site", T::Text, QT_TRANSLATE_NOOP("Schema", "Kept by replica")),
                              f("kept_at", T::DateTime, QT_TRANSLATE_NOOP("Schema", "Kept value time")),
                              f("lost_value", T::LongText, QT_TRANSLATE_NOOP("Schema", "Lost value")),
                              f("lost_site", T::Text, QT_TRANSLATE_NOOP("Schema", "Lost by replica")),
                              f("lost_at", T::DateTime, QT_TRANSLATE_NOOP("Schema", "Lost value time")),
                              f("resolved", T::Bool, QT_TRANSLATE_NOOP("Schema", "Resolved"))});
}

const Schema &Schema::instance()
{
    static const Schema schema;
    return schema;
}

const EntityDef *Schema::entity(QStringView name) const
{
    for (const EntityDef &e : m_entities) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

QStringList Schema::entityNames() const
{
    QStringList names;
    for (const EntityDef &e : m_entities)
        names << e.name;
    return names;
}

} // namespace gamix
