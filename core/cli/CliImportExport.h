#pragma once
// `gamix-cli import` and `gamix-cli export` (DESIGN.md §5):
//
//   import ENTITY FILE [--preset auto|gamix|google|outlook|amocrm|bitrix24|pipedrive|hubspot|twenty]
//          [--encoding auto|NAME] [--delimiter auto|CHAR] [--map 'Header=field']...
//          [--date-format FMT|dmy|mdy] [--on-duplicate skip|update|create]
//          [--update-fields FIELD,...] [--dry-run] [--rejects FILE] [--batch N]
//
// --on-duplicate update fills the empty fields of the record found; --update-fields names
// the fields the file's non-empty values overwrite as well (an unknown name: exit 2, nothing
// written). A .vcf file (or one that starts with BEGIN:VCARD) is read as vCard; its
// rejected cards go to --rejects as vCard.
//   export ENTITY FILE [--format csv|vcard|ical] [--profile excel|data] [--encoding NAME]
//          [--vcard-version 3|4]
//
// stdout gets only the machine-readable result: the summary line (or, with --json, one
// object) and, for --dry-run, one line per row. Rejected rows, warnings and the progress
// line of large files go to stderr as FILE:LINE:COLUMN: message.

#include <QStringList>

class QTextStream;

namespace gamix {

// `args` follow the command name. Exit codes as CliApp: 0 done, 1 failed or rows
// rejected, 2 bad command line.
int runImport(const QString &dbPath, bool json, const QStringList &args, QTextStream &out, QTextStream &err);
int runExport(const QString &dbPath, bool json, const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace gamix
