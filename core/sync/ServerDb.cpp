#include "ServerDb.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <atomic>

#include <sqlite3.h>

namespace gamix {

namespace {

// Portable SQL: runs on SQLite and PostgreSQL alike. `user` is a reserved word in
// PostgreSQL, hence the gx_ prefix.
const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS gx_meta (k VARCHAR(64) PRIMARY KEY, v TEXT)",
    "CREATE TABLE IF NOT EXISTS gx_record (entity VARCHAR(16) NOT NULL, id VARCHAR(64) NOT NULL, "
    "vis_entity VARCHAR(16) NOT NULL, owner_id VARCHAR(64), office_id VARCHAR(64), seq BIGINT NOT NULL, "
    "fields TEXT NOT NULL, PRIMARY KEY (entity, id))",
    "CREATE INDEX IF NOT EXISTS gx_record_seq ON gx_record (seq)",
    "CREATE TABLE IF NOT EXISTS gx_login (user_id VARCHAR(64) PRIMARY KEY, login VARCHAR(128) NOT NULL UNIQUE, "
    "pwhash TEXT NOT NULL, role VARCHAR(16) NOT NULL, office_id VARCHAR(64), disabled INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS gx_token (hash VARCHAR(64) PRIMARY KEY, user_id VARCHAR(64) NOT NULL, "
    "expires_at BIGINT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS gx_batch (user_id VARCHAR(64) NOT NULL, site VARCHAR(32) NOT NULL, "
    "batch_id VARCHAR(64) NOT NULL, hash VARCHAR(64) NOT NULL, result TEXT NOT NULL, PRIMARY KEY (user_id, site, "
    "batch_id))",
    "CREATE TABLE IF NOT EXISTS gx_form_token (hash VARCHAR(64) PRIMARY KEY, name VARCHAR(128) NOT NULL, "
    "office_id VARCHAR(64))",
    "CREATE TABLE IF NOT EXISTS gx_audit (at BIGINT NOT NULL, user_id VARCHAR(64), action VARCHAR(32) NOT NULL, "
    "entity VARCHAR(16), record_id VARCHAR(64), detail TEXT)",
    "CREATE TABLE IF NOT EXISTS gx_login_fail (k VARCHAR(200) PRIMARY KEY, n INTEGER NOT NULL, since BIGINT NOT NULL)",
    // Who could see a record before it was reassigned (ServerPurgeLog): their pull then
    // carries a removal. And the records erased for 152-FZ, which every replica purges.
    "CREATE TABLE IF NOT EXISTS gx_moved (seq BIGINT NOT NULL, entity VARCHAR(16) NOT NULL, id VARCHAR(64) NOT NULL, "
    "vis_entity VARCHAR(16) NOT NULL, owner_id VARCHAR(64), office_id VARCHAR(64))",
    "CREATE INDEX IF NOT EXISTS gx_moved_seq ON gx_moved (seq)",
    "CREATE TABLE IF NOT EXISTS gx_erased (entity VARCHAR(16) NOT NULL, id VARCHAR(64) NOT NULL, seq BIGINT NOT NULL, "
    "PRIMARY KEY (entity, id))",
    "CREATE INDEX IF NOT EXISTS gx_erased_seq ON gx_erased (seq)",
    // Records that left one user's view when their role or office changed.
    "CREATE TABLE IF NOT EXISTS gx_unseen (seq BIGINT NOT NULL, user_id VARCHAR(64) NOT NULL, "
    "entity VARCHAR(16) NOT NULL, id VARCHAR(64) NOT NULL)",
    "CREATE INDEX IF NOT EXISTS gx_unseen_user ON gx_unseen (user_id, seq)",
    // On an office server: records dropped because they left the office upstream.
    "CREATE TABLE IF NOT EXISTS gx_dropped (entity VARCHAR(16) NOT NULL, id VARCHAR(64) NOT NULL, "
    "PRIMARY KEY (entity, id))",
    // On an office server: the ids of dropped records whose removal log was pruned (ids only,
    // kept for good): a replica that comes back from behind the horizon (one an administrator
    // forgot) still gets their removal rebuilt (ServerPurgeLog::markers).
    "CREATE TABLE IF NOT EXISTS gx_gone (entity VARCHAR(16) NOT NULL, id VARCHAR(64) NOT NULL, seq BIGINT NOT NULL, "
    "PRIMARY KEY (entity, id))",
    "CREATE INDEX IF NOT EXISTS gx_gone_seq ON gx_gone (seq)",
};

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

} // namespace

