// Reads of the local store and its full-text search index.

#include "Store.h"

#include "StoreTable.h"
#include "schema/FieldCodec.h"
#include "schema/PhoneNumber.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace gamix {

namespace {

// Search-index keys pack the entity's code into the low bits of the row's rowid, so one
// FTS table serves every entity and a hit leads straight to its row.
constexpr int kCodeBits = 4;

qint64 searchKey(const EntityDef &e, qint64 rowid)
{
    return (rowid << kCodeBits) | e.code;
}

const EntityDef *entityByCode(int code)
{
    for (const EntityDef &e : Schema::instance().entities()) {
        if (e.code == code)
            return &e;
    }
    return nullptr;
}

// A MATCH expression: every word of the query as a prefix.
QString matchExpression(const QString &text)
{
    QStringList terms;
    QString word;
    const QString folded = Store::foldForSearch(text);
    for (QChar c : QString(folded + u' ')) {
        if (c.isLetterOrNumber()) {
            word.append(c);
        } else if (!word.isEmpty()) {
            terms << u'"' + word + QStringLiteral("\"*");
            word.clear();
        }
    }
    return terms.join(u' ');
}

// The E.164 prefixes a phone-like query may stand for: `+7916`, `8916`, `7916` and `916`
// all mean +7916…; digits typed without a prefix may also be an international number.
QStringList phonePrefixes(const QString &text)
{
    const QString digits = phoneQueryDigits(text);
    if (digits.isEmpty())
        return {};
    if (text.trimmed().startsWith(u'+') || digits.startsWith(u'7'))
        return {u'+' + digits};
    if (digits.startsWith(u'8'))
        return {QStringLiteral("+7") + digits.mid(1)};
    return {QStringLiteral("+7") + digits, u'+' + digits};
}

// SQL condition over a table's phone columns for those prefixes ('9' + 1 = ':').
QString phoneCondition(const EntityDef &e, const QStringList &prefixes, QList<QVariant> *binds)
{
    QStringList parts;
    for (const FieldDef &f : e.fields) {
        if (!f.isPhone())
            continue;
        for (const QString &p : prefixes) {
            parts << f.name + QStringLiteral("_e164 >= ? AND ") + f.name + QStringLiteral("_e164 < ?");
            *binds << p << QString(p + u':');
        }
    }
    return parts.isEmpty() ? QStringLiteral("0") : u'(' + parts.join(QStringLiteral(") OR (")) + u')';
}

// Above this many pending changes the catch-up indexes with one INSERT ... SELECT per
// entity (the documents built in SQL, folded by gamix_fold) instead of row by row.
constexpr qint64 kBulkIndexRows = 5000;

// Store::foldForSearch on UTF-8 bytes for the common case, Latin and Russian letters:
// ASCII and U+0400..U+045F are folded in place (Ё and ё to е); anything else returns
// false and goes the QString way. A bulk catch-up folds a million documents.
bool foldUtf8Fast(const unsigned char *p, int n, QByteArray &out)
{
    out.resize(n);
    char *o = out.data();
    for (int i = 0; i < n; ++i) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            o[i] = char(c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        if (i + 1 >= n || (c != 0xD0 && c != 0xD1))
            return false;
        const unsigned char d = p[i + 1];
        if (d < 0x80 || d > 0xBF)
            return false;
        unsigned cp = ((c & 0x1F) << 6) | (d & 0x3F); // U+0400..U+047F
        if (cp >= 0x460)
            return false;
        if (cp < 0x410)
            cp += 0x50; // Ѐ..Џ -> ѐ..џ
        else if (cp < 0x430)
            cp += 0x20; // А..Я -> а..я
        if (cp == 0x451)
            cp = 0x435; // ё -> е
        o[i] = char(0xC0 | (cp >> 6));
        o[i + 1] = char(0x80 | (cp & 0x3F));
        ++i;
    }
    return true;
}

void foldFunction(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const unsigned char *text = sqlite3_value_text(argv[0]);
    if (!text) {
        sqlite3_result_null(ctx);
        return;
    }
    const int n = sqlite3_value_bytes(argv[0]);
    QByteArray folded;
    if (!foldUtf8Fast(text, n, folded))
        folded = Store::foldForSearch(QString::fromUtf8(reinterpret_cast<const char *>(text), n)).toUtf8();
    sqlite3_result_text(ctx, folded.constData(), int(folded.size()), SQLITE_TRANSIENT);
}

// The search document of searchDocument() as an SQL expression over alias `t` (and `co`,
// the contact's company): searchable fields separated by spaces, phones only when they have
// no E.164 form.
QString documentSql(const EntityDef &e)
{
    QStringList parts;
    for (const FieldDef &f : e.fields) {
        if (!f.searchable)
            continue;
        parts << (f.isPhone() ? QStringLiteral("CASE WHEN t.%1_e164 IS NULL THEN t.%1 END").arg(f.name)
                              : QStringLiteral("t.") + f.name);
    }
    if (e.name == u"contact")
        parts << QStringLiteral("co.name");
    if (parts.isEmpty())
        return QString();
    QStringList terms;
    for (const QString &p : parts)
        terms << QStringLiteral("COALESCE(") + p + QStringLiteral(" || ' ', '')");
    return QStringLiteral("gamix_fold(rtrim(") + terms.join(QStringLiteral(" || ")) + QStringLiteral("))");
}

// The same documents as Store::indexRow() for every row changed after `after`, written by
// SQLite itself: no row crosses into C++ except to be folded (gamix_fold), and FTS5
// receives the documents in rowid order.
void bulkIndex(SqliteDb &db, qint64 after)
{
    sqlite3_create_function_v2(db.handle(), "gamix_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, foldFunction,
                               nullptr, nullptr, nullptr);
    for (const EntityDef &e : Schema::instance().entities()) {
        const QString table = u'"' + e.name + u'"';
        const QString key = QStringLiteral("((t.rowid << %1) | %2)").arg(kCodeBits).arg(e.code);
        // Rows past the watermark may already have a document: replaced, never doubled.
        SqliteStmt del = db.prepare(QStringLiteral("DELETE FROM search WHERE rowid IN (SELECT ") + key
                                    + QStringLiteral(" FROM ") + table + QStringLiteral(" t WHERE t.seq > ?1)"));
        del.bind(1, after);
        del.exec();
        const QString doc = documentSql(e);
        if (doc.isEmpty())
            continue;
        const QString join
            = e.name == u"contact" ? QStringLiteral(" LEFT JOIN company co ON co.id = t.company_id") : QString();
        SqliteStmt ins = db.prepare(
            QStringLiteral("INSERT INTO search (rowid, body) SELECT k, d FROM (SELECT ") + key
            + QStringLiteral(" AS k, ") + doc + QStringLiteral(" AS d FROM ") + table + QStringLiteral(" t") + join
            + QStringLiteral(" WHERE t.seq > ?1 AND t.deleted = 0 ORDER BY t.rowid) WHERE d <> ''"));
        ins.bind(1, after);
        ins.exec();
    }
}

} // namespace

