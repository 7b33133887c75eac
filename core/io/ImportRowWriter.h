#pragma once
// Writes one CSV row as one record through the Store's write path: ImportRowBuilder turns
// the cells into field texts, then names become references (companies by name or INN,
// pipelines and stages by name, a deal's contact by email, phone or name: ImportDealContact),
// and the duplicate check decides between create, update (empty fields, and the fields
// chosen in ImportOptions::updateFields), skip and create-anyway. A row either writes
// completely or not at all (a savepoint covers the companies and contacts it creates).

#include "ImportDealContact.h"
#include "ImportOptions.h"
#include "ImportResolver.h"
#include "ImportRowBuilder.h"

#include <QStringList>

#include <memory>

namespace gamix {

class CsvRow;
class Store;

class ImportRowWriter
{
public:
    ImportRowWriter(Store &store, const ImportOptions &options, const QList<ColumnMapping> &mapping);
    ~ImportRowWriter();

    ImportRowReport write(const CsvRow &row, qint64 line);
    // The caller writes in batches that defer the search index (Store::beginBatch(true)):
    // a create's row insert is then the connection's last insert, and its rowid need not
    // be looked up again for the duplicate side index.
    void setIndexDeferred(bool deferred) { m_indexDeferred = deferred; }

    qint64 companiesCreated() const { return m_companiesCreated; }
    qint64 contactsCreated() const;
    void clearCaches() { m_resolver.clearCaches(); }

    // Checks and normalises the field names of ImportOptions::updateFields (trimmed, no
    // duplicates, `company` -> company_id). False with *unknown set to the first name that
    // is not a user field of `entity`.
    static bool checkUpdateFields(const EntityDef &entity, QStringList *fields, QString *unknown);
    // The fields --update-fields accepts for `entity`, in schema order.
    static QStringList updatableFields(const EntityDef &entity);

private:
    bool resolveReferences(ImportRow &b, QString *error, int *column);
    ImportRowReport writeBuilt(ImportRow &b, qint64 line);
    int columnForError(const ImportRow &b, const QString &error) const;
    void beginSideEffects();

    Store &m_store;
    const ImportOptions &m_options;
    const EntityDef &m_entity;
    ImportRowBuilder m_builder;
    ImportResolver m_resolver;
    std::unique_ptr<ImportDealContact> m_dealContact; // deals only
    QString m_notesField;
    qint64 m_companiesCreated = 0;
    bool m_savepoint = false;
    bool m_indexDeferred = false;
};

} // namespace gamix
