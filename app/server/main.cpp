// gamix-server: the sync hub (DESIGN.md §4-5). Parsing, storage and the protocol live in
// core/sync (ServerCommand, SyncService); the HTTP listener is HttpFrontend.
#include "HttpFrontend.h"
#include "sync/ServerCommand.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    gamix::ServerCommand command(out, err);
    gamix::ServerOptions options;
    if (!command.parse(app.arguments().mid(1), &options))
        return 2;
    if (!command.open(options))
        return 1;
    if (!options.command.isEmpty())
        return command.runAdmin(options, in);
    if (!options.upstream.isEmpty())
        err << "gamix-server: "
            << QCoreApplication::translate("Server", "--upstream is not implemented yet; serving without it")
            << Qt::endl;
    return gamix::runHttpFrontend(command.service(), options.listenHost, options.listenPort, options.tlsCert,
                                  options.tlsKey);
}
