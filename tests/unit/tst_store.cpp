// The one write path: validation, clocks, tombstones, merge and conflicts, backup.
#include "io/ImportJob.h"
#include "store/Migrations.h"
#include "store/Store.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gamix;

namespace {

const EntityDef &E(const char *name)
{
    return *Schema::instance().entity(QString::fromLatin1(name));
}

QList<FieldWrite> W(std::initializer_list<std::pair<const char *, const char *>> pairs)
{
    QList<FieldWrite> out;
    for (const auto &[k, v] : pairs)
        out.append(FieldWrite {QString::fromUtf8(k), QString::fromUtf8(v)});
    return out;
}

qint64 rows(Store &s, const char *table)
{
    return s.db().scalar(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(QString::fromLatin1(table)));
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_n)); }
    void openFresh(Store &s)
    {
        QString error;
        QVERIFY2(s.open(freshPath(), &error), qPrintable(error));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void seedPipelineIsTheSameEverywhere()
    {
        Store a, b;
        openFresh(a);
        openFresh(b);
        const Record pa = a.get(E("pipeline"), QStringLiteral("00000000-0000-7000-8000-000000000001"));
        QVERIFY(pa.isValid());
        QVERIFY(pa.clocks.isEmpty()); // zero clocks: any real edit wins
        QCOMPARE(a.count(E("stage")), 5);
        QVERIFY(a.siteId() != b.siteId());
    }

    void createStampsEveryFieldWithOneClock()
    {
        Store s;
        openFresh(s);
        const qint64 seq0 = s.changeSeq();
        const WriteResult r = s.create(
            E("contact"), W({{"first_name", "Пётр"}, {"last_name", "Семёнов"}, {"phone", "8 (916) 123-45-67"}}));
        QVERIFY2(r.ok, qPrintable(r.errorText()));
        const Record rec = s.get(E("contact"), r.id);
        QCOMPARE(rec.text(u"last_name"), QStringLiteral("Семёнов"));
        QCOMPARE(rec.seq, seq0 + 1);
        const Clock c = rec.clocks.clock(E("contact").fieldIndex(u"first_name"));
        QVERIFY(!c.isZero());
        QCOMPARE(c.site, s.siteId());
        QCOMPARE(rec.clocks.clock(E("contact").fieldIndex(u"last_name")), c);
        QVERIFY(rec.clocks.prev(E("contact").fieldIndex(u"first_name")).isZero());
        QVERIFY(rec.clocks.clock(E("contact").fieldIndex(u"email")).isZero()); // never set
        QCOMPARE(s.db().scalar(QStringLiteral("SELECT count(*) FROM contact WHERE phone_e164 = '+79161234567'")), 1);
    }

    void updateStampsOnlyChangedFieldsWithPrev()
    {
        Store s;
        openFresh(s);
        const WriteResult r = s.create(E("contact"), W({{"first_name", "Анна"}, {"last_name", "Ким"}}));
        const Record before = s.get(E("contact"), r.id);
        const int first = E("contact").fieldIndex(u"first_name");
        const int last = E("contact").fieldIndex(u"last_name");
        QVERIFY(s.update(E("contact"), r.id, W({{"first_name", "Анна"}, {"last_name", "Ким-Ли"}})).ok);
        const Record after = s.get(E("contact"), r.id);
        QCOMPARE(after.clocks.clock(first), before.clocks.clock(first)); // same value: untouched
        QVERIFY(after.clocks.clock(last) > before.clocks.clock(last));
        // A run of edits by one site keeps the base its author started from (here: nothing).
        QVERIFY(after.clocks.prev(last).isZero());
        QCOMPARE(after.seq, before.seq + 1);
        // A no-op update stamps nothing and bumps nothing.
        QVERIFY(s.update(E("contact"), r.id, W({{"last_name", "Ким-Ли"}})).ok);
        QCOMPARE(s.get(E("contact"), r.id).seq, after.seq);
    }

    void amountAndCurrencyShareOneClock()
    {
        Store s;
        openFresh(s);
        const WriteResult r = s.create(E("deal"), W({{"title", "Поставка"}, {"amount", "100"}}));
        QVERIFY(s.update(E("deal"), r.id, W({{"amount", "250,75"}})).ok);
        const Record d = s.get(E("deal"), r.id);
        QCOMPARE(d.text(u"amount"), QStringLiteral("250.75"));
        QCOMPARE(d.text(u"currency"), QStringLiteral("RUB"));
        QCOMPARE(d.clocks.clock(E("deal").fieldIndex(u"currency")), d.clocks.clock(E("deal").fieldIndex(u"amount")));
        // A deal without a stage gets the first stage of the default pipeline.
        QCOMPARE(d.text(u"stage_id"), QStringLiteral("00000000-0000-7000-8000-000000000011"));
    }

    void failedWriteLeavesNoTrace()
    {
        Store s;
        openFresh(s);
        const qint64 seq0 = s.changeSeq();
        const QByteArray hlc0 = s.meta(QStringLiteral("hlc")).toUtf8();
        WriteResult r = s.create(
            E("contact"),
            W({{"first_name", "Олег"}, {"email", "not-an-email"}, {"birthday", "32.13.2000"}, {"nickname", "x"}}));
        QVERIFY(!r.ok);
        QCOMPARE(r.errors.size(), 3); // every problem is reported at once
        QVERIFY(r.errorText().contains(QStringLiteral("nickname")));
        r = s.create(E("contact"), W({{"first_name", "Олег"}, {"company_id", "01900000-0000-7000-8000-000000000000"}}));
        QVERIFY(!r.ok);
        QVERIFY2(r.errorText().contains(QStringLiteral("company_id: there is no company")), qPrintable(r.errorText()));
        r = s.create(E("contact"), W({{"city", "Тула"}}));
        QVERIFY(!r.ok);
        QVERIFY(r.errorText().contains(QStringLiteral("at least one of")));
        QCOMPARE(rows(s, "contact"), 0);
        QCOMPARE(s.changeSeq(), seq0);
        QCOMPARE(s.meta(QStringLiteral("hlc")).toUtf8(), hlc0);
        QCOMPARE(s.db().scalar(QStringLiteral("SELECT count(*) FROM search")), 0);
    }

    void referencesAreChecked()
    {
        Store s;
        openFresh(s);
        const WriteResult co = s.create(E("company"), W({{"name", "ООО «Ромашка»"}, {"inn", "7707083893"}}));
        QVERIFY(co.ok);
        const WriteResult c = s.create(
            E("contact"),
            {{QStringLiteral("last_name"), QStringLiteral("Иванов")}, {QStringLiteral("company_id"), co.id}});
        QVERIFY2(c.ok, qPrintable(c.errorText()));
        // A stage from another pipeline is refused.
        const WriteResult p = s.create(E("pipeline"), W({{"name", "Тендеры"}}));
        const WriteResult st = s.create(
            E("stage"), {{QStringLiteral("pipeline_id"), p.id}, {QStringLiteral("name"), QStringLiteral("Заявка")}});
        QVERIFY(st.ok);
        const WriteResult d
            = s.create(E("deal"),
                       {{QStringLiteral("title"), QStringLiteral("X")},
                        {QStringLiteral("pipeline_id"), QStringLiteral("00000000-0000-7000-8000-000000000001")},
                        {QStringLiteral("stage_id"), st.id}});
        QVERIFY(!d.ok);
        QVERIFY(d.errorText().contains(QStringLiteral("another pipeline")));
        // Given only the stage, the deal takes its pipeline.
        const WriteResult d2 = s.create(
            E("deal"), {{QStringLiteral("title"), QStringLiteral("Y")}, {QStringLiteral("stage_id"), st.id}});
        QVERIFY(d2.ok);
        QCOMPARE(s.get(E("deal"), d2.id).text(u"pipeline_id"), p.id);
    }

    void aRecordWhoseReferenceIsGoneCanStillBeEdited()
    {
        // A reference is checked when a write sets it, not on every later edit of the record:
        // a contact of a deleted company, or of a company this user may not see (it came
        // through sync), stays editable. Before, changing its city failed with
        // "company_id: there is no company with id ...".
        Store s;
        openFresh(s);
        const WriteResult co = s.create(E("company"), W({{"name", "ООО «Ромашка»"}}));
        QVERIFY(co.ok);
        const WriteResult c = s.create(
            E("contact"),
            {{QStringLiteral("last_name"), QStringLiteral("Иванов")}, {QStringLiteral("company_id"), co.id}});
        QVERIFY(c.ok);
        QVERIFY(s.remove(E("company"), co.id).ok);
        WriteResult w = s.update(E("contact"), c.id, W({{"city", "Москва"}}));
        QVERIFY2(w.ok, qPrintable(w.errorText()));
        QCOMPARE(s.get(E("contact"), c.id).text(u"city"), QStringLiteral("Москва"));
        QCOMPARE(s.get(E("contact"), c.id).text(u"company_id"), co.id);
        // Restoring a contact keeps its references as they are.
        QVERIFY(s.remove(E("contact"), c.id).ok);
        w = s.restore(E("contact"), c.id);
        QVERIFY2(w.ok, qPrintable(w.errorText()));
        // Pointing another record at the deleted company is still refused.
        const WriteResult other = s.create(E("contact"), W({{"last_name", "Петров"}}));
        QVERIFY(other.ok);
        w = s.update(E("contact"), other.id, {{QStringLiteral("company_id"), co.id}});
        QVERIFY(!w.ok);
        QVERIFY2(w.errorText().contains(QStringLiteral("company_id: there is no company")), qPrintable(w.errorText()));
        // A reference that arrived through sync, to a record this replica does not have.
        const EntityDef &contact = E("contact");
        const int ci = contact.fieldIndex(u"company_id");
        const Clock seen = s.get(contact, other.id).clocks.clock(ci);
        const MergeResult m = s.merge(contact, other.id,
                                      {{ci, QStringLiteral("01900000-0000-7000-8000-000000000000"),
                                        Clock {s.hlc().tick() + 1000, seen.site}, seen}});
        QCOMPARE(m.status.first(), MergeStatus::Accepted);
        const QString synced = other.id;
        w = s.update(contact, synced, W({{"city", "Тверь"}}));
        QVERIFY2(w.ok, qPrintable(w.errorText()));
    }

    void deleteIsATombstoneAndRestoreIsANewerWrite()
    {
        Store s;
        openFresh(s);
        const WriteResult r = s.create(E("contact"), W({{"last_name", "Удалов"}}));
        QVERIFY(s.remove(E("contact"), r.id).ok);
        QVERIFY(!s.get(E("contact"), r.id).isValid());
        const Record tomb = s.get(E("contact"), r.id, true);
        QVERIFY(tomb.isDeleted());
        QVERIFY(!tomb.clocks.clock(E("contact").deletedIndex()).isZero());
        QVERIFY(s.search(QStringLiteral("удалов")).isEmpty());
        QVERIFY(!s.update(E("contact"), r.id, W({{"city", "Омск"}})).ok);
        QVERIFY(s.restore(E("contact"), r.id).ok);
        QVERIFY(s.get(E("contact"), r.id).isValid());
        QCOMPARE(s.search(QStringLiteral("удалов")).size(), 1);
    }

    void directoryIsReadOnlyOnClients()
    {
        Store s;
        openFresh(s);
        const WriteResult r = s.create(E("user"), W({{"login", "ivan"}}));
        QVERIFY(!r.ok);
        QVERIFY(r.errorText().contains(QStringLiteral("come from the server")));
    }

    void mergeIsLastWriterWinsAndIdempotent()
    {
        Store a, b;
        openFresh(a);
        openFresh(b);
        const EntityDef &c = E("contact");
        const WriteResult r = a.create(c, W({{"last_name", "Орлов"}}));
        const int last = c.fieldIndex(u"last_name");
        const Record ra = a.get(c, r.id);
        const RemoteField rf {last, QStringLiteral("Орлов"), ra.clocks.clock(last), Clock()};
        MergeResult m = b.merge(c, r.id, {rf});
        QCOMPARE(m.status.first(), MergeStatus::Accepted);
        const qint64 seqAfter = b.changeSeq();
        m = b.merge(c, r.id, {rf}); // duplicate delivery
        QCOMPARE(m.status.first(), MergeStatus::Accepted);
        QCOMPARE(b.changeSeq(), seqAfter);
        QCOMPARE(b.get(c, r.id).text(u"last_name"), QStringLiteral("Орлов"));
        // An older stamp is superseded.
        Clock older = rf.clock;
        older.hlc -= 1000;
        m = b.merge(c, r.id, {{last, QStringLiteral("Старый"), older, Clock()}});
        QCOMPARE(m.status.first(), MergeStatus::Superseded);
        QCOMPARE(b.get(c, r.id).text(u"last_name"), QStringLiteral("Орлов"));
        // Merge mode never rejects a missing reference (the target may arrive later).
        m = b.merge(c, r.id,
                    {{c.fieldIndex(u"company_id"), QStringLiteral("01900000-0000-7000-8000-000000000000"),
                      Clock {rf.clock.hlc + 1, rf.clock.site}, rf.clock}});
        QCOMPARE(m.status.first(), MergeStatus::Accepted);
        // But a wrong type is invalid.
        m = b.merge(
            c, r.id,
            {{c.fieldIndex(u"email"), QStringLiteral("nope"), Clock {rf.clock.hlc + 2, rf.clock.site}, Clock()}});
        QCOMPARE(m.status.first(), MergeStatus::Invalid);
        // Merged changes are not this replica's own changes to push.
        QCOMPARE(b.db().scalar(QStringLiteral("SELECT dirty_seq FROM contact")), 0);
    }

    void concurrentEditsLeaveAConflictRecord()
    {
        Store a, b;
        openFresh(a);
        openFresh(b);
        const EntityDef &c = E("contact");
        const int phone = c.fieldIndex(u"phone");
        const WriteResult r = a.create(c, W({{"last_name", "Зайцев"}, {"phone", "+7 900 000-00-01"}}));
        const Record base = a.get(c, r.id);
        QList<RemoteField> all;
        for (int i = 0; i < c.fields.size(); ++i) {
            if (!base.clocks.clock(i).isZero())
                all.append({i, base.text(c.fields.at(i).name), base.clocks.clock(i), Clock()});
        }
        b.merge(c, r.id, all);
        // Both edit the phone without seeing each other's edit.
        QVERIFY(a.update(c, r.id, W({{"phone", "+7 900 000-00-02"}})).ok);
        QVERIFY(b.update(c, r.id, W({{"phone", "+7 900 000-00-03"}})).ok);
        const Record ea = a.get(c, r.id);
        const Record eb = b.get(c, r.id);
        // An edit over another site's value records that value's clock as prev.
        QCOMPARE(eb.clocks.prev(phone), base.clocks.clock(phone));
        a.merge(c, r.id, {{phone, eb.text(u"phone"), eb.clocks.clock(phone), eb.clocks.prev(phone)}});
        b.merge(c, r.id, {{phone, ea.text(u"phone"), ea.clocks.clock(phone), ea.clocks.prev(phone)}});
        // Converged on the later stamp...
        QCOMPARE(a.get(c, r.id).text(u"phone"), b.get(c, r.id).text(u"phone"));
        // ...and both replicas hold the same conflict record with the losing value.
        const EntityDef &conflict = E("conflict");
        QString error;
        const QList<Record> ca = a.list(ListQuery {&conflict, {}, {}, {}, -1, 0}, &error);
        const QList<Record> cb = b.list(ListQuery {&conflict, {}, {}, {}, -1, 0}, &error);
        QCOMPARE(ca.size(), 1);
        QCOMPARE(cb.size(), 1);
        QCOMPARE(ca.first().id, cb.first().id);
        const QString winner = a.get(c, r.id).text(u"phone");
        const QString loser = winner == QStringLiteral("+7 900 000-00-02") ? QStringLiteral("+7 900 000-00-03")
                                                                           : QStringLiteral("+7 900 000-00-02");
        QCOMPARE(ca.first().text(u"kept_value"), winner);
        QCOMPARE(ca.first().text(u"lost_value"), loser);
        QCOMPARE(ca.first().text(u"field"), QStringLiteral("phone"));
        // A sequential edit (the author saw the current value) is not a conflict.
        QVERIFY(a.update(c, r.id, W({{"phone", "+7 900 000-00-04"}})).ok);
        const Record e2 = a.get(c, r.id);
        b.merge(c, r.id, {{phone, e2.text(u"phone"), e2.clocks.clock(phone), e2.clocks.prev(phone)}});
        QCOMPARE(b.list(ListQuery {&conflict, {}, {}, {}, -1, 0}, &error).size(), 1);
        QCOMPARE(b.get(c, r.id).text(u"phone"), QStringLiteral("+7 900 000-00-04"));
    }

    void twoConnectionsShareOneSequenceAndClock()
    {
        // The app's UI and a background import write the same file through two Stores.
        Store a, b;
        openFresh(a);
        QString error;
        QVERIFY(b.open(a.path(), &error));
        QCOMPARE(a.siteId(), b.siteId());
        for (int i = 0; i < 20; ++i) {
            Store &s = i % 2 ? a : b;
            QVERIFY(s.create(E("contact"), {{QStringLiteral("last_name"), QStringLiteral("Поочерёдный%1").arg(i)}}).ok);
        }
        QCOMPARE(a.db().scalar(QStringLiteral("SELECT count(DISTINCT seq) FROM contact")), 20);
        // Clocks strictly increase in commit order, whichever connection wrote.
        SqliteStmt st = a.db().prepare(QStringLiteral("SELECT id FROM contact ORDER BY seq"));
        quint64 last = 0;
        while (st.step()) {
            const quint64 h = a.get(E("contact"), st.text(0)).clocks.maxHlc();
            QVERIFY(h > last);
            last = h;
        }
    }

    void backupRestoreMintsANewSiteId()
    {
        Store s;
        openFresh(s);
        QVERIFY(s.create(E("contact"), W({{"last_name", "Бэкапов"}})).ok);
        const QString file = m_dir.filePath(QStringLiteral("backup.sqlite"));
        QString error;
        QVERIFY2(s.backup(file, &error), qPrintable(error));
        QVERIFY(!s.backup(file, &error)); // never overwrites
        Store restored;
        QVERIFY(restored.open(file, &error));
        QCOMPARE(restored.count(E("contact")), 1);
        QVERIFY(restored.siteId() != s.siteId());
        QVERIFY(restored.check().ok);
        // A plain file copy is a different replica too.
        const QString copy = m_dir.filePath(QStringLiteral("copy.sqlite"));
        const QString src = s.path();
        s.close();
        QVERIFY(QFile::copy(src, copy));
        Store original, copied;
        QVERIFY(original.open(src, &error));
        QVERIFY(copied.open(copy, &error));
        QVERIFY(original.siteId() != copied.siteId());
    }

    void newerDatabaseIsRefused()
    {
        const QString path = freshPath();
        {
            Store s;
            QString error;
            QVERIFY(s.open(path, &error));
            s.db().exec(QStringLiteral("PRAGMA user_version = 999"));
        }
        Store s;
        QString error;
        QVERIFY(!s.open(path, &error));
        QVERIFY2(error.contains(QStringLiteral("newer version of Gamix")), qPrintable(error));
    }

    void migration5IndexesEmail2AndFoldsEmailsFully()
    {
        const QString path = freshPath();
        {
            SqliteDb raw;
            raw.open(path);
            Migrations::run(raw, 4);
        }
        {
            // Rows written by a version-4 Gamix: its email index holds SQLite's own lower(),
            // which leaves Cyrillic capitals as they are.
            SqliteDb v4;
            v4.open(path, false);
            v4.exec(QStringLiteral("INSERT INTO contact (id, last_name, email, email2, seq) VALUES "
                                   "('01930000-0000-7000-8000-0000000000b1', 'Старов', 'Иван@Почта.РФ', "
                                   "'Second@Mail.RU', 1), "
                                   "('01930000-0000-7000-8000-0000000000b2', 'Новиков', 'n@mail.ru', "
                                   "'Пётр@Пример.рф', 2)"));
            QCOMPARE(v4.scalar(QStringLiteral("PRAGMA user_version")), 4);
        }
        Store s;
        QString error;
        QVERIFY2(s.open(path, &error), qPrintable(error));
        QCOMPARE(s.db().scalar(QStringLiteral("PRAGMA user_version")), 5);
        const CheckReport report = s.check();
        QVERIFY2(report.ok, qPrintable(report.problems.join(u'\n')));
        // The look-ups dedupe makes are answered by an index, not a table scan.
        auto plan = [&](const QString &sql) {
            SqliteStmt st = s.db().prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
            QStringList lines;
            while (st.step())
                lines << st.text(3);
            return lines.join(u'\n');
        };
        QVERIFY(plan(QStringLiteral("SELECT id FROM contact WHERE lower(email2) = ?1 AND email2 IS NOT NULL"))
                    .contains(QStringLiteral("contact_email2")));
        QVERIFY(plan(QStringLiteral("SELECT id FROM deal WHERE title = ?1 AND company_id IS ?2 AND contact_id IS ?3"))
                    .contains(QStringLiteral("INDEX")));
        QVERIFY(plan(QStringLiteral("SELECT id FROM lead WHERE last_name IS ?1 AND first_name IS ?2 AND title IS ?3"))
                    .contains(QStringLiteral("lead_name")));
        // Dedupe by email2 (through the new index) and by an email written by version 4
        // with Cyrillic capitals (through the rebuilt index).
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("in.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("last_name,email\nСтаров,second@mail.ru\nСтаров,иван@почта.рф\nНовиков,ПЁТР@ПРИМЕР.РФ\n"
                "Другой,other@mail.ru\n");
        f.close();
        ImportOptions o;
        o.entity = &E("contact");
        o.file = csv;
        QList<ImportRowReport> rows;
        ImportJob job(s, o);
        job.onRow = [&](const ImportRowReport &r) {
            rows << r;
        };
        const ImportSummary sum = job.run();
        QVERIFY2(sum.ok(), qPrintable(sum.fatalError));
        QCOMPARE(sum.skipped, 3);
        QCOMPARE(sum.created, 1);
        QCOMPARE(rows.at(0).id, QStringLiteral("01930000-0000-7000-8000-0000000000b1"));
        QCOMPARE(rows.at(1).id, QStringLiteral("01930000-0000-7000-8000-0000000000b1"));
        QCOMPARE(rows.at(2).id, QStringLiteral("01930000-0000-7000-8000-0000000000b2"));
        QVERIFY(s.check().ok);
    }

    void upgradesAVersion1Fixture()
    {
        QFile fixture(QStringLiteral(GAMIX_TEST_DATA_DIR "/migrations/v1.sql"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        const QString path = freshPath();
        {
            SqliteDb raw;
            raw.open(path);
            raw.exec(QString::fromUtf8(fixture.readAll()));
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")), 1);
        }
        Store s;
        QString error;
        QVERIFY2(s.open(path, &error), qPrintable(error));
        QCOMPARE(s.db().scalar(QStringLiteral("PRAGMA user_version")), Migrations::latestVersion());
        const Record r = s.get(E("contact"), QStringLiteral("01930000-0000-7000-8000-000000000001"));
        QVERIFY(r.isValid());
        QCOMPARE(r.text(u"last_name"), QStringLiteral("Фикстурова"));
        // The upgraded database takes new writes, and its lookups use the new indexes.
        QVERIFY(s.update(E("contact"), r.id, W({{"city", "Казань"}})).ok);
        QVERIFY(s.check().ok);
        QCOMPARE(s.db().scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'contact_email'")), 1);
        // The search index was rebuilt by migration 3 and catches up on the first search.
        QCOMPARE(s.search(QStringLiteral("фикстур")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
