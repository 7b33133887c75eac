#include "ServerPurgeHorizon.h"

#include "ServerDb.h"

#include <QDateTime>
#include <QSqlQuery>

namespace gamix {

namespace {

const QString kHorizonKey = QStringLiteral("purge_horizon");
const QString kForgotPrefix = QStringLiteral("forgot.");
constexpr qint64 kNoteEveryMs = 5 * 1000;
constexpr qint64 kPruneEveryMs = 3600 * 1000;

qint64 scalar(QSqlDatabase &db, const QString &sql, const QVariantList &binds, qint64 fallback)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (ServerDb::exec(q) && q.next() && !q.value(0).isNull())
        return q.value(0).toLongLong();
    return fallback;
}

int run(QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    return ServerDb::exec(q) ? std::max(0, q.numRowsAffected()) : 0;
}

} // namespace

ServerPurgeHorizon::ServerPurgeHorizon(ServerDb &db)
    : m_db(db)
{
    ensureTable(); // pushes and pulls read it: a missing table would fail (on PostgreSQL, abort) them
}

void ServerPurgeHorizon::ensureTable()
{
    if (m_tableReady)
        return;
    ServerDb::Write w(m_db);
    QSqlQuery q(w.db());
    if (q.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS gx_cursor (user_id VARCHAR(64) NOT NULL, site VARCHAR(32) "
            "NOT NULL, since_seq BIGINT NOT NULL, seen_at BIGINT NOT NULL, PRIMARY KEY (user_id, site))"))
        && w.commit())
        m_tableReady = true;
}

qint64 ServerPurgeHorizon::horizon(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT v FROM gx_meta WHERE k = ?"));
    q.addBindValue(kHorizonKey);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

qint64 ServerPurgeHorizon::noted(QSqlDatabase &db, const QString &userId, const QString &site)
{
    QSqlQuery q(db); // no table before the first pull: -1, quietly
    q.prepare(QStringLiteral("SELECT since_seq FROM gx_cursor WHERE user_id = ? AND site = ?"));
    q.addBindValue(userId);
    q.addBindValue(site);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

bool ServerPurgeHorizon::behind(QSqlDatabase &db, const QString &userId, const QString &site, qint64 since)
{
    const qint64 h = horizon(db);
    if (h <= 0 || since >= h)
        return false;
    if (since > 0)
        return true;
    if (site.isEmpty())
        return false;
    const qint64 last = noted(db, userId, site);
    if (last > 0)
        return last < h;
    // Not noted (or noted anew as holding nothing) but forgotten by an administrator: it may
    // hold anything from before, and the removals it missed may be pruned.
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM gx_meta WHERE k = ?"));
    q.addBindValue(QString(kForgotPrefix + site));
    return q.exec() && q.next();
}

QList<ServerPurgeHorizon::Replica> ServerPurgeHorizon::replicas()
{
    ensureTable();
    QList<Replica> out;
    QSqlDatabase c = m_db.connection();
    QSqlQuery q(c);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT l.login, c.user_id, c.site, c.seen_at, c.since_seq FROM gx_cursor c "
                             "LEFT JOIN gx_login l ON l.user_id = c.user_id ORDER BY c.seen_at, c.user_id, c.site"));
    if (ServerDb::exec(q)) {
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
                        q.value(4).toLongLong()});
    }
    return out;
}

int ServerPurgeHorizon::forget(const QString &site)
{
    ensureTable();
    ServerDb::Write w(m_db);
    const int n = run(w.db(), QStringLiteral("DELETE FROM gx_cursor WHERE site = ?"), {site});
    if (n > 0)
        m_db.setMeta(w.db(), kForgotPrefix + site, QStringLiteral("1"));
    // (A running server that remembers the replica writes its cursor back only if it pulls
    // again: then it is back, and its cursor holds pruning back again, rightly.)
    return w.commit() ? n : 0;
}

void ServerPurgeHorizon::notePull(const QString &userId, const QString &site, qint64 since)
{
    if (userId.isEmpty() || site.isEmpty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString key = userId + u'|' + site;
    // A client asks for the next page before applying the current one (SyncClient), so the
    // cursor it holds for sure is the one of its previous request, not this one.
    qint64 held = -1;
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_noted.find(key);
        if (it == m_noted.end()) {
            m_noted.insert(key, Noted {since, -1, now});
        } else {
            held = it->lastSince;
            it->lastSince = since;
            if (held == it->written || now - it->writtenAt < kNoteEveryMs)
                return;
            it->written = held;
            it->writtenAt = now;
        }
    }
    ServerDb::Write w(m_db);
    if (held < 0) // seen the first time (here, since this start): known, holding nothing yet
        run(w.db(),
            QStringLiteral("INSERT INTO gx_cursor (user_id, site, since_seq, seen_at) VALUES (?, ?, 0, ?) ON CONFLICT "
                           "(user_id, site) DO NOTHING"),
            {userId, site, now});
    else
        run(w.db(),
            QStringLiteral("INSERT INTO gx_cursor (user_id, site, since_seq, seen_at) VALUES (?, ?, ?, ?) ON CONFLICT "
                           "(user_id, site) DO UPDATE SET since_seq = excluded.since_seq, seen_at = excluded.seen_at"),
            {userId, site, held, now});
    w.commit();
}

