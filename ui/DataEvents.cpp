#include "DataEvents.h"

namespace gamix {

DataEvents *DataEvents::instance()
{
    static DataEvents events;
    return &events;
}

} // namespace gamix
