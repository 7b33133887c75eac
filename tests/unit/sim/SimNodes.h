#pragma once
// The nodes of the seeded sync simulation (tst_sync_simulation and its neighbours): server
// nodes (the central server and office servers, each a SyncService over its own SQLite
// file) and client nodes (a real Store file with its sync engine), the simulated clock they
// all read through their own skew, requests handed to a server in process, and dumps of a
// replica's fields with their clocks for comparison.

#include "schema/FieldCodec.h"
#include "store/Store.h"
#include "sync/ChangeSet.h"
#include "sync/ServerDirectory.h"
#include "sync/ServerReplica.h"
#include "sync/StoreReplica.h"
#include "sync/SyncEngine.h"
#include "sync/SyncService.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <memory>

namespace gamix::sim {

struct ServerNode
{
    QString name;
    std::unique_ptr<ServerDb> db;
    std::unique_ptr<ServerStorage> storage;
    std::unique_ptr<ServerDirectory> directory;
    std::unique_ptr<SyncService> service;
    // Offices only: the relay towards the central server.
    ServerNode *upstream = nullptr;
    std::unique_ptr<ServerReplica> upReplica;
    std::unique_ptr<SyncEngine> upEngine;
    QString upToken;
    SyncUser relay; // offices: the relay account on the central server (its view is this server's)
    bool online = true;
    qint64 skewMs = 0; // this server's wall clock minus the simulated time
};

struct ClientNode
{
    QString name;
    std::unique_ptr<Store> store;
    std::unique_ptr<StoreReplica> replica;
    std::unique_ptr<SyncEngine> engine;
    ServerNode *server = nullptr;
    QString token;
    SyncUser user; // as the central server knows the account
    bool online = true;
    qint64 skewMs = 0; // this machine's wall clock minus the simulated time
    QList<QPair<qint64, QByteArray>> lateAnswers; // pull answers delivered out of order
};

// The simulated time (Unix ms), shared by every node through its own skew. A plain global
// because SyncService takes a function pointer for its clock guard.
inline qint64 g_simNowMs = 0;
inline constexpr qint64 kSimEpochMs = 1767225600000; // 2026-01-01; below the real clock, so no guard fires

inline SiteId siteFor(const QString &name)
{
    SiteId site;
    Clock::siteFromHex(
        QString::fromLatin1(QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex().left(32)),
        &site);
    return site;
}

struct Write
{
    QString text;
    Clock clock;
    Clock prev;
};

using Dump = QMap<QString, QString>; // "entity|id|field" -> "text@hlc/site"

inline HttpResponse call(ServerNode &server, const QByteArray &method, const QString &path, const QByteArray &body,
                         const QString &token, const SiteId &site, const QString &query = QString())
{
    HttpRequest r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.remoteAddr = QStringLiteral("127.0.0.1");
    r.headers.insert("x-gamix-protocol", "1");
    r.headers.insert("x-gamix-schema", QByteArray::number(Schema::version));
    r.headers.insert("x-gamix-site", Clock {0, site}.siteHex().toLatin1());
    if (!token.isEmpty())
        r.headers.insert("authorization", "Bearer " + token.toLatin1());
    const QUrlQuery q(query);
    for (const auto &[k, v] : q.queryItems())
        r.query.insert(k, v);
    const HttpResponse resp = server.service->handle(r);
    if (qEnvironmentVariableIsSet("GAMIX_SIM_TRACE"))
        qInfo("%s %s %s -> %d %s", qPrintable(server.name), qPrintable(path), qPrintable(query), resp.status,
              resp.body
                  .left(qEnvironmentVariableIntValue("GAMIX_SIM_TRACE_BYTES") > 0
                            ? qEnvironmentVariableIntValue("GAMIX_SIM_TRACE_BYTES")
                            : 400)
                  .constData());
    return resp;
}

inline QString login(ServerNode &server, const QString &user)
{
    const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("login"), user},
                                                       {QStringLiteral("password"), QStringLiteral("pw")}})
                                .toJson(QJsonDocument::Compact);
    const HttpResponse r = call(server, "POST", QStringLiteral("/v1/auth/login"), body, QString(), SiteId {});
    return QJsonDocument::fromJson(r.body).object().value(QLatin1String("token")).toString();
}

inline QString clockKey(const Clock &c)
{
    return QString::number(c.hlc) + u'/' + c.siteHex();
}

inline Dump dumpStore(Store &store)
{
    Dump d;
    for (const EntityDef &e : Schema::instance().entities()) {
        SqliteStmt st = store.db().prepare(QStringLiteral("SELECT id FROM \"") + e.name + u'"');
        QStringList ids;
        while (st.step())
            ids << st.text(0);
        for (const QString &id : ids) {
            const Record r = store.get(e, id, true);
            for (int i = 0; i < e.fields.size(); ++i) {
                const Clock c = r.clocks.clock(i);
                if (!c.isZero())
                    d.insert(e.name + u'|' + id + u'|' + e.fields.at(i).name,
                             FieldCodec::toText(e.fields.at(i), r.values.at(i)) + u'@' + QString::number(c.hlc) + u'/'
                                 + c.siteHex());
            }
        }
    }
    return d;
}

inline Dump dumpServer(ServerStorage &storage)
{
    Dump d;
    for (const RecordChange &rc : storage.allRecords()) {
        for (const FieldChange &f : rc.fields)
            d.insert(rc.entity + u'|' + rc.id + u'|' + f.name,
                     f.text + u'@' + QString::number(f.clock.hlc) + u'/' + f.clock.siteHex());
    }
    return d;
}

// The conflict records about one record's field in a dump, as "kept>lost" values.
inline QStringList conflictsAbout(const Dump &d, const QString &recordId, QStringView field)
{
    QStringList out;
    for (auto it = d.begin(); it != d.end(); ++it) {
        if (!it.key().startsWith(QStringLiteral("conflict|")) || !it.key().endsWith(QStringLiteral("|record_id"))
            || !it.value().startsWith(recordId))
            continue;
        const QString base = it.key().left(it.key().size() - 9);
        auto text = [&](const char *f) {
            const QString v = d.value(base + QLatin1String(f));
            return v.left(v.lastIndexOf(u'@'));
        };
        if (text("field") == field)
            out << QString(text("kept_value") + u'>' + text("lost_value"));
    }
    return out;
}

} // namespace gamix::sim