void ServerPurgeHorizon::notePush(QSqlDatabase &db, const QString &userId, const QString &site)
{
    if (userId.isEmpty() || site.isEmpty())
        return;
    run(db,
        QStringLiteral("INSERT INTO gx_cursor (user_id, site, since_seq, seen_at) VALUES (?, ?, 0, ?) ON CONFLICT "
                       "(user_id, site) DO NOTHING"),
        {userId, site, QDateTime::currentMSecsSinceEpoch()});
}

void ServerPurgeHorizon::maybePrune()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        QMutexLocker lock(&m_mutex);
        if (now - m_lastPruneMs < kPruneEveryMs)
            return;
        m_lastPruneMs = now;
    }
    prune(kRetentionDays);
}

ServerPurgeHorizon::Report ServerPurgeHorizon::prune(int inactiveDays)
{
    ensureTable();
    Report r;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 cutoff = inactiveDays > 0 ? now - qint64(inactiveDays) * 24 * 3600 * 1000 : now + 1;
    ServerDb::Write w(m_db);
    QSqlDatabase &db = w.db();
    const qint64 current = m_db.meta(db, QStringLiteral("seq")).toLongLong();
    // What every active replica has pulled past; and every replica ever seen.
    const qint64 activeMin
        = scalar(db, QStringLiteral("SELECT MIN(since_seq) FROM gx_cursor WHERE seen_at >= ?"), {cutoff}, current);
    const qint64 allMin = scalar(db, QStringLiteral("SELECT MIN(since_seq) FROM gx_cursor"), {}, current);
    const QString dropped
        = QStringLiteral("EXISTS (SELECT 1 FROM gx_dropped d WHERE d.entity = gx_moved.entity AND d.id = gx_moved.id)");
    // Records still stored: a replica behind the horizon gets their removal rebuilt.
    const qint64 highest
        = scalar(db, QStringLiteral("SELECT MAX(seq) FROM gx_moved WHERE seq <= ? AND NOT ") + dropped, {activeMin}, 0);
    r.moved = run(db, QStringLiteral("DELETE FROM gx_moved WHERE seq <= ? AND NOT ") + dropped, {activeMin});
    // Records an office server no longer stores: only when every replica has purged them
    // (until then its clients' late pushes must not bring them back either). Their ids stay
    // in gx_gone and the horizon covers them: a replica forgotten meanwhile that comes back
    // gets their removal rebuilt, as it does for records still stored.
    const qint64 highestGone
        = scalar(db, QStringLiteral("SELECT MAX(seq) FROM gx_moved WHERE seq <= ? AND ") + dropped, {allMin}, 0);
    run(db,
        QStringLiteral("INSERT INTO gx_gone (entity, id, seq) SELECT entity, id, MAX(seq) FROM gx_moved WHERE seq <= ? "
                       "AND ")
            + dropped
            + QStringLiteral(" GROUP BY entity, id ON CONFLICT (entity, id) DO UPDATE SET seq = excluded.seq"),
        {allMin});
    r.moved += run(db, QStringLiteral("DELETE FROM gx_moved WHERE seq <= ? AND ") + dropped, {allMin});
    r.dropped = run(db,
                    QStringLiteral("DELETE FROM gx_dropped WHERE NOT EXISTS (SELECT 1 FROM gx_moved m WHERE m.entity = "
                                   "gx_dropped.entity AND m.id = gx_dropped.id)"),
                    {});
    // A user's own view change: per user, once all of their replicas have passed it.
    r.unseen
        = run(db,
              QStringLiteral("DELETE FROM gx_unseen WHERE seq <= COALESCE((SELECT MIN(c.since_seq) FROM gx_cursor c "
                             "WHERE c.user_id = gx_unseen.user_id), ?)"),
              {current});
    r.horizon = horizon(db);
    if (std::max(highest, highestGone) > r.horizon) {
        r.horizon = std::max(highest, highestGone);
        m_db.setMeta(db, kHorizonKey, QString::number(r.horizon));
    }
    // A forgotten replica that came back and has pulled past the horizon is like any other.
    run(db,
        QStringLiteral("DELETE FROM gx_meta WHERE k LIKE 'forgot.%' AND EXISTS (SELECT 1 FROM gx_cursor c WHERE "
                       "'forgot.' || c.site = gx_meta.k AND c.since_seq >= ?)"),
        {r.horizon});
    w.commit();
    return r;
}

} // namespace gamix
