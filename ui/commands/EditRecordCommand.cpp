#include "EditRecordCommand.h"

namespace gamix {

EditRecordCommand::EditRecordCommand(Store *store, const EntityDef &entity, const QString &id,
                                     const QList<FieldWrite> &fields, const QString &text)
    : StoreCommand(store)
    , m_entity(entity)
    , m_id(id)
    , m_after(fields)
{
    const Record before = store->get(entity, id);
    for (const FieldWrite &w : fields)
        m_before << FieldWrite {w.field, before.text(w.field)};
    setText(text.isEmpty() ? StoreCommand::tr("Edit %1").arg(before.displayName()) : text);
}

void EditRecordCommand::doRedo()
{
    m_result = m_store->update(m_entity, m_id, m_after);
    notify(m_entity);
}

void EditRecordCommand::doUndo()
{
    m_store->update(m_entity, m_id, m_before);
    notify(m_entity);
}

} // namespace gamix
