#pragma once
// The contact a deal row names. Deal exports (amoCRM, Pipedrive) carry the deal's contact
// beside it: a name, phones, emails, a position. ImportRowWriter asks find() before its
// duplicate check (so a re-run links the same contact and finds the deal a duplicate), and
// create() only when the deal is written, under the row's savepoint: a rejected row leaves
// no contact behind, and the contact, its company and the deal commit in one batch.
// A contact found by email, phone or name is linked and left as it is, except that with
// OnDuplicate::Update its empty fields take the row's values; details it does not take
// stay in the deal's notes.

#include "ImportOptions.h"
#include "ImportRowBuilder.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace gamix {

class ImportResolver;
class Store;

class ImportDealContact
{
public:
    ImportDealContact(Store &store, ImportResolver &resolver, const ImportOptions &options, bool surnameFirst);

    // Whether the row names a contact at all (a name, a phone or an email).
    static bool wanted(const ImportRow &row);

    // The row's contact as field texts: its own columns, the name split, company_id.
    QMap<QString, QString> values(const ImportRow &row, const QString &companyId) const;
    // The contact already there: by email or phone, else by name; empty when new.
    QString find(const ImportRow &row, const QMap<QString, QString> &values);
    // Creates it. False with *error and *column (0-based, or -1) when the store refuses it.
    bool create(const ImportRow &row, const QMap<QString, QString> &values, QString *id, QString *error, int *column);
    // After linking an existing contact: fills its empty fields (OnDuplicate::Update) and
    // returns the row's contact details it does not hold, as "Header: value" note lines.
    QStringList link(const ImportRow &row, const QString &id, QString *error);

    qint64 created() const { return m_created; }

private:
    Store &m_store;
    ImportResolver &m_resolver;
    const ImportOptions &m_options;
    const EntityDef &m_contact;
    bool m_surnameFirst;
    qint64 m_created = 0;
};

} // namespace gamix
