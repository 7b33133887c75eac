#pragma once
// Numbered, append-only schema migrations of the local store, recorded in
// PRAGMA user_version (DESIGN.md §2).

#include <QString>

namespace gamix {

class SqliteDb;

class Migrations
{
public:
    static int latestVersion();
    static QString sql(int version);
    // Upgrades to `upTo` (default: the latest). Throws SqliteError with a user-facing
    // message for a database from a newer Gamix; each step is one transaction.
    static void run(SqliteDb &db, int upTo = -1);
};

} // namespace gamix
