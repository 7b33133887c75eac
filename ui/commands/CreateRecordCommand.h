#pragma once
// Creating a record. Undo tombstones it; redo restores the same record (same id).

#include "StoreCommand.h"

namespace gamix {

class CreateRecordCommand : public StoreCommand
{
public:
    CreateRecordCommand(Store *store, const EntityDef &entity, const QList<FieldWrite> &fields);
    QString recordId() const { return m_id; }

protected:
    void doRedo() override;
    void doUndo() override;

private:
    const EntityDef &m_entity;
    QList<FieldWrite> m_fields;
    QString m_id;
};

} // namespace gamix
