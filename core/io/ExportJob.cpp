#include "ExportJob.h"

#include "CsvWriter.h"
#include "ICalendarWriter.h"
#include "VCardWriter.h"
#include "schema/FieldCodec.h"

#include <QCoreApplication>
#include <QHash>
#include <QSaveFile>

#include <sqlite3.h>

namespace gamix {

namespace {

QList<int> referenceFields(const EntityDef &e)
{
    QList<int> out;
    for (int i = 0; i < e.fields.size(); ++i) {
        const FieldDef &f = e.fields.at(i);
        if (!f.system && f.type == FieldType::Reference)
            out << i;
    }
    return out;
}

// The name a reference shows, in SQL over alias `x`; the same text as Record::displayName.
QString displaySql(const EntityDef &ref, const QString &x)
{
    if (ref.name == u"contact") {
        return QStringLiteral(
                   "COALESCE(NULLIF(TRIM(REPLACE(COALESCE(%1.last_name, '') || ' ' || COALESCE(%1.first_name, '') "
                   "|| ' ' || COALESCE(%1.middle_name, ''), '  ', ' ')), ''), %1.email, %1.phone)")
            .arg(x);
    }
    return x + u'.' + ref.displayField;
}

QString refName(const FieldDef &f)
{
    return f.name.endsWith(QLatin1String("_id")) ? f.name.chopped(3) : f.name;
}

} // namespace

ExportJob::ExportJob(Store &store, ExportOptions options)
    : m_store(store)
    , m_options(std::move(options))
{ }

QStringList ExportJob::csvHeader(const EntityDef &e, ExportOptions::Profile profile)
{
    QStringList header;
    if (profile == ExportOptions::Profile::Data)
        header << QStringLiteral("id");
    for (const FieldDef &f : e.fields) {
        if (f.system)
            continue;
        if (profile == ExportOptions::Profile::Data) {
            header << f.name;
            if (f.type == FieldType::Reference)
                header << refName(f);
        } else {
            header << f.translatedLabel();
        }
    }
    return header;
}

bool ExportJob::forEachRecord(const std::function<bool(const Record &, const QStringList &)> &fn, QString *error)
{
    const EntityDef &e = *m_options.entity;
    const Schema &schema = Schema::instance();
    const QList<int> refs = referenceFields(e);
    if (m_options.query) {
        const QList<Record> records = m_store.list(*m_options.query, error);
        if (!error->isEmpty())
            return false;
        QHash<QString, QString> names;
        for (const Record &r : records) {
            QStringList refNames;
            for (int i : refs) {
                const FieldDef &f = e.fields.at(i);
                const QString id = r.values.at(i).toString();
                if (id.isEmpty()) {
                    refNames << QString();
                    continue;
                }
                auto it = names.constFind(id);
                if (it == names.constEnd())
                    it = names.insert(id, m_store.get(*schema.entity(f.refEntity), id).displayName());
                refNames << *it;
            }
            if (!fn(r, refNames))
                return false;
        }
        return true;
    }
    QStringList columns {QStringLiteral("t.rowid"), QStringLiteral("t.id"), QStringLiteral("t.updated_at")};
    for (const FieldDef &f : e.fields)
        columns << QStringLiteral("t.") + f.name;
    QString joins;
    for (int k = 0; k < refs.size(); ++k) {
        const FieldDef &f = e.fields.at(refs.at(k));
        const EntityDef *ref = schema.entity(f.refEntity);
        const QString alias = QStringLiteral("r%1").arg(k);
        columns << displaySql(*ref, alias);
        joins += QStringLiteral(" LEFT JOIN \"%1\" %2 ON %2.id = t.%3").arg(ref->name, alias, f.name);
    }
    SqliteStmt st = m_store.db().prepare(QStringLiteral("SELECT ") + columns.join(QStringLiteral(", "))
                                         + QStringLiteral(" FROM \"") + e.name + QStringLiteral("\" t") + joins
                                         + QStringLiteral(" WHERE t.deleted = 0 ORDER BY t.rowid"));
    Record r;
    r.entity = &e;
    r.values.resize(e.fields.size());
    QStringList refNames;
    const int nFields = int(e.fields.size());
    while (st.step()) {
        r.rowid = st.int64(0);
        r.id = st.text(1);
        r.updatedAt = st.text(2);
        for (int i = 0; i < nFields; ++i)
            r.values[i] = st.value(3 + i);
        refNames.resize(0);
        for (int k = 0; k < refs.size(); ++k)
            refNames << st.text(3 + nFields + k);
        if (!fn(r, refNames))
            return false;
    }
    return true;
}

namespace {

// RFC 4180 quoting of UTF-8 bytes as SQLite hands them out.
void appendCsvBytes(QByteArray &out, const char *p, int n)
{
    bool quote = false;
    for (int i = 0; i < n && !quote; ++i) {
        const char c = p[i];
        quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    if (!quote) {
        out.append(p, n);
        return;
    }
    out.append('"');
    for (int i = 0; i < n; ++i) {
        if (p[i] == '"')
            out.append('"');
        out.append(p[i]);
    }
    out.append('"');
}

} // namespace

bool ExportJob::writeDataUtf8(QIODevice *device, QString *error)
{
    // The Data profile in UTF-8 writes values untouched: SQLite's UTF-8 goes straight to
    // the file, without a round trip through UTF-16 (the CsvWriter's QString interface),
    // which is what sqlite3 -csv does too. The quoting rule is CsvWriter's data() profile.
    const EntityDef &e = *m_options.entity;
    const Schema &schema = Schema::instance();
    // The names of referenced records come from a map loaded once when the referenced
    // table is not huge: a LEFT JOIN per reference costs an index look-up and a table seek
    // per row (measured: 1M contacts, 1.7 of 2.4 s CPU went into the company join).
    constexpr qint64 kMapRows = 300000;
    struct RefMap
    {
        int idColumn = -1; // statement column of the reference id
        QHash<QByteArray, QByteArray> names;
    };
    QList<RefMap> maps;
    QStringList columns {QStringLiteral("t.id")};
    QString joins;
    // Per output column: the statement column, or -(1 + map index) for a mapped name.
    QList<int> source {0};
    QList<FieldType> types {FieldType::Text};
    int k = 0;
    for (int i = 0; i < e.fields.size(); ++i) {
        const FieldDef &f = e.fields.at(i);
        if (f.system)
            continue;
        columns << QStringLiteral("t.") + f.name;
        source << int(columns.size() - 1);
        types << f.type;
        if (f.type != FieldType::Reference)
            continue;
        const EntityDef *ref = schema.entity(f.refEntity);
        const QString alias = QStringLiteral("r%1").arg(k++);
        if (m_store.db().scalar(QStringLiteral("SELECT count(*) FROM \"") + ref->name + u'"') <= kMapRows) {
            RefMap map;
            map.idColumn = int(columns.size() - 1);
            SqliteStmt names = m_store.db().prepare(
                QStringLiteral("SELECT %1.id, %2 FROM \"%3\" %1").arg(alias, displaySql(*ref, alias), ref->name));
            sqlite3_stmt *n = names.handle();
            while (names.step()) {
                map.names.insert(
                    QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(n, 0)), sqlite3_column_bytes(n, 0)),
                    QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(n, 1)), sqlite3_column_bytes(n, 1)));
            }
            maps << map;
            source << -int(maps.size());
        } else {
            columns << displaySql(*ref, alias);
            joins += QStringLiteral(" LEFT JOIN \"%1\" %2 ON %2.id = t.%3").arg(ref->name, alias, f.name);
            source << int(columns.size() - 1);
        }
        types << FieldType::Text;
    }
    SqliteStmt st = m_store.db().prepare(QStringLiteral("SELECT ") + columns.join(QStringLiteral(", "))
                                         + QStringLiteral(" FROM \"") + e.name + QStringLiteral("\" t") + joins
                                         + QStringLiteral(" WHERE t.deleted = 0 ORDER BY t.rowid"));
    QByteArray out = csvHeader(e, ExportOptions::Profile::Data).join(u',').toUtf8() + "\r\n";
    sqlite3_stmt *h = st.handle();
    while (st.step()) {
        for (int o = 0; o < types.size(); ++o) {
            if (o > 0)
                out.append(',');
            const int c = source.at(o);
            if (c < 0) {
                const RefMap &map = maps.at(-c - 1);
                if (sqlite3_column_type(h, map.idColumn) == SQLITE_NULL)
                    continue;
                const auto it = map.names.constFind(
                    QByteArray::fromRawData(reinterpret_cast<const char *>(sqlite3_column_text(h, map.idColumn)),
                                            sqlite3_column_bytes(h, map.idColumn)));
                if (it != map.names.constEnd())
                    appendCsvBytes(out, it->constData(), int(it->size()));
                continue;
            }
            if (sqlite3_column_type(h, c) == SQLITE_NULL)
                continue;
            switch (types.at(o)) {
            case FieldType::Money:
                out.append(FieldCodec::formatMoney(sqlite3_column_int64(h, c)).toLatin1());
                break;
            case FieldType::Bool:
                out.append(sqlite3_column_int64(h, c) ? "true" : "false");
                break;
            default:
                appendCsvBytes(out, reinterpret_cast<const char *>(sqlite3_column_text(h, c)),
                               sqlite3_column_bytes(h, c));
            }
        }
        out.append("\r\n");
        if (out.size() > (1 << 20)) {
            if (device->write(out) != out.size()) {
                *error = device->errorString();
                return false;
            }
            out.resize(0);
        }
        if (++m_rows % 10000 == 0) {
            if (onProgress)
                onProgress(m_rows);
            if (cancelFlag && cancelFlag->load()) {
                *error = QCoreApplication::translate("Export", "cancelled");
                return false;
            }
        }
    }
    if (device->write(out) != out.size()) {
        *error = device->errorString();
        return false;
    }
    return true;
}

