#pragma once
// The HTTP(S) listener of gamix-server on cpp-httplib (DESIGN.md §4 "HTTP server"): body
// limit (413), read/write timeouts, TLS; every request goes to SyncService.

#include "sync/SyncService.h"

#include <QString>

namespace gamix {

// Binds, prints `listening on HOST:PORT` on stdout, then serves until the process ends.
// Returns a process exit code when it cannot bind or the server stops.
int runHttpFrontend(SyncService &service, const QString &host, int port, const QString &tlsCert, const QString &tlsKey);

} // namespace gamix
