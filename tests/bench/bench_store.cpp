// The store benchmark of issue 2: bulk insert of N generated Russian contacts through the
// one write path (clocks, change sequence, validation included) against the sqlite3
// shell's `.import --csv` of the same rows, the search-index catch-up, and top-20 search
// latency for a fixed list of prefixes. Prints one table. See tests/bench/README.md.
//
// Usage: bench_store [--count N] [--seed S] [--dir DIR] [--sqlite3 PATH] [--repeat R]
//                    [--cache-mib M] [--no-sqlite3] [--no-search] [--keep]

#include "ContactGenerator.h"
#include "PeakRss.h"

#include "store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

#include <sys/resource.h>

using namespace gamix;
using namespace gamix::bench;
using namespace Qt::StringLiterals;

namespace {

constexpr int kBatchRows = 50'000;

struct Options
{
    qint64 count = 1'000'000;
    std::uint64_t seed = 20240601;
    QString dir;
    QString sqlite3 = u"sqlite3"_s;
    int repeat = 10;
    int cacheMib = 0; // 0: the store's own page cache setting
    bool runSqlite = true;
    bool runSearch = true;
    bool keep = false;
};

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QString peakRss()
{
    const qint64 kb = bench::peakRssKb();
    return kb < 0 ? u"n/a"_s : QString::number(double(kb) / 1024.0, 'f', 0) + u" MiB"_s;
}

qint64 fileSize(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + u"-wal"_s).size();
}

// CPU seconds (user + system) of this process or of its waited-for children: on a shared
// machine wall-clock time depends on the neighbours, CPU time much less.
double cpuSeconds(int who)
{
    rusage u {};
    getrusage(who, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / 1048576.0, 'f', 0) + u" MiB"_s;
}

