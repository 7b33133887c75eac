#pragma once
// Full Unicode case folding for the keys Gamix compares case-insensitively (emails: DESIGN
// §2 "emails compare lower-cased"). SQLite's built-in lower() folds ASCII letters only, so
// `Иван@Почта.рф` and `иван@почта.рф` were two people to the importer's dedupe. install()
// replaces lower(X) on one connection with fold() (as SQLite's own ICU extension does), so
// the expression indexes on lower(email), every `lower(email) = lower(?)` query and the
// keys built in C++ (ValueParsers::emailKey) agree.
//
// Every connection that writes contacts or leads must have it installed: an index on
// lower(email) is maintained with whatever lower() the writing connection has. Store::open
// installs it (SuspendedIndexes::restore and Migrations::run, the first things it runs);
// migration 5 rebuilt the indexes built with SQLite's lower().

#include <QString>

namespace gamix {

class SqliteDb;

class CaseFold
{
public:
    // ICU's full case folding (ß -> ss, Ё -> ё, ς -> σ); ASCII takes a fast path.
    static QString fold(QStringView text);
    // Replaces SQL lower(X) on `db` with fold(); idempotent.
    static void install(SqliteDb &db);
};

} // namespace gamix
