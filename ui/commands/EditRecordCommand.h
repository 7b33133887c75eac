#pragma once
// Editing fields of one record. Undo writes back the values the user saw before.

#include "StoreCommand.h"

namespace gamix {

class EditRecordCommand : public StoreCommand
{
public:
    EditRecordCommand(Store *store, const EntityDef &entity, const QString &id, const QList<FieldWrite> &fields,
                      const QString &text = QString());

protected:
    void doRedo() override;
    void doUndo() override;

private:
    const EntityDef &m_entity;
    QString m_id;
    QList<FieldWrite> m_after;
    QList<FieldWrite> m_before;
};

} // namespace gamix