QString secs(qint64 ns)
{
    return QString::number(double(ns) / 1e9, 'f', 2);
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

// One sqlite3 shell run fed by a script on stdin; returns wall-clock ns, or -1.
qint64 runSqliteShell(const Options &o, const QString &dbFile, const QString &script, QString *error, double *cpu)
{
    const double cpuBefore = cpuSeconds(RUSAGE_CHILDREN);
    QFile::remove(dbFile);
    QFile::remove(dbFile + u"-wal"_s);
    QFile::remove(dbFile + u"-shm"_s);
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer t;
    t.start();
    p.start(o.sqlite3, {u"-batch"_s, u"-bail"_s, dbFile});
    if (!p.waitForStarted(10'000)) {
        *error = u"cannot start "_s + o.sqlite3;
        return -1;
    }
    p.write(script.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(-1);
    const qint64 ns = t.nsecsElapsed();
    *cpu = cpuSeconds(RUSAGE_CHILDREN) - cpuBefore;
    const QString output = QString::fromUtf8(p.readAll()).trimmed();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = u"sqlite3 failed: "_s + output.left(500);
        return -1;
    }
    return ns;
}

QString sqliteScript(const QString &csv, const QString &extraDdl)
{
    // The same durability as the store: WAL, synchronous=FULL. The shell's .import runs
    // in one transaction; the store commits every 50,000 rows (20 commits per million).
    return u"PRAGMA journal_mode=WAL;\n"
           u"PRAGMA synchronous=FULL;\n"
           u"CREATE TABLE contact (first_name TEXT, middle_name TEXT, last_name TEXT, email TEXT,"
           u" phone TEXT, mobile TEXT, city TEXT, position TEXT, company TEXT);\n"_s
        + extraDdl + u".import --csv --skip 1 "_s + csv + u" contact\n"_s
        + u"SELECT CASE WHEN count(*) > 0 THEN 'ok' END FROM contact;\n"_s;
}

// Fixed queries: Cyrillic name prefixes (with ё), Latin email prefixes, phone prefixes in
// the forms people type, and company-name prefixes (found through the contact's company).
const QStringList &queries()
{
    static const QStringList q = {
        u"ив"_s,    u"иван"_s,  u"ивано"_s,  u"сер"_s,    u"серге"_s, u"семе"_s,  u"семён"_s, u"алё"_s,
        u"алена"_s, u"пётр"_s,  u"петро"_s,  u"кузн"_s,   u"смирн"_s, u"ольга"_s, u"нат"_s,   u"ковал"_s,
        u"толст"_s, u"ильич"_s, u"андрее"_s, u"ромаш"_s,  u"вект"_s,  u"iv"_s,    u"ivan"_s,  u"smirn"_s,
        u"alena"_s, u"petr"_s,  u"kuz"_s,    u"ol"_s,     u"semen"_s, u"yand"_s,  u"8916"_s,  u"+7903"_s,
        u"916"_s,   u"7925"_s,  u"8 (495"_s, u"+7 812"_s, u"8-926"_s, u"89261"_s, u"9851"_s,  u"+7 (977"_s,
    };
    return q;
}

bool parseOptions(const QStringList &args, Options &o)
{
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const QString next = i + 1 < args.size() ? args.at(i + 1) : QString();
        if (a == u"--count") {
            o.count = next.toLongLong();
            ++i;
        } else if (a == u"--seed") {
            o.seed = next.toULongLong();
            ++i;
        } else if (a == u"--dir") {
            o.dir = next;
            ++i;
        } else if (a == u"--sqlite3") {
            o.sqlite3 = next;
            ++i;
        } else if (a == u"--repeat") {
            o.repeat = std::max(1, next.toInt());
            ++i;
        } else if (a == u"--cache-mib") {
            o.cacheMib = next.toInt();
            ++i;
        } else if (a == u"--no-sqlite3") {
            o.runSqlite = false;
        } else if (a == u"--no-search") {
            o.runSearch = false;
        } else if (a == u"--keep") {
            o.keep = true;
        } else {
            std::fprintf(stderr, "unknown argument %s\n", qPrintable(a));
            return false;
        }
    }
    return o.count > 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options o;
    if (!parseOptions(app.arguments(), o))
        return 2;
    QTemporaryDir tmp;
    if (o.dir.isEmpty())
        o.dir = tmp.path();
    tmp.setAutoRemove(!o.keep);
    QDir().mkpath(o.dir);
    const QString csvPath = o.dir + u"/contacts.csv"_s;
    const QString storePath = o.dir + u"/gamix.sqlite"_s;
    const int companyCount = int(std::max<qint64>(1, o.count / 20));
    for (const QString &f : QStringList {storePath, storePath + u"-wal"_s, storePath + u"-shm"_s})
        QFile::remove(f);

    // 1. The CSV both sides load.
    QElapsedTimer t;
    t.start();
    {
        QFile f(csvPath);
        if (!f.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(csvPath));
            return 1;
        }
        writeContactsCsv(f, o.seed, companyCount, o.count);
    }
    const qint64 csvNs = t.nsecsElapsed();
    out() << "bench_store: " << o.count << " contacts, " << companyCount << " companies, seed " << o.seed << ", dir "
          << o.dir << Qt::endl;
    out() << "  csv written: " << mib(QFileInfo(csvPath).size()) << " in " << secs(csvNs) << " s" << Qt::endl;

    // 2. The store: companies first (contacts point at them, so each contact's reference
    // is validated), then contacts in batches of 50,000 rows with the index deferred.
    Store store;
    QString error;
    if (!store.open(storePath, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    if (o.cacheMib > 0) {
        // An experiment for the store's owner: a connection setting, not a write.
        store.db().exec(u"PRAGMA cache_size = -"_s + QString::number(qint64(o.cacheMib) * 1024));
        out() << "  experiment: PRAGMA cache_size = " << o.cacheMib << " MiB on the store connection" << Qt::endl;
    }
    const EntityDef &companyDef = *Schema::instance().entity(u"company");
    const EntityDef &contactDef = *Schema::instance().entity(u"contact");
    ContactGenerator gen(o.seed, companyCount);
    QStringList companyIds;
    companyIds.reserve(companyCount);
    qint64 companyNs = 0, failures = 0;
    QString firstError;
    for (int first = 0; first < companyCount; first += kBatchRows) {
        QList<QList<FieldWrite>> rows;
        for (int i = first; i < std::min(companyCount, first + kBatchRows); ++i) {
            GeneratedCompany c = gen.company(i);
            rows.append({{u"name"_s, std::move(c.name)}, {u"inn"_s, std::move(c.inn)}, {u"city"_s, std::move(c.city)}});
        }
        t.restart();
        store.beginBatch(true);
        for (const auto &row : rows) {
            const WriteResult r = store.create(companyDef, row);
            companyIds << r.id;
            if (!r.ok && failures++ == 0)
                firstError = r.errorText();
        }
        store.commitBatch();
        companyNs += t.nsecsElapsed();
    }

    qint64 insertNs = 0;
    double insertCpu = 0;
    for (qint64 first = 0; first < o.count; first += kBatchRows) {
        // Building the rows is the caller's work, outside the clock.
        QList<QList<FieldWrite>> rows;
        rows.reserve(kBatchRows);
        for (qint64 i = first; i < std::min(o.count, first + kBatchRows); ++i) {
            GeneratedContact c = gen.next();
            QList<FieldWrite> row {{u"first_name"_s, std::move(c.firstName)},
                                   {u"middle_name"_s, std::move(c.middleName)},
                                   {u"last_name"_s, std::move(c.lastName)},
                                   {u"email"_s, std::move(c.email)},
                                   {u"phone"_s, std::move(c.phone)},
                                   {u"mobile"_s, std::move(c.mobile)},
                                   {u"city"_s, std::move(c.city)},
                                   {u"position"_s, std::move(c.position)}};
            if (c.company >= 0)
                row.append({u"company_id"_s, companyIds.at(c.company)});
            rows.append(std::move(row));
        }
        t.restart();
        const double cpu0 = cpuSeconds(RUSAGE_SELF);
        store.beginBatch(true);
        for (const auto &row : rows) {
            const WriteResult r = store.create(contactDef, row);
            if (!r.ok && failures++ == 0)
                firstError = r.errorText();
        }
        store.commitBatch();
        insertNs += t.nsecsElapsed();
        insertCpu += cpuSeconds(RUSAGE_SELF) - cpu0;
    }
    if (failures > 0)
        out() << "  WARNING: " << failures << " writes failed, first: " << firstError << Qt::endl;
    const qint64 stored = store.count(contactDef);

    t.restart();
    const double catchUpCpu0 = cpuSeconds(RUSAGE_SELF);
    store.catchUpSearchIndex();
    const qint64 catchUpNs = t.nsecsElapsed();
    const double catchUpCpu = cpuSeconds(RUSAGE_SELF) - catchUpCpu0;
    const qint64 storeBytes = fileSize(storePath);

    // 3. Search latency through Store::search, index caught up.
    std::vector<double> latencies;
    QList<QPair<double, QString>> worst;
    QStringList sample;
    if (o.runSearch) {
        for (const QString &q : queries())
            store.search(q, 20); // first touch of each query's pages, not measured
        for (int round = 0; round < o.repeat; ++round) {
            for (const QString &q : queries()) {
                t.restart();
                const QList<SearchHit> hits = store.search(q, 20);
                const double ms = double(t.nsecsElapsed()) / 1e6;
                latencies.push_back(ms);
                worst.append({ms, q});
                if (round == 0 && sample.size() < 6 && !hits.isEmpty())
                    sample << q + u" → "_s + hits.first().title + u" ("_s + QString::number(hits.size()) + u')';
            }
        }
        std::sort(worst.begin(), worst.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    }
    store.close();

    // 4. The reference: the sqlite3 shell importing the same CSV.
    qint64 importNs = -1, importIdxNs = -1;
    double importCpu = 0, importIdxCpu = 0;
    qint64 importBytes = 0;
    if (o.runSqlite) {
        const QString refDb = o.dir + u"/reference.sqlite"_s;
        importNs = runSqliteShell(o, refDb, sqliteScript(csvPath, QString()), &error, &importCpu);
        importBytes = fileSize(refDb);
        if (importNs >= 0) {
            // For reading the ratio: the same import with the lookup indexes the store keeps
            // on a contact (dedupe by email and phones, the company's contacts, sorting by
            // name); the store also keeps id, seq and dirty_seq, which grow at the end.
            importIdxNs = runSqliteShell(
                o, refDb,
                sqliteScript(
                    csvPath,
                    u"CREATE INDEX c_email ON contact(lower(email)) WHERE email IS NOT NULL;\n"
                    u"CREATE INDEX c_phone ON contact(phone) WHERE phone IS NOT NULL;\n"
                    u"CREATE INDEX c_mobile ON contact(mobile) WHERE mobile IS NOT NULL;\n"
                    u"CREATE INDEX c_company ON contact(company) WHERE company IS NOT NULL;\n"
                    u"CREATE INDEX c_name ON contact(last_name COLLATE NOCASE, first_name COLLATE NOCASE);\n"_s),
                &error, &importIdxCpu);
        }
        if (importNs < 0 || importIdxNs < 0)
            out() << "  WARNING: " << error << Qt::endl;
        QFile::remove(refDb);
        QFile::remove(refDb + u"-wal"_s);
        QFile::remove(refDb + u"-shm"_s);
    }

    const double insertS = double(insertNs) / 1e9;
    const double importS = double(importNs) / 1e9;
    out() << Qt::endl;
    out() << "  rows stored:     " << stored << " contacts (" << mib(storeBytes) << " database incl. WAL); "
          << companyCount << " companies in " << secs(companyNs) << " s" << Qt::endl;
    out() << "  insert:          gamix " << secs(insertNs) << " s (" << qint64(double(o.count) / insertS) << " rows/s)";
    if (importNs > 0) {
        out() << ", sqlite3 .import " << secs(importNs) << " s (" << mib(importBytes) << ")"
              << ", ratio " << QString::number(insertS / importS, 'f', 2) << " (target <= 2.0)";
    }
    out() << Qt::endl;
    out() << "  insert, CPU s:   gamix " << QString::number(insertCpu, 'f', 2);
    if (importNs > 0) {
        out() << ", sqlite3 .import " << QString::number(importCpu, 'f', 2) << ", ratio "
              << QString::number(insertCpu / importCpu, 'f', 2) << " (user+sys; less sensitive to a busy machine)";
    }
    out() << Qt::endl;
    if (importIdxNs > 0) {
        out() << "  reference+index: sqlite3 .import with the same 5 lookup indexes " << secs(importIdxNs) << " s (CPU "
              << QString::number(importIdxCpu, 'f', 2) << " s), ratio "
              << QString::number(insertS / (double(importIdxNs) / 1e9), 'f', 2) << Qt::endl;
    }
    out() << "  index catch-up:  " << secs(catchUpNs) << " s (" << qint64(double(stored) / (double(catchUpNs) / 1e9))
          << " rows/s, CPU " << QString::number(catchUpCpu, 'f', 2) << " s), measured separately" << Qt::endl;
    if (!latencies.empty()) {
        const double p95 = percentile(latencies, 0.95);
        out() << "  search top-20:   p50 " << QString::number(percentile(latencies, 0.5), 'f', 2) << " ms, p95 "
              << QString::number(p95, 'f', 2) << " ms, max " << QString::number(worst.first().first, 'f', 2)
              << " ms over " << latencies.size() << " queries (" << queries().size() << " prefixes x " << o.repeat
              << ") (target p95 <= 10 ms)" << Qt::endl;
        QStringList slow, seen;
        for (int i = 0; i < worst.size() && slow.size() < 5; ++i) {
            if (seen.contains(worst.at(i).second))
                continue;
            seen << worst.at(i).second;
            slow << u'"' + worst.at(i).second + u"\" "_s + QString::number(worst.at(i).first, 'f', 1) + u" ms"_s;
        }
        out() << "  slowest queries: " << slow.join(u", "_s) << Qt::endl;
        out() << "  sample hits:     " << sample.join(u"; "_s) << Qt::endl;
    }
    out() << "  peak RSS:        " << peakRss() << " (VmHWM of bench_store; the sqlite3 child not included)"
          << Qt::endl;
    return failures == 0 ? 0 : 1;
}