ServerDb::ServerDb()
    : m_baseName(QStringLiteral("gamix-server-") + QUuid::createUuid().toString(QUuid::Id128))
{ }

ServerDb::~ServerDb()
{
    // Connections of other threads are closed when their threads end; ours here. Every
    // connection's WAL hook goes first, then (a member) the checkpoint thread.
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &n : names) {
        if (n.startsWith(m_baseName)) {
            {
                QSqlDatabase db = QSqlDatabase::database(n, false);
                if (sqlite3 *h = db.isOpen() ? sqliteHandle(db) : nullptr)
                    WalCheckpointer::detach(h);
                if (db.isOpen())
                    db.close();
            }
            QSqlDatabase::removeDatabase(n);
        }
    }
}

bool ServerDb::open(const QString &spec, QString *error)
{
    if (spec.startsWith(QStringLiteral("postgres://")) || spec.startsWith(QStringLiteral("postgresql://"))) {
        const QUrl url(spec);
        m_driver = QStringLiteral("QPSQL");
        m_postgres = true;
        m_host = url.host();
        m_port = url.port(5432);
        m_user = url.userName();
        m_password = url.password();
        m_database = url.path().mid(1);
    } else {
        m_driver = QStringLiteral("QSQLITE");
        m_database = spec;
        m_checkpointer = std::make_unique<WalCheckpointer>(spec);
    }
    if (!QSqlDatabase::isDriverAvailable(m_driver)) {
        *error = QCoreApplication::translate("Server", "the Qt Sql driver %1 is not installed").arg(m_driver);
        return false;
    }
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        *error = QCoreApplication::translate("Server", "cannot open the database %1: %2")
                     .arg(m_postgres ? m_database : spec, db.lastError().text());
        return false;
    }
    return createSchema(error);
}

