-- A database as Gamix schema version 1 wrote it (migration 1 plus one contact).
-- Frozen: the upgrade test opens it with the current code.
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
INSERT INTO meta (key, value) VALUES ('site_id', '0123456789abcdef0123456789abcdef'), ('site_path', '/nonexistent/v1.sqlite'), ('hlc', '117940483522560000'), ('seq', '1'), ('fts_seq', '1');
INSERT INTO "contact" (id, first_name, last_name, email, owner_id, office_id, created_at, deleted, updated_at, seq, dirty_seq, clocks)
  VALUES ('01930000-0000-7000-8000-000000000001', 'Анна', 'Фикстурова', 'anna@example.ru', NULL, NULL, '2024-11-01T10:00:00Z', 0, '2024-11-01T10:00:00Z', 1, 1, NULL);
INSERT INTO search (rowid, body) VALUES ((1 << 4) | 2, 'анна фикстурова anna@example.ru');
PRAGMA user_version = 1;
