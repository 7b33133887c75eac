#include "DeleteRecordCommand.h"

namespace gamix {

DeleteRecordCommand::DeleteRecordCommand(Store *store, const EntityDef &entity, const QString &id)
    : StoreCommand(store)
    , m_entity(entity)
    , m_id(id)
{
    setText(StoreCommand::tr("Delete %1").arg(store->get(entity, id).displayName()));
}

void DeleteRecordCommand::doRedo()
{
    m_result = m_store->remove(m_entity, m_id);
    notify(m_entity);
}

void DeleteRecordCommand::doUndo()
{
    m_store->restore(m_entity, m_id);
    notify(m_entity);
}

} // namespace gamix
