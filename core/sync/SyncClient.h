#pragma once
// The sync client over HTTP(S) (DESIGN.md §4): drives SyncEngine with
// QNetworkAccessManager, asynchronously. One sync() run: log in when there is no token
// (or the token was refused and a password is at hand), bind the database to its first
// user, push in batches (clock-guard re-stamp and retry), pull pages until `more` is
// false, and push again when the server's epoch changed. It opens its own Store on the
// database file in the thread it lives in, so the desktop app can move it to a worker
// thread; the CLI runs a local event loop around it (CliSync).

#include "SyncEngine.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace gamix {

class Store;
class StoreReplica;

class SyncClient : public QObject
{
    Q_OBJECT
public:
    enum class Failure { None, Network, Auth, Owner, Protocol, Server, Database, Certificate };
    Q_ENUM(Failure)

    explicit SyncClient(QObject *parent = nullptr);
    ~SyncClient() override;

    // The database this client syncs (opened on each run, in this object's thread).
    void setDatabasePath(const QString &path);
    void setAccount(const QUrl &server, const QString &login);
    QUrl server() const { return m_server; }
    QString login() const { return m_login; }
    // Extra trusted CAs (or the server's own self-signed certificate); normal
    // verification otherwise.
    void setCaCertificates(const QList<QSslCertificate> &certificates) { m_caCertificates = certificates; }
    // Server certificates the user trusted explicitly (the app's dialog): a server that
    // presents exactly one of these is accepted even when self-signed or issued for
    // another name; an expired one is not. Any other certificate fails the run with
    // Failure::Certificate and untrustedCertificate() set.
    void setPinnedCertificates(const QList<QSslCertificate> &certificates) { m_pinned = certificates; }
    // After a Failure::Certificate run: the certificate the server presented.
    QSslCertificate untrustedCertificate() const { return m_untrusted; }
    // A token from the keychain; empty means log in with the password.
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    // Used to log in when there is no token or the server refused it; kept only in memory.
    void setPassword(const QString &password) { m_password = password; }
    // Records per push batch and per pull page (defaults suit 100k-record syncs).
    void setBatchSize(int pushRecords, int pullRecords);

    bool isRunning() const { return m_running; }
    // After finished(): what went wrong, the refused fields (one line each), counts.
    Failure failure() const { return m_failure; }
    QStringList rejected() const { return m_rejected; }
    int pushedRecords() const { return m_pushed; }
    int pulledRecords() const { return m_pulled; }
    int conflicts() const { return m_conflicts; }
    qint64 pendingChangeCount() const { return m_pending; }
    qint64 bytesReceived() const { return m_bytesIn; }
    int requests() const { return m_requests; }

    // Unpushed local rows and unresolved conflicts of a database (cheap SQL counts).
    static qint64 pendingChanges(Store &store);
    static int unresolvedConflicts(Store &store);

public Q_SLOTS:
    void sync();
    // Stops after the request in flight; finished(false, ...) follows.
    void cancel();
    // Counts pending changes and unresolved conflicts of the database now (when not
    // syncing) and reports them with countsChanged().
    void refreshCounts();

Q_SIGNALS:
    void started();
    void progress(const QString &message);
    void finished(bool ok, const QString &message);
    void conflictsChanged(int count);
    // After every run and refreshCounts(): unpushed local rows and unresolved conflicts.
    void countsChanged(qint64 pendingChanges, int conflicts);
    // A login issued a new token (to keep in the keychain), or the server refused the
    // one we had (empty: forget it).
    void tokenChanged(const QString &token);

private:
    // Bodies above this many bytes travel gzipped.
    static constexpr int kCompressAbove = 1024;
    using Then = std::function<void()>;
    // `gzipped`: the body already compressed (a batch built ahead), else it is done here.
    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body, bool auth,
                        const QByteArray &gzipped = QByteArray());
    void onReply(QNetworkReply *reply, const std::function<void(int, const QByteArray &)> &handler);
    void doLogin(const Then &then);
    void startPush();
    void pushNext();
    void startPull();
    void pullNext();
    void requestPage(qint64 since);
    void applyPage(qint64 since, int status, const QByteArray &bytes);
    void finishOwnerStamp();
    void reloginThen(const Then &then);
    void fetchAuthors();
    void collectReport();
    void fail(Failure failure, const QString &message);
    void succeed();
    void closeStore();

    QString m_dbPath;
    QString m_storePath;
    QUrl m_server;
    QString m_login;
    QList<QSslCertificate> m_caCertificates;
    QList<QSslCertificate> m_pinned;
    QSslCertificate m_untrusted;
    QString m_token;
    QString m_password;
    int m_pushBatch = 5000;
    int m_pullPage = 5000;

    QNetworkAccessManager *m_nam = nullptr;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReplica> m_replica;
    std::unique_ptr<SyncEngine> m_engine;
    bool m_running = false;
    bool m_cancel = false;
    bool m_relogged = false;
    bool m_repushed = false;
    int m_clockRetries = 0;
    Failure m_failure = Failure::None;
    QStringList m_rejected;
    int m_pushed = 0;
    int m_pulled = 0;
    int m_conflicts = 0;
    qint64 m_pending = 0;
    qint64 m_bytesIn = 0;
    int m_requests = 0;
    // Pull pages are asked for one ahead; answers of an abandoned pull or an ended run
    // are dropped by these counters.
    quint64 m_run = 0;
    quint64 m_pullGeneration = 0;
    int m_pullsInFlight = 0;
    // The next push batch, built and gzipped while the server merges the one in flight,
    // once the push in flight (m_aheadAfter) has left.
    SyncEngine::PushBatch m_ahead;
    QByteArray m_aheadGzipped;
    const QNetworkReply *m_aheadAfter = nullptr;
};

} // namespace gamix
