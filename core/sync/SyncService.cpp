#include "SyncService.h"

#include "ChangeSetReader.h"

#include "ServerErasure.h"
#include "ServerPurgeLog.h"

#include "SiteAuthors.h"

#include "auth/PasswordHash.h"
#include "schema/FieldCodec.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUrlQuery>

#include <future>

namespace gamix {

namespace {

const QByteArray kCors = "Access-Control-Allow-Origin";
// A push body this large is hashed on a thread of its own (see push()).
constexpr qsizetype kHashAsideAbove = 256 * 1024;

} // namespace

SyncService::SyncService(ServerDb &db, ServerStorage &storage, ServerDirectory &directory)
    : m_db(db)
    , m_storage(storage)
    , m_directory(directory)
    , m_horizon(db)
{ }

qint64 SyncService::now() const
{
    return m_now ? m_now() : QDateTime::currentMSecsSinceEpoch();
}

HttpResponse SyncService::json(int status, const QJsonObject &object)
{
    QJsonObject o = object;
    o.insert(QStringLiteral("server_time"), double(now()));
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse SyncService::error(int status, const char *code, const QString &message)
{
    return json(status,
                QJsonObject {{QStringLiteral("error"), QLatin1String(code)}, {QStringLiteral("message"), message}});
}

bool SyncService::protocolOk(const HttpRequest &r) const
{
    return r.headers.value("x-gamix-protocol") == QByteArray::number(kProtocol)
        && r.headers.value("x-gamix-schema") == QByteArray::number(Schema::version);
}

void SyncService::count(const QString &path, int status, qint64 micros)
{
    QMutexLocker lock(&m_metricsMutex);
    ++m_requests[path + u'|' + QString::number(status)];
    m_latencySum[path] += double(micros) / 1e6;
    ++m_latencyCount[path];
}

HttpResponse SyncService::handle(const HttpRequest &r)
{
    QElapsedTimer timer;
    timer.start();
    HttpResponse resp;
    QString path = r.path;
    if (r.path == u"/v1/health" && r.method == "GET") {
        resp = health();
    } else if (r.path == u"/metrics" && r.method == "GET") {
        resp = metrics();
    } else if (r.path == u"/v1/leads") {
        if (r.method == "OPTIONS") {
            resp.status = 204;
            resp.headers.append(qMakePair(QByteArray("Access-Control-Allow-Methods"), QByteArray("POST, OPTIONS")));
            resp.headers.append(
                qMakePair(QByteArray("Access-Control-Allow-Headers"), QByteArray("Authorization, Content-Type")));
            resp.headers.append(qMakePair(QByteArray("Access-Control-Max-Age"), QByteArray("86400")));
        } else if (r.method == "POST") {
            resp = leads(r);
        } else {
            resp = error(405, "method_not_allowed", QStringLiteral("use POST"));
        }
        resp.headers.append(qMakePair(QByteArray(kCors), QByteArray("*")));
    } else if ((r.path == u"/v1/sites" && (r.method == "GET" || r.method == "POST"))
               || (r.path == u"/v1/erase" && r.method == "POST")) {
        // Who writes from which replica: conflict views name people, not site ids.
        const QByteArray auth = r.headers.value("authorization");
        const std::optional<SyncUser> user = auth.startsWith("Bearer ")
            ? m_directory.userForToken(QString::fromLatin1(auth.mid(7).trimmed()))
            : std::nullopt;
        if (!user)
            resp = error(401, "unauthorized", QStringLiteral("log in again: the token is missing, expired or revoked"));
        else if (r.method == "POST" && user->role != u"relay")
            resp = error(403, "forbidden", QStringLiteral("only an office server's account may do this"));
        else if (r.path == u"/v1/erase")
            resp = json(200, ServerErasure(m_db, m_storage).eraseForwarded(*user, r.body));
        else if (r.method == "POST")
            resp = json(200, SiteAuthors::storeRelayed(m_db, user->id, r.body));
        else
            resp = json(200,
                        QJsonObject {{QStringLiteral("sites"), SiteAuthors::serverList(m_db)},
                                     {QStringLiteral("server_site"), Clock {0, m_storage.siteId()}.siteHex()}});
    } else if (r.path == u"/v1/auth/login" || r.path == u"/v1/push" || r.path == u"/v1/pull"
               || r.path == u"/v1/directory") {
        const bool post = r.path == u"/v1/auth/login" || r.path == u"/v1/push";
        if (r.method != (post ? QByteArray("POST") : QByteArray("GET"))) {
            resp = error(405, "method_not_allowed", post ? QStringLiteral("use POST") : QStringLiteral("use GET"));
        } else if (!protocolOk(r)) {
            resp = json(
                426,
                QJsonObject {
                    {QStringLiteral("error"), QStringLiteral("upgrade_required")},
                    {QStringLiteral("message"),
                     QStringLiteral("this server speaks protocol %1, schema %2").arg(kProtocol).arg(Schema::version)},
                    {QStringLiteral("protocol"), kProtocol},
                    {QStringLiteral("schema"), Schema::version}});
        } else if (r.path == u"/v1/auth/login") {
            resp = login(r);
        } else {
            const QByteArray auth = r.headers.value("authorization");
            std::optional<SyncUser> user;
            if (auth.startsWith("Bearer "))
                user = m_directory.userForToken(QString::fromLatin1(auth.mid(7).trimmed()));
            if (!user) {
                resp = error(401, "unauthorized",
                             QStringLiteral("log in again: the token is missing, expired or revoked"));
            } else {
                const QByteArray site = r.headers.value("x-gamix-site");
                if (!site.isEmpty()) {
                    QMutexLocker lock(&m_metricsMutex);
                    m_clients.insert(QString::fromLatin1(site));
                }
                if (r.path == u"/v1/directory")
                    resp = user->role == u"relay"
                        ? json(200, QJsonObject {{QStringLiteral("users"), m_directory.exportUsers(*user)}})
                        : error(403, "forbidden", QStringLiteral("the directory is for office servers' accounts"));
                else
                    resp = r.path == u"/v1/push" ? push(r, *user) : pull(r, *user);
            }
        }
    } else {
        path = QStringLiteral("other");
        resp = error(404, "not_found", QStringLiteral("no such endpoint"));
    }
    resp.headers.append(qMakePair(QByteArray("X-Gamix-Time"), QByteArray(QByteArray::number(now()))));
    count(path, resp.status, timer.nsecsElapsed() / 1000);
    return resp;
}

HttpResponse SyncService::health()
{
    QJsonObject o {{QStringLiteral("status"), QStringLiteral("ok")},
                   {QStringLiteral("epoch"), m_storage.epoch()},
                   {QStringLiteral("protocol"), kProtocol},
                   {QStringLiteral("schema"), Schema::version}};
    if (m_upstreamStatus)
        o.insert(QStringLiteral("upstream"), m_upstreamStatus());
    return json(200, o);
}

HttpResponse SyncService::metrics()
{
    QMutexLocker lock(&m_metricsMutex);
    QByteArray out;
    out += "# HELP gamix_requests_total HTTP requests by path and status.\n# TYPE gamix_requests_total counter\n";
    for (auto it = m_requests.begin(); it != m_requests.end(); ++it) {
        const QStringList parts = it.key().split(u'|');
        out += "gamix_requests_total{path=\"" + parts.at(0).toUtf8() + "\",status=\"" + parts.at(1).toUtf8() + "\"} "
            + QByteArray::number(it.value()) + '\n';
    }
    out += "# HELP gamix_request_seconds Request latency.\n# TYPE gamix_request_seconds summary\n";
    for (auto it = m_latencySum.begin(); it != m_latencySum.end(); ++it) {
        out += "gamix_request_seconds_sum{path=\"" + it.key().toUtf8() + "\"} " + QByteArray::number(it.value(), 'f', 6)
            + '\n';
        out += "gamix_request_seconds_count{path=\"" + it.key().toUtf8() + "\"} "
            + QByteArray::number(m_latencyCount.value(it.key())) + '\n';
    }
    out += "# HELP gamix_changes_merged_total Records changed by pushes.\n# TYPE gamix_changes_merged_total counter\n";
    out += "gamix_changes_merged_total " + QByteArray::number(m_changesMerged) + '\n';
    out += "# HELP gamix_conflicts_total Concurrent edits kept as conflict records.\n# TYPE gamix_conflicts_total "
           "counter\n";
    out += "gamix_conflicts_total " + QByteArray::number(m_conflicts) + '\n';
    out += "# HELP gamix_clients Distinct client replicas seen since start.\n# TYPE gamix_clients gauge\n";
    out += "gamix_clients " + QByteArray::number(m_clients.size()) + '\n';
    HttpResponse r;
    r.body = out;
    r.contentType = "text/plain; version=0.0.4";
    return r;
}

HttpResponse SyncService::login(const HttpRequest &r)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return error(400, "bad_request", QStringLiteral("the body is not a JSON object"));
    const QString login = doc.object().value(QLatin1String("login")).toString();
    const QString password = doc.object().value(QLatin1String("password")).toString();
    const QString loginKey = QStringLiteral("login:") + login.left(128);
    const QString addrKey = QStringLiteral("addr:") + r.remoteAddr;
    if (m_directory.isThrottled(loginKey) || m_directory.isThrottled(addrKey)) {
        HttpResponse resp
            = error(429, "too_many_attempts", QStringLiteral("too many failed logins; try again in 15 minutes"));
        resp.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("900")));
        return resp;
    }
    QString hash;
    const auto user = m_directory.userByLogin(login, &hash);
    if (!user || user->disabled || !PasswordHash::verify(hash, password)) {
        m_directory.noteFailure(loginKey);
        m_directory.noteFailure(addrKey);
        return error(401, "bad_credentials", QStringLiteral("wrong login or password"));
    }
    m_directory.clearFailures(loginKey);
    const QString token = m_directory.issueToken(user->id, m_tokenTtl);
    return json(200,
                QJsonObject {{QStringLiteral("token"), token},
                             {QStringLiteral("expires_in"), double(m_tokenTtl)},
                             {QStringLiteral("epoch"), m_storage.epoch()},
                             {QStringLiteral("user"),
                              QJsonObject {{QStringLiteral("id"), user->id},
                                           {QStringLiteral("login"), user->login},
                                           {QStringLiteral("role"), user->role},
                                           {QStringLiteral("office_id"),
                                            user->officeId.isEmpty() ? QJsonValue() : QJsonValue(user->officeId)}}}});
}

