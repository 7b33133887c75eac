#include "CreateRecordCommand.h"

namespace gamix {

CreateRecordCommand::CreateRecordCommand(Store *store, const EntityDef &entity, const QList<FieldWrite> &fields)
    : StoreCommand(store)
    , m_entity(entity)
    , m_fields(fields)
{
    setText(StoreCommand::tr("Create %1").arg(entity.translatedLabel().toLower()));
}

void CreateRecordCommand::doRedo()
{
    m_result = m_id.isEmpty() ? m_store->create(m_entity, m_fields) : m_store->restore(m_entity, m_id);
    if (m_result.ok && m_id.isEmpty())
        m_id = m_result.id;
    notify(m_entity);
}

void CreateRecordCommand::doUndo()
{
    m_store->remove(m_entity, m_id);
    notify(m_entity);
}

} // namespace gamix
