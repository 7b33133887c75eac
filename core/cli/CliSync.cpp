#include "CliSync.h"

#include "sync/SyncClient.h"
#include "sync/TokenStore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QTimer>

#include <cstdio>

namespace gamix {

namespace {

constexpr int kKeychainTimeoutMs = 8000;

// Starts a keychain job and runs a local event loop until `signal` fires or the timeout
// passes (a keychain that never answers counts as none).
template<typename Signal, typename Start> bool runAndWait(TokenStore *keychain, Signal signal, Start start)
{
    QEventLoop loop;
    bool fired = false;
    QObject::connect(keychain, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    start();
    if (!fired) {
        QTimer::singleShot(kKeychainTimeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return fired;
}

QString readPasswordLine()
{
    // The password is one line on stdin; read raw bytes so nothing is echoed or cached.
    QByteArray line;
    int c;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        line.append(char(c));
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace

int runCliSync(const QStringList &args, const QString &dbPath, bool json, QTextStream &out, QTextStream &err)
{
    auto fail = [&](const QString &message, int code = 1) {
        err << QStringLiteral("gamix-cli: ") << message << Qt::endl;
        return code;
    };
    QString server, login, caFile;
    bool passwordStdin = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto value = [&](QString *target) {
            if (i + 1 >= args.size())
                return false;
            *target = args.at(++i);
            return true;
        };
        if (a == u"--server") {
            if (!value(&server))
                return fail(QCoreApplication::translate("Cli", "--server needs a URL"), 2);
        } else if (a == u"--login") {
            if (!value(&login))
                return fail(QCoreApplication::translate("Cli", "--login needs a login"), 2);
        } else if (a == u"--ca-cert") {
            if (!value(&caFile))
                return fail(QCoreApplication::translate("Cli", "--ca-cert needs a file"), 2);
        } else if (a == u"--password-stdin") {
            passwordStdin = true;
        } else {
            return fail(QCoreApplication::translate(
                            "Cli",
                            "unknown sync option “%1”; use: sync --server URL --login LOGIN [--password-stdin] "
                            "[--ca-cert FILE]")
                            .arg(a),
                        2);
        }
    }
    const QUrl url(server, QUrl::StrictMode);
    if (server.isEmpty() || login.isEmpty())
        return fail(QCoreApplication::translate("Cli", "sync needs --server URL and --login LOGIN"), 2);
    if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
        return fail(QCoreApplication::translate("Cli", "“%1” is not a server address (https://HOST:PORT)").arg(server),
                    2);
    if (!QFileInfo::exists(dbPath))
        return fail(
            QCoreApplication::translate("Cli", "there is no database at %1 (create one with: gamix-cli --db %1 init)")
                .arg(dbPath));
    QList<QSslCertificate> ca;
    if (!caFile.isEmpty()) {
        ca = QSslCertificate::fromPath(caFile, QSsl::Pem);
        if (ca.isEmpty())
            ca = QSslCertificate::fromPath(caFile, QSsl::Der);
        if (ca.isEmpty())
            return fail(QCoreApplication::translate("Cli", "cannot read a certificate from %1").arg(caFile));
    }
    QString password;
    if (passwordStdin) {
        password = readPasswordLine();
        if (password.isEmpty())
            return fail(QCoreApplication::translate("Cli", "no password on standard input"));
    }

    // The token from the keychain, if one answers.
    TokenStore keychain;
    const QString key = TokenStore::keyFor(url, login);
    bool keychainOk = false;
    QString token, keychainError;
    QObject::connect(&keychain, &TokenStore::readFinished, [&](bool ok, const QString &t, const QString &e) {
        keychainOk = ok;
        token = t;
        keychainError = e;
    });
    if (!runAndWait(&keychain, &TokenStore::readFinished, [&] { keychain.read(key); }))
        keychainError = QCoreApplication::translate("Cli", "the keychain did not answer");
    if (!keychainOk && password.isEmpty())
        return fail(
            QCoreApplication::translate("Cli", "no keychain is available (%1): give the password with --password-stdin")
                .arg(keychainError));
    if (keychainOk && token.isEmpty() && password.isEmpty())
        return fail(
            QCoreApplication::translate("Cli", "no saved login for %1 at %2: give the password with --password-stdin")
                .arg(login, server));

    SyncClient client;
    client.setDatabasePath(dbPath);
    client.setAccount(url, login);
    client.setCaCertificates(ca);
    client.setToken(token);
    client.setPassword(password);
    bool tokenChanged = false;
    QString newToken;
    QObject::connect(&client, &SyncClient::tokenChanged, [&](const QString &t) {
        tokenChanged = true;
        newToken = t;
    });
    bool ok = false;
    QString message;
    QEventLoop loop;
    QObject::connect(&client, &SyncClient::finished, &loop, [&](bool success, const QString &text) {
        ok = success;
        message = text;
        loop.quit();
    });
    QTimer::singleShot(0, &client, &SyncClient::sync);
    loop.exec();

    if (tokenChanged && keychainOk) {
        if (newToken.isEmpty()) {
            runAndWait(&keychain, &TokenStore::removeFinished, [&] { keychain.remove(key); });
        } else {
            bool written = false;
            QObject::connect(&keychain, &TokenStore::writeFinished, [&](bool w, const QString &e) {
                written = w;
                keychainError = e;
            });
            runAndWait(&keychain, &TokenStore::writeFinished, [&] { keychain.write(key, newToken); });
            if (!written)
                keychainOk = false;
        }
    }
    if (tokenChanged && !newToken.isEmpty() && !keychainOk)
        err << QStringLiteral("gamix-cli: ")
            << QCoreApplication::translate(
                   "Cli", "no keychain is available (%1): the login token was kept in memory for this run only")
                   .arg(keychainError)
            << Qt::endl;

    for (const QString &line : client.rejected())
        err << QStringLiteral("gamix-cli: ") << line << Qt::endl;
    if (!ok)
        return fail(message);
    if (json) {
        QJsonArray rejected;
        for (const QString &line : client.rejected())
            rejected.append(line);
        const QJsonObject o {{QStringLiteral("sent"), client.pushedRecords()},
                             {QStringLiteral("received"), client.pulledRecords()},
                             {QStringLiteral("rejected"), rejected},
                             {QStringLiteral("conflicts"), client.conflicts()},
                             {QStringLiteral("requests"), client.requests()},
                             {QStringLiteral("bytes_received"), double(client.bytesReceived())}};
        out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else {
        err << message << Qt::endl;
    }
    return 0;
}

} // namespace gamix
