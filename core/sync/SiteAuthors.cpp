#include "SiteAuthors.h"

#include "ServerDb.h"
#include "schema/Schema.h"
#include "store/Store.h"

#include <QCoreApplication>
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

QJsonArray SiteAuthors::serverList(ServerDb &db)
{
    QJsonArray out;
    QSqlDatabase c = db.connection();
    QSqlQuery q(c);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT b.site, b.user_id, l.login FROM (SELECT DISTINCT site, user_id FROM gx_batch) b "
                               "LEFT JOIN gx_login l ON l.user_id = b.user_id")))
        return out;
    while (q.next())
        out.append(QJsonObject {{kSite, q.value(0).toString().toLower()},
                                {kUserId, q.value(1).toString()},
                                {kLogin, q.value(2).toString()}});
    return out;
}

SiteAuthors::SiteAuthors(Store &store)
    : m_store(store)
{
    const QJsonObject o = QJsonDocument::fromJson(store.meta(QLatin1String(kMetaKey)).toUtf8()).object();
    m_serverSite = o.value(kServer).toString();
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
            if (!site.isEmpty() && site != m_serverSite && !m_authors.contains(site))
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
        if (!site.isEmpty())
            m_authors.insert(site, Author {a.value(kUserId).toString(), a.value(kLogin).toString()});
    }
    if (!m_store.ownerId().isEmpty() && !ownLogin.isEmpty())
        m_authors.insert(Clock {0, m_store.siteId()}.siteHex(), Author {m_store.ownerId(), ownLogin});
    if (!serverSite.isEmpty())
        m_serverSite = serverSite.toLower();
    QJsonObject all;
    for (auto it = m_authors.begin(); it != m_authors.end(); ++it)
        all.insert(it.key(), QJsonObject {{kUserId, it.value().userId}, {kLogin, it.value().login}});
    const QJsonObject o {{QStringLiteral("sites"), all}, {kServer, m_serverSite}};
    m_store.setMeta(QLatin1String(kMetaKey), QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
}

QString SiteAuthors::nameFor(const QString &siteHex)
{
    const QString site = siteHex.toLower();
    if (!m_serverSite.isEmpty() && site == m_serverSite)
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
