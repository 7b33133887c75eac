// StoreReplica::purge, kept apart from StoreReplica.cpp: removal and erasure markers of
// the pull stream (DESIGN.md §4) become Store::purge calls, erasures securely.
#include "StoreReplica.h"

#include "store/Store.h"

namespace gamix {

void StoreReplica::purge(const QList<PurgeMarker> &markers)
{
    QList<QPair<QString, QString>> removed, erased;
    for (const PurgeMarker &m : markers)
        (m.erased ? erased : removed).append({m.entity, m.id});
    if (!removed.isEmpty())
        m_store.purge(removed, false);
    if (!erased.isEmpty())
        m_store.purge(erased, true);
}

} // namespace gamix
