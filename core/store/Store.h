#pragma once
// The local store: one SQLite database of one replica. Every change, from a form, the CLI
// or an import, goes through create/update/remove/restore (local mode: full validation)
// and every change from sync through merge (type checks only). Both run in one
// transaction that writes the row, stamps per-field clocks, bumps the change sequence and
// updates (or defers) the search index (DESIGN.md §3). There is no other way to write.

#include "Clock.h"
#include "Record.h"
#include "Sqlite.h"
#include "WalCheckpointer.h"
#include "schema/Schema.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

namespace gamix {

struct FieldWrite
{
    QString field;
    QString text; // empty clears the field
};

struct WriteResult
{
    bool ok = true;
    QString id;
    QStringList errors; // translated, each names the field
    QString errorText() const { return errors.join(QStringLiteral("; ")); }
};

struct RemoteField
{
    int field = -1;
    QString text;
    Clock clock;
    Clock prev;
};

// Two live records with the same normalised email or phone (contacts) or INN (companies)
// that met through sync, flagged for review (core/store/StoreMergeRecords.cpp).
struct DuplicateFlag
{
    QString id; // the flag record (a `conflict` record with field "(duplicate)")
    const EntityDef *entity = nullptr;
    QString firstId, secondId; // sorted
};

enum class MergeStatus { Accepted, Superseded, Invalid };

struct MergeResult
{
    QList<MergeStatus> status; // one per RemoteField
    QStringList errors;
    int conflicts = 0;
    Record record; // the row as it stands after the merge (invalid if it does not exist)
};

struct ListQuery
{
    const EntityDef *entity = nullptr;
    QString search;
    QList<QPair<QString, QString>> where; // field = value (text form)
    QString sort; // field name; "-field" sorts descending
    int limit = -1;
    int offset = 0;
};

struct SearchHit
{
    const EntityDef *entity = nullptr;
    QString id;
    QString title;
};

struct CheckReport
{
    bool ok = true;
    QStringList problems;
};

class Store
{
public:
    Store();
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Opens or creates the database, runs migrations, mints a site id when the file is new,
    // copied or restored. On failure returns false with a user-facing message.
    bool open(const QString &path, QString *error);
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    QString path() const { return m_db.path(); }
    static QString defaultPath();

    // ---- the one write path, local mode ----
    WriteResult create(const EntityDef &entity, const QList<FieldWrite> &fields, const QString &id = QString());
    WriteResult update(const EntityDef &entity, const QString &id, const QList<FieldWrite> &fields);
    WriteResult remove(const EntityDef &entity, const QString &id);
    WriteResult restore(const EntityDef &entity, const QString &id);
    // ---- merge mode (sync) ----
    // `current`, when given, is what get(entity, id, true) returns now (read by the caller in
    // the same transaction), so the row is not read twice.
    // `pushedHlc`: this replica's own stamps above it are not pushed yet; a remote value over
    // one of them is concurrent with it whatever the clocks say (MergeRule::decide).
    MergeResult merge(const EntityDef &entity, const QString &id, const QList<RemoteField> &fields,
                      const Record *current = nullptr, quint64 pushedHlc = ~quint64(0));

    // Many writes in one transaction. With deferIndex the rows are only marked for the
    // search index (by the change sequence); the next search catches up first.
    void beginBatch(bool deferIndex = false);
    void commitBatch();
    void rollbackBatch();
    bool inBatch() const { return m_batch; }

    // ---- reads ----
    Record get(const EntityDef &entity, const QString &id, bool includeDeleted = false);
    QList<Record> list(const ListQuery &query, QString *error);
    qint64 count(const EntityDef &entity);
    QList<SearchHit> search(const QString &text, int limit = 20, const EntityDef *only = nullptr);
    // Indexes every row written since the index was last complete.
    void catchUpSearchIndex();
    qint64 pendingIndexRows();

    // ---- maintenance ----
    bool backup(const QString &file, QString *error);
    CheckReport check();

    // ---- replica identity ----
    SiteId siteId() const { return m_site; }
    Hlc &hlc() { return m_hlc; }
    qint64 changeSeq() const { return m_seq; }
    QString ownerId() const { return m_ownerId; }
    QString officeId() const { return m_officeId; }
    QString meta(const QString &key);
    void setMeta(const QString &key, const QVariant &value);
    // Directory entities (user, office) are written only by sync and the server.
    void setDirectoryWritable(bool writable) { m_directoryWritable = writable; }

    SqliteDb &db() { return m_db; }

    // Search folding: lower case, ё -> е. Used for index and queries alike.
    static QString foldForSearch(QStringView text);

