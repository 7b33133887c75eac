#include "LeadConverter.h"

#include "schema/PhoneNumber.h"

namespace gamix {

QString LeadConverter::findContact(const QString &email, const QString &phone)
{
    SqliteDb &db = m_store->db();
    if (!email.isEmpty()) {
        SqliteStmt st = db.prepare(QStringLiteral("SELECT id FROM contact WHERE deleted = 0 AND (lower(email) = "
                                                  "lower(?1) OR lower(email2) = lower(?1)) LIMIT 1"));
        st.bind(1, email);
        if (st.step())
            return st.text(0);
    }
    const QString e164 = phoneToE164(phone);
    if (!e164.isEmpty()) {
        SqliteStmt st = db.prepare(QStringLiteral(
            "SELECT id FROM contact WHERE deleted = 0 AND (phone_e164 = ?1 OR mobile_e164 = ?1) LIMIT 1"));
        st.bind(1, e164);
        if (st.step())
            return st.text(0);
    }
    return QString();
}

QString LeadConverter::findCompany(const QString &name)
{
    if (name.trimmed().isEmpty())
        return QString();
    SqliteStmt st = m_store->db().prepare(
        QStringLiteral("SELECT id FROM company WHERE deleted = 0 AND (name = ?1 COLLATE NOCASE OR inn = ?1) LIMIT 1"));
    st.bind(1, name.trimmed());
    return st.step() ? st.text(0) : QString();
}

ConversionResult LeadConverter::convert(const QString &leadId, bool withDeal)
{
    const Schema &s = Schema::instance();
    const EntityDef &leadDef = *s.entity(u"lead");
    const EntityDef &contactDef = *s.entity(u"contact");
    const EntityDef &companyDef = *s.entity(u"company");
    const EntityDef &dealDef = *s.entity(u"deal");
    ConversionResult out;
    const Record lead = m_store->get(leadDef, leadId);
    if (!lead.isValid()) {
        out.error = tr("The lead no longer exists.");
        return out;
    }
    if (lead.text(u"status") == u"converted") {
        out.error = tr("The lead is already converted.");
        return out;
    }
    out.previousStatus = lead.text(u"status");
    const QString email = lead.text(u"email");
    const QString phone = lead.text(u"phone");
    const QString companyName = lead.text(u"company_name");

    m_store->beginBatch();
    auto fail = [&](const WriteResult &r) {
        m_store->rollbackBatch();
        out = ConversionResult();
        out.error = r.errorText();
        return out;
    };
    out.companyId = findCompany(companyName);
    if (out.companyId.isEmpty() && !companyName.trimmed().isEmpty()) {
        const WriteResult r = m_store->create(companyDef, {{QStringLiteral("name"), companyName.trimmed()}});
        if (!r.ok)
            return fail(r);
        out.companyId = r.id;
        out.companyCreated = true;
        out.created << qMakePair(&companyDef, r.id);
    }
    out.contactId = findContact(email, phone);
    if (out.contactId.isEmpty()) {
        const WriteResult r = m_store->create(contactDef,
                                              {{QStringLiteral("first_name"), lead.text(u"first_name")},
                                               {QStringLiteral("last_name"), lead.text(u"last_name")},
                                               {QStringLiteral("email"), email},
                                               {QStringLiteral("phone"), phone},
                                               {QStringLiteral("company_id"), out.companyId}});
        if (!r.ok)
            return fail(r);
        out.contactId = r.id;
        out.contactCreated = true;
        out.created << qMakePair(&contactDef, r.id);
    }
    if (withDeal) {
        QString title = lead.text(u"title");
        if (title.isEmpty())
            title = companyName.isEmpty() ? lead.displayName() : companyName;
        const WriteResult r = m_store->create(dealDef,
                                              {{QStringLiteral("title"), title},
                                               {QStringLiteral("contact_id"), out.contactId},
                                               {QStringLiteral("company_id"), out.companyId}});
        if (!r.ok)
            return fail(r);
        out.dealId = r.id;
        out.created << qMakePair(&dealDef, r.id);
    }
    const WriteResult r = m_store->update(leadDef, leadId, {{QStringLiteral("status"), QStringLiteral("converted")}});
    if (!r.ok)
        return fail(r);
    m_store->commitBatch();
    out.ok = true;
    return out;
}

} // namespace gamix
