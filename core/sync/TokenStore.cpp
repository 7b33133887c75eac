#include "TokenStore.h"

#include <qt6keychain/keychain.h>

namespace gamix {

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{ }

QString TokenStore::keyFor(const QUrl &server, const QString &login)
{
    // One key per server whatever the spelling of its root ("https://h/" == "https://h").
    QString url = server.adjusted(QUrl::NormalizePathSegments | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
    while (url.endsWith(u'/'))
        url.chop(1);
    return url + u' ' + login;
}

void TokenStore::read(const QString &key)
{
    // Jobs have no parent: libsecret answers asynchronously, and a job deleted with its
    // owner while a D-Bus call is pending is called back after it is gone (a crash seen
    // when a window closed during a keychain read). autoDelete frees it once finished;
    // the connection's context object drops the result if this store is gone by then.
    auto *job = new QKeychain::ReadPasswordJob(service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext file
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() == QKeychain::NoError)
            Q_EMIT readFinished(true, job->textData(), QString());
        else if (job->error() == QKeychain::EntryNotFound)
            Q_EMIT readFinished(true, QString(), QString());
        else
            Q_EMIT readFinished(false, QString(), job->errorString());
    });
    job->start();
}

void TokenStore::write(const QString &key, const QString &token)
{
    auto *job = new QKeychain::WritePasswordJob(service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this,
            [this, job] { Q_EMIT writeFinished(job->error() == QKeychain::NoError, job->errorString()); });
    job->start();
}

void TokenStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        const bool ok = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        Q_EMIT removeFinished(ok, ok ? QString() : job->errorString());
    });
    job->start();
}

} // namespace gamix
