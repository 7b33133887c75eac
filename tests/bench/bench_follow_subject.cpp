// What one reassignment costs the server when it holds many conflict records
// (ServerVisibility::followSubject finds the conflict records about the moved record).
//   bench_follow_subject [--data FILE | --database postgresql://...] [--conflicts N] [--moves M]
// Fills an empty server storage with N conflict records, each about its own lead (plus one
// lead with two conflict records), then moves M leads one at a time, each in its own write
// transaction as a push would, and prints the time of followSubject alone (median, max) and
// of the whole transaction. The storage must be new (a temporary SQLite file by default).

#include "sync/ServerDb.h"
#include "sync/ServerStorage.h"
#include "sync/ServerStorageRow.h"
#include "sync/ServerVisibility.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>

using namespace gamix;

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

StoredField field(const char *name, const QString &text, qint64 hlc, qint64 seq)
{
    StoredField f;
    f.change.name = QString::fromLatin1(name);
    f.change.text = text;
    f.change.clock.hlc = hlc;
    f.change.clock.site.fill(0x5a);
    f.q = seq;
    return f;
}

double medianOf(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, const QString &fallback) {
        const int i = int(args.indexOf(name));
        return i > 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    QTemporaryDir dir;
    QString spec = option(QStringLiteral("--database"), QString());
    if (spec.isEmpty())
        spec = option(QStringLiteral("--data"), dir.filePath(QStringLiteral("server.sqlite")));
    const int n = option(QStringLiteral("--conflicts"), QStringLiteral("100000")).toInt();
    const int moves = option(QStringLiteral("--moves"), QStringLiteral("50")).toInt();

    ServerDb db;
    QString error;
    if (!db.open(spec, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    ServerStorage storage(db);
    const QString owner = uuid(), office = uuid(), newOwner = uuid();
    QStringList leads;
    QElapsedTimer fill;
    fill.start();
    {
        ServerDb::Write w(db);
        QSqlQuery ins(w.db());
        ins.prepare(QStringLiteral("INSERT INTO gx_record (entity, id, vis_entity, owner_id, office_id, seq, fields, "
                                   "wire, wire_seq) VALUES ('conflict', ?, 'lead', ?, ?, ?, ?, ?, ?)"));
        for (int i = 0; i < n; ++i) {
            const QString lead = uuid();
            leads << lead;
            const qint64 seq = i + 1;
            StoredFields f;
            f.put(field("entity", QStringLiteral("lead"), 1000 + i, seq));
            f.put(field("record_id", lead, 1000 + i, seq));
            f.put(field("field", QStringLiteral("notes"), 1000 + i, seq));
            f.put(field("kept_value", QStringLiteral("звонить утром %1").arg(i), 1000 + i, seq));
            f.put(field("lost_value", QStringLiteral("звонить вечером %1").arg(i), 1000 + i, seq));
            f.put(field("kept_site", QStringLiteral("5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a"), 1000 + i, seq));
            f.put(field("lost_site", QStringLiteral("a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5"), 1000 + i, seq));
            QByteArray stored, wire;
            f.writeJson(&stored, &wire);
            ins.addBindValue(uuid());
            ins.addBindValue(owner);
            ins.addBindValue(office);
            ins.addBindValue(seq);
            ins.addBindValue(QString::fromUtf8(stored));
            ins.addBindValue(QString::fromUtf8(wire));
            ins.addBindValue(seq);
            if (!ServerDb::exec(ins))
                return 1;
        }
        db.setMeta(w.db(), QStringLiteral("seq"), QString::number(n + 1));
        if (!w.commit())
            return 1;
    }
    std::printf("storage %s: %d conflict records written in %.1f s\n", db.isPostgres() ? "PostgreSQL" : "SQLite", n,
                fill.elapsed() / 1000.0);
    if (db.isPostgres()) {
        QSqlDatabase c = db.connection();
        QSqlQuery(c).exec(QStringLiteral("ANALYZE gx_record"));
    }

    QList<double> follow, whole;
    int followed = 0;
    for (int k = 0; k < moves && k < leads.size(); ++k) {
        const QString &lead = leads.at((k * 7919) % leads.size());
        QElapsedTimer t;
        t.start();
        ServerDb::Write w(db);
        QElapsedTimer f;
        f.start();
        followed += ServerVisibility::followSubject(w, storage, QStringLiteral("lead"), lead, QStringLiteral("lead"),
                                                    newOwner, office);
        follow << f.nsecsElapsed() / 1e6;
        w.commit();
        whole << t.nsecsElapsed() / 1e6;
    }
    std::printf("%d reassignments, %d conflict records followed: followSubject median %.2f ms, max %.2f ms; "
                "transaction median %.2f ms\n",
                int(follow.size()), followed, medianOf(follow), *std::max_element(follow.begin(), follow.end()),
                medianOf(whole));
    return followed == follow.size() ? 0 : 2;
}
