#pragma once
// Turns one CSV row into one record through the Store's write path: cells become field
// texts (ValueParsers), repeated kinds fill the next free field of their family (a second
// phone goes to `mobile`, a third to the notes), names become references (companies by
// name or INN, pipelines and stages by name...), then the duplicate check decides between
// create, update (empty fields, and the fields chosen in ImportOptions::updateFields), skip
// and create-anyway. A row either writes
// completely or not at all (a savepoint covers the companies it creates).

#include "ImportOptions.h"
#include "ImportResolver.h"

#include <QHash>
#include <QMap>
#include <QStringList>

namespace gamix {

class CsvRow;
class Store;

class ImportRowWriter
{
public:
    ImportRowWriter(Store &store, const ImportOptions &options, const QList<ColumnMapping> &mapping);

    ImportRowReport write(const CsvRow &row, qint64 line);

    qint64 companiesCreated() const { return m_companiesCreated; }
    void clearCaches() { m_resolver.clearCaches(); }

    // Checks and normalises the field names of ImportOptions::updateFields (trimmed, no
    // duplicates, `company` -> company_id). False with *unknown set to the first name that
    // is not a user field of `entity`.
    static bool checkUpdateFields(const EntityDef &entity, QStringList *fields, QString *unknown);
    // The fields --update-fields accepts for `entity`, in schema order.
    static QStringList updatableFields(const EntityDef &entity);

    // "Иванов Иван Иванович" / "Ivan Petrov" -> last, first, middle; with `surnameFirst`
    // (a column headed ФИО) "Петрова Анна" is Анна Петрова. Exposed for the tests.
    static void splitFullName(const QString &full, QString *first, QString *middle, QString *last,
                              bool surnameFirst = false);

private:
    struct Built
    {
        QMap<QString, QString> values; // field -> canonical text
        QHash<QString, int> columns; // field or pseudo-field -> 0-based column
        QMap<QString, QString> pseudo; // company, company_inn, full_name, contact, pipeline...
        QStringList notes;
        QString id;
    };

    Built build(const CsvRow &row);
    void place(Built &b, const ColumnMapping &c, const QString &value, const QString &label);
    void addNote(Built &b, const ColumnMapping &c, const QString &value);
    bool resolveReferences(Built &b, QString *error, int *column);
    ImportRowReport writeBuilt(Built &b, qint64 line);
    int columnForError(const Built &b, const QString &error) const;
    void beginSideEffects();

    Store &m_store;
    const ImportOptions &m_options;
    const EntityDef &m_entity;
    QList<ColumnMapping> m_mapping;
    ImportResolver m_resolver;
    QString m_notesField;
    qint64 m_companiesCreated = 0;
    bool m_surnameFirst = false; // the full-name column is headed ФИО
    bool m_savepoint = false;
};

} // namespace gamix
