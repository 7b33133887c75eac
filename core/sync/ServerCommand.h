#pragma once
// The command line of gamix-server (DESIGN.md §5), everything except the HTTP listener:
//   gamix-server [--data FILE | --database URL] --listen HOST:PORT [--tls-cert F --tls-key F]
//                [--upstream URL --upstream-login LOGIN] [--token-ttl SECONDS]
//   gamix-server [--data FILE | --database URL] user add LOGIN --role admin|manager|sales|relay [--office NAME]
//   gamix-server ... user disable|enable LOGIN | token revoke LOGIN | reassign FROM TO
//   gamix-server ... user set LOGIN [--role admin|manager|sales] [--office NAME]
//   gamix-server ... form-token add NAME [--office NAME]
//   gamix-server ... erase-person --email E | --phone P | --id ID
//       152-FZ: erases the person's contacts and leads everywhere (ServerErasure); prints
//       `ENTITY ID` per erased record on stdout. Whoever can run it has the storage, hence admin-only.
//       On an office server the erasure also goes upstream (ServerErasure, UpstreamRelay).
//   gamix-server ... prune-log [--inactive-days N]
//       prunes removal logs every replica active in the last N days (default 30) has pulled
//       past (ServerPurgeHorizon); prints `MOVED UNSEEN DROPPED HORIZON`. A running server
//       does this by itself every hour.
//   gamix-server ... replicas
//       lists the replicas (client databases, office servers) that pulled from this server, one
//       per line on stdout: `LOGIN<TAB>SITE<TAB>LAST_SEEN (UTC, ISO 8601)<TAB>CURSOR`, the longest
//       unseen first. The one with the lowest cursor among those seen in the retention holds
//       prune-log back.
//   gamix-server ... forget-replica SITE
//       forgets a replica that will never sync again (a dead laptop), so it no longer holds
//       back the pruning of removal logs; should it sync again after all, its removals are
//       rebuilt as for a replica behind the pruned horizon (ServerPurgeHorizon::forget).
//   gamix-server --help: the usage text (ServerCommand::usage()).
//   --upstream URL --upstream-login LOGIN [--upstream-interval SECONDS] [--upstream-ca-cert FILE]:
//       an office server (UpstreamRelay); the service account (role relay, created on the
//       upstream) gives its password in $GAMIX_UPSTREAM_PASSWORD (removed from the
//       environment once read) or, when that is unset, on the first line of stdin.
// app/server/main.cpp parses with it, runs the admin commands here, and starts the listener.

#include "ServerDirectory.h"
#include "ServerStorage.h"
#include "SyncService.h"

#include <QStringList>
#include <QTextStream>

#include <memory>

namespace gamix {

struct ServerOptions
{
    QString storage; // file path or postgresql:// URL
    QString listenHost = QStringLiteral("127.0.0.1");
    int listenPort = -1;
    QString tlsCert, tlsKey;
    QString upstream, upstreamLogin;
    int upstreamIntervalSec = 30;
    QString upstreamCaCert; // PEM or DER file of a CA (or the upstream's own certificate) to trust
    qint64 tokenTtl = 30 * 24 * 3600;
    QStringList command; // admin command words, empty when serving
    bool help = false; // --help / -h: print usage() and exit
};

class ServerCommand
{
public:
    ServerCommand(QTextStream &out, QTextStream &err);
    ~ServerCommand();

    // The command line's usage text, translated.
    static QString usage();

    // false (with the message on err) when the command line is wrong.
    bool parse(const QStringList &args, ServerOptions *options);
    // Opens the storage; false (message on err) when it cannot.
    bool open(const ServerOptions &options);
    // Runs an admin command (user add, form-token add, ...); returns the exit code.
    int runAdmin(const ServerOptions &options, QTextStream &in);

    SyncService &service() { return *m_service; }
    ServerStorage &storage() { return *m_storage; }

    ServerDirectory &directory() { return *m_directory; }
    ServerDb &db() { return *m_db; }

private:
    int erasePerson(const QString &option, const QString &value);
    int replicas();
    int forgetReplica(const QString &site);

    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<ServerDb> m_db;
    std::unique_ptr<ServerStorage> m_storage;
    std::unique_ptr<ServerDirectory> m_directory;
    std::unique_ptr<SyncService> m_service;
};

} // namespace gamix
