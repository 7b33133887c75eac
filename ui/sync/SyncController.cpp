#include "SyncController.h"

#include "TrustedCertificates.h"
#include "sync/SyncClient.h"
#include "sync/TokenStore.h"

#include <QNetworkInformation>

#include <utility>

namespace gamix {

namespace {

constexpr int kMaxBackoffMs = 15 * 60 * 1000;

} // namespace

SyncController::SyncController(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_dbPath(databasePath)
{
    m_client = new SyncClient; // no parent: it moves to the worker thread
    m_client->setDatabasePath(databasePath);
    m_client->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_client, &QObject::deleteLater);
    connect(m_client, &SyncClient::finished, this, &SyncController::onFinished);
    connect(m_client, &SyncClient::tokenChanged, this, &SyncController::onTokenChanged);
    connect(m_client, &SyncClient::progress, this, &SyncController::progress);
    connect(m_client, &SyncClient::countsChanged, this, [this](qint64 pending, int conflicts) {
        m_pending = pending;
        m_conflicts = conflicts;
        Q_EMIT stateChanged();
    });
    m_thread.setObjectName(QStringLiteral("gamix-sync"));
    m_thread.start();

    m_keychain = new TokenStore(this);
    connect(m_keychain, &TokenStore::readFinished, this, [this](bool ok, const QString &token, const QString &) {
        m_tokenRead = true;
        m_tokenInMemory = !ok;
        if (!token.isEmpty()) {
            m_token = token;
            QMetaObject::invokeMethod(m_client, [client = m_client, token] { client->setToken(token); });
        }
        Q_EMIT stateChanged();
        if (m_started)
            schedule(0);
    });
    connect(m_keychain, &TokenStore::writeFinished, this, [this](bool ok, const QString &) {
        if (m_tokenInMemory == ok) {
            m_tokenInMemory = !ok;
            Q_EMIT stateChanged();
        }
    });

    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncController::syncNow);

    // Connectivity: sync when the network comes back, stay quiet while it is gone.
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        QNetworkInformation *info = QNetworkInformation::instance();
        m_online = info->reachability() != QNetworkInformation::Reachability::Disconnected;
        connect(info, &QNetworkInformation::reachabilityChanged, this, [this](QNetworkInformation::Reachability r) {
            onReachability(r != QNetworkInformation::Reachability::Disconnected);
        });
    }
    QMetaObject::invokeMethod(m_client, &SyncClient::refreshCounts);
}

SyncController::~SyncController()
{
    m_timer.stop();
    QMetaObject::invokeMethod(m_client, &SyncClient::cancel);
    m_thread.quit();
    m_thread.wait();
}

void SyncController::setAccount(const QUrl &server, const QString &login)
{
    m_server = server;
    m_login = login;
    m_token.clear();
    m_tokenRead = false;
    m_pendingPassword.clear();
    m_pinned = TrustedCertificates::forServer(server);
    QList<QSslCertificate> pinned;
    if (!m_pinned.isNull())
        pinned << m_pinned;
    QMetaObject::invokeMethod(m_client, [client = m_client, server, login, pinned] {
        client->setAccount(server, login);
        client->setToken(QString());
        client->setPinnedCertificates(pinned);
    });
    if (isConfigured())
        m_keychain->read(TokenStore::keyFor(server, login));
    Q_EMIT stateChanged();
}

void SyncController::trustCertificate(const QSslCertificate &certificate)
{
    if (certificate.isNull() || !isConfigured())
        return;
    TrustedCertificates::trust(m_server, certificate);
    m_pinned = certificate;
    QMetaObject::invokeMethod(m_client,
                              [client = m_client, certificate] { client->setPinnedCertificates({certificate}); });
    const QString password = std::exchange(m_pendingPassword, QString());
    if (!password.isEmpty())
        logIn(password);
    else
        syncNow();
}

void SyncController::setCaCertificates(const QList<QSslCertificate> &certificates)
{
    QMetaObject::invokeMethod(m_client, [client = m_client, certificates] { client->setCaCertificates(certificates); });
}

void SyncController::setInterval(int milliseconds)
{
    m_intervalMs = qMax(1000, milliseconds);
    m_backoffMs = m_intervalMs;
}

void SyncController::start()
{
    m_started = true;
    schedule(0);
}

void SyncController::stop()
{
    m_started = false;
    m_timer.stop();
}

void SyncController::schedule(int ms)
{
    if (m_started && isConfigured())
        m_timer.start(ms);
}

void SyncController::syncNow()
{
    if (m_syncing || !isConfigured())
        return;
    if (!m_tokenRead)
        return; // the keychain answers first; its answer schedules the sync
    if (m_token.isEmpty()) {
        Q_EMIT passwordNeeded(tr("Log in to %1 to sync").arg(m_server.host()));
        return;
    }
    m_syncing = true;
    Q_EMIT stateChanged();
    QMetaObject::invokeMethod(m_client, &SyncClient::sync);
}

void SyncController::logIn(const QString &password)
{
    if (m_syncing || !isConfigured())
        return;
    m_syncing = true;
    m_pendingPassword = password;
    Q_EMIT stateChanged();
    QMetaObject::invokeMethod(m_client, [client = m_client, password] {
        client->setToken(QString());
        client->setPassword(password);
        client->sync();
    });
}

void SyncController::logOut()
{
    m_token.clear();
    QMetaObject::invokeMethod(m_client, [client = m_client] { client->setToken(QString()); });
    if (isConfigured())
        m_keychain->remove(TokenStore::keyFor(m_server, m_login));
    Q_EMIT stateChanged();
}

void SyncController::localDataChanged()
{
    QMetaObject::invokeMethod(m_client, &SyncClient::refreshCounts);
}

void SyncController::onTokenChanged(const QString &token)
{
    m_token = token;
    if (!isConfigured())
        return;
    const QString key = TokenStore::keyFor(m_server, m_login);
    if (token.isEmpty())
        m_keychain->remove(key);
    else
        m_keychain->write(key, token);
}

void SyncController::onFinished(bool ok, const QString &message)
{
    m_syncing = false;
    if (!ok && m_client->failure() != SyncClient::Failure::Certificate)
        m_pendingPassword.clear();
    if (ok) {
        m_pendingPassword.clear();
        m_lastSync = QDateTime::currentDateTime();
        m_lastError.clear();
        m_online = true;
        m_backoffMs = m_intervalMs;
    } else {
        m_lastError = message;
        const SyncClient::Failure failure = m_client->failure(); // set before finished() was emitted
        if (failure == SyncClient::Failure::Network) {
            m_online = false;
            m_backoffMs = qMin(kMaxBackoffMs, m_backoffMs * 2);
        } else if (failure == SyncClient::Failure::Auth) {
            Q_EMIT passwordNeeded(message);
        } else if (failure == SyncClient::Failure::Certificate) {
            const QSslCertificate presented = m_client->untrustedCertificate(); // set before finished()
            Q_EMIT certificateNotTrusted(presented, !m_pinned.isNull() && m_pinned != presented);
        }
    }
    Q_EMIT stateChanged();
    Q_EMIT syncFinished(ok, message);
    schedule(m_backoffMs);
}

void SyncController::onReachability(bool online)
{
    const bool cameBack = online && !m_online;
    m_online = online;
    Q_EMIT stateChanged();
    if (cameBack) {
        m_backoffMs = m_intervalMs;
        schedule(1000);
    } else if (!online) {
        m_timer.stop();
    }
}

} // namespace gamix
