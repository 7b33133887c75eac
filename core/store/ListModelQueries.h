#pragma once
// Read-only SQL the desktop lists need and the Store's list() does not give: the ordered
// row ids of a whole table (so a model knows its row count up front and its order comes
// from SQL on indexed columns) and windows of rows by rowid. Runs on any thread that owns
// the SqliteDb it is given; never writes.

#include "Record.h"
#include "Sqlite.h"
#include "schema/Schema.h"

#include <QDate>
#include <QList>
#include <QPair>
#include <QString>
#include <QVector>

#include <functional>

namespace gamix {

struct ListFilter
{
    QString search; // full-text, every word as a prefix
    QList<QPair<QString, QString>> equals; // field = stored value (text form)
    QString ownerId; // empty: everyone's
    QString dateField; // filters dateField between from and to (inclusive)
    QDate from;
    QDate to;

    bool isEmpty() const
    {
        return search.trimmed().isEmpty() && equals.isEmpty() && ownerId.isEmpty() && !from.isValid() && !to.isValid();
    }
};

struct ListOrder
{
    QString field; // empty: the entity's natural order
    bool descending = false;
};

namespace ListModelQueries {

// The natural order of an entity's list: contacts by last and first name (indexed),
// companies by name (indexed), the rest newest first.
ListOrder defaultOrder(const EntityDef &entity);

// True when the first rows in this order come from an index walk that stops early
// (LIMIT), so reading them on the UI thread is instant even on a million rows.
bool isIndexedOrder(const EntityDef &entity, const ListOrder &order, const ListFilter &filter);

// True when the table holds at most `n` rows (reads at most n + 1 of them).
bool isSmall(SqliteDb &db, const EntityDef &entity, int n);

// The ORDER BY / WHERE text, exposed for tests and the benchmark.
QString orderBy(const EntityDef &entity, const ListOrder &order);

// Every matching live row's rowid, in order. `limit` < 0 reads all. `cancelled` is polled
// every few thousand rows so an outdated request stops early (returns what it had).
// The search index must be caught up by the caller (Store::catchUpSearchIndex).
QVector<qint64> sortedRowIds(SqliteDb &db, const EntityDef &entity, const ListFilter &filter, const ListOrder &order,
                             int limit = -1, const std::function<bool()> &cancelled = {});

// The matching row count (same WHERE as sortedRowIds).
qint64 countRows(SqliteDb &db, const EntityDef &entity, const ListFilter &filter);

// Rows by rowid, in the order asked for; deleted or missing rows come back invalid.
QList<Record> readRows(SqliteDb &db, const EntityDef &entity, const QVector<qint64> &rowids);

// A full-text MATCH expression for what a user typed (words as prefixes, phone digits).
QString matchExpression(const QString &text);

// Sum of deal amounts (minor units) and count per stage id, open deals of one pipeline.
struct StageTotal
{
    QString stageId;
    qint64 count = 0;
    qint64 amount = 0;
};
QList<StageTotal> stageTotals(SqliteDb &db, const QString &pipelineId);

// Task ids by bucket, for the Tasks and Today pages. `today` is the local calendar day.
enum class TaskBucket { Today, Overdue, Upcoming, Done };
QStringList taskIds(SqliteDb &db, TaskBucket bucket, const QDate &today, int limit = 500);

// Open deals whose expected close falls in [from, to].
QStringList dealsClosingBetween(SqliteDb &db, const QDate &from, const QDate &to, int limit = 200);

// Tasks with a reminder at or before `untilUtc` that are not done, and the reminder after `afterUtc`.
QStringList dueReminders(SqliteDb &db, const QString &afterUtcIso, const QString &untilUtcIso);

} // namespace ListModelQueries

} // namespace gamix
