#pragma once

// Check-digit validation of Russian company and entrepreneur identifiers (DESIGN.md
// section 2: INN/OGRN carry check digits, so a typo is caught on input). Callers trim;
// anything but the exact number of characters, spaces included, is invalid.

#include <QStringView>

namespace gamix {

// INN: 10 digits for a legal entity (one check digit) or 12 for an individual (two).
bool isValidInn(QStringView inn);

// OGRN (13 digits, check digit = first 12 mod 11 mod 10) or an entrepreneur's OGRNIP
// (15 digits, check digit = first 14 mod 13 mod 10).
bool isValidOgrn(QStringView ogrn);

// KPP: 4 digits, 2 digits or upper-case Latin letters, 3 digits. No check digit exists.
bool isValidKpp(QStringView kpp);

} // namespace gamix
