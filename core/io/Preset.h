#pragma once
// Import presets: how the CSV exports of other programs name their columns (Gamix itself,
// Outlook EN/RU, Google current and legacy, amoCRM, Bitrix24, Pipedrive, HubSpot, Twenty;
// the header lines are in shared/formats/csv-headers) and which Gamix field each column
// feeds. A preset is recognised from the header line; repeating groups (Google's
// `N - Label/Value`, Pipedrive's `Person - Field - Label`) are matched as patterns by
// HeaderMatcher, not listed here.
//
// Targets are Gamix field names or these pseudo-fields, resolved per entity by
// HeaderMatcher::resolve: `company` (a company's name: linked or created), `company_inn`,
// `full_name` (split into first/middle/last), `contact`, `pipeline`, `stage`, `deal`,
// `lead` (records by name), `id` (Gamix's own id), and `-` (ignore the column); in a deal
// file, a contact's field (`phone`, `email`...) becomes `contact.phone`: the deal's contact.

#include "ValueParsers.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace gamix {

struct Preset
{
    QString id; // "gamix", "outlook", "google"... (the CLI's --preset)
    const char *label = nullptr; // for the wizard, translated in context "Preset"
    QHash<QString, QString> columns; // folded header -> target
    // Google and Pipedrive name columns by pattern; HeaderMatcher knows the patterns and
    // applies them only for these presets (or when no preset is recognised).
    bool googleGroups = false;
    bool entityPrefixed = false; // "Person - Email - Work"
    ValueParsers::SlashOrder slashOrder = ValueParsers::SlashOrder::Auto;

    QString translatedLabel() const;
};

class PresetRegistry
{
public:
    static const QList<Preset> &all();
    static const Preset *byId(QStringView id);
    // The preset whose columns cover most of `header` (at least two columns and half of
    // the header), or nullptr. *score gets the share of columns covered.
    static const Preset *detect(const QStringList &header, double *score = nullptr);
};

} // namespace gamix