QString Store::foldForSearch(QStringView text)
{
    QString s = text.toString().toLower();
    s.replace(QChar(0x0451), QChar(0x0435)); // ё -> е
    return s;
}

Record Store::readRow(const EntityDef &entity, SqliteStmt &st)
{
    Record r;
    r.entity = &entity;
    r.rowid = st.int64(0);
    r.id = st.text(1);
    r.updatedAt = st.text(2);
    r.seq = st.int64(3);
    r.clocks = ClockSet::fromBlob(st.blob(4));
    r.values.resize(entity.fields.size());
    for (int i = 0; i < entity.fields.size(); ++i) {
        const int col = Table::kFirstFieldColumn + i;
        if (st.isNull(col))
            continue;
        r.values[i] = Table::isIntegerType(entity.fields.at(i).type) ? QVariant(st.int64(col)) : QVariant(st.text(col));
    }
    return r;
}

Record Store::get(const EntityDef &entity, const QString &id, bool includeDeleted)
{
    Table &t = table(entity);
    if (!t.selectById)
        t.selectById = &m_db.cached(QStringLiteral("SELECT ") + t.selectColumns + QStringLiteral(" FROM ") + t.name
                                    + QStringLiteral(" WHERE id = ?1"));
    SqliteStmt &st = *t.selectById;
    st.bind(1, id.toLower());
    Record r;
    if (st.step())
        r = readRow(entity, st);
    st.reset();
    if (r.isValid() && r.isDeleted() && !includeDeleted)
        return Record();
    return r;
}

qint64 Store::count(const EntityDef &entity)
{
    return m_db.scalar(QStringLiteral("SELECT count(*) FROM \"") + entity.name
                       + QStringLiteral("\" WHERE deleted = 0"));
}

