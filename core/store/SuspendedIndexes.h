#pragma once
// Secondary indexes set aside for a bulk load. Inserting a million rows updates each
// random-key index (email, phones, company) at a random leaf per row; building the index
// once at the end from sorted keys is many times cheaper. The definitions of the dropped
// indexes are kept in `meta` in the same transaction as the DROP, so a process killed in
// the middle leaves a note that Store::open acts on: the indexes come back before anything
// else reads the database (restore() is idempotent: CREATE INDEX IF NOT EXISTS).
//
//     SuspendedIndexes::suspend(db, "contact", {"contact_email", ...});   // commits
//     ... bulk writes ...
//     SuspendedIndexes::restore(db);                                    // commits

#include <QStringList>

namespace gamix {

class SqliteDb;

class SuspendedIndexes
{
public:
    // Drops those of `names` that exist on `table`, in one transaction with the note.
    // Returns the names dropped. Must not be called inside a transaction.
    static QStringList suspend(SqliteDb &db, const QString &table, const QStringList &names);
    // Recreates every suspended index and clears the note, in one transaction; nothing to
    // do when there is no note. Must not be called inside a transaction.
    static void restore(SqliteDb &db);
    static bool anySuspended(SqliteDb &db);
};

} // namespace gamix