bool ExportJob::writeCsv(QIODevice *device, QString *error)
{
    const EntityDef &e = *m_options.entity;
    const bool data = m_options.profile == ExportOptions::Profile::Data;
    if (data && !m_options.query && (m_options.encoding.isEmpty() || m_options.encoding == "utf-8"))
        return writeDataUtf8(device, error);
    CsvWriterOptions w = data ? CsvWriterOptions::data() : CsvWriterOptions::excel();
    if (!m_options.encoding.isEmpty() && m_options.encoding != "utf-8") {
        if (!data && (m_options.encoding == "windows-1251" || m_options.encoding == "cp1251"))
            w = CsvWriterOptions::excelWindows1251();
        else {
            w.encoding = m_options.encoding;
            w.bom = false;
        }
    }
    CsvWriter writer(device, w);
    if (!writer.isValid()) {
        *error = QCoreApplication::translate("Export", "unknown encoding “%1”")
                     .arg(QString::fromLatin1(m_options.encoding));
        return false;
    }
    // The Excel profile has no ids: a person reading it wants the company's name.
    QStringList header = csvHeader(e, m_options.profile);
    writer.writeRow(header);
    const QString yes = QCoreApplication::translate("Export", "yes");
    const QString no = QCoreApplication::translate("Export", "no");
    QStringList cells;
    const bool ok = forEachRecord(
        [&](const Record &r, const QStringList &refNames) {
            cells.resize(0);
            if (data)
                cells << r.id;
            int ref = 0;
            for (int i = 0; i < e.fields.size(); ++i) {
                const FieldDef &f = e.fields.at(i);
                if (f.system)
                    continue;
                const QVariant &v = r.values.at(i);
                if (f.type == FieldType::Reference) {
                    if (data)
                        cells << (v.isNull() ? QString() : v.toString());
                    cells << refNames.value(ref++);
                    continue;
                }
                if (v.isNull()) {
                    cells << QString();
                } else if (!data && f.type == FieldType::Money) {
                    cells << FieldCodec::toText(f, v).replace(u'.', u','); // what Russian Excel reads as a number
                } else if (!data && f.type == FieldType::Bool) {
                    cells << (v.toLongLong() ? yes : no);
                } else if (f.type == FieldType::Text || f.type == FieldType::LongText || f.type == FieldType::Phone
                           || f.type == FieldType::Email) {
                    cells << v.toString();
                } else {
                    cells << FieldCodec::toText(f, v);
                }
            }
            if (!writer.writeRow(cells)) {
                *error = writer.errorString();
                return false;
            }
            if (++m_rows % 10000 == 0) {
                if (onProgress)
                    onProgress(m_rows);
                if (m_options.query == nullptr && cancelFlag && cancelFlag->load()) {
                    *error = QCoreApplication::translate("Export", "cancelled");
                    return false;
                }
            }
            return true;
        },
        error);
    if (!ok)
        return false;
    if (!writer.flush()) {
        *error = writer.errorString();
        return false;
    }
    m_unmappable = writer.unmappableCount();
    return true;
}

