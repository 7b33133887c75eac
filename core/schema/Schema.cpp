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

EntityDef makeEntity(const char *name, int code, const char *label, const char *plural,
                 const char *displayField, QList<FieldDef> fields)
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
    return e;
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
#define L(text) QT_TRANSLATE_NOOP("Schema", text)
    const FieldDef notes = f("notes", T::LongText, L("Notes"));

    m_entities << makeEntity("company", 1, L("Company"), L("Companies"), "name",
                         {required(searchable(f("name", T::Text, L("Name")))),
                          searchable(f("inn", T::Inn, L("INN"))), f("kpp", T::Kpp, L("KPP")),
                          f("ogrn", T::Ogrn, L("OGRN")), f("website", T::Url, L("Website")),
                          searchable(f("phone", T::Phone, L("Phone"))),
                          searchable(f("email", T::Email, L("Email"))),
                          f("address", T::Text, L("Address")), f("city", T::Text, L("City")), notes});

    EntityDef contact = makeEntity(
        "contact", 2, L("Contact"), L("Contacts"), "last_name",
        {searchable(f("first_name", T::Text, L("First name"))),
         searchable(f("middle_name", T::Text, L("Middle name"))),
         searchable(f("last_name", T::Text, L("Last name"))),
         searchable(f("email", T::Email, L("Email"))), searchable(f("email2", T::Email, L("Email 2"))),
         searchable(f("phone", T::Phone, L("Phone"))), searchable(f("mobile", T::Phone, L("Mobile"))),
         searchable(f("telegram", T::Telegram, L("Telegram"))),
         ref("company_id", "company", L("Company")), f("position", T::Text, L("Position")),
         f("city", T::Text, L("City")), f("birthday", T::Date, L("Birthday")),
         f("tags", T::Tags, L("Tags")), notes});
    contact.requireAny = {QStringLiteral("first_name"), QStringLiteral("last_name"),
                          QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("mobile")};
    m_entities << contact;

    EntityDef lead = makeEntity(
        "lead", 3, L("Lead"), L("Leads"), "title",
        {searchable(f("title", T::Text, L("Title"))),
         searchable(f("first_name", T::Text, L("First name"))),
         searchable(f("last_name", T::Text, L("Last name"))),
         searchable(f("email", T::Email, L("Email"))), searchable(f("phone", T::Phone, L("Phone"))),
         searchable(f("company_name", T::Text, L("Company name"))), f("source", T::Text, L("Source")),
         enumField("status", L("Status"),
                   {QStringLiteral("new"), QStringLiteral("working"), QStringLiteral("converted"),
                    QStringLiteral("lost")}),
         f("consent", T::Bool, L("Consent")), notes});
    lead.requireAny = {QStringLiteral("title"), QStringLiteral("first_name"),
                       QStringLiteral("last_name"), QStringLiteral("email"), QStringLiteral("phone"),
                       QStringLiteral("company_name")};
    m_entities << lead;

    m_entities << makeEntity("pipeline", 4, L("Pipeline"), L("Pipelines"), "name",
                         {required(searchable(f("name", T::Text, L("Name"))))});

    FieldDef position = f("position", T::Integer, L("Position"));
    position.defaultValue = QStringLiteral("0");
    m_entities << makeEntity("stage", 5, L("Stage"), L("Stages"), "name",
                         {required(ref("pipeline_id", "pipeline", L("Pipeline"))),
                          required(searchable(f("name", T::Text, L("Name")))), position,
                          f("probability", T::Percent, L("Probability"))});

    FieldDef amount = f("amount", T::Money, L("Amount"));
    amount.clockGroup = QStringLiteral("money");
    FieldDef currency = f("currency", T::Currency, L("Currency"));
    currency.clockGroup = QStringLiteral("money");
    currency.defaultValue = QStringLiteral("RUB");
    m_entities << makeEntity(
        "deal", 6, L("Deal"), L("Deals"), "title",
        {required(searchable(f("title", T::Text, L("Title")))), amount, currency,
         ref("pipeline_id", "pipeline", L("Pipeline")), ref("stage_id", "stage", L("Stage")),
         ref("contact_id", "contact", L("Contact")), ref("company_id", "company", L("Company")),
         f("expected_close", T::Date, L("Expected close")),
         enumField("status", L("Status"),
                   {QStringLiteral("open"), QStringLiteral("won"), QStringLiteral("lost")}),
         f("lost_reason", T::Text, L("Lost reason")), notes});

    FieldDef done = f("done", T::Bool, L("Done"));
    done.defaultValue = QStringLiteral("false");
    FieldDef priority = enumField("priority", L("Priority"),
                                  {QStringLiteral("normal"), QStringLiteral("high"),
                                   QStringLiteral("low")});
    m_entities << makeEntity("task", 7, L("Task"), L("Tasks"), "title",
                         {required(searchable(f("title", T::Text, L("Title")))),
                          f("due_at", T::DueDate, L("Due")), done, priority,
                          f("remind_at", T::DateTime, L("Reminder")),
                          ref("contact_id", "contact", L("Contact")),
                          ref("company_id", "company", L("Company")),
                          ref("deal_id", "deal", L("Deal")), ref("lead_id", "lead", L("Lead")), notes});

    m_entities << makeEntity("note", 8, L("Note"), L("Notes"), "body",
                         {enumField("kind", L("Kind"),
                                    {QStringLiteral("note"), QStringLiteral("call"),
                                     QStringLiteral("email"), QStringLiteral("meeting")}),
                          required(searchable(f("body", T::LongText, L("Text")))),
                          f("occurred_at", T::DateTime, L("When")),
                          ref("contact_id", "contact", L("Contact")),
                          ref("company_id", "company", L("Company")),
                          ref("deal_id", "deal", L("Deal")), ref("lead_id", "lead", L("Lead"))});

    EntityDef user = makeEntity("user", 9, L("User"), L("Users"), "login",
                            {required(searchable(f("login", T::Text, L("Login")))),
                             searchable(f("full_name", T::Text, L("Full name"))),
                             f("email", T::Email, L("Email")),
                             enumField("role", L("Role"),
                                       {QStringLiteral("sales"), QStringLiteral("manager"),
                                        QStringLiteral("admin")}),
                             f("disabled", T::Bool, L("Disabled"))});
    user.directory = true;
    m_entities << user;

    EntityDef office = makeEntity("office", 10, L("Office"), L("Offices"), "name",
                              {required(f("name", T::Text, L("Name"))), f("city", T::Text, L("City"))});
    office.directory = true;
    m_entities << office;

    // A concurrent edit that lost: both values, both authors and times (DESIGN.md §3).
    // Its id is derived from the edit pair, so every replica that detects the same
    // conflict produces the same record and sync merges them into one.
    m_entities << makeEntity("conflict", 11, L("Conflict"), L("Conflicts"), "field",
                         {f("entity", T::Text, L("Entity")), f("record_id", T::Text, L("Record")),
                          f("field", T::Text, L("Field")), f("kept_value", T::LongText, L("Kept value")),
                          f("kept_site", T::Text, L("Kept by replica")),
                          f("kept_at", T::DateTime, L("Kept value time")),
                          f("lost_value", T::LongText, L("Lost value")),
                          f("lost_site", T::Text, L("Lost by replica")),
                          f("lost_at", T::DateTime, L("Lost value time")),
                          f("resolved", T::Bool, L("Resolved"))});
#undef L
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
