#pragma once
// Decides which Gamix field each column of an imported file feeds: the user's own mapping
// first (--map, the wizard), then the recognised preset, then the patterns of repeating
// groups (Google `E-mail 2 - Value` with its `- Label` column, Pipedrive
// `Person - Phone - Mobile`), then fuzzy matching of unknown headers (case, whitespace,
// ё/е, synonyms such as `Мобильный телефон` / `Телефон переносной` / `Mobile Phone`).
// Columns left unmapped are not lost: the importer appends them to the notes.

#include "Preset.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace gamix {

struct ColumnMapping
{
    enum class Source { None, User, Preset, Pattern, Fuzzy };

    int column = -1;
    QString header;
    // A field of the entity, a pseudo-field (see Preset.h) valid for it, `-` (ignored) or
    // empty (unmapped: the value goes to the notes as "Header: value").
    QString target;
    // Column whose text says what kind of value this is ("Mobile", "Work", "+7"): Google's
    // `N - Label`, Twenty's calling code.
    int labelColumn = -1;
    Source source = Source::None;
};

class HeaderMatcher
{
public:
    // Lower case, ё -> е, runs of whitespace as one space, trimmed, BOM dropped.
    static QString fold(QStringView header);

    // `userMap`: folded header -> target (field name, pseudo-field, `-` or empty to ignore).
    static QList<ColumnMapping> match(const EntityDef &entity, const QStringList &header, const Preset *preset,
                                      const QHash<QString, QString> &userMap = {});

    // What a generic target means for `entity` ("company" on a lead is company_name, on a
    // company its name; "mobile" where there is no mobile is a phone); empty when it has
    // no place in the entity.
    static QString resolve(const EntityDef &entity, const QString &target);

    // The contact fields a deal file may carry, as targets `contact.FIELD` of a deal.
    static const QStringList &dealContactFields();

    // The targets a user may choose for `entity` (field names and pseudo-fields), for the
    // wizard's combo boxes and for checking --map.
    static QStringList targets(const EntityDef &entity);

    // Target for a header no preset knows, or empty. `exactOnly`: synonyms only, no
    // substring heuristics (used for the columns a recognised preset leaves over).
    static QString fuzzyTarget(const QString &foldedHeader, bool exactOnly = false);
};

} // namespace gamix
