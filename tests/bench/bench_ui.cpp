// bench_ui: the desktop list's data path on a million contacts, through the same code the
// UI calls (ListModelQueries for RecordTableModel, Store::search for the search box).
//   bench_ui [DB] [--contacts N]
// Without DB (or with a DB holding no contacts) it generates N contacts (default
// 1,000,000) through the Store in batches with a deferred search index.
// Prints: time to the first window, time to the full rowid list, scrolling every window,
// sorting by last name, peak RSS (VmHWM), and search-as-you-type p50/p95.
#include "store/DemoData.h"
#include "store/ListModelQueries.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include "PeakRss.h"
#include <algorithm>

#include <cstdio>

using namespace gamix;

namespace {

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(qMin(int(v.size()) - 1, int(p * v.size())));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int count = 1000000;
    const int at = int(args.indexOf(QStringLiteral("--contacts")));
    if (at >= 0) {
        count = args.value(at + 1).toInt();
        args.remove(at, 2);
    }
    QTemporaryDir tmp;
    const QString path = args.isEmpty() ? tmp.filePath(QStringLiteral("bench.db")) : args.first();
    const EntityDef &contact = *Schema::instance().entity(u"contact");
    {
        Store store;
        QString error;
        if (!store.open(path, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        if (store.count(contact) == 0) {
            QElapsedTimer t;
            t.start();
            DemoData::fillContacts(store, count);
            std::printf("generated %d contacts in %.1f s\n", count, t.elapsed() / 1000.0);
            t.restart();
            store.catchUpSearchIndex();
            std::printf("search index caught up in %.1f s\n", t.elapsed() / 1000.0);
        }
    }
    const qint64 rssBefore = bench::peakRssKb();

    Store store; // what the UI holds
    QString error;
    QElapsedTimer start;
    start.start();
    if (!store.open(path, &error))
        return 1;
    const ListOrder byName = ListModelQueries::defaultOrder(contact);
    // RecordTableModel::reload(): the first window straight from the index...
    QVector<qint64> first = ListModelQueries::sortedRowIds(store.db(), contact, {}, byName, 200);
    const QList<Record> firstRows = ListModelQueries::readRows(store.db(), contact, first);
    const double firstMs = start.nsecsElapsed() / 1e6;
    // ...then the whole ordered list (off the UI thread in the app, on its own connection).
    QElapsedTimer t;
    t.start();
    QVector<qint64> all;
    {
        SqliteDb db;
        db.open(path, false, true);
        all = ListModelQueries::sortedRowIds(db, contact, {}, byName);
    }
    const double fullMs = t.nsecsElapsed() / 1e6;
    // Scroll top to bottom: every window once, keeping the last six as the model does.
    t.restart();
    QList<QList<Record>> lru;
    qint64 rowsRead = 0;
    double worstWindow = 0;
    for (int from = 0; from < all.size(); from += 200) {
        QElapsedTimer w;
        w.start();
        lru.append(ListModelQueries::readRows(store.db(), contact, all.mid(from, 200)));
        worstWindow = qMax(worstWindow, w.nsecsElapsed() / 1e6);
        rowsRead += lru.last().size();
        if (lru.size() > 6)
            lru.removeFirst();
    }
    const double scrollMs = t.nsecsElapsed() / 1e6;
    // Sort by last name descending (a header click), whole list again.
    t.restart();
    QVector<qint64> sorted
        = ListModelQueries::sortedRowIds(store.db(), contact, {}, {QStringLiteral("last_name"), true});
    const double sortMs = t.nsecsElapsed() / 1e6;
    const qint64 rss = bench::peakRssKb();

    // Search as you type: each prefix is one keystroke's query of the top 20.
    const QStringList words
        = {QStringLiteral("Ив"),     QStringLiteral("Ива"),    QStringLiteral("Иван"),   QStringLiteral("Иванов"),
           QStringLiteral("Сми"),    QStringLiteral("Смир"),   QStringLiteral("Смирно"), QStringLiteral("Ол"),
           QStringLiteral("Оль"),    QStringLiteral("Ольга"),  QStringLiteral("Мос"),    QStringLiteral("Моск"),
           QStringLiteral("Москва"), QStringLiteral("Пе"),     QStringLiteral("Пет"),    QStringLiteral("Петро"),
           QStringLiteral("Се"),     QStringLiteral("Серг"),   QStringLiteral("Сергее"), QStringLiteral("Ки"),
           QStringLiteral("Кири"),   QStringLiteral("Кирилл"), QStringLiteral("9161"),   QStringLiteral("Фёдо")};
    store.search(QStringLiteral("warm"), 20);
    QList<double> times;
    for (int round = 0; round < 3; ++round) {
        for (const QString &w : words) {
            QElapsedTimer s;
            s.start();
            const QList<SearchHit> hits = store.search(w, 20);
            times << s.nsecsElapsed() / 1e6;
            Q_UNUSED(hits)
        }
    }
    std::printf("contacts: %lld rows (%lld read while scrolling)\n", qlonglong(all.size()), qlonglong(rowsRead));
    std::printf("first window (open + 200 rowids + rows): %.1f ms (%lld rows)\n", firstMs, qlonglong(firstRows.size()));
    std::printf("full ordered rowid list: %.1f ms (%.1f MB)\n", fullMs, all.size() * 8 / 1048576.0);
    std::printf("scroll all windows: %.1f ms, worst window %.2f ms\n", scrollMs, worstWindow);
    std::printf("sort by last name (desc): %.1f ms (%lld rows)\n", sortMs, qlonglong(sorted.size()));
    std::printf("peak RSS (VmHWM): %.1f MB (before opening the UI store: %.1f MB)\n", rss / 1024.0, rssBefore / 1024.0);
    std::printf("search-as-you-type top 20, %lld queries: p50 %.2f ms, p95 %.2f ms, max %.2f ms\n",
                qlonglong(times.size()), percentile(times, 0.5), percentile(times, 0.95), percentile(times, 1.0));
    return 0;
}
