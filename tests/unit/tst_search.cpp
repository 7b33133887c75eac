// Full-text search as a user types it: Cyrillic case, ё = е, prefixes, phones in any format.
#include "store/Store.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gamix;

namespace {
const EntityDef &E(const char *name)
{
    return *Schema::instance().entity(QString::fromLatin1(name));
}
QStringList titles(const QList<SearchHit> &hits)
{
    QStringList out;
    for (const SearchHit &h : hits)
        out << h.title;
    out.sort();
    return out;
}
} // namespace

class TestSearch : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Store m_store;
    QString m_semenov;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("s.sqlite")), &error));
        const WriteResult co = m_store.create(E("company"), {{QStringLiteral("name"), QStringLiteral("ООО «Ёлка»")}});
        QVERIFY(co.ok);
        const WriteResult r = m_store.create(E("contact"),
                                             {{QStringLiteral("first_name"), QStringLiteral("Пётр")},
                                              {QStringLiteral("last_name"), QStringLiteral("Семёнов")},
                                              {QStringLiteral("email"), QStringLiteral("p.semenov@elka.ru")},
                                              {QStringLiteral("phone"), QStringLiteral("8 (916) 123-45-67")},
                                              {QStringLiteral("company_id"), co.id}});
        QVERIFY(r.ok);
        m_semenov = r.id;
        QVERIFY(m_store
                    .create(E("contact"),
                            {{QStringLiteral("first_name"), QStringLiteral("Ivan")},
                             {QStringLiteral("last_name"), QStringLiteral("Ivanov")},
                             {QStringLiteral("mobile"), QStringLiteral("+7 903 765 43 21")}})
                    .ok);
        QVERIFY(m_store.create(E("deal"), {{QStringLiteral("title"), QStringLiteral("Поставка ёлок")}}).ok);
    }

    void finds_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        const QStringList semenov {QStringLiteral("Семёнов Пётр")};
        QTest::newRow("lower-case е for ё") << "семенов" << semenov;
        QTest::newRow("upper case") << "СЕМЁНОВ" << semenov;
        QTest::newRow("prefix") << "сем" << semenov;
        QTest::newRow("two words") << "петр сем" << semenov;
        QTest::newRow("email prefix") << "p.seme" << semenov;
        QTest::newRow("+7 format") << "+7916" << semenov;
        QTest::newRow("8 format") << "8916" << semenov;
        QTest::newRow("8 with parens") << "8 (916) 123" << semenov;
        QTest::newRow("national") << "916123" << semenov;
        QTest::newRow("company of contact")
            << "ёл"
            << QStringList {QStringLiteral("ООО «Ёлка»"), QStringLiteral("Поставка ёлок"),
                            QStringLiteral("Семёнов Пётр")};
        QTest::newRow("latin case") << "IVAN" << QStringList {QStringLiteral("Ivanov Ivan")};
        QTest::newRow("mobile 8") << "8903" << QStringList {QStringLiteral("Ivanov Ivan")};
        QTest::newRow("nothing") << "щщщ" << QStringList();
        QTest::newRow("syntax chars") << "\"*(OR" << QStringList();
    }

    void finds()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        QCOMPARE(titles(m_store.search(query)), expected);
    }

    void editsAreSearchableAtOnce()
    {
        QVERIFY(m_store.update(E("contact"), m_semenov, {{QStringLiteral("last_name"), QStringLiteral("Алёхин")}}).ok);
        QCOMPARE(titles(m_store.search(QStringLiteral("алех"))), QStringList {QStringLiteral("Алёхин Пётр")});
        QVERIFY(m_store.search(QStringLiteral("семенов")).isEmpty());
    }

    void deferredIndexNeverMissesACommittedRow()
    {
        m_store.beginBatch(true);
        for (int i = 0; i < 500; ++i) {
            QVERIFY(
                m_store.create(E("contact"), {{QStringLiteral("last_name"), QStringLiteral("Пакетов%1").arg(i)}}).ok);
        }
        m_store.commitBatch();
        QVERIFY(m_store.pendingIndexRows() >= 500);
        // A second connection (another process, say) sees the rows and catches the index up.
        Store other;
        QString error;
        QVERIFY(other.open(m_store.path(), &error));
        QCOMPARE(other.search(QStringLiteral("пакетов499")).size(), 1);
        QCOMPARE(other.pendingIndexRows(), 0);
        QCOMPARE(other.search(QStringLiteral("пакетов"), 1000).size(), 500);
        // An indexed write after a deferred batch does not hide the batch.
        m_store.beginBatch(true);
        QVERIFY(m_store.create(E("contact"), {{QStringLiteral("last_name"), QStringLiteral("Отложенный")}}).ok);
        m_store.commitBatch();
        QVERIFY(m_store.create(E("contact"), {{QStringLiteral("last_name"), QStringLiteral("Сразу")}}).ok);
        QCOMPARE(m_store.search(QStringLiteral("отложен")).size(), 1);
        QCOMPARE(m_store.search(QStringLiteral("сразу")).size(), 1);
    }

    void bulkCatchUpIndexesLikeRowByRow()
    {
        // Thousands of deferred rows are indexed by one INSERT ... SELECT (documents built
        // and folded in SQL): they must be found exactly as rows indexed one by one are.
        const WriteResult old = m_store.create(E("contact"), {{QStringLiteral("last_name"), QStringLiteral("Старый")}});
        QVERIFY(old.ok);
        QCOMPARE(m_store.search(QStringLiteral("старый")).size(), 1);
        const WriteResult co
            = m_store.create(E("company"), {{QStringLiteral("name"), QStringLiteral("ЗАО \"Бульба\"")}});
        QVERIFY(co.ok);
        m_store.beginBatch(true);
        QVERIFY(m_store
                    .create(E("contact"),
                            {{QStringLiteral("first_name"), QStringLiteral("ФЁДОР")},
                             {QStringLiteral("last_name"), QStringLiteral("ЩЕГЛОВ")},
                             {QStringLiteral("email"), QStringLiteral("Fedor.SCHEGLOV@Mail.ru")},
                             {QStringLiteral("company_id"), co.id}})
                    .ok);
        QVERIFY(m_store.create(E("contact"), {{QStringLiteral("last_name"), QStringLiteral("Ξένος")}}).ok);
        QVERIFY(m_store.create(E("contact"), {{QStringLiteral("last_name"), QStringLiteral("ЀММА")}}).ok);
        QString doomed;
        for (int i = 0; i < 6000; ++i) {
            const WriteResult r
                = m_store.create(E("contact"), {{QStringLiteral("last_name"), QStringLiteral("Массов%1").arg(i)}});
            QVERIFY(r.ok);
            if (i == 5)
                doomed = r.id;
        }
        QVERIFY(m_store.remove(E("contact"), doomed).ok);
        QVERIFY(m_store.update(E("contact"), old.id, {{QStringLiteral("last_name"), QStringLiteral("Новый")}}).ok);
        m_store.commitBatch();
        QVERIFY(m_store.pendingIndexRows() > 5000);

        QCOMPARE(titles(m_store.search(QStringLiteral("федор щеглов"))), QStringList {QStringLiteral("ЩЕГЛОВ ФЁДОР")});
        QCOMPARE(m_store.pendingIndexRows(), 0);
        QCOMPARE(titles(m_store.search(QStringLiteral("fedor.scheg"))), QStringList {QStringLiteral("ЩЕГЛОВ ФЁДОР")});
        QCOMPARE(titles(m_store.search(QStringLiteral("бульба"))),
                 (QStringList {QStringLiteral("ЗАО \"Бульба\""), QStringLiteral("ЩЕГЛОВ ФЁДОР")}));
        QCOMPARE(m_store.search(QStringLiteral("ξένος")).size(), 1);
        QCOMPARE(m_store.search(QStringLiteral("ѐмма")).size(), 1);
        QCOMPARE(m_store.search(QStringLiteral("массов"), 10000).size(), 5999); // the deleted one is gone
        QCOMPARE(m_store.search(QStringLiteral("массов5999")).size(), 1);
        QVERIFY(m_store.search(QStringLiteral("массов5")).size() > 0);
        QVERIFY(m_store.search(QStringLiteral("старый")).isEmpty()); // replaced, not doubled
        QCOMPARE(m_store.search(QStringLiteral("новый")).size(), 1);
    }

    void listFiltersAndSorts()
    {
        QString error;
        ListQuery q {&E("contact"), QStringLiteral("пакетов4"), {}, QStringLiteral("-last_name"), 3, 0};
        const QList<Record> rs = m_store.list(q, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rs.size(), 3);
        QCOMPARE(rs.first().text(u"last_name"), QStringLiteral("Пакетов499"));
        ListQuery byPhone {&E("contact"), {}, {{QStringLiteral("mobile"), QStringLiteral("89037654321")}}, {}, -1, 0};
        QCOMPARE(m_store.list(byPhone, &error).size(), 1);
        ListQuery bad {&E("contact"), {}, {{QStringLiteral("nope"), QStringLiteral("1")}}, {}, -1, 0};
        QVERIFY(m_store.list(bad, &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("nope")));
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
