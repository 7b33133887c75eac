#include "ConvertLeadCommand.h"

#include "DataEvents.h"

namespace gamix {

ConvertLeadCommand::ConvertLeadCommand(Store *store, const QString &leadId)
    : StoreCommand(store)
    , m_leadId(leadId)
{
    setText(
        StoreCommand::tr("Convert lead %1").arg(store->get(*Schema::instance().entity(u"lead"), leadId).displayName()));
}

void ConvertLeadCommand::notifyAll()
{
    for (const char *e : {"lead", "contact", "company", "deal"})
        DataEvents::instance()->notify(QString::fromLatin1(e));
}

void ConvertLeadCommand::doRedo()
{
    const EntityDef &lead = *Schema::instance().entity(u"lead");
    if (!m_done) {
        m_conversion = LeadConverter(m_store).convert(m_leadId);
        m_result = WriteResult();
        m_result.ok = m_conversion.ok;
        if (!m_conversion.ok)
            m_result.errors << m_conversion.error;
        m_done = m_conversion.ok;
    } else {
        m_store->beginBatch();
        for (const auto &[entity, id] : m_conversion.created)
            m_store->restore(*entity, id);
        m_store->update(lead, m_leadId, {{QStringLiteral("status"), QStringLiteral("converted")}});
        m_store->commitBatch();
    }
    notifyAll();
}

void ConvertLeadCommand::doUndo()
{
    const EntityDef &lead = *Schema::instance().entity(u"lead");
    m_store->beginBatch();
    for (auto it = m_conversion.created.crbegin(); it != m_conversion.created.crend(); ++it)
        m_store->remove(*it->first, it->second);
    m_store->update(lead, m_leadId, {{QStringLiteral("status"), m_conversion.previousStatus}});
    m_store->commitBatch();
    notifyAll();
}

} // namespace gamix