HttpResponse SyncService::push(const HttpRequest &r, const SyncUser &user)
{
    // The body as received is the batch's identity (a resent batch is the same bytes):
    // serialising 100k records again just to hash them cost a tenth of a push. BLAKE2b: Qt's
    // SHA-256 took 45 ms of a 5 MB batch, BLAKE2b 10 ms, which a thread of its own spends
    // while this one reads the records; "b2:" tells it from the SHA-256 hex of batches
    // stored before.
    auto digest = [&body = r.body] {
        return QCryptographicHash::hash(body, QCryptographicHash::Blake2b_256);
    };
    std::future<QByteArray> hashing;
    if (r.body.size() > kHashAsideAbove)
        hashing = std::async(std::launch::async, digest);
    // The common case straight from the text (ChangeSetReader); anything it does not
    // answer for goes through QJsonDocument, which also words the errors.
    QList<RecordChange> records;
    QJsonObject body;
    const bool fast = ChangeSetReader::read(r.body, &records, &body);
    if (!fast) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &pe);
        if (pe.error != QJsonParseError::NoError || !doc.isObject())
            return error(400, "bad_request", QStringLiteral("the body is not a JSON object"));
        body = doc.object();
    }
    const QString batchId = body.value(QLatin1String("batch_id")).toString();
    const QString site = QString::fromLatin1(r.headers.value("x-gamix-site"));
    SiteId siteId;
    if (batchId.isEmpty() || batchId.size() > 64 || !Clock::siteFromHex(site, &siteId))
        return error(400, "bad_request", QStringLiteral("batch_id and the X-Gamix-Site header are required"));
    const qint64 limitMs = now() + kMaxClockAheadMs;
    auto clockAhead = [&](const RecordChange &rc) {
        for (const FieldChange &f : rc.fields) {
            if (f.clock.wallMs() > limitMs)
                return true;
        }
        return false;
    };
    auto ahead = [this] {
        return json(
            422,
            QJsonObject {{QStringLiteral("error"), QStringLiteral("clock_ahead")},
                         {QStringLiteral("message"),
                          QStringLiteral("a change is stamped more than 5 minutes ahead of the server's clock")}});
    };
    if (fast) {
        for (const RecordChange &rc : std::as_const(records)) {
            if (clockAhead(rc))
                return ahead();
        }
    } else {
        const QJsonValue recordsValue = body.value(QLatin1String("records"));
        if (!recordsValue.isArray())
            return error(400, "bad_request", QStringLiteral("records must be an array"));
        const QJsonArray arr = recordsValue.toArray();
        records.reserve(arr.size());
        for (const QJsonValue &v : arr) {
            RecordChange rc;
            QString message;
            if (!v.isObject() || !RecordChange::fromJson(v.toObject(), &rc, &message))
                return error(400, "bad_request",
                             message.isEmpty() ? QStringLiteral("a record is not an object") : message);
            if (clockAhead(rc))
                return ahead();
            records << rc;
        }
    }
    const QString hash
        = QStringLiteral("b2:") + QString::fromLatin1((hashing.valid() ? hashing.get() : digest()).toBase64());

    // What the pusher has pulled (read before the transaction: a failed read there would
    // abort it on PostgreSQL).
    QSqlDatabase c = m_db.connection();
    const qint64 holds = ServerPurgeHorizon::noted(c, user.id, site.toLower());
    ServerDb::Write w(m_db);
    {
        QSqlQuery q(w.db());
        q.prepare(QStringLiteral("SELECT hash, result FROM gx_batch WHERE user_id = ? AND site = ? AND batch_id = ?"));
        q.addBindValue(user.id);
        q.addBindValue(site);
        q.addBindValue(batchId);
        if (ServerDb::exec(q) && q.next()) {
            const QString stored = q.value(0).toString();
            const bool same = stored.startsWith(QLatin1String("b2:"))
                ? stored == hash
                : stored == QString::fromLatin1(QCryptographicHash::hash(r.body, QCryptographicHash::Sha256).toHex());
            if (!same)
                return error(409, "batch_id_reused", QStringLiteral("this batch id was used for a different batch"));
            // The answer as it was first sent, in the form that send asked for: a resend
            // comes from the same replica, which asks the same way.
            HttpResponse resp;
            resp.body = q.value(1).toString().toUtf8();
            resp.headers.append(qMakePair(QByteArray("X-Gamix-Replayed"), QByteArray("1")));
            return resp; // answered, not applied twice
        }
    }
    MergeOptions options;
    options.user = &user;
    options.pusherSite = site.toLower();
    options.pusherHolds = holds;
    options.relayCursor = m_storage.relayPushCursor(w);
    int changed = 0;
    int conflicts = 0;
    const QList<RecordOutcome> outcomes = m_storage.merge(w, records, options, &changed, &conflicts);
    QList<ServerDirectory::AuditRow> auditRows;
    // The answer is written as JSON text directly (a QJsonObject per record of a 5,000-record
    // batch, then serialised, was a tenth of a push): {batch_id, results: [{entity, id,
    // fields: {name: status}, server: {name: {v, hlc, site, prev}}}], rejected, conflicts}.
    // With "X-Gamix-Answer: refusals" (our own clients and relays) only the records with a
    // refused field are listed, each in full, and "answer":"refusals" says so: the v1 answer
    // (one status per field of every record, ~1.5 MB per 5,000 records) was built, gzipped
    // and sent for a client that reads nothing of it when nothing is refused.
    const bool refusalsOnly = r.headers.value("x-gamix-answer") == "refusals";
    QByteArray resultBody;
    resultBody.reserve(refusalsOnly ? 256 : int(records.size()) * 200 + 128);
    resultBody += "{\"batch_id\":";
    ChangeSetJson::appendString(resultBody, batchId);
    if (refusalsOnly)
        resultBody += ",\"answer\":\"refusals\"";
    resultBody += ",\"results\":[";
    int rejected = 0;
    int listed = 0;
    for (int i = 0; i < records.size(); ++i) {
        const RecordChange &rc = records.at(i);
        QStringList accepted;
        const qsizetype recordStart = resultBody.size();
        const int rejectedBefore = rejected;
        if (listed > 0)
            resultBody += ',';
        resultBody += "{\"entity\":";
        ChangeSetJson::appendString(resultBody, rc.entity);
        resultBody += ",\"id\":";
        ChangeSetJson::appendString(resultBody, rc.id);
        resultBody += ",\"fields\":{";
        for (int k = 0; k < rc.fields.size(); ++k) {
            const FieldStatus s = outcomes.at(i).status.at(k);
            if (k > 0)
                resultBody += ',';
            ChangeSetJson::appendString(resultBody, rc.fields.at(k).name);
            resultBody += ":\"" + fieldStatusName(s).toLatin1() + '"';
            if (s == FieldStatus::Forbidden || s == FieldStatus::Invalid)
                ++rejected;
            else if (s == FieldStatus::Accepted)
                accepted << rc.fields.at(k).name;
        }
        resultBody += '}';
        const QList<FieldChange> &server = outcomes.at(i).serverValues.fields;
        if (!server.isEmpty()) {
            resultBody += ",\"server\":{";
            for (int k = 0; k < server.size(); ++k) {
                if (k > 0)
                    resultBody += ',';
                ChangeSetJson::appendString(resultBody, server.at(k).name);
                resultBody += ':';
                ChangeSetJson::appendField(resultBody, server.at(k));
            }
            resultBody += '}';
        }
        resultBody += '}';
        if (refusalsOnly && rejected == rejectedBefore)
            resultBody.truncate(recordStart);
        else
            ++listed;
        if (!accepted.isEmpty())
            auditRows.append({rc.entity, rc.id, accepted.join(u',')});
    }
    resultBody
        += "],\"rejected\":" + QByteArray::number(rejected) + ",\"conflicts\":" + QByteArray::number(conflicts) + '}';
    m_directory.audit(w.db(), user.id, QStringLiteral("push"), auditRows);
    // A replica pushing before its first pull is known from now on, as holding nothing: the
    // removals of what it pushed are kept for that pull (ServerPurgeHorizon::prune).
    if (holds < 0)
        ServerPurgeHorizon::notePush(w.db(), user.id, site.toLower());
    QSqlQuery ins(w.db());
    ins.prepare(QStringLiteral("INSERT INTO gx_batch (user_id, site, batch_id, hash, result) VALUES (?, ?, ?, ?, ?)"));
    ins.addBindValue(user.id);
    ins.addBindValue(site);
    ins.addBindValue(batchId);
    ins.addBindValue(hash);
    ins.addBindValue(QString::fromUtf8(resultBody));
    if (!ServerDb::exec(ins) || !w.commit())
        return error(503, "storage_unavailable", QStringLiteral("the server could not store the changes; retry"));
    {
        QMutexLocker lock(&m_metricsMutex);
        m_changesMerged += changed;
        m_conflicts += conflicts;
    }
    if (changed > 0 && m_onLocalChange)
        m_onLocalChange();
    HttpResponse resp;
    resp.body = resultBody;
    return resp;
}

