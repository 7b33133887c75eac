#include "ServerDirectory.h"

#include "ServerPurgeLog.h"

#include "auth/PasswordHash.h"
#include "schema/FieldCodec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

namespace gamix {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

SyncUser userFrom(QSqlQuery &q)
{
    return SyncUser {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                     q.value(4).toInt() != 0};
}

} // namespace

ServerDirectory::ServerDirectory(ServerDb &db, ServerStorage &storage)
    : m_db(db)
    , m_storage(storage)
{ }

QString ServerDirectory::officeId(const QString &name, bool create, ServerDb::Write *w)
{
    QSqlDatabase c = w ? w->db() : m_db.connection();
    QSqlQuery q(c);
    q.prepare(QStringLiteral("SELECT id, fields FROM gx_record WHERE entity = 'office'"));
    if (ServerDb::exec(q)) {
        while (q.next()) {
            const QJsonObject f = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
            if (FieldCodec::textFromJson(f.value(QLatin1String("name")).toObject().value(QLatin1String("v"))) == name)
                return q.value(0).toString();
        }
    }
    if (!create || !w)
        return QString();
    const QString id = newUuidV7();
    m_storage.stamp(*w, QStringLiteral("office"), id,
                    {{QStringLiteral("name"), name},
                     {QStringLiteral("created_at"), FieldCodec::toIsoUtc(QDateTime::currentDateTimeUtc())},
                     {QStringLiteral("deleted"), QStringLiteral("false")}});
    return id;
}

bool ServerDirectory::addUser(const QString &login, const QString &password, const QString &role,
                              const QString &officeName, QString *error, QString *userId, const QString &presetId)
{
    if (role != u"admin" && role != u"manager" && role != u"sales" && role != u"relay") {
        *error = QCoreApplication::translate("Server",
                                             "the role must be admin, manager, sales or relay (an office server)");
        return false;
    }
    if (login.trimmed().isEmpty() || password.isEmpty()) {
        *error = QCoreApplication::translate("Server", "a login and a password are needed");
        return false;
    }
    if (userByLogin(login)) {
        *error = QCoreApplication::translate("Server", "the user %1 already exists").arg(login);
        return false;
    }
    const QString hash = PasswordHash::hash(password);
    ServerDb::Write w(m_db);
    const QString office = officeName.isEmpty() ? QString() : officeId(officeName, true, &w);
    const QString id = presetId.isEmpty() ? newUuidV7() : presetId;
    QSqlQuery q(w.db());
    q.prepare(QStringLiteral(
        "INSERT INTO gx_login (user_id, login, pwhash, role, office_id, disabled) VALUES (?, ?, ?, ?, ?, 0)"));
    q.addBindValue(id);
    q.addBindValue(login);
    q.addBindValue(hash);
    q.addBindValue(role);
    q.addBindValue(office.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(office));
    if (!ServerDb::exec(q)) {
        *error = QCoreApplication::translate("Server", "the user could not be stored");
        return false;
    }
    QList<QPair<QString, QString>> fields {
        {QStringLiteral("login"), login},
        {QStringLiteral("role"), role},
        {QStringLiteral("disabled"), QStringLiteral("false")},
        {QStringLiteral("created_at"), FieldCodec::toIsoUtc(QDateTime::currentDateTimeUtc())},
        {QStringLiteral("deleted"), QStringLiteral("false")}};
    if (!office.isEmpty())
        fields.append({QStringLiteral("office_id"), office});
    m_storage.stamp(w, QStringLiteral("user"), id, fields);
    audit(w.db(), QString(), QStringLiteral("user add"), QStringLiteral("user"), id, login + u' ' + role);
    if (!w.commit()) {
        *error = QCoreApplication::translate("Server", "the user could not be stored");
        return false;
    }
    if (userId)
        *userId = id;
    return true;
}

