#pragma once
// Deleting a record (a tombstone). Undo is Store::restore.

#include "StoreCommand.h"

namespace gamix {

class DeleteRecordCommand : public StoreCommand
{
public:
    DeleteRecordCommand(Store *store, const EntityDef &entity, const QString &id);

protected:
    void doRedo() override;
    void doUndo() override;

private:
    const EntityDef &m_entity;
    QString m_id;
};

} // namespace gamix