    // ---- sync support ---- (core/store/StoreSync.cpp; used by core/sync)
    // Rows with dirty_seq > after (what this replica still has to push), by dirty_seq.
    QList<QPair<qint64, Record>> dirtyRowsAfter(const EntityDef &entity, qint64 after, int limit);
    // The server refused our value of one field and sent its own: take it regardless of
    // clock order, keeping ours as a conflict record (unless !keepOurs: a forced field that
    // replaces a value other than the refused one, MergeRule::forcedTakeKeepsLocal). false
    // when the record is unknown.
    bool adoptField(const EntityDef &entity, const QString &id, const RemoteField &server, bool keepOurs = true);
    // Clock guard: re-stamps our own unpushed field clocks newer than `afterHlc` (on rows
    // dirty after `afterSeq`) with fresh stamps, after the Hlc was moved to server time.
    int restampUnpushed(qint64 afterSeq, quint64 afterHlc);
    // First login binds the database to a user: remembers the owner and returns the rows
    // without one. Their owner_id/office_id are stamped as ordinary local writes by
    // stampOwner: the first push stamps the rows of each batch as it reads them, while the
    // server merges the batch before (stamping 100,000 rows at login held the first push
    // back ~0.8 s), and the sync's end stamps what is left, also when it failed.
    int bindOwner(const QString &ownerId, const QString &officeId);
    // Stamps up to `limit` unbound rows of each entity whose dirty_seq > keepAbove, in
    // push order; limit < 0: every unbound row, and the binding is complete. A row keeps
    // its dirty_seq when it is above keepAbove (still to push), else gets a new one.
    // Returns the rows stamped.
    int stampOwner(qint64 keepAbove, int limit);
    // A push refused every field of this record and the server sent nothing back: the
    // fields whose clock is still the one sent lose their clock (the value stays), so
    // whatever the server sends for them later wins. Returns whether a clock was cleared.
    bool releaseFields(const EntityDef &entity, const QString &id, const QList<QPair<int, Clock>> &sent);
    bool ownerStampPending();
    // Removes records without tombstones (core/store/StorePurge.cpp): they left this
    // user's view or were erased on the server. Drops each row (entity, id), its search
    // entry and the conflict records about it, in one transaction; nothing syncs back.
    // `secure` (152-FZ erasure) also overwrites freed bytes, merges the search index,
    // vacuums and truncates the WAL so no copy of the data stays in the files.
    int purge(const QList<QPair<QString, QString>> &records, bool secure);
    // ---- end of sync support ----

    // ---- duplicates that met through sync (core/store/StoreMergeRecords.cpp) ----
    // After a remote change to a contact or company: flags every other live record with
    // the same email/phone (INN) through the write path. The flag is a `conflict` record
    // with field "(duplicate)", born resolved (so conflict counts skip it), whose id is
    // derived from the two ids: every replica makes the same one. Returns flags made.
    int flagDuplicates(const EntityDef &entity, const QString &id);
    // The same for a record as it stands now (MergeResult::record), without reading it again.
    int flagDuplicates(const Record &record);
    // Flags whose two records are both still live.
    QList<DuplicateFlag> duplicateFlags();
    // Merges two records into one: the values of `keepId` win, the other's fill its empty
    // fields. The record with the smaller id stays (so replicas merging the same pair in
    // opposite directions agree) and is returned as WriteResult::id; every reference to the
    // other is repointed, and the other becomes a tombstone with merged_into. Ordinary
    // local writes in one transaction, so the merge syncs like any edit.
    WriteResult mergeRecords(const EntityDef &entity, const QString &keepId, const QString &otherId);
    static QString duplicateFlagId(const QString &entity, const QString &a, const QString &b);

private:
    static bool ownerStamped(const EntityDef &e);
    struct Table;
    Table &table(const EntityDef &entity);
    enum class WriteMode { Create, CreateMinted, Update, Delete, Restore };
    WriteResult writeLocal(const EntityDef &entity, const QString &id, WriteMode mode, const QList<FieldWrite> &fields);
    bool referenceExists(const FieldDef &field, const QString &id);
    // `before`: the record's values before this write (null when creating); a reference is
    // checked only where the write sets it, so a record whose company was deleted (or is not
    // visible to this user) stays editable.
    void validateRecord(const EntityDef &entity, QList<QVariant> &values, const QList<QVariant> *before,
                        QStringList &errors);
    void writeRow(const EntityDef &entity, Record &record, bool insert, bool local);
    void indexRow(const EntityDef &entity, const Record &record, bool fresh);
    QString searchDocument(const EntityDef &entity, const Record &record);
    QList<SearchHit> searchPhones(const QStringList &prefixes, int limit, const EntityDef *only);
    Record readRow(const EntityDef &entity, SqliteStmt &st);
    void recordConflict(const EntityDef &entity, const QString &id, const FieldDef &field, const QVariant &keptValue,
                        const Clock &kept, const QVariant &lostValue, const Clock &lost);
    void beginWrite();
    void endWrite(bool ok);
    void saveCounters();
    void endBatch();
    void loadIdentity();
    void loadCounters();

    SqliteDb m_db;
    // Checkpoints the WAL off the committing thread (a sync page commits a few MB).
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    QHash<QString, std::shared_ptr<Table>> m_tables;
    Hlc m_hlc;
    SiteId m_site {};
    qint64 m_seq = 0;
    qint64 m_ftsSeq = 0;
    QString m_ownerId;
    QString m_officeId;
    bool m_batch = false;
    bool m_deferIndex = false;
    bool m_directoryWritable = false;
    std::unique_ptr<SqliteTransaction> m_tx;
    QSet<QString> m_knownRefs; // references seen alive in the current batch
};

} // namespace gamix