bool ServerDirectory::setDisabled(const QString &login, bool disabled, QString *error)
{
    const auto user = userByLogin(login);
    if (!user) {
        *error = QCoreApplication::translate("Server", "there is no user %1").arg(login);
        return false;
    }
    ServerDb::Write w(m_db);
    QSqlQuery q(w.db());
    q.prepare(QStringLiteral("UPDATE gx_login SET disabled = ? WHERE user_id = ?"));
    q.addBindValue(disabled ? 1 : 0);
    q.addBindValue(user->id);
    ServerDb::exec(q);
    if (disabled) {
        QSqlQuery r(w.db());
        r.prepare(QStringLiteral("UPDATE gx_token SET revoked = 1 WHERE user_id = ?"));
        r.addBindValue(user->id);
        ServerDb::exec(r);
    }
    m_storage.stamp(w, QStringLiteral("user"), user->id,
                    {{QStringLiteral("disabled"), disabled ? QStringLiteral("true") : QStringLiteral("false")}});
    audit(w.db(), QString(), disabled ? QStringLiteral("user disable") : QStringLiteral("user enable"),
          QStringLiteral("user"), user->id, login);
    return w.commit();
}

int ServerDirectory::changeUser(const QString &login, const QString &role, const QString &officeName, QString *error)
{
    const auto before = userByLogin(login);
    if (!before) {
        *error = QCoreApplication::translate("Server", "there is no user %1").arg(login);
        return -1;
    }
    if (!role.isEmpty() && role != u"admin" && role != u"manager" && role != u"sales") {
        *error = QCoreApplication::translate("Server", "the role must be admin, manager or sales");
        return -1;
    }
    ServerDb::Write w(m_db);
    SyncUser after = *before;
    if (!role.isEmpty())
        after.role = role;
    if (!officeName.isEmpty())
        after.officeId = officeId(officeName, true, &w);
    QSqlQuery q(w.db());
    q.prepare(QStringLiteral("UPDATE gx_login SET role = ?, office_id = ? WHERE user_id = ?"));
    q.addBindValue(after.role);
    q.addBindValue(after.officeId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(after.officeId));
    q.addBindValue(after.id);
    ServerDb::exec(q);
    QList<QPair<QString, QString>> fields {{QStringLiteral("role"), after.role}};
    if (after.officeId != before->officeId)
        fields.append({QStringLiteral("office_id"), after.officeId});
    m_storage.stamp(w, QStringLiteral("user"), after.id, fields);
    const int left = ServerPurgeLog::noteViewChange(w, m_storage, *before, after);
    audit(w.db(), QString(), QStringLiteral("user change"), QStringLiteral("user"), after.id,
          login + u' ' + after.role + u' ' + officeName);
    if (!w.commit()) {
        *error = QCoreApplication::translate("Server", "the user could not be stored");
        return -1;
    }
    return left;
}

int ServerDirectory::revokeTokens(const QString &login)
{
    const auto user = userByLogin(login);
    if (!user)
        return -1;
    ServerDb::Write w(m_db);
    QSqlQuery q(w.db());
    q.prepare(QStringLiteral("UPDATE gx_token SET revoked = 1 WHERE user_id = ? AND revoked = 0"));
    q.addBindValue(user->id);
    ServerDb::exec(q);
    const int n = q.numRowsAffected();
    audit(w.db(), QString(), QStringLiteral("token revoke"), QStringLiteral("user"), user->id, login);
    w.commit();
    return n;
}

int ServerDirectory::reassignAll(const QString &fromLogin, const QString &toLogin, QString *error)
{
    const auto from = userByLogin(fromLogin);
    const auto to = userByLogin(toLogin);
    if (!from || !to) {
        *error = QCoreApplication::translate("Server", "there is no user %1").arg(!from ? fromLogin : toLogin);
        return -1;
    }
    QStringList keys;
    {
        QSqlDatabase c = m_db.connection();
        QSqlQuery q(c);
        q.prepare(QStringLiteral("SELECT entity, id FROM gx_record WHERE owner_id = ? AND entity <> 'conflict'"));
        q.addBindValue(from->id);
        if (ServerDb::exec(q)) {
            while (q.next())
                keys << q.value(0).toString() + u'|' + q.value(1).toString();
        }
    }
    ServerDb::Write w(m_db);
    for (const QString &k : keys) {
        const int bar = int(k.indexOf(u'|'));
        QList<QPair<QString, QString>> f {{QStringLiteral("owner_id"), to->id}};
        if (!to->officeId.isEmpty())
            f.append({QStringLiteral("office_id"), to->officeId});
        m_storage.stamp(w, k.left(bar), k.mid(bar + 1), f);
    }
    audit(w.db(), QString(), QStringLiteral("reassign"), QString(), QString(),
          fromLogin + QStringLiteral(" -> ") + toLogin + u' ' + QString::number(keys.size()));
    w.commit();
    return int(keys.size());
}

