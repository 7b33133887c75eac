#pragma once
// Turns cell text as other programs write it into the canonical text form the Store's
// write path parses (FieldCodec): dates in dd.MM.yyyy, MM/dd/yyyy, dd-MM-yyyy and with
// times, Outlook's empty dates and year 1604 ("no year"), amounts with `,` or `.` decimals
// and spaces, Excel's ="..." and '= wrappers, yes/no words in Russian and English.
// Validation proper stays in FieldCodec: these functions only reshape what they
// recognise and pass anything else through, so the Store reports the error.

#include "schema/Schema.h"

#include <QDate>
#include <QString>
#include <QStringView>

namespace gamix {

namespace ValueParsers {

// How to read an ambiguous slash date such as 03/04/2025.
enum class SlashOrder { Auto, MonthFirst, DayFirst };

struct DateOptions
{
    QString userFormat; // Qt format from --date-format; tried first
    SlashOrder slashOrder = SlashOrder::Auto; // Auto: month first (US exporters) unless day > 12
    // Undo the spreadsheet guards (="..." and '=) in every cell. Off for Gamix's own Data
    // profile, whose values are written untouched.
    bool excelGuards = true;
};

// Year that stands for "no year" in a birthday (Outlook, Apple and vCard importers use it).
inline constexpr int kNoYear = 1604;

// Excel guards: ="+7 916..." -> +7 916..., '=SUM -> =SUM. Other text unchanged.
QString unwrapExcel(QStringView cell);

// A date: yyyy-MM-dd, dd.MM.yyyy, d.M.yy, dd-MM-yyyy, MM/dd/yyyy (see DateOptions),
// --MM-dd and --MMdd (no year), any of them followed by a time. Outlook's "0.0.00" and
// "0/0/00" are empty. Returns an invalid date when not recognised; *empty tells an empty
// marker from garbage.
QDate parseDate(QStringView text, const DateOptions &options, bool *empty = nullptr);

// A date-time in local time (or with an explicit offset / Z) as ISO 8601 UTC text, or an
// empty string when not recognised. *dateOnly is set when the text held no time.
QString parseDateTime(QStringView text, const DateOptions &options, bool *dateOnly = nullptr);

// "1 234,50", "1,234.50", "1.234,50", "150000", "12 000 ₽", "$1,000" -> "1234.50" etc.
// Returns the input unchanged when it does not look like an amount.
QString normaliseAmount(QStringView text);

// The canonical text for `field` from a cell: runs the converters above by field type.
// Unrecognised values come back trimmed so FieldCodec can name the problem.
QString toFieldText(const FieldDef &field, QStringView cell, const DateOptions &options);

// The dedupe key of an email: trimmed, fully case-folded ("mailto:" dropped); the same
// folding as SQL lower() on a Store's connection (CaseFold), so Иван@Почта.рф matches.
QString emailKey(QStringView email);

} // namespace ValueParsers

} // namespace gamix
