#pragma once
// Who writes from which replica, so conflicts name people instead of site ids (issue 5:
// "who made each and when"). The server knows it from its push log (gx_batch: user and
// site of every batch) and answers GET /v1/sites with [{site, user_id, login}]; a client
// asks only when an unresolved conflict names a site it does not know (an unchanged pull
// stays one request), keeps the list in its meta table, and resolves a user id to the
// user's full name through the replicated `user` records, falling back to the login.

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QString>

namespace gamix {

class ServerDb;
class Store;

class SiteAuthors
{
public:
    struct Author
    {
        QString userId;
        QString login;
    };

    // Server: every (site, user) that pushed here or behind an office server relaying here
    // (localList), plus, on an office server, its upstream's list (kept by UpstreamRelay),
    // the upstream servers' own sites flagged "server": true. A client behind an office thus
    // names authors from every office and the central server.
    static QJsonArray serverList(ServerDb &db);
    static QJsonArray localList(ServerDb &db);
    // A relay's POST /v1/sites body ({sites: localList of the office}), kept per relay account.
    static QJsonObject storeRelayed(ServerDb &db, const QString &relayUserId, const QByteArray &body);
    // An office server: its upstream's GET /v1/sites answer.
    static void storeUpstream(ServerDb &db, const QByteArray &body);
    static constexpr const char *kUpstreamKey = "upstream.sites";

    // Client: the list this database knows (its own site included once bound to a user).
    explicit SiteAuthors(Store &store);
    // Sites named by unresolved conflicts that the list does not know.
    QSet<QString> unknownConflictSites();
    // Takes a /v1/sites answer (`sites` array); also notes this replica's own site and
    // login, and the server's site (`server_site`).
    void update(const QJsonArray &sites, const QString &serverSite, const QString &ownLogin);
    // "Full Name" or "login"; the server's own writes: "server"; unknown: empty.
    QString nameFor(const QString &siteHex);

    static constexpr const char *kMetaKey = "sync.site_authors";

private:
    Store &m_store;
    QHash<QString, Author> m_authors;
    QString m_serverSite;
    QSet<QString> m_serverSites; // upstream servers of an office server
};

} // namespace gamix
