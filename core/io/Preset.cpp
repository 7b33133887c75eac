#include "Preset.h"

#include "HeaderMatcher.h"
#include "PresetTables.h"
#include "schema/Schema.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace gamix {

QString Preset::translatedLabel() const
{
    return QCoreApplication::translate("Preset", label);
}

const QList<Preset> &PresetRegistry::all()
{
    static const QList<Preset> presets = PresetTables::build();
    return presets;
}

const Preset *PresetRegistry::byId(QStringView id)
{
    for (const Preset &p : all()) {
        if (p.id.compare(id, Qt::CaseInsensitive) == 0)
            return &p;
    }
    return nullptr;
}

const Preset *PresetRegistry::detect(const QStringList &header, double *score)
{
    static const QRegularExpression googleGroup(QStringLiteral("^.+ \\d+ - .+$"));
    const Preset *best = nullptr;
    double bestScore = 0;
    int bestHits = 0;
    // Gamix's own Excel export in the user's language: its headers are the translated
    // labels, known only once the translator is loaded (the presets are built earlier).
    QSet<QString> translatedLabels;
    for (const EntityDef &e : Schema::instance().entities()) {
        for (const FieldDef &f : e.fields) {
            if (!f.system)
                translatedLabels.insert(HeaderMatcher::fold(f.translatedLabel()));
        }
    }
    for (const Preset &p : all()) {
        int hits = 0;
        for (const QString &h : header) {
            const QString folded = HeaderMatcher::fold(h);
            if (p.columns.contains(folded) || (p.googleGroups && googleGroup.match(folded).hasMatch())
                || (p.id == u"gamix" && translatedLabels.contains(folded)))
                ++hits;
        }
        const double s = header.isEmpty() ? 0 : double(hits) / header.size();
        // Equal shares go to the preset that explains more columns; the earlier one wins
        // a full tie (Gamix's own names first).
        if (s > bestScore || (s == bestScore && hits > bestHits)) {
            best = &p;
            bestScore = s;
            bestHits = hits;
        }
    }
    if (score)
        *score = bestScore;
    if (bestHits < 2 || bestScore < 0.5)
        return nullptr;
    return best;
}

} // namespace gamix
