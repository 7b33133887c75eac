#pragma once
// Shorthands for tests that write through the Store: an entity by name and a list of
// field writes from literals, e.g. store.create(E("contact"), W({{"email", mail}})).

#include "schema/Schema.h"
#include "store/Store.h"

#include <initializer_list>
#include <utility>

namespace gamix::storekit {

inline const EntityDef &E(const char *name)
{
    return *Schema::instance().entity(QString::fromLatin1(name));
}

inline QList<FieldWrite> W(std::initializer_list<std::pair<const char *, QString>> fields)
{
    QList<FieldWrite> out;
    for (const auto &[field, text] : fields)
        out << FieldWrite {QString::fromLatin1(field), text};
    return out;
}

} // namespace gamix::storekit
