#pragma once
// The login token in the OS keychain through QtKeychain (service "Gamix", key = server
// URL + login). Never a plaintext file: when no keychain answers, the caller keeps the
// token in memory for the process and tells the user. Asynchronous (QtKeychain jobs);
// the CLI waits with a local event loop.

#include <QObject>
#include <QString>
#include <QUrl>

namespace gamix {

class TokenStore : public QObject
{
    Q_OBJECT
public:
    explicit TokenStore(QObject *parent = nullptr);

    static QString service() { return QStringLiteral("Gamix"); }
    static QString keyFor(const QUrl &server, const QString &login);

    void read(const QString &key);
    void write(const QString &key, const QString &token);
    void remove(const QString &key);

Q_SIGNALS:
    // ok: the keychain answered (token empty when nothing is stored); !ok: no usable
    // keychain (error says why).
    void readFinished(bool ok, const QString &token, const QString &error);
    void writeFinished(bool ok, const QString &error);
    void removeFinished(bool ok, const QString &error);
};

} // namespace gamix