std::optional<SyncUser> ServerDirectory::userByLogin(const QString &login, QString *pwhash)
{
    QSqlDatabase c = m_db.connection();
    QSqlQuery q(c);
    q.prepare(QStringLiteral("SELECT user_id, login, role, office_id, disabled, pwhash FROM gx_login WHERE login = ?"));
    q.addBindValue(login);
    if (!ServerDb::exec(q) || !q.next())
        return std::nullopt;
    if (pwhash)
        *pwhash = q.value(5).toString();
    return userFrom(q);
}

std::optional<SyncUser> ServerDirectory::userForToken(const QString &token)
{
    QSqlDatabase c = m_db.connection();
    QSqlQuery q(c);
    q.prepare(QStringLiteral("SELECT l.user_id, l.login, l.role, l.office_id, l.disabled FROM gx_token t "
                             "JOIN gx_login l ON l.user_id = t.user_id WHERE t.hash = ? AND t.revoked = 0 "
                             "AND t.expires_at > ? AND l.disabled = 0"));
    q.addBindValue(PasswordHash::tokenDigest(token));
    q.addBindValue(nowMs());
    if (!ServerDb::exec(q) || !q.next())
        return std::nullopt;
    return userFrom(q);
}

QString ServerDirectory::issueToken(const QString &userId, qint64 ttlSeconds)
{
    const QString token = PasswordHash::randomToken();
    ServerDb::Write w(m_db);
    QSqlQuery q(w.db());
    q.prepare(QStringLiteral("INSERT INTO gx_token (hash, user_id, expires_at, revoked) VALUES (?, ?, ?, 0)"));
    q.addBindValue(PasswordHash::tokenDigest(token));
    q.addBindValue(userId);
    q.addBindValue(nowMs() + ttlSeconds * 1000);
    ServerDb::exec(q);
    audit(w.db(), userId, QStringLiteral("login"), QString(), QString(), QString());
    w.commit();
    return token;
}

bool ServerDirectory::isThrottled(const QString &key)
{
    QSqlDatabase c = m_db.connection();
    QSqlQuery q(c);
    q.prepare(QStringLiteral("SELECT n, since FROM gx_login_fail WHERE k = ?"));
    q.addBindValue(key);
    if (!ServerDb::exec(q) || !q.next())
        return false;
    return q.value(0).toInt() >= kMaxFailures && nowMs() - q.value(1).toLongLong() < kFailureWindowMs;
}

void ServerDirectory::noteFailure(const QString &key)
{
    ServerDb::Write w(m_db);
    QSqlQuery q(w.db());
    q.prepare(QStringLiteral("SELECT n, since FROM gx_login_fail WHERE k = ?"));
    q.addBindValue(key);
    const qint64 now = nowMs();
    int n = 1;
    qint64 since = now;
    if (ServerDb::exec(q) && q.next() && now - q.value(1).toLongLong() < kFailureWindowMs) {
        n = q.value(0).toInt() + 1;
        since = q.value(1).toLongLong();
    }
    QSqlQuery u(w.db());
    u.prepare(QStringLiteral("INSERT INTO gx_login_fail (k, n, since) VALUES (?, ?, ?) "
                             "ON CONFLICT (k) DO UPDATE SET n = excluded.n, since = excluded.since"));
    u.addBindValue(key);
    u.addBindValue(n);
    u.addBindValue(since);
    ServerDb::exec(u);
    w.commit();
}

