#pragma once

// Phone normalisation for search, dedupe and click-to-call (DESIGN.md section 2).
// Phones are stored as typed and, beside that, as E.164. libphonenumber is the
// reference; a fast path handles the plain Russian numbers that make up most of the data,
// and must give the same answer as the reference for every input.
// All functions are thread-safe.

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace gamix {

// E.164 (`+79161234567`) for text a user typed, or an empty string when it is not a
// possible number. Extensions (`доб. 123`, `ext. 12`, `x12`) are dropped.
// defaultRegion is an ISO 3166 code ("RU") used when the text has no `+country` prefix.
QString phoneToE164(QStringView typed, QStringView defaultRegion = u"RU");

// The same answer, always computed by libphonenumber (Parse, IsPossibleNumber, Format).
// IsPossibleNumber and not IsValidNumber: users type numbers from ranges newer than the
// metadata we ship.
QString phoneToE164Reference(QStringView typed, QStringView region);

// The Russian fast path alone: the E.164 form when the answer is certain, std::nullopt
// when libphonenumber has to decide. phoneToE164 uses it; it is public so tests can check
// it agrees with the reference and that it is actually taken.
std::optional<QString> phoneToE164FastPath(QStringView typed, QStringView defaultRegion);

// Digit strings a search index holds for an E.164 number so that a prefix typed in any
// usual form finds it: for +7 numbers `79161234567`, `89161234567`, `9161234567`; for
// others the E.164 digits and the national significant number. Empty for empty input.
QStringList phoneSearchTokens(QStringView e164);

// The digits of a search query that looks like a phone fragment (only digits, spaces and
// `+ ( ) - .`, at least 3 digits): `8 (916) 12` gives `891612`. Empty otherwise, so the
// caller searches names instead.
QString phoneQueryDigits(QStringView query);

} // namespace gamix
