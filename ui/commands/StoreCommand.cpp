#include "StoreCommand.h"

#include "DataEvents.h"

namespace gamix {

void StoreCommand::notify(const EntityDef &entity)
{
    DataEvents::instance()->notify(entity.name);
}

} // namespace gamix
