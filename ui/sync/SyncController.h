#pragma once
// Background sync for the desktop app (issue 5 "Client"): owns a SyncClient running in a
// worker thread (so merging thousands of records never blocks the UI), syncs
// periodically and whenever the network comes back (QNetworkInformation where a backend
// exists), backs off after failures, keeps the token in the OS keychain (TokenStore;
// in memory only, and says so, when there is no keychain), and exposes what the status
// bar shows: online/offline, last sync, pending changes, conflicts. No widgets.
//
// Typical wiring (main window):
//   auto *sync = new SyncController(store.path(), this);
//   sync->setAccount(QUrl(settings.server), settings.login);   // reads the token from the keychain
//   connect(sync, &SyncController::stateChanged, statusBar, ...);
//   connect(sync, &SyncController::passwordNeeded, this, ...ask, then sync->logIn(password));
//   CertificateDialog::attach(sync, this);                      // self-signed servers
//   connect(dataEvents, &DataEvents::changed, sync, &SyncController::localDataChanged);
//   sync->start();                                              // background syncing
//   "Sync now" -> sync->syncNow();

#include <QDateTime>
#include <QObject>
#include <QSslCertificate>
#include <QThread>
#include <QTimer>
#include <QUrl>

namespace gamix {

class SyncClient;
class TokenStore;

class SyncController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool online READ isOnline NOTIFY stateChanged)
    Q_PROPERTY(bool syncing READ isSyncing NOTIFY stateChanged)
    Q_PROPERTY(QDateTime lastSync READ lastSync NOTIFY stateChanged)
    Q_PROPERTY(qint64 pendingChanges READ pendingChanges NOTIFY stateChanged)
    Q_PROPERTY(int conflicts READ conflicts NOTIFY stateChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY stateChanged)

public:
    explicit SyncController(const QString &databasePath, QObject *parent = nullptr);
    ~SyncController() override;

    // Server and login; reads the saved token from the keychain.
    void setAccount(const QUrl &server, const QString &login);
    // Certificates trusted in addition to the system's (a self-signed server, explicitly).
    void setCaCertificates(const QList<QSslCertificate> &certificates);
    // The user trusts this server certificate (CertificateDialog): remembered for the
    // account's server (TrustedCertificates), used from now on, and a sync starts.
    void trustCertificate(const QSslCertificate &certificate);
    // Base interval of background syncs; failures back off up to 15 minutes.
    void setInterval(int milliseconds);
    int nextAttemptMs() const { return m_backoffMs; }

    bool isOnline() const { return m_online; }
    bool isSyncing() const { return m_syncing; }
    bool isConfigured() const { return m_server.isValid() && !m_login.isEmpty(); }
    QUrl server() const { return m_server; }
    QDateTime lastSync() const { return m_lastSync; }
    qint64 pendingChanges() const { return m_pending; }
    int conflicts() const { return m_conflicts; }
    QString lastError() const { return m_lastError; }
    // True when no keychain answered: the token lives in memory until the app quits.
    bool tokenInMemoryOnly() const { return m_tokenInMemory; }

public Q_SLOTS:
    void start(); // background syncing on
    void stop();
    void syncNow();
    // Logs in with a password (account dialog, or after passwordNeeded) and syncs.
    void logIn(const QString &password);
    // Forgets the token (keychain included).
    void logOut();
    // The local data changed: recount pending changes (cheap, off the UI thread).
    void localDataChanged();

Q_SIGNALS:
    void stateChanged();
    void progress(const QString &message);
    void syncFinished(bool ok, const QString &message);
    // No token, or the server refused it: ask the user for the password, then logIn().
    void passwordNeeded(const QString &reason);
    // The server presented a certificate this computer does not trust (self-signed, or
    // another one than the user trusted before: `changed`). Ask, then trustCertificate().
    void certificateNotTrusted(const QSslCertificate &certificate, bool changed);

private:
    void onFinished(bool ok, const QString &message);
    void onTokenChanged(const QString &token);
    void schedule(int ms);
    void onReachability(bool online);

    QString m_dbPath;
    QUrl m_server;
    QString m_login;
    QString m_token;
    QThread m_thread;
    SyncClient *m_client = nullptr; // lives in m_thread
    TokenStore *m_keychain = nullptr;
    QTimer m_timer;
    int m_intervalMs = 5 * 60 * 1000;
    int m_backoffMs = 5 * 60 * 1000;
    bool m_started = false;
    bool m_online = true;
    bool m_syncing = false;
    bool m_tokenInMemory = false;
    bool m_tokenRead = false;
    QDateTime m_lastSync;
    qint64 m_pending = 0;
    int m_conflicts = 0;
    QString m_lastError;
    QSslCertificate m_pinned;
    // The password of a logIn() that stopped at an untrusted certificate: used once more
    // when the user trusts it, so they are not asked twice.
    QString m_pendingPassword;
};

} // namespace gamix