QList<Record> Store::list(const ListQuery &query, QString *error)
{
    const EntityDef &e = *query.entity;
    const Table &t = table(e);
    QString sql = QStringLiteral("SELECT ") + t.selectColumns + QStringLiteral(" FROM ") + t.name
        + QStringLiteral(" WHERE deleted = 0");
    QList<QVariant> binds;
    for (const auto &[name, value] : query.where) {
        const FieldDef *f = e.field(name);
        if (!f || f->name == QLatin1String(kDeletedField)) {
            *error = QCoreApplication::translate("Store", "%1: there is no such field in %2").arg(name, e.name);
            return {};
        }
        QVariant v;
        if (!FieldCodec::parse(*f, value, &v, error))
            return {};
        if (v.isNull()) {
            sql += QStringLiteral(" AND ") + f->name + QStringLiteral(" IS NULL");
        } else if (f->type == FieldType::Email) {
            sql += QStringLiteral(" AND lower(") + f->name + QStringLiteral(") = lower(?)");
            binds << v;
        } else if (f->isPhone()) {
            sql += QStringLiteral(" AND (") + f->name + QStringLiteral(" = ? OR ") + f->name
                + QStringLiteral("_e164 = ?)");
            binds << v << phoneToE164(v.toString());
        } else {
            sql += QStringLiteral(" AND ") + f->name + QStringLiteral(" = ?");
            binds << v;
        }
    }
    const QStringList phones = phonePrefixes(query.search);
    if (!phones.isEmpty()) {
        sql += QStringLiteral(" AND (") + phoneCondition(e, phones, &binds) + u')';
    } else if (!query.search.trimmed().isEmpty()) {
        catchUpSearchIndex();
        const QString match = matchExpression(query.search);
        if (match.isEmpty())
            return {};
        sql += QStringLiteral(
                   " AND rowid IN (SELECT rowid >> %1 FROM search WHERE search MATCH ? AND (rowid & %2) = %3)")
                   .arg(kCodeBits)
                   .arg((1 << kCodeBits) - 1)
                   .arg(e.code);
        binds << match;
    }
    if (!query.sort.isEmpty()) {
        const bool desc = query.sort.startsWith(u'-');
        const QString name = desc ? query.sort.mid(1) : query.sort;
        const FieldDef *f = e.field(name);
        if (!f && name != u"updated_at") {
            *error = QCoreApplication::translate("Store", "%1: there is no such field in %2").arg(name, e.name);
            return {};
        }
        const bool text = f && !Table::isIntegerType(f->type);
        sql += QStringLiteral(" ORDER BY ") + name + (text ? QStringLiteral(" COLLATE NOCASE") : QString())
            + (desc ? QStringLiteral(" DESC") : QString()) + QStringLiteral(", rowid");
    } else {
        sql += QStringLiteral(" ORDER BY rowid");
    }
    if (query.limit >= 0)
        sql += QStringLiteral(" LIMIT %1 OFFSET %2").arg(query.limit).arg(query.offset);
    QList<Record> out;
    try {
        SqliteStmt st = m_db.prepare(sql);
        for (int i = 0; i < binds.size(); ++i)
            st.bind(i + 1, binds.at(i));
        while (st.step())
            out << readRow(e, st);
    } catch (const SqliteError &ex) {
        *error = ex.message();
        return {};
    }
    return out;
}

QString Store::searchDocument(const EntityDef &entity, const Record &record)
{
    QStringList parts;
    for (int i = 0; i < entity.fields.size(); ++i) {
        const FieldDef &f = entity.fields.at(i);
        const QVariant &v = record.values.at(i);
        if (!f.searchable || v.isNull())
            continue;
        const QString text = v.toString();
        // Phones are found through their E.164 columns; only a number that could not be
        // normalised goes into the text index as typed.
        if (!f.isPhone() || phoneToE164(text).isEmpty())
            parts << text;
    }
    if (entity.name == u"contact") {
        const QVariant company = record.values.at(entity.fieldIndex(u"company_id"));
        if (!company.isNull()) {
            SqliteStmt &st = m_db.cached(QStringLiteral("SELECT name FROM company WHERE id = ?1"));
            st.bind(1, company.toString());
            if (st.step())
                parts << st.text(0);
            st.reset();
        }
    }
    return foldForSearch(parts.join(u' '));
}

void Store::indexRow(const EntityDef &entity, const Record &record, bool fresh)
{
    const qint64 key = searchKey(entity, record.rowid);
    if (!fresh) {
        SqliteStmt &del = m_db.cached(QStringLiteral("DELETE FROM search WHERE rowid = ?1"));
        del.bind(1, key);
        del.exec();
    }
    if (record.isDeleted())
        return;
    const QString doc = searchDocument(entity, record);
    if (doc.isEmpty())
        return;
    SqliteStmt &ins = m_db.cached(QStringLiteral("INSERT INTO search (rowid, body) VALUES (?1, ?2)"));
    ins.bind(1, key).bind(2, doc);
    ins.exec();
}

