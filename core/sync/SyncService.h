#pragma once
// The server side of the sync protocol (DESIGN.md §4), independent of the HTTP library:
// app/server feeds it requests from cpp-httplib, and the simulation test calls it
// directly. Endpoints: POST /v1/auth/login, POST /v1/push, GET /v1/pull (records plus
// `purge`: removals and erasures), GET /v1/directory (relay accounts), GET /v1/sites
// (who writes from which replica; POST from a relay: its clients' sites), POST /v1/erase
// (a relay forwards an erasure made at its office: ServerErasure), POST /v1/leads
// (web forms, CORS), GET /v1/health, GET /metrics.

#include "ServerDirectory.h"
#include "ServerPurgeHorizon.h"
#include "ServerStorage.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QSet>
#include <QString>

#include <functional>

namespace gamix {

struct HttpRequest
{
    QByteArray method; // GET, POST, OPTIONS
    QString path;
    QHash<QString, QString> query;
    QHash<QByteArray, QByteArray> headers; // names lower-case
    QByteArray body;
    QString remoteAddr;
};

struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
};

class SyncService
{
public:
    SyncService(ServerDb &db, ServerStorage &storage, ServerDirectory &directory);

    HttpResponse handle(const HttpRequest &request);

    void setTokenTtlSeconds(qint64 seconds) { m_tokenTtl = seconds; }
    // Called (from the request's thread) after a push changed records: an office server
    // relays them upstream soon.
    void setOnLocalChange(std::function<void()> hook) { m_onLocalChange = std::move(hook); }
    // An office server's link state for GET /v1/health (called from request threads).
    void setUpstreamStatus(std::function<QJsonObject()> status) { m_upstreamStatus = std::move(status); }
    // For tests: the server's wall clock.
    void setNowForTest(qint64 (*now)()) { m_now = now; }

    static constexpr int kProtocol = 1;
    static constexpr qint64 kMaxClockAheadMs = 5 * 60 * 1000;
    static constexpr int kMaxPullLimit = 5000;

private:
    HttpResponse login(const HttpRequest &r);
    HttpResponse push(const HttpRequest &r, const SyncUser &user);
    HttpResponse pull(const HttpRequest &r, const SyncUser &user);
    HttpResponse leads(const HttpRequest &r);
    HttpResponse health();
    HttpResponse metrics();
    HttpResponse error(int status, const char *code, const QString &message);
    HttpResponse json(int status, const QJsonObject &object);
    bool protocolOk(const HttpRequest &r) const;
    qint64 now() const;
    void count(const QString &path, int status, qint64 micros);

    ServerDb &m_db;
    ServerStorage &m_storage;
    ServerDirectory &m_directory;
    qint64 m_tokenTtl = 30 * 24 * 3600;
    qint64 (*m_now)() = nullptr;
    std::function<void()> m_onLocalChange;
    std::function<QJsonObject()> m_upstreamStatus;
    ServerPurgeHorizon m_horizon;

    QMutex m_metricsMutex;
    QHash<QString, qint64> m_requests; // "path|status" -> count
    QHash<QString, double> m_latencySum; // path -> seconds
    QHash<QString, qint64> m_latencyCount; // path -> count
    qint64 m_changesMerged = 0;
    qint64 m_conflicts = 0;
    QSet<QString> m_clients; // site ids seen
};

} // namespace gamix
