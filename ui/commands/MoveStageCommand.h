#pragma once
// Moving a deal to another stage on the board (and optionally closing it won or lost).

#include "StoreCommand.h"

namespace gamix {

class MoveStageCommand : public StoreCommand
{
public:
    MoveStageCommand(Store *store, const QString &dealId, const QString &stageId);

protected:
    void doRedo() override;
    void doUndo() override;

private:
    QString m_dealId;
    QString m_from;
    QString m_to;
};

} // namespace gamix