void ServerDirectory::clearFailures(const QString &key)
{
    ServerDb::Write w(m_db);
    QSqlQuery q(w.db());
    q.prepare(QStringLiteral("DELETE FROM gx_login_fail WHERE k = ?"));
    q.addBindValue(key);
    ServerDb::exec(q);
    w.commit();
}

QString ServerDirectory::addFormToken(const QString &name, const QString &officeName, QString *error)
{
    const QString token = PasswordHash::randomToken();
    ServerDb::Write w(m_db);
    const QString office = officeName.isEmpty() ? QString() : officeId(officeName, true, &w);
    QSqlQuery q(w.db());
    q.prepare(QStringLiteral("INSERT INTO gx_form_token (hash, name, office_id) VALUES (?, ?, ?)"));
    q.addBindValue(PasswordHash::tokenDigest(token));
    q.addBindValue(name);
    q.addBindValue(office.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(office));
    if (!ServerDb::exec(q) || !w.commit()) {
        *error = QCoreApplication::translate("Server", "the form token could not be stored");
        return QString();
    }
    return token;
}

bool ServerDirectory::formToken(const QString &token, QString *name, QString *officeId)
{
    QSqlDatabase c = m_db.connection();
    QSqlQuery q(c);
    q.prepare(QStringLiteral("SELECT name, office_id FROM gx_form_token WHERE hash = ?"));
    q.addBindValue(PasswordHash::tokenDigest(token));
    if (!ServerDb::exec(q) || !q.next())
        return false;
    *name = q.value(0).toString();
    *officeId = q.value(1).toString();
    return true;
}

void ServerDirectory::audit(QSqlDatabase &db, const QString &userId, const QString &action, const QString &entity,
                            const QString &recordId, const QString &detail)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO gx_audit (at, user_id, action, entity, record_id, detail) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(nowMs());
    q.addBindValue(userId);
    q.addBindValue(action);
    q.addBindValue(entity);
    q.addBindValue(recordId);
    q.addBindValue(detail);
    ServerDb::exec(q);
}

void ServerDirectory::audit(QSqlDatabase &db, const QString &userId, const QString &action, const QList<AuditRow> &rows)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO gx_audit (at, user_id, action, entity, record_id, detail) VALUES (?, ?, ?, ?, ?, ?)"));
    const qint64 at = nowMs();
    for (const AuditRow &row : rows) {
        q.addBindValue(at);
        q.addBindValue(userId);
        q.addBindValue(action);
        q.addBindValue(row.entity);
        q.addBindValue(row.recordId);
        q.addBindValue(row.detail);
        ServerDb::exec(q);
    }
}

} // namespace gamix

namespace gamix {

QJsonArray ServerDirectory::exportUsers(const SyncUser &relay)
{
    QJsonArray out;
    QSqlDatabase c = m_db.connection();
    QSqlQuery q(c);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT user_id, login, role, office_id, disabled, pwhash FROM gx_login "
                             "WHERE role <> 'relay'")
              + (relay.officeId.isEmpty() ? QString() : QStringLiteral(" AND (office_id IS NULL OR office_id = ?)"))
              + QStringLiteral(" ORDER BY user_id"));
    if (!relay.officeId.isEmpty())
        q.addBindValue(relay.officeId);
    if (!ServerDb::exec(q))
        return out;
    while (q.next()) {
        out.append(QJsonObject {{QStringLiteral("id"), q.value(0).toString()},
                                {QStringLiteral("login"), q.value(1).toString()},
                                {QStringLiteral("role"), q.value(2).toString()},
                                {QStringLiteral("office_id"), q.value(3).toString()},
                                {QStringLiteral("disabled"), q.value(4).toInt() != 0},
                                {QStringLiteral("pwhash"), q.value(5).toString()}});
    }
    return out;
}

