#include "Sqlite.h"

#include <sqlite3.h>

namespace gamix {

namespace {

[[noreturn]] void raise(sqlite3 *db, int rc, const QString &context = QString())
{
    QString msg = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
    if (!context.isEmpty())
        msg += QStringLiteral(" (") + context + u')';
    throw SqliteError(msg, rc);
}

} // namespace

SqliteError::SqliteError(const QString &message, int code)
    : std::runtime_error(message.toStdString())
    , m_message(message)
    , m_code(code)
{ }

SqliteStmt::SqliteStmt(sqlite3 *db, const QString &sql)
    : m_db(db)
{
    const QByteArray utf8 = sql.toUtf8();
    const int rc
        = sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        raise(db, rc, sql.left(200));
    m_held.resize(sqlite3_bind_parameter_count(m_stmt) + 1);
}

SqliteStmt::~SqliteStmt()
{
    sqlite3_finalize(m_stmt);
}

SqliteStmt::SqliteStmt(SqliteStmt &&other) noexcept
    : m_db(other.m_db)
    , m_stmt(other.m_stmt)
    , m_held(std::move(other.m_held))
{
    other.m_stmt = nullptr;
}

SqliteStmt &SqliteStmt::operator=(SqliteStmt &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        m_held = std::move(other.m_held);
        other.m_stmt = nullptr;
    }
    return *this;
}

SqliteStmt &SqliteStmt::bind(int i, const QString &text)
{
    return bind(i, QStringView(text));
}

SqliteStmt &SqliteStmt::bind(int i, QStringView text)
{
    if (text.isNull())
        return bindNull(i);
    if (i >= m_held.size())
        m_held.resize(i + 1);
    QByteArray &held = m_held[i];
    held = text.toUtf8();
    const int rc = sqlite3_bind_text(m_stmt, i, held.constData(), int(held.size()), SQLITE_STATIC);
    if (rc != SQLITE_OK)
        raise(m_db, rc);
    return *this;
}

SqliteStmt &SqliteStmt::bind(int i, qint64 value)
{
    const int rc = sqlite3_bind_int64(m_stmt, i, value);
    if (rc != SQLITE_OK)
        raise(m_db, rc);
    return *this;
}

SqliteStmt &SqliteStmt::bindBlob(int i, const QByteArray &blob)
{
    const int rc = sqlite3_bind_blob(m_stmt, i, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        raise(m_db, rc);
    return *this;
}

SqliteStmt &SqliteStmt::bindNull(int i)
{
    const int rc = sqlite3_bind_null(m_stmt, i);
    if (rc != SQLITE_OK)
        raise(m_db, rc);
    return *this;
}

SqliteStmt &SqliteStmt::bind(int i, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return bindNull(i);
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::Bool:
    case QMetaType::UInt:
        return bind(i, value.toLongLong());
    case QMetaType::QByteArray:
        return bindBlob(i, value.toByteArray());
    default:
        return bind(i, value.toString());
    }
}

bool SqliteStmt::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3_reset(m_stmt);
    raise(m_db, rc);
}

void SqliteStmt::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

void SqliteStmt::exec()
{
    while (step()) { }
    reset();
}

int SqliteStmt::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

bool SqliteStmt::isNull(int col) const
{
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}

QString SqliteStmt::text(int col) const
{
    const unsigned char *p = sqlite3_column_text(m_stmt, col);
    if (!p)
        return QString();
    return QString::fromUtf8(reinterpret_cast<const char *>(p), sqlite3_column_bytes(m_stmt, col));
}

qint64 SqliteStmt::int64(int col) const
{
    return sqlite3_column_int64(m_stmt, col);
}

QByteArray SqliteStmt::blob(int col) const
{
    const void *p = sqlite3_column_blob(m_stmt, col);
    return QByteArray(static_cast<const char *>(p), sqlite3_column_bytes(m_stmt, col));
}

QVariant SqliteStmt::value(int col) const
{
    switch (sqlite3_column_type(m_stmt, col)) {
    case SQLITE_NULL:
        return QVariant();
    case SQLITE_INTEGER:
        return QVariant(int64(col));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_stmt, col));
    case SQLITE_BLOB:
        return QVariant(blob(col));
    default:
        return QVariant(text(col));
    }
}

SqliteDb::~SqliteDb()
{
    close();
}

void SqliteDb::open(const QString &path, bool create, bool readOnly)
{
    close();
    int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create && !readOnly)
        flags |= SQLITE_OPEN_CREATE;
    flags |= SQLITE_OPEN_NOMUTEX; // one connection per thread (DESIGN.md §2)
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close(m_db);
        m_db = nullptr;
        throw SqliteError(msg, rc);
    }
    m_path = path;
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);
}

void SqliteDb::close()
{
    m_cache.clear();
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

void SqliteDb::exec(const QString &sql)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const QString msg = err ? QString::fromUtf8(err) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_free(err);
        throw SqliteError(msg, rc);
    }
}

SqliteStmt SqliteDb::prepare(const QString &sql)
{
    return SqliteStmt(m_db, sql);
}

SqliteStmt &SqliteDb::cached(const QString &sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end())
        it = m_cache.insert(sql, std::make_shared<SqliteStmt>(m_db, sql));
    return **it;
}

qint64 SqliteDb::scalar(const QString &sql)
{
    SqliteStmt st = prepare(sql);
    return st.step() ? st.int64(0) : 0;
}

int SqliteDb::changes() const
{
    return sqlite3_changes(m_db);
}

qint64 SqliteDb::lastInsertRowid() const
{
    return sqlite3_last_insert_rowid(m_db);
}

bool SqliteDb::inTransaction() const
{
    return m_db && !sqlite3_get_autocommit(m_db);
}

SqliteTransaction::SqliteTransaction(SqliteDb &db)
    : m_db(db)
{
    m_db.exec(QStringLiteral("BEGIN IMMEDIATE"));
}

SqliteTransaction::~SqliteTransaction()
{
    if (!m_done) {
        try {
            m_db.exec(QStringLiteral("ROLLBACK"));
        } catch (const SqliteError &) {
            // Already rolled back by SQLite itself (e.g. after SQLITE_FULL).
        }
    }
}

void SqliteTransaction::commit()
{
    m_db.exec(QStringLiteral("COMMIT"));
    m_done = true;
}

} // namespace gamix
