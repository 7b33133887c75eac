#include "ServerCommand.h"

#include "ServerErasure.h"
#include "ServerPurgeHorizon.h"

#include "store/Clock.h"

#include <QCoreApplication>
#include <QDateTime>

namespace gamix {

ServerCommand::ServerCommand(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{ }

ServerCommand::~ServerCommand() = default;

QString ServerCommand::usage()
{
    return QCoreApplication::translate(
        "Server",
        "Usage:\n"
        "  gamix-server [--data FILE | --database postgresql://USER@HOST:PORT/DB] --listen HOST:PORT\n"
        "               [--tls-cert FILE --tls-key FILE] [--token-ttl SECONDS]\n"
        "               [--upstream URL --upstream-login LOGIN [--upstream-interval SECONDS]\n"
        "                [--upstream-ca-cert FILE]]\n"
        "  gamix-server [--data FILE | --database URL] COMMAND\n"
        "\n"
        "Commands:\n"
        "  user add LOGIN --role admin|manager|sales|relay [--office NAME]   password on stdin\n"
        "  user set LOGIN [--role ROLE] [--office NAME]\n"
        "  user disable LOGIN | user enable LOGIN | token revoke LOGIN\n"
        "  reassign FROM_LOGIN TO_LOGIN\n"
        "  form-token add NAME [--office NAME]\n"
        "  erase-person --email E | --phone P | --id ID\n"
        "  prune-log [--inactive-days N]      prune removal logs every replica active in N days\n"
        "                                     (default 30) has pulled past\n"
        "  replicas                           list replicas: login, site, last seen (UTC), cursor\n"
        "  forget-replica SITE                a replica that will never sync again stops holding\n"
        "                                     back prune-log; if it syncs after all, what left its\n"
        "                                     view meanwhile is removed from it\n"
        "\n"
        "Without --data or --database the storage is gamix-server.sqlite in the current folder.");
}

bool ServerCommand::parse(const QStringList &args, ServerOptions *o)
{
    auto value = [&](int &i, QString *target) {
        if (i + 1 >= args.size()) {
            m_err << "gamix-server: " << QCoreApplication::translate("Server", "%1 needs a value").arg(args.at(i))
                  << Qt::endl;
            return false;
        }
        *target = args.at(++i);
        return true;
    };
    QString listen, ttl, interval;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        bool ok = true;
        if (a == u"--data" || a == u"--database")
            ok = value(i, &o->storage);
        else if (a == u"--listen")
            ok = value(i, &listen);
        else if (a == u"--tls-cert")
            ok = value(i, &o->tlsCert);
        else if (a == u"--tls-key")
            ok = value(i, &o->tlsKey);
        else if (a == u"--upstream")
            ok = value(i, &o->upstream);
        else if (a == u"--upstream-login")
            ok = value(i, &o->upstreamLogin);
        else if (a == u"--upstream-ca-cert")
            ok = value(i, &o->upstreamCaCert);
        else if (a == u"--upstream-interval")
            ok = value(i, &interval);
        else if (a == u"--token-ttl")
            ok = value(i, &ttl);
        else if (a == u"--help" || a == u"-h")
            o->help = true;
        else
            o->command << a;
        if (!ok)
            return false;
    }
    if (o->help)
        return true;
    if (o->storage.isEmpty())
        o->storage = QStringLiteral("gamix-server.sqlite");
    if (!ttl.isEmpty()) {
        o->tokenTtl = ttl.toLongLong();
        if (o->tokenTtl <= 0) {
            m_err << "gamix-server: "
                  << QCoreApplication::translate("Server", "--token-ttl must be a positive number of seconds")
                  << Qt::endl;
            return false;
        }
    }
    if (!interval.isEmpty()) {
        o->upstreamIntervalSec = interval.toInt();
        if (o->upstreamIntervalSec <= 0) {
            m_err << "gamix-server: "
                  << QCoreApplication::translate("Server", "--upstream-interval must be a positive number of seconds")
                  << Qt::endl;
            return false;
        }
    }
    if (o->upstream.isEmpty() != o->upstreamLogin.isEmpty()) {
        m_err << "gamix-server: "
              << QCoreApplication::translate("Server", "--upstream and --upstream-login go together") << Qt::endl;
        return false;
    }
    if ((o->tlsCert.isEmpty()) != (o->tlsKey.isEmpty())) {
        m_err << "gamix-server: " << QCoreApplication::translate("Server", "--tls-cert and --tls-key go together")
              << Qt::endl;
        return false;
    }
    if (o->command.isEmpty()) {
        const int colon = int(listen.lastIndexOf(u':'));
        bool ok = false;
        const int port = colon > 0 ? listen.mid(colon + 1).toInt(&ok) : 0;
        if (listen.isEmpty() || !ok || port < 0 || port > 65535) {
            m_err << "gamix-server: "
                  << QCoreApplication::translate("Server", "--listen HOST:PORT is required (port 0 picks a free one)")
                  << Qt::endl;
            return false;
        }
        o->listenHost = listen.left(colon);
        o->listenPort = port;
    }
    return true;
}

bool ServerCommand::open(const ServerOptions &options)
{
    m_db = std::make_unique<ServerDb>();
    QString error;
    if (!m_db->open(options.storage, &error)) {
        m_err << "gamix-server: " << error << Qt::endl;
        return false;
    }
    m_storage = std::make_unique<ServerStorage>(*m_db);
    m_directory = std::make_unique<ServerDirectory>(*m_db, *m_storage);
    m_service = std::make_unique<SyncService>(*m_db, *m_storage, *m_directory);
    m_service->setTokenTtlSeconds(options.tokenTtl);
    return true;
}

int ServerCommand::runAdmin(const ServerOptions &options, QTextStream &in)
{
    const QStringList &c = options.command;
    QString error;
    auto fail = [&](const QString &message) {
        m_err << "gamix-server: " << message << Qt::endl;
        return 1;
    };
    auto optionValue = [&](const QString &name) {
        const int i = int(c.indexOf(name));
        return i >= 0 && i + 1 < c.size() ? c.at(i + 1) : QString();
    };
    if (c.size() >= 3 && c.at(0) == u"user" && c.at(1) == u"add") {
        const QString role = optionValue(QStringLiteral("--role"));
        const QString password = in.readLine();
        if (password.isEmpty())
            return fail(QCoreApplication::translate("Server", "give the password on standard input"));
        QString id;
        if (!m_directory->addUser(c.at(2), password, role, optionValue(QStringLiteral("--office")), &error, &id))
            return fail(error);
        m_out << id << Qt::endl;
        return 0;
    }
    if (c.size() == 3 && c.at(0) == u"user" && (c.at(1) == u"disable" || c.at(1) == u"enable")) {
        if (!m_directory->setDisabled(c.at(2), c.at(1) == u"disable", &error))
            return fail(error);
        return 0;
    }
    if (c.size() >= 3 && c.at(0) == u"user" && c.at(1) == u"set") {
        const QString role = optionValue(QStringLiteral("--role"));
        const QString office = optionValue(QStringLiteral("--office"));
        if (role.isEmpty() && office.isEmpty())
            return fail(QCoreApplication::translate("Server", "user set needs --role or --office"));
        const int left = m_directory->changeUser(c.at(2), role, office, &error);
        if (left < 0)
            return fail(error);
        m_err << QCoreApplication::translate("Server", "%n record(s) left the user's view", nullptr, left) << Qt::endl;
        return 0;
    }
    if (c.size() == 3 && c.at(0) == u"token" && c.at(1) == u"revoke") {
        const int n = m_directory->revokeTokens(c.at(2));
        if (n < 0)
            return fail(QCoreApplication::translate("Server", "there is no user %1").arg(c.at(2)));
        m_err << QCoreApplication::translate("Server", "%n token(s) revoked", nullptr, n) << Qt::endl;
        return 0;
    }
    if (c.size() == 3 && c.at(0) == u"reassign") {
        const int n = m_directory->reassignAll(c.at(1), c.at(2), &error);
        if (n < 0)
            return fail(error);
        m_err << QCoreApplication::translate("Server", "%n record(s) reassigned", nullptr, n) << Qt::endl;
        return 0;
    }
    if (c.size() >= 3 && c.at(0) == u"form-token" && c.at(1) == u"add") {
        const QString token = m_directory->addFormToken(c.at(2), optionValue(QStringLiteral("--office")), &error);
        if (token.isEmpty())
            return fail(error);
        m_out << token << Qt::endl;
        return 0;
    }
    if (c.size() == 3 && c.at(0) == u"erase-person")
        return erasePerson(c.at(1), c.at(2));
    if (!c.isEmpty() && c.at(0) == u"prune-log") {
        int days = ServerPurgeHorizon::kRetentionDays;
        if (c.size() == 3 && c.at(1) == u"--inactive-days") {
            bool ok = false;
            days = c.at(2).toInt(&ok);
            if (!ok || days < 0)
                return fail(
                    QCoreApplication::translate("Server", "--inactive-days needs a number of days (0 or more)"));
        } else if (c.size() != 1) {
            return fail(QCoreApplication::translate("Server", "usage: prune-log [--inactive-days N]"));
        }
        const ServerPurgeHorizon::Report r = ServerPurgeHorizon(*m_db).prune(days);
        m_out << r.moved << ' ' << r.unseen << ' ' << r.dropped << ' ' << r.horizon << Qt::endl;
        m_err << QCoreApplication::translate("Server", "%n removal(s) pruned", nullptr, r.moved + r.unseen) << "; "
              << QCoreApplication::translate("Server", "%n dropped record(s) forgotten", nullptr, r.dropped)
              << Qt::endl;
        return 0;
    }
    if (c.size() == 1 && c.at(0) == u"replicas")
        return replicas();
    if (!c.isEmpty() && c.at(0) == u"forget-replica") {
        if (c.size() != 2)
            return fail(QCoreApplication::translate("Server", "usage: forget-replica SITE (a site from `replicas`)"));
        return forgetReplica(c.at(1));
    }
    return fail(QCoreApplication::translate("Server", "unknown command: %1 (see --help)").arg(c.join(u' ')));
}

} // namespace gamix