QSqlDatabase ServerDb::connection()
{
    const QString name = m_baseName + u'-' + QString::number(quintptr(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::addDatabase(m_driver, name);
    db.setDatabaseName(m_database);
    if (m_postgres) {
        db.setHostName(m_host);
        db.setPort(m_port);
        db.setUserName(m_user);
        db.setPassword(m_password);
    } else {
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
    }
    if (db.open() && !m_postgres) {
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous = FULL"));
        // A 5,000-record push writes about 10 MB of pages: with SQLite's default 2 MB cache
        // the transaction spilled pages to the WAL and read them back (a tenth of a push).
        q.exec(QStringLiteral("PRAGMA cache_size = -32768"));
        if (sqlite3 *h = sqliteHandle(db))
            m_checkpointer->attach(h);
        // Freed space is zeroed: an old version of a record (an updated email, an erased
        // person) leaves no readable copy in the file.
        q.exec(QStringLiteral("PRAGMA secure_delete = ON"));
    }
    return db;
}

bool ServerDb::createSchema(QString *error)
{
    Write w(*this);
    QSqlQuery q(w.db());
    for (const char *sql : kSchema) {
        if (!q.exec(QString::fromLatin1(sql))) {
            *error = QCoreApplication::translate("Server", "cannot create the server tables: %1")
                         .arg(q.lastError().text());
            return false;
        }
    }
    // Added later (a pull copies `wire` as text and skips a replica's own records by
    // `solo_site`); rows saved before keep NULL there and are parsed from `fields`.
    if (meta(w.db(), QStringLiteral("record_wire")).isEmpty()) {
        for (const char *sql :
             {"ALTER TABLE gx_record ADD COLUMN wire TEXT", "ALTER TABLE gx_record ADD COLUMN solo_site VARCHAR(32)"}) {
            if (!q.exec(QString::fromLatin1(sql))) {
                *error = QCoreApplication::translate("Server", "cannot create the server tables: %1")
                             .arg(q.lastError().text());
                return false;
            }
        }
        setMeta(w.db(), QStringLiteral("record_wire"), QStringLiteral("1"));
    }
    // The seq `wire` was written at: a row saved since by a server version that does not
    // know `wire` (a rolling upgrade, a downgrade) has another seq and is parsed instead.
    if (meta(w.db(), QStringLiteral("record_wire_seq")).isEmpty()) {
        if (!q.exec(QStringLiteral("ALTER TABLE gx_record ADD COLUMN wire_seq BIGINT"))) {
            *error = QCoreApplication::translate("Server", "cannot create the server tables: %1")
                         .arg(q.lastError().text());
            return false;
        }
        setMeta(w.db(), QStringLiteral("record_wire_seq"), QStringLiteral("1"));
    }
    // The conflict records about a record (ServerVisibility::followSubject, when it moves) by
    // an index on their subject instead of a scan of every conflict row (0.9 s a move with
    // 100k of them). An index on an expression of `fields`: it covers rows saved before it,
    // and by any server version, with nothing to fill in.
    if (meta(w.db(), QStringLiteral("conflict_subject_index")).isEmpty()) {
        if (!q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS gx_record_subject ON gx_record ((") + conflictSubject()
                    + QStringLiteral(")) WHERE entity = 'conflict'"))) {
            *error = QCoreApplication::translate("Server", "cannot create the server tables: %1")
                         .arg(q.lastError().text());
            return false;
        }
        setMeta(w.db(), QStringLiteral("conflict_subject_index"), QStringLiteral("1"));
    }
    if (meta(w.db(), QStringLiteral("epoch")).isEmpty()) {
        setMeta(w.db(), QStringLiteral("epoch"), QUuid::createUuid().toString(QUuid::Id128));
        setMeta(w.db(), QStringLiteral("seq"), QStringLiteral("0"));
        setMeta(w.db(), QStringLiteral("hlc"), QStringLiteral("0"));
    }
    if (!w.commit()) {
        *error = QCoreApplication::translate("Server", "cannot create the server tables: %1")
                     .arg(w.db().lastError().text());
        return false;
    }
    return true;
}

ServerDb::Write::Write(ServerDb &db)
    : m_owner(db)
    , m_lock(db.m_writeMutex)
    , m_conn(db.connection())
{
    static std::atomic<quint64> serials {0};
    m_serial = ++serials;
    if (!m_conn.transaction())
        qWarning("gamix-server: cannot begin a transaction: %s", qPrintable(m_conn.lastError().text()));
    if (db.m_postgres) {
        QSqlQuery q(m_conn);
        q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(727274)"));
    }
}

ServerDb::Write::~Write()
{
    if (!m_done)
        m_conn.rollback();
}

bool ServerDb::Write::commit()
{
    m_done = true;
    if (m_failed) {
        qWarning("gamix-server: a statement failed; the transaction is rolled back");
        m_conn.rollback();
        return false;
    }
    if (m_conn.commit())
        return true;
    qWarning("gamix-server: commit failed: %s", qPrintable(m_conn.lastError().text()));
    m_conn.rollback();
    return false;
}

QString ServerDb::conflictSubject() const
{
    // `fields` is JSON text ({"record_id":{"v":"<id>",...},...}, ServerStorageRow). PostgreSQL
    // reads it as json, not jsonb: jsonb refuses an escaped NUL character that a value of the row may hold.
    return m_postgres ? QStringLiteral("(fields::json -> 'record_id') ->> 'v'")
                      : QStringLiteral("json_extract(fields, '$.record_id.v')");
}

QString ServerDb::meta(QSqlDatabase &db, const QString &key)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT v FROM gx_meta WHERE k = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return QString();
}

void ServerDb::setMeta(QSqlDatabase &db, const QString &key, const QString &value)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO gx_meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v"));
    q.addBindValue(key);
    q.addBindValue(value);
    exec(q);
}

bool ServerDb::exec(QSqlQuery &q)
{
    if (q.exec())
        return true;
    qWarning("gamix-server: SQL failed: %s", qPrintable(q.lastError().text()));
    return false;
}

} // namespace gamix
