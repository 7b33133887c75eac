// ServerStorage::absentRecords: which records of a bulk merge are new, looked up ahead in
// chunks through QtSql (PostgreSQL; on SQLite each record's own load is cheaper). Kept apart
// from ServerStorage.cpp, which holds the merge.
#include "ServerStorage.h"

#include <QSqlQuery>

#include <algorithm>

namespace gamix {

QList<bool> ServerStorage::absentRecords(QSqlDatabase &db, const QList<RecordChange> &records)
{
    QList<bool> absent;
    if (records.size() < 64)
        return absent;
    // Per entity, each id the batch names -> the index of its record, -1 when named twice
    // (the second would find the first's row). Views into `records`: no key is built per
    // record. Conflict records are left out: the merge itself writes some (addConflict),
    // which a set taken before it would not know.
    QHash<QStringView, QHash<QStringView, qsizetype>> byEntity;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const RecordChange &rc = records.at(i);
        if (rc.entity == u"conflict")
            continue;
        QHash<QStringView, qsizetype> &ids = byEntity[rc.entity];
        const auto it = ids.find(rc.id);
        if (it == ids.end())
            ids.insert(rc.id, i);
        else
            *it = -1;
    }
    constexpr qsizetype kChunk = 500;
    auto inSql = [](qsizetype n) {
        QString sql = QStringLiteral("SELECT id FROM gx_record WHERE entity = ? AND id IN (");
        for (qsizetype i = 0; i < n; ++i)
            sql += i ? QStringLiteral(", ?") : QStringLiteral("?");
        sql += u')';
        return sql;
    };
    // One statement for every full chunk, prepared once (preparing 501 parameters per chunk
    // was most of this look-up's time); a shorter last chunk gets its own.
    QSqlQuery full(db);
    full.setForwardOnly(true);
    bool fullPrepared = false;
    absent.resize(records.size(), false);
    for (auto it = byEntity.begin(); it != byEntity.end(); ++it) {
        QHash<QStringView, qsizetype> &index = it.value();
        const QList<QStringView> ids = index.keys();
        QList<QString> present;
        for (qsizetype at = 0; at < ids.size(); at += kChunk) {
            const qsizetype n = std::min(kChunk, ids.size() - at);
            QSqlQuery part(db);
            if (n < kChunk) {
                part.setForwardOnly(true);
                part.prepare(inSql(n));
            } else if (!fullPrepared) {
                full.prepare(inSql(kChunk));
                fullPrepared = true;
            }
            QSqlQuery &q = n < kChunk ? part : full;
            q.addBindValue(it.key().toString());
            for (qsizetype i = 0; i < n; ++i)
                q.addBindValue(ids.at(at + i).toString());
            if (!ServerDb::exec(q))
                return QList<bool>(); // no shortcut: every record is looked up
            while (q.next())
                present.append(q.value(0).toString());
        }
        for (const QString &id : std::as_const(present)) {
            const auto found = index.find(QStringView(id));
            if (found != index.end())
                *found = -1;
        }
        for (const qsizetype i : std::as_const(index)) {
            if (i >= 0)
                absent[i] = true;
        }
    }
    return absent;
}

} // namespace gamix