HttpResponse SyncService::pull(const HttpRequest &r, const SyncUser &user)
{
    bool ok = true;
    const qint64 since = r.query.value(QStringLiteral("since"), QStringLiteral("0")).toLongLong(&ok);
    int limit = r.query.value(QStringLiteral("limit"), QStringLiteral("1000")).toInt();
    if (!ok || since < 0)
        return error(400, "bad_request", QStringLiteral("since must be a cursor from an earlier pull"));
    limit = qBound(1, limit, kMaxPullLimit);
    QByteArray records;
    SiteId site;
    const QString siteHex = QString::fromLatin1(r.headers.value("x-gamix-site")).toLower();
    const QString validSite = Clock::siteFromHex(siteHex, &site) ? siteHex : QString();
    m_horizon.maybePrune();
    const ChangePage page = m_storage.pull(user, since, limit, &records, validSite);
    // What this replica holds (noted after the pull, which reads what was noted before), so
    // the removal logs can be pruned behind every replica.
    m_horizon.notePull(user.id, validSite, since);
    QByteArray purge;
    if (!page.purges.isEmpty()) {
        QJsonArray arr;
        for (const PurgeMarker &m : page.purges) {
            QJsonObject o {{QStringLiteral("entity"), m.entity}, {QStringLiteral("id"), m.id}};
            if (m.erased)
                o.insert(QStringLiteral("erased"), true);
            arr.append(o);
        }
        purge = ",\"purge\":" + QJsonDocument(arr).toJson(QJsonDocument::Compact);
    }
    // The user's view number: it changes with their role or office (ServerPurgeLog).
    QSqlDatabase c = m_db.connection();
    const QString view = m_db.meta(c, ServerPurgeLog::viewKey(user.id));
    if (!view.isEmpty())
        purge += ",\"view\":\"" + view.toLatin1() + '"';
    HttpResponse resp;
    resp.body = "{\"records\":" + records + purge + ",\"next\":" + QByteArray::number(page.next)
        + ",\"more\":" + (page.more ? "true" : "false") + ",\"epoch\":\"" + m_storage.epoch().toLatin1()
        + "\",\"server_time\":" + QByteArray::number(now()) + '}';
    return resp;
}

