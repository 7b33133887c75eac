#pragma once
// Turns one CSV row into the field texts of one record (ImportRow), before anything is
// looked up or written: cells become canonical field texts (ValueParsers), repeated kinds
// fill the next free field of their family (a second phone goes to `mobile`, a third to the
// notes), a full name is split, pseudo-fields (company, contact, stage...) are kept by
// name for ImportRowWriter to resolve, and a deal row's contact details (targets
// `contact.phone`, `contact.email`...) are gathered for the contact it names. Unmapped
// cells become "Header: value" lines for the notes. Reads no database.

#include "ImportOptions.h"

#include <QHash>
#include <QMap>
#include <QStringList>

namespace gamix {

class CsvRow;

// One row as field texts.
struct ImportRow
{
    QMap<QString, QString> values; // field -> canonical text
    QHash<QString, int> columns; // field or pseudo-field -> 0-based column
    QMap<QString, QString> pseudo; // company, company_inn, full_name, contact, pipeline...
    QStringList notes;
    QString id;
    // The email and phone fields of `values` -> their dedupe keys (ValueParsers::emailKey,
    // E.164; empty when the number is not possible), worked out with the row so the
    // writer's thread does not normalise them again.
    QHash<QString, QString> keys;
    // The contact a deal row names: its fields (contact.email -> "email"), the columns and
    // the headers they came from.
    QMap<QString, QString> contactValues;
    QHash<QString, int> contactColumns;
    QHash<QString, QString> contactHeaders;
};

class ImportRowBuilder
{
public:
    ImportRowBuilder(const ImportOptions &options, const QList<ColumnMapping> &mapping);

    ImportRow build(const CsvRow &row) const;

    // The field that takes the notes ("notes", a note's "body"), or empty.
    const QString &notesField() const { return m_notesField; }
    // The full-name column is headed ФИО: "Петрова Анна" is surname first.
    bool surnameFirst() const { return m_surnameFirst; }

    // "Иванов Иван Иванович" / "Ivan Petrov" -> last, first, middle; with `surnameFirst`
    // (a column headed ФИО) "Петрова Анна" is Анна Петрова.
    static void splitFullName(const QString &full, QString *first, QString *middle, QString *last,
                              bool surnameFirst = false);

private:
    // Where a value goes: the record's own fields, or a deal row's contact.
    struct Sink
    {
        const EntityDef &entity;
        QMap<QString, QString> &values;
        QHash<QString, int> &columns;
        QHash<QString, QString> *headers = nullptr;
        QHash<QString, QString> *keys = nullptr;
    };

    void place(ImportRow &b, const ColumnMapping &c, const QString &value, const QString &label) const;
    void placeField(ImportRow &b, Sink sink, const QString &target, const ColumnMapping &c, const QString &rawValue,
                    const QString &label) const;
    void addNote(ImportRow &b, const ColumnMapping &c, const QString &value) const;

    const ImportOptions &m_options;
    const EntityDef &m_entity;
    const EntityDef &m_contact;
    QList<ColumnMapping> m_mapping;
    QString m_notesField;
    bool m_surnameFirst = false;
};

} // namespace gamix
