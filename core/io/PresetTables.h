#pragma once
// The column tables of the import presets: data, not logic. How the exports of Gamix,
// Outlook (EN/RU), Google, amoCRM, Bitrix24, Pipedrive, HubSpot and Twenty name their
// columns, and the Gamix field or pseudo-field each feeds (see Preset.h). PresetRegistry
// builds its list from here once.

#include "Preset.h"

#include <QList>

namespace gamix {

class PresetTables
{
public:
    static QList<Preset> build();
};

} // namespace gamix
