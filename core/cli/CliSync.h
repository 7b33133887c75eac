#pragma once
// `gamix-cli sync --server URL --login LOGIN [--password-stdin] [--ca-cert FILE]`
// (DESIGN.md §5): one blocking exchange with a gamix-server through SyncClient (a local
// event loop; the CLI is not a GUI). The token lives in the OS keychain (TokenStore);
// without a keychain it stays in memory for this run and stderr says so.

#include <QStringList>
#include <QTextStream>

namespace gamix {

// Returns the exit code: 0 when the exchange completed (refused changes reported on
// stderr), 1 on network, authentication or database failure, 2 on a wrong command line.
int runCliSync(const QStringList &args, const QString &dbPath, bool json, QTextStream &out, QTextStream &err);

} // namespace gamix
