#pragma once
// The look-ups an import needs besides writing: records named in a row (a company by name
// or INN, a pipeline and stage by name, a contact, deal or lead by name), created through
// the Store's write path when they are missing; and the duplicate of a row already in the
// database (by id, normalised email, E.164 phone, INN, or name where a record has nothing
// better). Every email and phone column of the entity counts, primary and secondary
// (contact: email, email2, phone, mobile); emails compare fully case-folded (CaseFold).
// Reads are plain SQL on indexed columns; a column whose index a bulk import has set aside
// (SuspendedIndexes) is looked up in a side index built in one pass over the table and
// kept up to date with the rows this import writes (noteWritten). Rows
// written earlier in the same transaction are seen, so duplicates within one file are
// found the same way.

#include "RowidMultiMap.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QMultiHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace gamix {

class Store;
struct EntityDef;

class ImportResolver
{
public:
    explicit ImportResolver(Store &store);

    bool exists(const EntityDef &entity, const QString &id);

    // The company with this INN, else this name (case-insensitive); created (name and INN)
    // when `create` and there is a name. Empty with *error set when creating failed.
    QString company(const QString &name, const QString &inn, bool create, QString *error, bool *created = nullptr);
    QString pipeline(const QString &name, QString *error);
    // A stage of `pipelineId` by name, created at the end of the pipeline when missing.
    // With an empty pipelineId, a stage of that name in any pipeline (the default first).
    QString stage(const QString &pipelineId, const QString &name, QString *error);
    // "Фамилия Имя", "Имя Фамилия", an email or a phone.
    QString contact(const QString &name);
    // A deal or lead by its title.
    QString byTitle(const EntityDef &entity, const QString &title);

    // The record `values` (field name -> canonical text) duplicates, or empty.
    // `keys` (optional): email and phone fields -> their dedupe keys, as ImportRow::keys.
    QString findDuplicate(const EntityDef &entity, const QMap<QString, QString> &values,
                          const QHash<QString, QString> *keys = nullptr);

    // After a row was created or updated with `values`: keeps the side index current, so
    // a later row of the same file finds it through a secondary column too. `rowid`, when
    // the caller knows it (the insert just made), saves looking it up by id.
    void noteWritten(const EntityDef &entity, const QString &id, const QMap<QString, QString> &values,
                     qint64 rowid = -1, const QHash<QString, QString> *keys = nullptr);

    // Ids cached from a transaction that was rolled back point nowhere: forget them.
    void clearCaches();

private:
    struct Column
    {
        QString name; // email2, phone_e164...
        bool indexed = false;
    };
    struct DedupePlan
    {
        QString table;
        QStringList emailFields, phoneFields; // parallel to the columns below
        QList<Column> emailColumns, phoneColumns;
        QString emailSql, phoneSql; // the indexed columns in one statement each (or empty)
    };
    const DedupePlan &dedupePlan(const EntityDef &entity);
    QString lookUp(const DedupePlan &plan, const QList<Column> &columns, const QString &key, bool phone);
    void loadSideIndex(const DedupePlan &plan);
    static size_t sideKey(const QString &column, const QString &key);
    // The dedupe key of `field`'s value (a folded email or an E.164 phone): from `keys` when
    // given, else worked out.
    enum class KeyKind { Email, Phone };
    static QString keyOf(const QMap<QString, QString> &values, const QString &field,
                         const QHash<QString, QString> *keys, KeyKind kind);

    QString scalarText(const QString &sql, const QString &a, const QString &b = QString(),
                       const QString &c = QString());

    Store &m_store;
    QHash<QString, QString> m_companyByName; // folded name -> id
    QHash<QString, QString> m_companyByInn;
    QHash<QString, QString> m_pipelines;
    QHash<QString, QString> m_stages; // pipeline id + '\n' + folded name -> id
    QHash<QString, DedupePlan> m_plans; // entity -> how its duplicates are looked up
    // Dedupe columns without their index: hash of (table.column, key) -> rowid. Stale entries (rows
    // rolled back) are harmless: every hit is confirmed against the table. Never cleared
    // by clearCaches(): rebuilding it would cost a table scan per rejected row.
    RowidMultiMap m_side;
    QSet<QString> m_sideLoaded;
};

} // namespace gamix
