#pragma once
// Keeps the server's removal logs (ServerPurgeLog: gx_moved, gx_unseen, gx_dropped) from
// growing forever. Every pull notes its (user, site, cursor) in gx_cursor, and a replica's
// first push notes it as holding nothing (notePush); prune() deletes
// log rows that every replica active within the retention has pulled past and raises the
// horizon (gx_meta purge_horizon) to the highest pruned number. A replica that comes back
// with a cursor below the horizon does not miss a removal: its pull then carries a removal
// for every record it may not see now that changed after its cursor (ServerPurgeLog::markers).
// Rows whose removal cannot be rebuilt that way are pruned only when every replica ever seen
// has passed them: gx_unseen (a user's own view changed, the records did not) per user, and
// an office server's gx_dropped with its gx_moved row (the record is no longer stored there).
// An administrator lists the replicas (replicas()) and forgets a dead one (forget()), so it
// stops holding pruning back; should it sync again after all, it is treated as behind the
// horizon, like a replica that was away too long.

#include <QHash>
#include <QMutex>
#include <QPair>
#include <QSqlDatabase>
#include <QString>

#include <atomic>

namespace gamix {

class ServerDb;

class ServerPurgeHorizon
{
public:
    explicit ServerPurgeHorizon(ServerDb &db);

    // A pull by this user's replica `site` asked for changes after `since`. What it surely
    // holds is the cursor of its previous request (a client may ask for the next page before
    // applying this one): that is stored, at most every 5 s (lagging only prunes less); a
    // replica seen the first time is stored at once as holding nothing.
    void notePull(const QString &userId, const QString &site, qint64 since);
    // A push by a replica with no cursor yet (ServerPurgeHorizon::noted() < 0), in the push's
    // transaction: noted as holding nothing, as a first pull would note it. A new replica
    // pushes before its first pull; were it unknown, prune() could drop the removal of a
    // record it pushed and that left its user's view before that pull, and the pull (from
    // zero, not behind()) would never carry it. A no-op when the row exists.
    static void notePush(QSqlDatabase &db, const QString &userId, const QString &site);

    struct Report
    {
        int moved = 0, unseen = 0, dropped = 0;
        qint64 horizon = 0;
    };
    // Replicas not seen for `inactiveDays` (0: all) no longer hold pruning back.
    Report prune(int inactiveDays);
    // Runs prune(kRetentionDays) when the last run is older than an hour (called by pulls).
    void maybePrune();

    static qint64 horizon(QSqlDatabase &db);
    // The last noted cursor of this replica, -1 when none.
    static qint64 noted(QSqlDatabase &db, const QString &userId, const QString &site);
    // Whether a pull from `since` must have its removals rebuilt: behind the horizon, or
    // from zero by a replica last noted (before this pull) behind it.
    static bool behind(QSqlDatabase &db, const QString &userId, const QString &site, qint64 since);
    static constexpr int kRetentionDays = 30;

    struct Replica
    {
        QString login; // of the user whose replica it is (empty when that user is gone)
        QString userId, site;
        qint64 seenAt = 0; // ms since the epoch, the last noted pull
        qint64 cursor = 0; // what it surely holds (notePull)
    };
    // Every replica known to this server, the longest unseen first.
    QList<Replica> replicas();
    // Forgets the replica `site` (its cursors go, of every user): it no longer holds the
    // pruning of removal logs back. If it pulls again, its removals are rebuilt (behind()
    // holds for it even from zero, by the gx_meta mark forgot.<site>). Returns how many
    // cursor rows went (0: no such replica).
    int forget(const QString &site);

private:
    void ensureTable();

    ServerDb &m_db;
    QMutex m_mutex;
    struct Noted
    {
        qint64 lastSince = 0; // of the replica's latest request
        qint64 written = -1; // the cursor last stored for it
        qint64 writtenAt = 0; // ms
    };
    QHash<QString, Noted> m_noted; // "user|site"
    qint64 m_lastPruneMs = 0;
    std::atomic<bool> m_tableReady {false};
};

} // namespace gamix