HttpResponse SyncService::leads(const HttpRequest &r)
{
    QHash<QString, QString> form;
    const QByteArray type = r.headers.value("content-type");
    if (type.startsWith("application/json")) {
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        for (auto it = o.begin(); it != o.end(); ++it)
            form.insert(it.key(), FieldCodec::textFromJson(it.value()));
    } else {
        QByteArray b = r.body;
        b.replace('+', ' ');
        const QUrlQuery q(QString::fromUtf8(b));
        for (const auto &[k, v] : q.queryItems(QUrl::FullyDecoded))
            form.insert(k, v);
    }
    QString token = form.value(QStringLiteral("form_token"));
    const QByteArray auth = r.headers.value("authorization");
    if (auth.startsWith("Form "))
        token = QString::fromLatin1(auth.mid(5).trimmed());
    QString formName, officeId;
    if (token.isEmpty() || !m_directory.formToken(token, &formName, &officeId))
        return error(401, "unauthorized", QStringLiteral("a valid form token is required"));
    const EntityDef &lead = *Schema::instance().entity(u"lead");
    QList<QPair<QString, QString>> fields;
    static const char *const accepted[]
        = {"title", "first_name", "last_name", "email", "phone", "company_name", "notes"};
    for (const char *name : accepted) {
        const QString v = form.value(QLatin1String(name)).trimmed();
        if (v.isEmpty())
            continue;
        QVariant parsed;
        QString message;
        if (!FieldCodec::parse(*lead.field(QString::fromLatin1(name)), v, &parsed, &message))
            return error(400, "invalid", message);
        fields.append({QString::fromLatin1(name), FieldCodec::toText(*lead.field(QString::fromLatin1(name)), parsed)});
    }
    if (fields.isEmpty())
        return error(400, "invalid", QStringLiteral("the form is empty"));
    const QString consent = form.value(QStringLiteral("consent")).toLower();
    const bool consented = consent == u"on" || consent == u"true" || consent == u"1" || consent == u"yes";
    fields.append({QStringLiteral("consent"), consented ? QStringLiteral("true") : QStringLiteral("false")});
    fields.append({QStringLiteral("source"), QStringLiteral("web form: ") + formName});
    fields.append({QStringLiteral("status"), QStringLiteral("new")});
    fields.append({QStringLiteral("created_at"), FieldCodec::toIsoUtc(QDateTime::currentDateTimeUtc())});
    fields.append({QStringLiteral("deleted"), QStringLiteral("false")});
    if (!officeId.isEmpty())
        fields.append({QStringLiteral("office_id"), officeId});
    const QString id = newUuidV7();
    ServerDb::Write w(m_db);
    m_storage.stamp(w, QStringLiteral("lead"), id, fields);
    m_directory.audit(w.db(), QString(), QStringLiteral("form lead"), QStringLiteral("lead"), id, formName);
    if (!w.commit())
        return error(503, "storage_unavailable", QStringLiteral("the lead could not be stored; retry"));
    return json(201, QJsonObject {{QStringLiteral("id"), id}});
}

} // namespace gamix
