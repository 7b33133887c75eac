#include "ServerErasure.h"

#include "ServerPurgeLog.h"
#include "schema/FieldCodec.h"
#include "schema/PhoneNumber.h"
#include "schema/Schema.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

namespace gamix {

namespace {

QString valueOf(const QJsonObject &fields, const QString &name)
{
    return FieldCodec::textFromJson(fields.value(name).toObject().value(QLatin1String("v")));
}

// The ids of the conflict records about one record, through the index on their subject
// (ServerDb::conflictSubject): a scan of every conflict row took about 0.9 s with 100k of
// them, once per record an office drops. Whatever place a conflict row has, its own fields
// say what it is about.
QStringList conflictsAbout(QSqlQuery &q, const QString &entity, const QString &id)
{
    QStringList out;
    q.addBindValue(id);
    if (!ServerDb::exec(q))
        return out;
    while (q.next()) {
        const QJsonObject f = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        if (valueOf(f, QStringLiteral("entity")) == entity && valueOf(f, QStringLiteral("record_id")) == id)
            out << q.value(0).toString();
    }
    return out;
}

QString conflictsAboutSql(const ServerDb &db)
{
    return QStringLiteral("SELECT id, fields FROM gx_record WHERE entity = 'conflict' AND ") + db.conflictSubject()
        + QStringLiteral(" = ?");
}

} // namespace

ServerErasure::ServerErasure(ServerDb &db, ServerStorage &storage)
    : m_db(db)
    , m_storage(storage)
{ }

QString ServerErasure::keyName(Key key)
{
    return key == Key::Email ? QStringLiteral("email")
        : key == Key::Phone  ? QStringLiteral("phone")
                             : QStringLiteral("id");
}

bool ServerErasure::keyFromName(const QString &name, Key *key)
{
    for (Key k : {Key::Email, Key::Phone, Key::Id}) {
        if (keyName(k) == name) {
            *key = k;
            return true;
        }
    }
    return false;
}

QString ServerErasure::digest(Key key, const QString &rawValue)
{
    QString value = rawValue.trimmed();
    if (value.isEmpty())
        return QString();
    if (key == Key::Phone) {
        const QString e164 = phoneToE164(value);
        if (!e164.isEmpty())
            value = e164;
    } else {
        value = value.toLower();
    }
    // Salted by purpose and kind: the digest of an address is not reused elsewhere.
    const QByteArray text = "gamix-erase|" + keyName(key).toLatin1() + '|' + value.toUtf8();
    return QStringLiteral("s256:")
        + QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
}

QList<ServerErasure::RecordKey> ServerErasure::find(Key key, const QString &value)
{
    return findByDigest(key, digest(key, value));
}

QList<ServerErasure::RecordKey> ServerErasure::findByDigest(Key key, const QString &wanted)
{
    QList<RecordKey> out;
    if (wanted.isEmpty())
        return out;
    QSqlDatabase c = m_db.connection();
    QSqlQuery q(c);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT entity, id, fields FROM gx_record WHERE entity IN ('contact', 'lead')"));
    if (!ServerDb::exec(q))
        return out;
    while (q.next()) {
        const QString entity = q.value(0).toString();
        const QString id = q.value(1).toString();
        if (key == Key::Id) {
            if (digest(key, id) == wanted)
                out << RecordKey {entity, id};
            continue;
        }
        const EntityDef *e = Schema::instance().entity(entity);
        const QJsonObject fields = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        bool match = false;
        for (const FieldDef &f : e->fields) {
            if (match || !((key == Key::Email && f.type == FieldType::Email) || (key == Key::Phone && f.isPhone())))
                continue;
            const QString v = valueOf(fields, f.name);
            match = !v.isEmpty() && digest(key, v) == wanted;
        }
        if (match)
            out << RecordKey {entity, id};
    }
    return out;
}

bool ServerErasure::erase(const QList<RecordKey> &records, const QString &actorId, Report *report,
                          const QString &upstreamKey, const QString &upstreamDigest)
{
    Report r;
    ServerDb::Write w(m_db);
    // Conflict records about them carry their values (kept and lost).
    QStringList conflictIds;
    {
        QSqlQuery q(w.db());
        q.setForwardOnly(true);
        q.prepare(conflictsAboutSql(m_db));
        for (const RecordKey &k : records)
            conflictIds << conflictsAbout(q, k.first, k.second);
    }
    QSqlQuery del(w.db());
    del.prepare(QStringLiteral("DELETE FROM gx_record WHERE entity = ? AND id = ?"));
    for (const QString &id : std::as_const(conflictIds)) {
        del.addBindValue(QStringLiteral("conflict"));
        del.addBindValue(id);
        if (ServerDb::exec(del))
            r.conflicts += del.numRowsAffected() > 0 ? 1 : 0;
    }
    QSqlQuery audit(w.db());
    audit.prepare(QStringLiteral("UPDATE gx_audit SET detail = NULL WHERE record_id = ? AND detail IS NOT NULL"));
    QSqlQuery batches(w.db());
    batches.prepare(QStringLiteral("DELETE FROM gx_batch WHERE result LIKE ?"));
    QSqlQuery pending(w.db());
    pending.prepare(QStringLiteral("UPDATE gx_meta SET v = '' WHERE k LIKE 'peer.%' AND v LIKE ?"));
    QSqlQuery note(w.db());
    note.prepare(QStringLiteral(
        "INSERT INTO gx_audit (at, user_id, action, entity, record_id, detail) VALUES (?, ?, 'erase', ?, ?, NULL)"));
    for (const RecordKey &k : records) {
        del.addBindValue(k.first);
        del.addBindValue(k.second);
        ServerDb::exec(del);
        audit.addBindValue(k.second);
        if (ServerDb::exec(audit))
            r.auditEntries += std::max(0, audit.numRowsAffected());
        // Push answers kept for retries may hold a refused field's value; a relay's
        // unsent batch holds values too (it is built again from the cursor).
        const QString like = u'%' + k.second + u'%';
        batches.addBindValue(like);
        if (ServerDb::exec(batches))
            r.batches += std::max(0, batches.numRowsAffected());
        pending.addBindValue(like);
        ServerDb::exec(pending);
        ServerPurgeLog::noteErasure(w.db(), m_storage.takeSeq(w), k.first, k.second);
        note.addBindValue(QDateTime::currentMSecsSinceEpoch());
        note.addBindValue(actorId);
        note.addBindValue(k.first);
        note.addBindValue(k.second);
        ServerDb::exec(note);
        r.records << k;
    }
    if (!upstreamKey.isEmpty()) {
        // Only a server that relays (it keeps per-peer cursors) has an upstream to tell.
        QSqlQuery peers(w.db());
        if (peers.exec(QStringLiteral("SELECT count(*) FROM gx_meta WHERE k LIKE 'peer.%'")) && peers.next()
            && peers.value(0).toInt() > 0) {
            QJsonArray ids;
            for (const RecordKey &k : records)
                ids.append(QJsonObject {{QStringLiteral("entity"), k.first}, {QStringLiteral("id"), k.second}});
            const QJsonObject request {{QStringLiteral("key"), upstreamKey},
                                       {QStringLiteral("digest"), upstreamDigest},
                                       {QStringLiteral("records"), ids}};
            m_db.setMeta(w.db(), QStringLiteral("erase_up.") + QUuid::createUuid().toString(QUuid::Id128),
                         QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
            r.queuedUpstream = true;
        }
    }
    if (!w.commit())
        return false;
    if (report)
        *report = r;
    return true;
}

QJsonObject ServerErasure::eraseForwarded(const SyncUser &relay, const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    QSet<QString> seen;
    QList<RecordKey> records;
    auto add = [&](const QString &entity, const QString &id) {
        if ((entity == u"contact" || entity == u"lead") && !id.isEmpty() && !seen.contains(entity + u'|' + id)) {
            seen.insert(entity + u'|' + id);
            records << RecordKey {entity, id};
        }
    };
    // The person everywhere: every contact and lead whose key matches.
    Key key;
    if (keyFromName(o.value(QLatin1String("key")).toString(), &key)) {
        for (const RecordKey &k : findByDigest(key, o.value(QLatin1String("digest")).toString()))
            add(k.first, k.second);
    }
    // And the records the office erased, when it may see them here (or they never came here).
    QSqlDatabase c = m_db.connection();
    QSqlQuery q(c);
    q.prepare(QStringLiteral("SELECT vis_entity, owner_id, office_id FROM gx_record WHERE entity = ? AND id = ?"));
    for (const QJsonValue &v : o.value(QLatin1String("records")).toArray()) {
        const QString entity = v.toObject().value(QLatin1String("entity")).toString();
        const QString id = v.toObject().value(QLatin1String("id")).toString();
        q.addBindValue(entity);
        q.addBindValue(id);
        if (!ServerDb::exec(q))
            continue;
        const bool visible
            = !q.next() || Access::canSee(relay, q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
        q.finish();
        if (visible)
            add(entity, id);
    }
    Report report;
    // An office of an office: the request goes on up from here too.
    if (!records.isEmpty()
        && !erase(records, relay.id, &report, o.value(QLatin1String("key")).toString(),
                  o.value(QLatin1String("digest")).toString()))
        return QJsonObject {{QStringLiteral("erased"), -1}};
    // In a running server another request may hold the write-ahead log for a moment: try
    // again shortly, so no copy of the freed pages stays there.
    QString error;
    bool compacted = records.isEmpty();
    for (int attempt = 0; attempt < 3 && !compacted; ++attempt) {
        if (attempt > 0)
            QThread::msleep(300);
        compacted = compact(&error);
    }
    if (!compacted)
        qWarning("gamix-server: after an erasure relayed from an office: %s", qPrintable(error));
    return QJsonObject {{QStringLiteral("erased"), int(report.records.size())}};
}

QList<QPair<QString, QByteArray>> ServerErasure::pendingUpstream()
{
    QList<QPair<QString, QByteArray>> out;
    QSqlDatabase c = m_db.connection();
    QSqlQuery q(c);
    if (q.exec(QStringLiteral("SELECT k, v FROM gx_meta WHERE k LIKE 'erase\\_up.%' ESCAPE '\\' ORDER BY k"))) {
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString().toUtf8()});
    }
    return out;
}

void ServerErasure::forgetUpstream(const QString &key)
{
    ServerDb::Write w(m_db);
    QSqlQuery q(w.db());
    q.prepare(QStringLiteral("DELETE FROM gx_meta WHERE k = ?"));
    q.addBindValue(key);
    ServerDb::exec(q);
    w.commit();
}

void ServerErasure::dropRemoved(const QList<RecordKey> &records)
{
    ServerDb::Write w(m_db);
    QSqlQuery load(w.db());
    load.prepare(QStringLiteral("SELECT vis_entity, owner_id, office_id FROM gx_record WHERE entity = ? AND id = ?"));
    QSqlQuery del(w.db());
    del.prepare(QStringLiteral("DELETE FROM gx_record WHERE entity = ? AND id = ?"));
    QSqlQuery conflicts(w.db());
    conflicts.setForwardOnly(true);
    conflicts.prepare(conflictsAboutSql(m_db));
    for (const RecordKey &k : records) {
        load.addBindValue(k.first);
        load.addBindValue(k.second);
        if (!ServerDb::exec(load) || !load.next())
            continue;
        const QString vis = load.value(0).toString();
        const QString owner = load.value(1).toString();
        const QString office = load.value(2).toString();
        load.finish();
        const QStringList gone = QStringList {k.second} + conflictsAbout(conflicts, k.first, k.second);
        for (int i = 0; i < gone.size(); ++i) {
            del.addBindValue(i == 0 ? k.first : QStringLiteral("conflict"));
            del.addBindValue(gone.at(i));
            ServerDb::exec(del);
        }
        ServerPurgeLog::noteMove(w.db(), m_storage.takeSeq(w), k.first, k.second, vis, owner, office);
        ServerPurgeLog::noteDropped(w.db(), k.first, k.second, true);
    }
    w.commit();
}

bool ServerErasure::compact(QString *error)
{
    QSqlDatabase c = m_db.connection();
    QSqlQuery q(c);
    const QStringList statements = m_db.isPostgres()
        ? QStringList {QStringLiteral("VACUUM FULL gx_record"), QStringLiteral("VACUUM FULL gx_audit"),
                       QStringLiteral("VACUUM FULL gx_batch"), QStringLiteral("VACUUM FULL gx_meta")}
        : QStringList {QStringLiteral("PRAGMA secure_delete = ON"), QStringLiteral("VACUUM"),
                       QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")};
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            *error = q.lastError().text();
            return false;
        }
        if (sql.contains(QStringLiteral("wal_checkpoint")) && q.next() && q.value(0).toInt() != 0) {
            *error = QCoreApplication::translate("Server", "the write-ahead log is in use by another connection");
            return false;
        }
    }
    return true;
}

} // namespace gamix
