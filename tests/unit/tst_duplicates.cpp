// Duplicates that meet through sync (issue 5): the same email imported offline on two
// replicas is flagged on both (the same flag record), a merge on one keeps one record,
// tombstones the other with merged_into and repoints references, and syncs to the other.
// Also migration 4 (merged_into) on a version-3 database.

#include "../store_kit.h"
#include "store/Migrations.h"
#include "store/Sqlite.h"
#include "store/Store.h"
#include "sync/StoreReplica.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gamix;
using gamix::storekit::E;
using gamix::storekit::W;

namespace {

// Everything `from` wrote since `cursor` lands in `to`, as a sync page would.
void send(StoreReplica &from, StoreReplica &to, qint64 *cursor)
{
    const ChangePage page = from.localChanges(*cursor, 100000);
    to.apply(page.records, {});
    *cursor = page.next;
}

int unresolvedConflicts(Store &s)
{
    return int(s.db().scalar(QStringLiteral("SELECT count(*) FROM conflict WHERE deleted = 0 AND resolved = 0")));
}

} // namespace

class TestDuplicates : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sameEmailOfflineIsFlaggedAndMerged()
    {
        QTemporaryDir dir;
        Store a, b;
        QString error;
        QVERIFY2(a.open(dir.filePath(QStringLiteral("a.sqlite")), &error), qPrintable(error));
        QVERIFY2(b.open(dir.filePath(QStringLiteral("b.sqlite")), &error), qPrintable(error));
        StoreReplica ra(a), rb(b);
        qint64 fromA = 0, fromB = 0;

        // Offline on both machines: the same person, typed differently; B also links a
        // company, a deal, a task and a note to its copy.
        const WriteResult ca = a.create(E("contact"),
                                        W({{"first_name", QStringLiteral("Анна")},
                                           {"email", QStringLiteral("Anna@Example.ru")},
                                           {"phone", QStringLiteral("+7 912 000-11-22")}}));
        QVERIFY(ca.ok);
        const WriteResult company = b.create(E("company"), W({{"name", QStringLiteral("Ромашка")}}));
        const WriteResult cb = b.create(E("contact"),
                                        W({{"first_name", QStringLiteral("Аня")},
                                           {"email", QStringLiteral("anna@example.ru")},
                                           {"city", QStringLiteral("Тверь")},
                                           {"company_id", company.id}}));
        QVERIFY(cb.ok);
        const WriteResult deal = b.create(E("deal"), W({{"title", QStringLiteral("Поставка")}, {"contact_id", cb.id}}));
        const WriteResult task
            = b.create(E("task"), W({{"title", QStringLiteral("Позвонить")}, {"contact_id", cb.id}}));
        const WriteResult note = b.create(E("note"), W({{"body", QStringLiteral("Встреча")}, {"contact_id", cb.id}}));
        QVERIFY(deal.ok && task.ok && note.ok);
        // A different person is no duplicate.
        QVERIFY(b.create(E("contact"), W({{"email", QStringLiteral("boris@example.ru")}})).ok);
        QVERIFY(a.duplicateFlags().isEmpty()); // local writes alone flag nothing

        // They meet through sync: both replicas flag the pair, with the same flag record.
        send(ra, rb, &fromA);
        send(rb, ra, &fromB);
        const QList<DuplicateFlag> fa = a.duplicateFlags(), fb = b.duplicateFlags();
        QCOMPARE(fa.size(), 1);
        QCOMPARE(fb.size(), 1);
        QCOMPARE(fa.first().id, fb.first().id);
        QCOMPARE(fa.first().id, Store::duplicateFlagId(QStringLiteral("contact"), ca.id, cb.id));
        QCOMPARE(fa.first().entity->name, QStringLiteral("contact"));
        QCOMPARE(QSet<QString>({fa.first().firstId, fa.first().secondId}), QSet<QString>({ca.id, cb.id}));
        // A flag is not a conflict: nobody is asked to choose between values.
        QCOMPARE(unresolvedConflicts(a), 0);
        QCOMPARE(rb.duplicatesFlagged(), 1);
        // Both flags sync into one record; nothing new is flagged by the exchange.
        send(ra, rb, &fromA);
        send(rb, ra, &fromB);
        QCOMPARE(a.duplicateFlags().size(), 1);
        QCOMPARE(b.duplicateFlags().size(), 1);

        // Merge on A, keeping A's values: the record with the smaller id stays.
        const WriteResult m = a.mergeRecords(E("contact"), ca.id, cb.id);
        QVERIFY2(m.ok, qPrintable(m.errorText()));
        const QString stay = std::min(ca.id, cb.id), goneId = std::max(ca.id, cb.id);
        QCOMPARE(m.id, stay);
        const Record kept = a.get(E("contact"), stay);
        QCOMPARE(kept.text(u"first_name"), QStringLiteral("Анна")); // the kept values win
        QCOMPARE(kept.text(u"phone"), QStringLiteral("+7 912 000-11-22"));
        QCOMPARE(kept.text(u"city"), QStringLiteral("Тверь")); // empty fields filled from the other
        QCOMPARE(kept.text(u"company_id"), company.id);
        const Record gone = a.get(E("contact"), goneId, true);
        QVERIFY(gone.isDeleted());
        QCOMPARE(gone.text(u"merged_into"), stay);
        QCOMPARE(a.get(E("deal"), deal.id).text(u"contact_id"), stay);
        QCOMPARE(a.get(E("task"), task.id).text(u"contact_id"), stay);
        QCOMPARE(a.get(E("note"), note.id).text(u"contact_id"), stay);
        QVERIFY(a.duplicateFlags().isEmpty());
        QVERIFY(a.check().ok);

        // The merge reaches B like any edit, also when B merged the same pair the other way
        // round meanwhile: both keep the same record, nothing is left a tombstone twice.
        QVERIFY(b.mergeRecords(E("contact"), cb.id, ca.id).ok);
        send(ra, rb, &fromA);
        send(rb, ra, &fromB);
        for (Store *s : {&a, &b}) {
            QVERIFY(s->duplicateFlags().isEmpty());
            QVERIFY(s->get(E("contact"), goneId, true).isDeleted());
            QCOMPARE(s->get(E("contact"), goneId, true).text(u"merged_into"), stay);
            QVERIFY(s->get(E("contact"), stay).isValid());
            QCOMPARE(s->get(E("contact"), stay).text(u"city"), QStringLiteral("Тверь"));
            QCOMPARE(s->get(E("deal"), deal.id).text(u"contact_id"), stay);
            QCOMPARE(s->get(E("note"), note.id).text(u"contact_id"), stay);
        }
        ListQuery live;
        live.entity = &E("contact");
        int annas = 0;
        for (const Record &r : b.list(live, &error))
            annas += r.text(u"email").toLower() == u"anna@example.ru";
        QCOMPARE(annas, 1);
        QVERIFY(b.check().ok);
    }

    void companiesByInnAndPhones()
    {
        QTemporaryDir dir;
        Store a, b;
        QString error;
        QVERIFY(a.open(dir.filePath(QStringLiteral("a.sqlite")), &error));
        QVERIFY(b.open(dir.filePath(QStringLiteral("b.sqlite")), &error));
        StoreReplica ra(a), rb(b);
        qint64 fromA = 0;
        const WriteResult x
            = a.create(E("company"), W({{"name", QStringLiteral("Яндекс")}, {"inn", QStringLiteral("7736207543")}}));
        const WriteResult y = b.create(
            E("company"), W({{"name", QStringLiteral("ООО Яндекс")}, {"inn", QStringLiteral("7736207543")}}));
        // The same phone typed two ways (E.164 compares them), once as mobile.
        const WriteResult p = a.create(
            E("contact"), W({{"last_name", QStringLiteral("Петров")}, {"phone", QStringLiteral("8 (912) 345-67-89")}}));
        const WriteResult q = b.create(
            E("contact"), W({{"last_name", QStringLiteral("Петров")}, {"mobile", QStringLiteral("+79123456789")}}));
        QVERIFY(x.ok && y.ok && p.ok && q.ok);
        send(ra, rb, &fromA);
        const QList<DuplicateFlag> flags = b.duplicateFlags();
        QCOMPARE(flags.size(), 2);
        QStringList entities {flags.at(0).entity->name, flags.at(1).entity->name};
        entities.sort();
        QCOMPARE(entities, QStringList({QStringLiteral("company"), QStringLiteral("contact")}));
        // Merging a company repoints its contacts; a merge of one record with itself is refused.
        QVERIFY(b.update(E("contact"), q.id, W({{"company_id", y.id}})).ok);
        QVERIFY(!b.mergeRecords(E("company"), x.id, x.id).ok);
        QVERIFY(b.mergeRecords(E("company"), x.id, y.id).ok);
        QCOMPARE(b.get(E("contact"), q.id).text(u"company_id"), std::min(x.id, y.id));
        QCOMPARE(b.duplicateFlags().size(), 1);
        // Deals and the like have no merged_into.
        QVERIFY(!b.mergeRecords(E("deal"), x.id, y.id).ok);
    }

    void migration4UpgradesAVersion3Database()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v3.sqlite"));
        {
            SqliteDb raw;
            raw.open(path);
            Migrations::run(raw, 3);
            raw.exec(QStringLiteral("INSERT INTO contact (id, last_name, email, seq) VALUES "
                                    "('01930000-0000-7000-8000-0000000000aa', 'Старый', 'old@example.ru', 1)"));
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")), 3);
        }
        Store s;
        QString error;
        QVERIFY2(s.open(path, &error), qPrintable(error));
        QVERIFY(s.db().scalar(QStringLiteral("PRAGMA user_version")) >= 4); // later migrations run too
        const Record old = s.get(E("contact"), QStringLiteral("01930000-0000-7000-8000-0000000000aa"));
        QVERIFY(old.isValid());
        QCOMPARE(old.text(u"last_name"), QStringLiteral("Старый"));
        QVERIFY(old.text(u"merged_into").isEmpty());
        const WriteResult dup = s.create(E("contact"), W({{"last_name", QStringLiteral("Новый")}}));
        QVERIFY(s.mergeRecords(E("contact"), old.id, dup.id).ok);
        // The older id is the smaller one: it stays.
        QCOMPARE(s.get(E("contact"), dup.id, true).text(u"merged_into"), old.id);
        QVERIFY(s.check().ok);
    }
};

QTEST_GUILESS_MAIN(TestDuplicates)
#include "tst_duplicates.moc"