qint64 Store::pendingIndexRows()
{
    m_seq = meta(QStringLiteral("seq")).toLongLong();
    m_ftsSeq = meta(QStringLiteral("fts_seq")).toLongLong();
    if (m_ftsSeq >= m_seq)
        return 0;
    qint64 n = 0;
    for (const EntityDef &e : Schema::instance().entities()) {
        SqliteStmt st
            = m_db.prepare(QStringLiteral("SELECT count(*) FROM \"") + e.name + QStringLiteral("\" WHERE seq > ?1"));
        st.bind(1, m_ftsSeq);
        if (st.step())
            n += st.int64(0);
    }
    return n;
}

void Store::catchUpSearchIndex()
{
    if (m_batch)
        return;
    // Cheap check first: another connection may have written since our counters were read.
    m_seq = meta(QStringLiteral("seq")).toLongLong();
    m_ftsSeq = meta(QStringLiteral("fts_seq")).toLongLong();
    if (m_ftsSeq >= m_seq)
        return;
    SqliteTransaction tx(m_db);
    loadCounters();
    if (m_seq - m_ftsSeq > kBulkIndexRows) {
        bulkIndex(m_db, m_ftsSeq);
        m_ftsSeq = m_seq;
        setMeta(QStringLiteral("fts_seq"), m_ftsSeq);
        tx.commit();
        return;
    }
    // Rows past the watermark may or may not have a document yet (a deferred batch can
    // follow an indexed write), so each is replaced, never added twice.
    for (const EntityDef &e : Schema::instance().entities()) {
        const Table &t = table(e);
        SqliteStmt st = m_db.prepare(QStringLiteral("SELECT ") + t.selectColumns + QStringLiteral(" FROM ") + t.name
                                     + QStringLiteral(" WHERE seq > ?1"));
        st.bind(1, m_ftsSeq);
        while (st.step())
            indexRow(e, readRow(e, st), false);
    }
    m_ftsSeq = m_seq;
    setMeta(QStringLiteral("fts_seq"), m_ftsSeq);
    tx.commit();
}

QList<SearchHit> Store::searchPhones(const QStringList &prefixes, int limit, const EntityDef *only)
{
    QList<SearchHit> hits;
    QSet<QString> seen;
    for (const EntityDef &e : Schema::instance().entities()) {
        if (only && only != &e)
            continue;
        for (const FieldDef &f : e.fields) {
            if (!f.isPhone())
                continue;
            for (const QString &p : prefixes) {
                if (hits.size() >= limit)
                    return hits;
                const Table &t = table(e);
                SqliteStmt &st
                    = m_db.cached(QStringLiteral("SELECT ") + t.selectColumns + QStringLiteral(" FROM ") + t.name
                                  + QStringLiteral(" WHERE ") + f.name + QStringLiteral("_e164 >= ?1 AND ") + f.name
                                  + QStringLiteral("_e164 < ?2 AND deleted = 0 LIMIT ?3"));
                st.bind(1, p).bind(2, QString(p + u':')).bind(3, qint64(limit - hits.size()));
                while (st.step()) {
                    const Record r = readRow(e, st);
                    if (!seen.contains(r.id)) {
                        seen.insert(r.id);
                        hits << SearchHit {&e, r.id, r.displayName()};
                    }
                }
                st.reset();
            }
        }
    }
    return hits;
}

QList<SearchHit> Store::search(const QString &text, int limit, const EntityDef *only)
{
    const QStringList phones = phonePrefixes(text);
    if (!phones.isEmpty())
        return searchPhones(phones, limit, only);
    QList<SearchHit> hits;
    const QString match = matchExpression(text);
    if (match.isEmpty())
        return hits;
    catchUpSearchIndex();
    QString sql = QStringLiteral("SELECT rowid FROM search WHERE search MATCH ?1");
    if (only)
        sql += QStringLiteral(" AND (rowid & %1) = %2").arg((1 << kCodeBits) - 1).arg(only->code);
    sql += QStringLiteral(" ORDER BY rowid DESC LIMIT ?2");
    SqliteStmt &st = m_db.cached(sql);
    st.bind(1, match).bind(2, qint64(limit));
    QList<qint64> keys;
    try {
        while (st.step())
            keys << st.int64(0);
    } catch (const SqliteError &) {
        st.reset();
        return hits; // a query FTS cannot parse finds nothing
    }
    st.reset();
    for (qint64 key : keys) {
        const EntityDef *e = entityByCode(int(key & ((1 << kCodeBits) - 1)));
        if (!e)
            continue;
        const Table &t = table(*e);
        SqliteStmt &row = m_db.cached(QStringLiteral("SELECT ") + t.selectColumns + QStringLiteral(" FROM ") + t.name
                                      + QStringLiteral(" WHERE rowid = ?1"));
        row.bind(1, key >> kCodeBits);
        if (row.step()) {
            const Record r = readRow(*e, row);
            hits << SearchHit {e, r.id, r.displayName()};
        }
        row.reset();
    }
    return hits;
}

} // namespace gamix
