#pragma once
// The one registry of entities and fields (DESIGN.md §2). The CLI, JSON, CSV mapping,
// table-model columns, validation and change tracking are all driven from here, so adding
// a field is one edit in Schema.cpp plus one migration.

#include <QList>
#include <QString>
#include <QStringList>

namespace gamix {

enum class FieldType {
    Text, // one line
    LongText, // notes, bodies
    Email,
    Phone, // stored as typed, plus a <name>_e164 column
    Url,
    Telegram, // @handle or t.me link
    Date, // yyyy-MM-dd
    DateTime, // ISO 8601 UTC
    DueDate, // a date alone (all-day) or a date-time
    Bool,
    Integer,
    Percent, // 0..100
    Money, // integer minor units in SQLite, decimal string outside
    Currency,
    Enum,
    Reference,
    Inn,
    Kpp,
    Ogrn,
    Tags, // comma-separated
};

struct FieldDef
{
    QString name;
    FieldType type = FieldType::Text;
    const char *label = nullptr; // translated through QCoreApplication::translate("Schema", label)
    QString refEntity; // for Reference
    QStringList enumValues; // for Enum; the first is the default
    bool required = false;
    bool searchable = false; // goes into the full-text index
    bool system = false; // owner_id, office_id, created_at, deleted: not user-editable fields
    QString clockGroup; // fields with the same group share one clock (amount + currency)
    QString defaultValue;

    QString translatedLabel() const;
    bool isPhone() const { return type == FieldType::Phone; }
};

struct EntityDef
{
    QString name; // also the table name
    const char *label = nullptr;
    const char *pluralLabel = nullptr;
    QList<FieldDef> fields; // user fields first, then the system fields (clock order)
    QStringList requireAny; // at least one of these must be non-empty
    QString displayField; // what names a record in lists and references
    bool directory = false; // user, office: replicated from the server, read-only on clients
    int code = 0; // small stable number, used in search-index keys

    int fieldIndex(QStringView field) const;
    int fieldIndex(QLatin1String field) const { return fieldIndex(QString(field)); }
    const FieldDef *field(QStringView field) const;
    int userFieldCount() const;
    int deletedIndex() const { return deletedAt; }
    int deletedAt = -1; // index of the tombstone register (fields appended later follow it)
    QString translatedLabel() const;
    QString translatedPluralLabel() const;
};

class Schema
{
public:
    static const Schema &instance();

    const EntityDef *entity(QStringView name) const;
    const QList<EntityDef> &entities() const { return m_entities; }
    QStringList entityNames() const;

    // Version of the schema that travels in sync requests.
    static constexpr int version = 1;

private:
    Schema();
    QList<EntityDef> m_entities;
};

// Names of the system fields every entity carries after its own fields, in this order.
inline constexpr const char *kOwnerField = "owner_id";
inline constexpr const char *kOfficeField = "office_id";
inline constexpr const char *kCreatedField = "created_at";
inline constexpr const char *kDeletedField = "deleted";

} // namespace gamix
