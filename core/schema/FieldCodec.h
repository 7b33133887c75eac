#pragma once
// Converts a field's text form (what the CLI, CSV, JSON and forms carry) into the value
// stored in SQLite and back, validating on the way with messages a user understands.

#include "Schema.h"

#include <QJsonValue>
#include <QVariant>

namespace gamix {

namespace FieldCodec {

// Parses `text` for `field`. An empty (or all-blank) text is a null value. On failure
// returns false and sets `error` to a translated sentence that names the field.
bool parse(const FieldDef &field, const QString &text, QVariant *value, QString *error);

// The canonical text form of a stored value ("" for null): money as "150000.50",
// booleans as "true"/"false".
QString toText(const FieldDef &field, const QVariant &value);

// JSON form: null for an empty value, booleans as JSON booleans, everything else a string
// (money too, to keep kopecks exact).
QJsonValue toJson(const FieldDef &field, const QVariant &value);

// Reads a JSON value (as sent by toJson or typed by hand) into text for parse().
QString textFromJson(const QJsonValue &value);

// Money helpers: "150 000,50" -> 15000050; false when not a number or too many decimals.
bool parseMoney(QStringView text, qint64 *minorUnits);
QString formatMoney(qint64 minorUnits);

// Date-time helpers. Stored date-times are ISO 8601 UTC with a Z.
QString toIsoUtc(const QDateTime &dt);
// The same text from Unix milliseconds, without QDateTime (it is on the bulk-write path).
QString isoUtcFromMs(qint64 ms);
// The wall-clock time of a hybrid logical clock stamp (its upper 48 bits), as above.
QString isoUtcFromHlc(quint64 hlc);

} // namespace FieldCodec

} // namespace gamix
