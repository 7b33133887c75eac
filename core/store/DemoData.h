#pragma once
// A realistic Russian demo database, written through the Store's one write path: companies
// with valid INNs, contacts with patronymics, deals across the default pipeline's stages,
// tasks (some overdue, some due today), notes of every kind and leads. Deterministic for a
// given seed, dated relative to `today` so the Today page always has something to show.

#include <QDate>
#include <QString>

namespace gamix {

class Store;

struct DemoCounts
{
    int companies = 0;
    int contacts = 0;
    int deals = 0;
    int tasks = 0;
    int notes = 0;
    int leads = 0;
};

class DemoData
{
public:
    // Fills the store in one batch; returns what it created.
    static DemoCounts fill(Store &store, const QDate &today = QDate::currentDate(), quint32 seed = 20261126);
    // Many plain contacts for benchmarks: batches of 10,000 with a deferred search index.
    static void fillContacts(Store &store, int count, quint32 seed = 7);
    // A valid 10-digit legal-entity INN built from nine digits.
    static QString innFromDigits(const QString &nineDigits);
};

} // namespace gamix
