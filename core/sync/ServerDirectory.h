#pragma once
// The server's accounts: users (login, argon2id hash, role, office), bearer tokens
// (random, stored hashed, expiring, revocable), web-form tokens, the failed-login
// counters and the audit log. Users and offices are also ordinary replicated records
// (entities user, office), stamped by the server so every client sees the directory.

#include "Access.h"
#include "ServerStorage.h"

#include <QJsonArray>

#include <optional>

namespace gamix {

class ServerDirectory
{
public:
    ServerDirectory(ServerDb &db, ServerStorage &storage);

    bool addUser(const QString &login, const QString &password, const QString &role, const QString &officeName,
                 QString *error, QString *userId = nullptr, const QString &presetId = QString());
    bool setDisabled(const QString &login, bool disabled, QString *error);
    // A new role and/or office (empty: unchanged). What leaves the user's view is removed
    // from their replicas on their next sync; what enters it arrives whole. Returns the
    // records that left the view, or -1 (error set).
    int changeUser(const QString &login, const QString &role, const QString &officeName, QString *error);
    int revokeTokens(const QString &login);
    // Reassigns every record owned by one user to another (both logins). Returns records moved.
    int reassignAll(const QString &fromLogin, const QString &toLogin, QString *error);
    QString officeId(const QString &name, bool create, ServerDb::Write *w);

    std::optional<SyncUser> userByLogin(const QString &login, QString *pwhash = nullptr);
    std::optional<SyncUser> userForToken(const QString &token);
    QString issueToken(const QString &userId, qint64 ttlSeconds);

    // Office to office (DESIGN.md §4): the accounts an office server needs to let its users
    // log in while the link is down: id, login, role, office, disabled and the argon2id
    // hash; never tokens, never relay accounts. Served to relay accounts only, and to a
    // relay of one office only that office's accounts and those of no office (admins).
    QJsonArray exportUsers(const SyncUser &relay);
    // On the office server: takes the upstream's accounts (the authority), by user id; a
    // local account with the same login and another id gives way, and accounts the
    // upstream does not list are disabled. Returns rows changed.
    int applyUpstreamUsers(const QJsonArray &users);

    // Failed-login rate limit: true while `key` (login:NAME or addr:IP) is blocked.
    bool isThrottled(const QString &key);
    void noteFailure(const QString &key);
    void clearFailures(const QString &key);

    QString addFormToken(const QString &name, const QString &officeName, QString *error);
    bool formToken(const QString &token, QString *name, QString *officeId);

    void audit(QSqlDatabase &db, const QString &userId, const QString &action, const QString &entity,
               const QString &recordId, const QString &detail);
    struct AuditRow
    {
        QString entity, recordId, detail;
    };
    // Many rows of one action with one prepared statement (a push of thousands of records).
    void audit(QSqlDatabase &db, const QString &userId, const QString &action, const QList<AuditRow> &rows);

    static constexpr int kMaxFailures = 5;
    static constexpr qint64 kFailureWindowMs = 15 * 60 * 1000;

private:
    ServerDb &m_db;
    ServerStorage &m_storage;
};

} // namespace gamix
