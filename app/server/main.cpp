// gamix-server: the sync hub (DESIGN.md §4-5). Parsing, storage and the protocol live in
// core/sync (ServerCommand, SyncService, UpstreamRelay); the HTTP listener is HttpFrontend.
#include "HttpFrontend.h"
#include "sync/ServerCommand.h"
#include "sync/UpstreamRelay.h"

#include <QCoreApplication>
#include <QSslCertificate>
#include <QTextStream>

#include <cstdio>
#include <cstdlib>
#include <thread>

namespace {

// The upstream service account's password: from $GAMIX_UPSTREAM_PASSWORD (then removed
// from this process's environment, so children do not inherit it), or else the first line
// of stdin. Never a command-line argument (visible to every local user) nor a file.
QString upstreamPassword(QTextStream &in)
{
    const QByteArray env = qgetenv("GAMIX_UPSTREAM_PASSWORD");
    if (!env.isEmpty()) {
        qunsetenv("GAMIX_UPSTREAM_PASSWORD");
        return QString::fromUtf8(env);
    }
    return in.readLine();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    gamix::ServerCommand command(out, err);
    gamix::ServerOptions options;
    if (!command.parse(app.arguments().mid(1), &options)) {
        err << gamix::ServerCommand::usage() << Qt::endl;
        return 2;
    }
    if (options.help) {
        out << gamix::ServerCommand::usage() << Qt::endl;
        return 0;
    }
    if (!command.open(options))
        return 1;
    if (!options.command.isEmpty())
        return command.runAdmin(options, in);
    if (options.upstream.isEmpty())
        return gamix::runHttpFrontend(command.service(), options.listenHost, options.listenPort, options.tlsCert,
                                      options.tlsKey);

    // An office server: the listener serves from its own threads while the relay runs in
    // this thread's event loop.
    const QString password = upstreamPassword(in);
    if (password.isEmpty()) {
        err << "gamix-server: "
            << QCoreApplication::translate(
                   "Server", "give the upstream account's password in GAMIX_UPSTREAM_PASSWORD or on standard input")
            << Qt::endl;
        return 2;
    }
    const QUrl upstream(options.upstream);
    if (!upstream.isValid() || (upstream.scheme() != u"http" && upstream.scheme() != u"https")) {
        err << "gamix-server: "
            << QCoreApplication::translate("Server", "--upstream must be an http:// or https:// address") << Qt::endl;
        return 2;
    }
    QList<QSslCertificate> ca;
    if (!options.upstreamCaCert.isEmpty()) {
        ca = QSslCertificate::fromPath(options.upstreamCaCert, QSsl::Pem);
        if (ca.isEmpty())
            ca = QSslCertificate::fromPath(options.upstreamCaCert, QSsl::Der);
        if (ca.isEmpty()) {
            err << "gamix-server: "
                << QCoreApplication::translate("Server", "cannot read a certificate from %1")
                       .arg(options.upstreamCaCert)
                << Qt::endl;
            return 2;
        }
    }
    gamix::UpstreamRelay relay(command.storage(), command.directory(), upstream, options.upstreamLogin, password);
    relay.setCaCertificates(ca);
    gamix::UpstreamRelay *relayPtr = &relay; // lives until the process exits
    command.service().setOnLocalChange(
        [relayPtr] { QMetaObject::invokeMethod(relayPtr, &gamix::UpstreamRelay::syncNow, Qt::QueuedConnection); });
    command.service().setUpstreamStatus([relayPtr] { return relayPtr->status(); });
    std::thread listener([&] {
        const int code = gamix::runHttpFrontend(command.service(), options.listenHost, options.listenPort,
                                                options.tlsCert, options.tlsKey);
        QMetaObject::invokeMethod(&app, [code] { QCoreApplication::exit(code == 0 ? 1 : code); });
    });
    listener.detach(); // the process ends with the event loop; the listener has no state to save
    relay.start(options.upstreamIntervalSec * 1000);
    const int code = app.exec();
    std::fflush(stdout);
    std::_Exit(code); // the detached listener still holds the storage: leave without destructors
}
