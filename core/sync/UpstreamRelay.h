#pragma once
// An office server's link to its upstream (DESIGN.md §4 "Office to office";
// `gamix-server --upstream URL --upstream-login LOGIN`): the same sync client as the
// desktop (SyncEngine) over HTTP(S), with this server's storage as the replica
// (ServerReplica). Each round pushes what this server's own clients wrote (never what came
// from upstream, never re-stamped), pulls the upstream's changes (marked as relayed, so
// they are not sent back; erasures are carried out here too), and takes the user
// directory (logins, roles, offices, password hashes) from the upstream, the authority
// for users and offices. Rounds run every `interval` and soon after a local client pushed.
// Cursors live in the server's gx_meta, one set per upstream URL. Each round also forwards
// erasures made here (ServerErasure) and exchanges site -> author lists (SiteAuthors).

#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace gamix {

class ServerDirectory;
class ServerReplica;
class ServerStorage;
class SyncEngine;

class UpstreamRelay : public QObject
{
    Q_OBJECT
public:
    UpstreamRelay(ServerStorage &storage, ServerDirectory &directory, const QUrl &upstream, const QString &login,
                  const QString &password, QObject *parent = nullptr);
    ~UpstreamRelay() override;

    // The first round now, then one every `intervalMs`.
    void start(int intervalMs);
    bool isRunning() const { return m_running; }
    // Extra trusted CAs for an https:// upstream (a self-signed central server).
    void setCaCertificates(const QList<QSslCertificate> &certificates) { m_caCertificates = certificates; }
    int rounds() const { return m_rounds; } // completed successfully
    // {url, rounds, last_ok (ms since epoch, 0 = never), last_error}; safe from any thread.
    QJsonObject status() const;

public Q_SLOTS:
    // On demand (a local client pushed): a round soon, or right after the running one.
    void syncNow();

Q_SIGNALS:
    void roundFinished(bool ok, const QString &message);

private:
    using Handler = std::function<void(int, const QByteArray &)>;
    void round();
    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body, bool auth);
    void onReply(QNetworkReply *reply, const Handler &handler);
    void login(const std::function<void()> &then);
    void reloginThen(const std::function<void()> &then);
    void pushNext();
    void pullNext();
    void fetchDirectory();
    // Erasures made here (gamix-server erase-person) go up before anything else.
    void forwardErasures();
    // Site -> author lists: the upstream's kept here, this server's own sent up.
    void exchangeSites();
    void finish(bool ok, const QString &message);

    ServerStorage &m_storage;
    ServerDirectory &m_directory;
    QUrl m_upstream;
    QString m_login;
    QString m_password; // in memory only
    QString m_token;
    QList<QSslCertificate> m_caCertificates;
    std::unique_ptr<ServerReplica> m_replica;
    std::unique_ptr<SyncEngine> m_engine;
    QNetworkAccessManager *m_nam = nullptr;
    QTimer m_timer;
    QTimer m_soon;
    bool m_running = false;
    bool m_again = false;
    bool m_relogged = false;
    int m_clockRetries = 0;
    int m_rounds = 0;
    mutable QMutex m_statusMutex; // guards the three below, read by request threads
    int m_okRounds = 0;
    qint64 m_lastOkMs = 0;
    QString m_lastError;
    qint64 m_pullSince = 0;
    QByteArray m_sitesSent; // the last site list the upstream took
    QByteArray m_sitesKept; // the upstream's last answer kept here
};

} // namespace gamix