namespace gamix {

int ServerCommand::erasePerson(const QString &option, const QString &value)
{
    auto fail = [&](const QString &message) {
        m_err << "gamix-server: " << message << Qt::endl;
        return 1;
    };
    ServerErasure::Key key;
    if (option == u"--email")
        key = ServerErasure::Key::Email;
    else if (option == u"--phone")
        key = ServerErasure::Key::Phone;
    else if (option == u"--id")
        key = ServerErasure::Key::Id;
    else
        return fail(QCoreApplication::translate("Server", "erase-person needs --email E, --phone P or --id ID"));
    ServerErasure erasure(*m_db, *m_storage);
    const QList<ServerErasure::RecordKey> found = erasure.find(key, value);
    if (found.isEmpty())
        return fail(QCoreApplication::translate("Server", "no contact or lead matches %1").arg(value));
    ServerErasure::Report report;
    if (!erasure.erase(found, QString(), &report, ServerErasure::keyName(key), ServerErasure::digest(key, value)))
        return fail(QCoreApplication::translate("Server", "the erasure could not be stored; nothing was erased"));
    // What was erased, one record per line: the machine-readable answer.
    for (const auto &[entity, id] : report.records)
        m_out << entity << ' ' << id << Qt::endl;
    m_err << QCoreApplication::translate("Server", "%n record(s) erased", nullptr, int(report.records.size())) << "; "
          << QCoreApplication::translate("Server", "%n conflict record(s) erased", nullptr, report.conflicts) << "; "
          << QCoreApplication::translate("Server", "%n audit entry(ies) cleared", nullptr, report.auditEntries) << "; "
          << QCoreApplication::translate("Server", "every replica purges them on its next sync") << Qt::endl;
    if (report.queuedUpstream)
        m_err << QCoreApplication::translate("Server",
                                             "this server relays to an upstream server: the erasure goes there on "
                                             "the relay's next round, and from there to every other office")
              << Qt::endl;
    QString error;
    if (!erasure.compact(&error))
        return fail(QCoreApplication::translate("Server",
                                                "erased, but the storage could not be compacted (%1); run the "
                                                "command again when the server is idle")
                        .arg(error));
    return 0;
}

} // namespace gamix