int ServerDirectory::applyUpstreamUsers(const QJsonArray &users)
{
    int changed = 0;
    ServerDb::Write w(m_db);
    QSet<QString> listed;
    for (const QJsonValue &v : users) {
        const QJsonObject u = v.toObject();
        const QString id = u.value(QLatin1String("id")).toString();
        listed.insert(id);
        const QString login = u.value(QLatin1String("login")).toString();
        const QString role = u.value(QLatin1String("role")).toString();
        const QString office = u.value(QLatin1String("office_id")).toString();
        const int disabled = u.value(QLatin1String("disabled")).toBool() ? 1 : 0;
        const QString hash = u.value(QLatin1String("pwhash")).toString();
        if (id.isEmpty() || login.isEmpty() || hash.isEmpty() || role == u"relay")
            continue;
        QSqlQuery cur(w.db());
        cur.prepare(QStringLiteral("SELECT login, role, office_id, disabled, pwhash FROM gx_login WHERE user_id = ?"));
        cur.addBindValue(id);
        const bool exists = ServerDb::exec(cur) && cur.next();
        if (exists && cur.value(0).toString() == login && cur.value(1).toString() == role
            && cur.value(2).toString() == office && cur.value(3).toInt() == disabled && cur.value(4).toString() == hash)
            continue;
        const QString oldRole = exists ? cur.value(1).toString() : QString();
        const QString oldOffice = exists ? cur.value(2).toString() : QString();
        cur.finish();
        // The upstream is the authority: a local account under the same login gives way.
        QSqlQuery clash(w.db());
        clash.prepare(QStringLiteral("DELETE FROM gx_login WHERE login = ? AND user_id <> ?"));
        clash.addBindValue(login);
        clash.addBindValue(id);
        ServerDb::exec(clash);
        QSqlQuery up(w.db());
        up.prepare(exists ? QStringLiteral("UPDATE gx_login SET login = ?, role = ?, office_id = ?, disabled = ?, "
                                           "pwhash = ? WHERE user_id = ?")
                          : QStringLiteral("INSERT INTO gx_login (login, role, office_id, disabled, pwhash, user_id) "
                                           "VALUES (?, ?, ?, ?, ?, ?)"));
        up.addBindValue(login);
        up.addBindValue(role);
        up.addBindValue(office.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(office));
        up.addBindValue(disabled);
        up.addBindValue(hash);
        up.addBindValue(id);
        if (!ServerDb::exec(up))
            continue;
        if (exists && (oldRole != role || oldOffice != office)) {
            // The same bookkeeping as a change made here: this server's clients of that
            // user lose what left the view and get what entered it.
            const SyncUser before {id, login, oldRole, oldOffice, false};
            ServerPurgeLog::noteViewChange(w, m_storage, before, SyncUser {id, login, role, office, disabled != 0});
        }
        if (disabled) {
            QSqlQuery r(w.db());
            r.prepare(QStringLiteral("UPDATE gx_token SET revoked = 1 WHERE user_id = ?"));
            r.addBindValue(id);
            ServerDb::exec(r);
        }
        audit(w.db(), QString(), QStringLiteral("user from upstream"), QStringLiteral("user"), id, login + u' ' + role);
        ++changed;
    }
    // An account the upstream no longer lists for this office (moved elsewhere, removed)
    // must not keep working here: disabled, its tokens revoked.
    QStringList gone;
    {
        QSqlQuery q(w.db());
        q.setForwardOnly(true);
        if (q.exec(QStringLiteral("SELECT user_id FROM gx_login WHERE disabled = 0 AND role <> 'relay'"))) {
            while (q.next()) {
                if (!listed.contains(q.value(0).toString()))
                    gone << q.value(0).toString();
            }
        }
    }
    for (const QString &id : std::as_const(gone)) {
        QSqlQuery d(w.db());
        d.prepare(QStringLiteral("UPDATE gx_login SET disabled = 1 WHERE user_id = ?"));
        d.addBindValue(id);
        ServerDb::exec(d);
        QSqlQuery r(w.db());
        r.prepare(QStringLiteral("UPDATE gx_token SET revoked = 1 WHERE user_id = ?"));
        r.addBindValue(id);
        ServerDb::exec(r);
        audit(w.db(), QString(), QStringLiteral("user gone upstream"), QStringLiteral("user"), id, QString());
        ++changed;
    }
    w.commit();
    return changed;
}

} // namespace gamix
