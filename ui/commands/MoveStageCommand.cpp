#include "MoveStageCommand.h"

#include "Format.h"

namespace gamix {

namespace {
const EntityDef &deal()
{
    return *Schema::instance().entity(u"deal");
}
} // namespace

MoveStageCommand::MoveStageCommand(Store *store, const QString &dealId, const QString &stageId)
    : StoreCommand(store)
    , m_dealId(dealId)
    , m_to(stageId)
{
    const Record d = store->get(deal(), dealId);
    m_from = d.text(u"stage_id");
    const Record stage = store->get(*Schema::instance().entity(u"stage"), stageId);
    setText(StoreCommand::tr("Move %1 to %2").arg(d.displayName(), Format::stageName(stage.displayName())));
}

void MoveStageCommand::doRedo()
{
    m_result = m_store->update(deal(), m_dealId, {{QStringLiteral("stage_id"), m_to}});
    notify(deal());
}

void MoveStageCommand::doUndo()
{
    m_store->update(deal(), m_dealId, {{QStringLiteral("stage_id"), m_from}});
    notify(deal());
}

} // namespace gamix