namespace gamix {

int ServerCommand::replicas()
{
    const QList<ServerPurgeHorizon::Replica> all = ServerPurgeHorizon(*m_db).replicas();
    for (const ServerPurgeHorizon::Replica &r : all)
        m_out << (r.login.isEmpty() ? r.userId : r.login) << '\t' << r.site << '\t'
              << QDateTime::fromMSecsSinceEpoch(r.seenAt, Qt::UTC).toString(Qt::ISODate) << '\t' << r.cursor
              << Qt::endl;
    m_err << QCoreApplication::translate("Server", "%n replica(s)", nullptr, int(all.size())) << "; "
          << QCoreApplication::translate("Server",
                                         "one that will never sync again can be forgotten (forget-replica SITE)")
          << Qt::endl;
    return 0;
}

int ServerCommand::forgetReplica(const QString &site)
{
    auto fail = [&](const QString &message) {
        m_err << "gamix-server: " << message << Qt::endl;
        return 1;
    };
    SiteId id;
    const QString hex = site.toLower();
    if (!Clock::siteFromHex(hex, &id))
        return fail(QCoreApplication::translate("Server", "%1 is not a site id (32 hexadecimal digits, see `replicas`)")
                        .arg(site));
    const int n = ServerPurgeHorizon(*m_db).forget(hex);
    if (n == 0)
        return fail(QCoreApplication::translate("Server", "no replica %1 is known to this server").arg(hex));
    m_err << QCoreApplication::translate("Server",
                                         "replica %1 forgotten: it no longer holds back prune-log; if it syncs "
                                         "again, what left its view meanwhile is removed from it")
                 .arg(hex)
          << Qt::endl;
    return 0;
}

} // namespace gamix
