// Sync benchmark (issue 5 "Performance"), driven by tests/bench/sync.sh against a real
// gamix-server over TLS: N contacts created on client A (through the Store, in batches)
// reach client B; one edit on A reaches B (time of the two sync calls); a pull of an
// unchanged replica (requests and bytes). Both clients are SyncClient, as in the app.
//
//   bench_sync --server URL --ca-cert FILE --dir DIR [--count N]
//              --login-a LOGIN --login-b LOGIN --password PASSWORD

#include "ContactGenerator.h"
#include "schema/Schema.h"
#include "store/Store.h"
#include "sync/SyncClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSslCertificate>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace gamix;

namespace {

bool runSync(SyncClient &client, QString *message)
{
    QEventLoop loop;
    bool ok = false;
    const auto c = QObject::connect(&client, &SyncClient::finished, &loop, [&](bool success, const QString &text) {
        ok = success;
        *message = text;
        loop.quit();
    });
    QMetaObject::invokeMethod(&client, &SyncClient::sync, Qt::QueuedConnection);
    loop.exec();
    QObject::disconnect(c);
    return ok;
}

// CPU seconds of this process (both clients run in it): wall time on this shared
// machine swings with the neighbours' builds, CPU time much less.
double cpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

QString arg(const QStringList &args, const QString &name, const QString &fallback = QString())
{
    const int i = int(args.indexOf(name));
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QUrl server(arg(args, QStringLiteral("--server")));
    const QString dir = arg(args, QStringLiteral("--dir"));
    const int count = arg(args, QStringLiteral("--count"), QStringLiteral("100000")).toInt();
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(arg(args, QStringLiteral("--ca-cert")));
    const QString password = arg(args, QStringLiteral("--password"));
    const QString dbA = dir + QStringLiteral("/a.db"), dbB = dir + QStringLiteral("/b.db");

    {
        Store store;
        QString error;
        if (!store.open(dbA, &error)) {
            std::fprintf(stderr, "bench_sync: %s\n", qPrintable(error));
            return 1;
        }
        const EntityDef &contact = *Schema::instance().entity(u"contact");
        bench::ContactGenerator gen(42, 1000);
        for (int done = 0; done < count;) {
            store.beginBatch(true);
            for (int k = 0; k < 10000 && done < count; ++k, ++done) {
                const bench::GeneratedContact c = gen.next();
                store.create(contact,
                             {{QStringLiteral("first_name"), c.firstName},
                              {QStringLiteral("last_name"), c.lastName},
                              {QStringLiteral("email"), QStringLiteral("c%1@bench.example.ru").arg(done)},
                              {QStringLiteral("middle_name"), c.middleName},
                              {QStringLiteral("phone"), c.phone},
                              {QStringLiteral("position"), c.position},
                              {QStringLiteral("city"), c.city}});
            }
            store.commitBatch();
        }
    }
    auto makeClient = [&](const QString &db, const QString &login) {
        auto *c = new SyncClient(&app);
        c->setDatabasePath(db);
        c->setAccount(server, login);
        c->setCaCertificates(ca);
        c->setPassword(password);
        QObject::connect(c, &SyncClient::tokenChanged, c, [c](const QString &t) { c->setToken(t); });
        return c;
    };
    SyncClient *a = makeClient(dbA, arg(args, QStringLiteral("--login-a")));
    SyncClient *b = makeClient(dbB, arg(args, QStringLiteral("--login-b")));
    QString message;
    QElapsedTimer t;
    t.start();
    const double cpu0 = cpuSeconds();
    if (!runSync(*a, &message)) {
        std::fprintf(stderr, "bench_sync: A: %s\n", qPrintable(message));
        return 1;
    }
    const double push = double(t.restart()) / 1000.0;
    const double cpuPush = cpuSeconds() - cpu0;
    if (!runSync(*b, &message)) {
        std::fprintf(stderr, "bench_sync: B: %s\n", qPrintable(message));
        return 1;
    }
    const double pull = double(t.elapsed()) / 1000.0;
    const double cpu = cpuSeconds() - cpu0;
    {
        Store check;
        QString error;
        check.open(dbB, &error);
        const qint64 got = check.count(*Schema::instance().entity(u"contact"));
        std::printf("gamix  %d contacts A -> server -> B (TLS): %.1f s (push %.1f s, pull %.1f s); B holds %lld\n",
                    count, push + pull, push, pull, qlonglong(got));
        std::printf("gamix  clients' CPU for it: %.1f s (user+sys of both clients; A's sync %.1f s, B's %.1f s)\n", cpu,
                    cpuPush, cpu - cpuPush);
    }
    // One edit, five times: the two sync calls (tokens already held, as in the app).
    QList<double> edits;
    for (int i = 0; i < 5; ++i) {
        QString id;
        {
            Store store;
            QString error;
            store.open(dbA, &error);
            const EntityDef &contact = *Schema::instance().entity(u"contact");
            ListQuery q;
            q.entity = &contact;
            q.limit = 1;
            q.offset = i;
            id = store.list(q, &error).value(0).id;
            store.update(contact, id, {{QStringLiteral("city"), QStringLiteral("Ярославль-%1").arg(i)}});
        }
        QElapsedTimer e;
        e.start();
        runSync(*a, &message);
        runSync(*b, &message);
        edits << double(e.nsecsElapsed()) / 1e6;
    }
    std::sort(edits.begin(), edits.end());
    std::printf("gamix  one edit A -> B: %.0f ms median of 5 (min %.0f, max %.0f)\n", edits.at(2), edits.first(),
                edits.last());
    runSync(*b, &message);
    std::printf("gamix  pull of an unchanged replica: %d request(s), %lld bytes of body\n", b->requests(),
                qlonglong(b->bytesReceived()));
    return 0;
}
