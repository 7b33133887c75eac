#pragma once
// Converts a lead into a contact, a company and a deal in one step and one Store batch
// (all or nothing), linking records that already exist (same email, phone by E.164,
// company by name) instead of duplicating them. The lead's status becomes "converted".

#include "store/Store.h"

#include <QCoreApplication>

namespace gamix {

struct ConversionResult
{
    bool ok = false;
    QString error;
    QString contactId;
    QString companyId;
    QString dealId;
    bool contactCreated = false;
    bool companyCreated = false;
    QString previousStatus;
    QList<QPair<const EntityDef *, QString>> created; // what undo must tombstone
};

class LeadConverter
{
    Q_DECLARE_TR_FUNCTIONS(LeadConverter)
public:
    explicit LeadConverter(Store *store)
        : m_store(store)
    { }
    ConversionResult convert(const QString &leadId, bool withDeal = true);
    QString findContact(const QString &email, const QString &phone);
    QString findCompany(const QString &name);

private:
    Store *m_store;
};

} // namespace gamix
