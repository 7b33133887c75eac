#pragma once
// The look-ups an import needs besides writing: records named in a row (a company by name
// or INN, a pipeline and stage by name, a contact, deal or lead by name), created through
// the Store's write path when they are missing; and the duplicate of a row already in the
// database (by id, normalised email, E.164 phone, INN, or name where a record has nothing
// better). Reads are plain SQL on indexed columns; rows written earlier in the same
// transaction are seen, so duplicates within one file are found the same way.

#include <QHash>
#include <QMap>
#include <QString>

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
    QString findDuplicate(const EntityDef &entity, const QMap<QString, QString> &values);

    // Ids cached from a transaction that was rolled back point nowhere: forget them.
    void clearCaches();

private:
    QString scalarText(const QString &sql, const QString &a, const QString &b = QString(),
                       const QString &c = QString());

    Store &m_store;
    QHash<QString, QString> m_companyByName; // folded name -> id
    QHash<QString, QString> m_companyByInn;
    QHash<QString, QString> m_pipelines;
    QHash<QString, QString> m_stages; // pipeline id + '\n' + folded name -> id
};

} // namespace gamix
