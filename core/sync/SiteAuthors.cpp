#include "SiteAuthors.h"

#include "ServerDb.h"
#include "schema/Schema.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace gamix {

namespace {

const QString kSite = QStringLiteral("site");
const QString kUserId = QStringLiteral("user_id");
const QString kLogin = QStringLiteral("login");
const QString kServer = QStringLiteral("server_site");

} // namespace

QJsonArray SiteAuthors::localList(ServerDb &db)
{
    QJsonArray out;
    QSet<QString> seen;
    QSqlDatabase c = db.connection();
    QSqlQuery q(c);
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT b.site, b.user_id, l.login FROM (SELECT DISTINCT site, user_id FROM gx_batch) b "
                              "LEFT JOIN gx_login l ON l.user_id = b.user_id"))) {
        while (q.next()) {
            const QString site = q.value(0).toString().toLower();
            seen.insert(site);
            out.append(QJsonObject {{kSite, site}, {kUserId, q.value(1).toString()}, {kLogin, q.value(2).toString()}});
        }
    }
    // Sites of clients behind office servers that relay here.
    if (q.exec(QStringLiteral("SELECT v FROM gx_meta WHERE k LIKE 'sites.%'"))) {
        while (q.next()) {
            const QJsonArray relayed = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).array();
            for (const QJsonValue &v : relayed) {
                const QString site = v.toObject().value(kSite).toString().toLower();
                if (!site.isEmpty() && !seen.contains(site)) {
                    seen.insert(site);
                    out.append(v);
                }
            }
        }
    }
    return out;
}

QJsonArray SiteAuthors::serverList(ServerDb &db)
{
    QJsonArray out = localList(db);
    QSet<QString> seen;
    for (const QJsonValue &v : std::as_const(out))
        seen.insert(v.toObject().value(kSite).toString());
    QSqlDatabase c = db.connection();
    const QJsonObject up = QJsonDocument::fromJson(db.meta(c, QLatin1String(kUpstreamKey)).toUtf8()).object();
    const QString upServer = up.value(kServer).toString().toLower();
    if (!upServer.isEmpty() && !seen.contains(upServer)) {
        seen.insert(upServer);
        out.append(QJsonObject {{kSite, upServer}, {QStringLiteral("server"), true}});
    }
    for (const QJsonValue &v : up.value(QStringLiteral("sites")).toArray()) {
        const QString site = v.toObject().value(kSite).toString().toLower();
        if (!site.isEmpty() && !seen.contains(site)) {
            seen.insert(site);
            out.append(v);
        }
    }
    return out;
}

QJsonObject SiteAuthors::storeRelayed(ServerDb &db, const QString &relayUserId, const QByteArray &body)
{
    QJsonArray kept;
    for (const QJsonValue &v : QJsonDocument::fromJson(body).object().value(QStringLiteral("sites")).toArray()) {
        const QJsonObject a = v.toObject();
        const QString site = a.value(kSite).toString().toLower();
        if (site.size() == 32 && !a.value(QStringLiteral("server")).toBool())
            kept.append(QJsonObject {{kSite, site},
                                     {kUserId, a.value(kUserId).toString().left(64)},
                                     {kLogin, a.value(kLogin).toString().left(128)}});
    }
    ServerDb::Write w(db);
    db.setMeta(w.db(), QStringLiteral("sites.") + relayUserId,
               QString::fromUtf8(QJsonDocument(kept).toJson(QJsonDocument::Compact)));
    w.commit();
    return QJsonObject {{QStringLiteral("stored"), int(kept.size())}};
}

void SiteAuthors::storeUpstream(ServerDb &db, const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QJsonObject kept {{QStringLiteral("sites"), o.value(QStringLiteral("sites")).toArray()},
                            {kServer, o.value(kServer).toString()}};
    ServerDb::Write w(db);
    db.setMeta(w.db(), QLatin1String(kUpstreamKey),
               QString::fromUtf8(QJsonDocument(kept).toJson(QJsonDocument::Compact)));
    w.commit();
}

SiteAuthors::SiteAuthors(Store &store)
    : m_store(store)
{
    const QJsonObject o = QJsonDocument::fromJson(store.meta(QLatin1String(kMetaKey)).toUtf8()).object();
    m_serverSite = o.value(kServer).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("servers")).toArray())
        m_serverSites.insert(v.toString());
    const QJsonObject sites = o.value(QStringLiteral("sites")).toObject();
    for (auto it = sites.begin(); it != sites.end(); ++it) {
        const QJsonObject a = it.value().toObject();
        m_authors.insert(it.key(), Author {a.value(kUserId).toString(), a.value(kLogin).toString()});
    }
}

QSet<QString> SiteAuthors::unknownConflictSites()
{
    QSet<QString> out;
    SqliteStmt st = m_store.db().prepare(QStringLiteral(
        "SELECT kept_site, lost_site FROM \"conflict\" WHERE deleted = 0 AND (resolved IS NULL OR resolved = 0)"));
    while (st.step()) {
        for (int i = 0; i < 2; ++i) {
            const QString site = st.text(i).toLower();
            if (!site.isEmpty() && site != m_serverSite && !m_serverSites.contains(site) && !m_authors.contains(site))
                out.insert(site);
        }
    }
    return out;
}

void SiteAuthors::update(const QJsonArray &sites, const QString &serverSite, const QString &ownLogin)
{
    for (const QJsonValue &v : sites) {
        const QJsonObject a = v.toObject();
        const QString site = a.value(kSite).toString().toLower();
        if (!site.isEmpty() && a.value(QStringLiteral("server")).toBool())
            m_serverSites.insert(site);
        else if (!site.isEmpty())
            m_authors.insert(site, Author {a.value(kUserId).toString(), a.value(kLogin).toString()});
    }
    if (!m_store.ownerId().isEmpty() && !ownLogin.isEmpty())
        m_authors.insert(Clock {0, m_store.siteId()}.siteHex(), Author {m_store.ownerId(), ownLogin});
    if (!serverSite.isEmpty())
        m_serverSite = serverSite.toLower();
    QJsonObject all;
    for (auto it = m_authors.begin(); it != m_authors.end(); ++it)
        all.insert(it.key(), QJsonObject {{kUserId, it.value().userId}, {kLogin, it.value().login}});
    QJsonArray servers;
    for (const QString &site : std::as_const(m_serverSites))
        servers.append(site);
    const QJsonObject o {{QStringLiteral("sites"), all}, {kServer, m_serverSite}, {QStringLiteral("servers"), servers}};
    m_store.setMeta(QLatin1String(kMetaKey), QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
}

QString SiteAuthors::nameFor(const QString &siteHex)
{
    const QString site = siteHex.toLower();
    if ((!m_serverSite.isEmpty() && site == m_serverSite) || m_serverSites.contains(site))
        return QCoreApplication::translate("Sync", "server");
    const auto it = m_authors.constFind(site);
    if (it == m_authors.constEnd())
        return QString();
    if (const EntityDef *user = Schema::instance().entity(u"user"); user && !it->userId.isEmpty()) {
        const Record r = m_store.get(*user, it->userId);
        const QString fullName = r.isValid() ? r.text(u"full_name") : QString();
        if (!fullName.isEmpty())
            return fullName;
    }
    return it->login;
}

} // namespace gamix
