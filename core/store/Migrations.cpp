#include "Migrations.h"

#include "CaseFold.h"
#include "Sqlite.h"

#include <QCoreApplication>

namespace gamix {

namespace {

// Append-only. Never edit a migration that has shipped: add the next one.
// Each runs in one transaction and sets PRAGMA user_version to its number.

const char *const kMigration1 = R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE "company" (id TEXT NOT NULL UNIQUE, name TEXT, inn TEXT, kpp TEXT, ogrn TEXT, website TEXT, phone TEXT, phone_e164 TEXT, email TEXT, address TEXT, city TEXT, notes TEXT, owner_id TEXT, office_id TEXT, created_at TEXT, deleted INTEGER NOT NULL DEFAULT 0, updated_at TEXT, seq INTEGER NOT NULL, dirty_seq INTEGER NOT NULL DEFAULT 0, clocks BLOB);
CREATE INDEX "company_seq" ON "company"(seq);
CREATE INDEX "company_dirty" ON "company"(dirty_seq) WHERE dirty_seq > 0;
CREATE TABLE "contact" (id TEXT NOT NULL UNIQUE, first_name TEXT, middle_name TEXT, last_name TEXT, email TEXT, email2 TEXT, phone TEXT, phone_e164 TEXT, mobile TEXT, mobile_e164 TEXT, telegram TEXT, company_id TEXT, position TEXT, city TEXT, birthday TEXT, tags TEXT, notes TEXT, owner_id TEXT, office_id TEXT, created_at TEXT, deleted INTEGER NOT NULL DEFAULT 0, updated_at TEXT, seq INTEGER NOT NULL, dirty_seq INTEGER NOT NULL DEFAULT 0, clocks BLOB);
CREATE INDEX "contact_seq" ON "contact"(seq);
CREATE INDEX "contact_dirty" ON "contact"(dirty_seq) WHERE dirty_seq > 0;
CREATE TABLE "lead" (id TEXT NOT NULL UNIQUE, title TEXT, first_name TEXT, last_name TEXT, email TEXT, phone TEXT, phone_e164 TEXT, company_name TEXT, source TEXT, status TEXT, consent INTEGER, notes TEXT, owner_id TEXT, office_id TEXT, created_at TEXT, deleted INTEGER NOT NULL DEFAULT 0, updated_at TEXT, seq INTEGER NOT NULL, dirty_seq INTEGER NOT NULL DEFAULT 0, clocks BLOB);
CREATE INDEX "lead_seq" ON "lead"(seq);
CREATE INDEX "lead_dirty" ON "lead"(dirty_seq) WHERE dirty_seq > 0;
CREATE TABLE "pipeline" (id TEXT NOT NULL UNIQUE, name TEXT, owner_id TEXT, office_id TEXT, created_at TEXT, deleted INTEGER NOT NULL DEFAULT 0, updated_at TEXT, seq INTEGER NOT NULL, dirty_seq INTEGER NOT NULL DEFAULT 0, clocks BLOB);
CREATE INDEX "pipeline_seq" ON "pipeline"(seq);
CREATE INDEX "pipeline_dirty" ON "pipeline"(dirty_seq) WHERE dirty_seq > 0;
CREATE TABLE "stage" (id TEXT NOT NULL UNIQUE, pipeline_id TEXT, name TEXT, position INTEGER, probability INTEGER, owner_id TEXT, office_id TEXT, created_at TEXT, deleted INTEGER NOT NULL DEFAULT 0, updated_at TEXT, seq INTEGER NOT NULL, dirty_seq INTEGER NOT NULL DEFAULT 0, clocks BLOB);
CREATE INDEX "stage_seq" ON "stage"(seq);
CREATE INDEX "stage_dirty" ON "stage"(dirty_seq) WHERE dirty_seq > 0;
CREATE TABLE "deal" (id TEXT NOT NULL UNIQUE, title TEXT, amount INTEGER, currency TEXT, pipeline_id TEXT, stage_id TEXT, contact_id TEXT, company_id TEXT, expected_close TEXT, status TEXT, lost_reason TEXT, notes TEXT, owner_id TEXT, office_id TEXT, created_at TEXT, deleted INTEGER NOT NULL DEFAULT 0, updated_at TEXT, seq INTEGER NOT NULL, dirty_seq INTEGER NOT NULL DEFAULT 0, clocks BLOB);
CREATE INDEX "deal_seq" ON "deal"(seq);
CREATE INDEX "deal_dirty" ON "deal"(dirty_seq) WHERE dirty_seq > 0;
CREATE TABLE "task" (id TEXT NOT NULL UNIQUE, title TEXT, due_at TEXT, done INTEGER, priority TEXT, remind_at TEXT, contact_id TEXT, company_id TEXT, deal_id TEXT, lead_id TEXT, notes TEXT, owner_id TEXT, office_id TEXT, created_at TEXT, deleted INTEGER NOT NULL DEFAULT 0, updated_at TEXT, seq INTEGER NOT NULL, dirty_seq INTEGER NOT NULL DEFAULT 0, clocks BLOB);
CREATE INDEX "task_seq" ON "task"(seq);
CREATE INDEX "task_dirty" ON "task"(dirty_seq) WHERE dirty_seq > 0;
CREATE TABLE "note" (id TEXT NOT NULL UNIQUE, kind TEXT, body TEXT, occurred_at TEXT, contact_id TEXT, company_id TEXT, deal_id TEXT, lead_id TEXT, owner_id TEXT, office_id TEXT, created_at TEXT, deleted INTEGER NOT NULL DEFAULT 0, updated_at TEXT, seq INTEGER NOT NULL, dirty_seq INTEGER NOT NULL DEFAULT 0, clocks BLOB);
CREATE INDEX "note_seq" ON "note"(seq);
CREATE INDEX "note_dirty" ON "note"(dirty_seq) WHERE dirty_seq > 0;
CREATE TABLE "user" (id TEXT NOT NULL UNIQUE, login TEXT, full_name TEXT, email TEXT, role TEXT, disabled INTEGER, owner_id TEXT, office_id TEXT, created_at TEXT, deleted INTEGER NOT NULL DEFAULT 0, updated_at TEXT, seq INTEGER NOT NULL, dirty_seq INTEGER NOT NULL DEFAULT 0, clocks BLOB);
CREATE INDEX "user_seq" ON "user"(seq);
CREATE INDEX "user_dirty" ON "user"(dirty_seq) WHERE dirty_seq > 0;
CREATE TABLE "office" (id TEXT NOT NULL UNIQUE, name TEXT, city TEXT, owner_id TEXT, office_id TEXT, created_at TEXT, deleted INTEGER NOT NULL DEFAULT 0, updated_at TEXT, seq INTEGER NOT NULL, dirty_seq INTEGER NOT NULL DEFAULT 0, clocks BLOB);
CREATE INDEX "office_seq" ON "office"(seq);
CREATE INDEX "office_dirty" ON "office"(dirty_seq) WHERE dirty_seq > 0;
CREATE TABLE "conflict" (id TEXT NOT NULL UNIQUE, entity TEXT, record_id TEXT, field TEXT, kept_value TEXT, kept_site TEXT, kept_at TEXT, lost_value TEXT, lost_site TEXT, lost_at TEXT, resolved INTEGER, owner_id TEXT, office_id TEXT, created_at TEXT, deleted INTEGER NOT NULL DEFAULT 0, updated_at TEXT, seq INTEGER NOT NULL, dirty_seq INTEGER NOT NULL DEFAULT 0, clocks BLOB);
CREATE INDEX "conflict_seq" ON "conflict"(seq);
CREATE INDEX "conflict_dirty" ON "conflict"(dirty_seq) WHERE dirty_seq > 0;
CREATE VIRTUAL TABLE search USING fts5(body, tokenize = "unicode61 remove_diacritics 2");
INSERT INTO "pipeline" (id, name, created_at, seq) VALUES
  ('00000000-0000-7000-8000-000000000001', 'Sales', '1970-01-01T00:00:00Z', 0);
INSERT INTO "stage" (id, pipeline_id, name, position, probability, created_at, seq) VALUES
  ('00000000-0000-7000-8000-000000000011', '00000000-0000-7000-8000-000000000001', 'New', 1, 10, '1970-01-01T00:00:00Z', 0),
  ('00000000-0000-7000-8000-000000000012', '00000000-0000-7000-8000-000000000001', 'Qualified', 2, 30, '1970-01-01T00:00:00Z', 0),
  ('00000000-0000-7000-8000-000000000013', '00000000-0000-7000-8000-000000000001', 'Proposal', 3, 50, '1970-01-01T00:00:00Z', 0),
  ('00000000-0000-7000-8000-000000000014', '00000000-0000-7000-8000-000000000001', 'Negotiation', 4, 70, '1970-01-01T00:00:00Z', 0),
  ('00000000-0000-7000-8000-000000000015', '00000000-0000-7000-8000-000000000001', 'Closing', 5, 90, '1970-01-01T00:00:00Z', 0);
)SQL";

// Lookups that dedupe, sorting and the related-records panels need.
const char *const kMigration2 = R"SQL(
CREATE INDEX contact_email ON "contact"(lower(email)) WHERE email IS NOT NULL;
CREATE INDEX contact_phone ON "contact"(phone_e164) WHERE phone_e164 IS NOT NULL;
CREATE INDEX contact_mobile ON "contact"(mobile_e164) WHERE mobile_e164 IS NOT NULL;
CREATE INDEX contact_company ON "contact"(company_id) WHERE company_id IS NOT NULL;
CREATE INDEX contact_last_name ON "contact"(last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX company_inn ON "company"(inn) WHERE inn IS NOT NULL;
CREATE INDEX company_name ON "company"(name COLLATE NOCASE);
CREATE INDEX lead_email ON "lead"(lower(email)) WHERE email IS NOT NULL;
CREATE INDEX deal_stage ON "deal"(stage_id);
CREATE INDEX deal_contact ON "deal"(contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX deal_company ON "deal"(company_id) WHERE company_id IS NOT NULL;
CREATE INDEX task_due ON "task"(due_at);
CREATE INDEX note_contact ON "note"(contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX conflict_record ON "conflict"(record_id);
)SQL";

// Phone search runs on the E.164 columns (a prefix range on a B-tree) rather than on
// per-number FTS tokens, which made every phone a set of unique terms and short digit
// prefixes slow; and FTS gets prefix indexes for two- and three-letter prefixes.
// The index is rebuilt by the next search (the watermark goes back to zero).
const char *const kMigration3 = R"SQL(
CREATE INDEX company_phone ON "company"(phone_e164) WHERE phone_e164 IS NOT NULL;
CREATE INDEX lead_phone ON "lead"(phone_e164) WHERE phone_e164 IS NOT NULL;
DROP TABLE search;
CREATE VIRTUAL TABLE search USING fts5(body, tokenize = "unicode61 remove_diacritics 2", prefix = '2 3');
INSERT INTO meta (key, value) VALUES ('fts_seq', 0) ON CONFLICT(key) DO UPDATE SET value = 0;
)SQL";

// Duplicates that met through sync (issue 5): a merge tombstones one record with
// merged_into = the record it was merged into. Columns go last, like the schema field.
const char *const kMigration4 = R"SQL(
ALTER TABLE "company" ADD COLUMN merged_into TEXT;
ALTER TABLE "contact" ADD COLUMN merged_into TEXT;
)SQL";

// Dedupe look-ups that scanned a table (issue 4): a contact's second email (the importer,
// lead conversion and sync's duplicate check compare it), a deal by its title (a deal
// import's duplicate check, a task's deal by name) and a lead by its name (a lead import's
// duplicate check when the row has no email or phone). And emails compare under full
// Unicode case folding: lower() is CaseFold's from this version on, so the indexes built
// with SQLite's ASCII-only lower() are rebuilt.
const char *const kMigration5 = R"SQL(
REINDEX contact_email;
REINDEX lead_email;
CREATE INDEX contact_email2 ON "contact"(lower(email2)) WHERE email2 IS NOT NULL;
CREATE INDEX deal_title ON "deal"(title);
CREATE INDEX lead_name ON "lead"(last_name, first_name);
)SQL";

const char *const kMigrations[] = {kMigration1, kMigration2, kMigration3, kMigration4, kMigration5};

} // namespace

int Migrations::latestVersion()
{
    return int(sizeof(kMigrations) / sizeof(kMigrations[0]));
}

QString Migrations::sql(int version)
{
    return QString::fromUtf8(kMigrations[version - 1]);
}

void Migrations::run(SqliteDb &db, int upTo)
{
    const int target = upTo < 0 ? latestVersion() : upTo;
    // Before anything touches an index on lower(...): the schema is built on CaseFold's.
    CaseFold::install(db);
    int current = int(db.scalar(QStringLiteral("PRAGMA user_version")));
    if (current > latestVersion()) {
        throw SqliteError(
            QCoreApplication::translate("Store",
                                        "The database %1 was created by a newer version of Gamix "
                                        "(schema %2, this version understands up to %3). Update Gamix to open it.")
                .arg(db.path())
                .arg(current)
                .arg(latestVersion()),
            0);
    }
    while (current < target) {
        const int next = current + 1;
        SqliteTransaction tx(db);
        db.exec(sql(next));
        db.exec(QStringLiteral("PRAGMA user_version = %1").arg(next));
        tx.commit();
        current = next;
    }
}

} // namespace gamix