bool ExportJob::writeVCard(QIODevice *device, QString *error)
{
    if (m_options.entity->name != u"contact") {
        *error = QCoreApplication::translate("Export", "vCard holds contacts only");
        return false;
    }
    VCardWriter writer(device, m_options.vcardVersion);
    return forEachRecord(
               [&](const Record &r, const QStringList &refNames) {
                   writer.write(r, refNames.value(0)); // the contact's only reference is company_id
                   ++m_rows;
                   return true;
               },
               error)
        && writer.finish(error);
}

bool ExportJob::writeICalendar(QIODevice *device, QString *error)
{
    if (m_options.entity->name != u"task") {
        *error = QCoreApplication::translate("Export", "iCalendar export holds tasks only");
        return false;
    }
    ICalendarWriter writer(device);
    return forEachRecord(
               [&](const Record &r, const QStringList &) {
                   writer.write(r);
                   ++m_rows;
                   return true;
               },
               error)
        && writer.finish(error);
}

bool ExportJob::run(QString *error)
{
    QSaveFile file(m_options.file);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("Export", "%1: cannot write the file: %2")
                     .arg(m_options.file, file.errorString());
        return false;
    }
    QString why;
    bool ok = false;
    try {
        switch (m_options.format) {
        case ExportOptions::Format::Csv:
            ok = writeCsv(&file, &why);
            break;
        case ExportOptions::Format::VCard:
            ok = writeVCard(&file, &why);
            break;
        case ExportOptions::Format::ICalendar:
            ok = writeICalendar(&file, &why);
            break;
        }
    } catch (const SqliteError &e) {
        why = e.message();
        ok = false;
    }
    if (!ok) {
        file.cancelWriting();
        *error = m_options.file + QStringLiteral(": ") + why;
        return false;
    }
    if (!file.commit()) {
        *error = QCoreApplication::translate("Export", "%1: cannot write the file: %2")
                     .arg(m_options.file, file.errorString());
        return false;
    }
    return true;
}

} // namespace gamix
