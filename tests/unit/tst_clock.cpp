// Hybrid logical clocks, clock sets and ids.
#include "store/Clock.h"
#include "store/Store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gamix;

namespace {
qint64 g_fakeWall = 0;
qint64 fakeWall()
{
    return g_fakeWall;
}
} // namespace

class TestClock : public QObject
{
    Q_OBJECT
private slots:
    void hlcSurvivesWallClockGoingBackwards()
    {
        Hlc hlc;
        hlc.setWallClockForTest(&fakeWall);
        g_fakeWall = 1'000'000;
        const quint64 a = hlc.tick();
        const quint64 b = hlc.tick();
        QVERIFY(b > a);
        QCOMPARE(a >> 16, quint64(1'000'000));
        g_fakeWall = 500'000; // NTP stepped the clock back
        const quint64 c = hlc.tick();
        QVERIFY(c > b);
        QCOMPARE(c >> 16, quint64(1'000'000)); // keeps counting from the last stamp
        g_fakeWall = 2'000'000;
        QCOMPARE(hlc.tick(), Hlc::pack(2'000'000, 0));
        hlc.observe(Hlc::pack(3'000'000, 5));
        QCOMPARE(hlc.tick(), Hlc::pack(3'000'000, 6));
    }

    void hlcMonotonicAcrossRestarts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.sqlite"));
        const EntityDef &pipeline = *Schema::instance().entity(u"pipeline");
        quint64 first = 0;
        {
            Store store;
            QString error;
            QVERIFY2(store.open(path, &error), qPrintable(error));
            // Pretend this replica once saw a stamp far in the future.
            store.hlc().observe(Hlc::pack(QDateTime::currentMSecsSinceEpoch() + 3'600'000, 0));
            const WriteResult r = store.create(pipeline, {{QStringLiteral("name"), QStringLiteral("A")}});
            QVERIFY(r.ok);
            first = store.get(pipeline, r.id).clocks.clock(0).hlc;
        }
        Store store;
        QString error;
        QVERIFY(store.open(path, &error));
        const WriteResult r = store.create(pipeline, {{QStringLiteral("name"), QStringLiteral("B")}});
        QVERIFY(store.get(pipeline, r.id).clocks.clock(0).hlc > first);
    }

    void clockSetGroupsFields()
    {
        ClockSet set;
        Clock a {Hlc::pack(10, 0), newSiteId()};
        Clock b {Hlc::pack(20, 0), newSiteId()};
        for (int f = 0; f < 10; ++f)
            set.set(f, a, Clock());
        QCOMPARE(set.toBlob().size(), 1 + 56); // one group for a whole new record
        set.set(3, b, a);
        const ClockSet round = ClockSet::fromBlob(set.toBlob());
        QCOMPARE(round.clock(3), b);
        QCOMPARE(round.prev(3), a);
        QCOMPARE(round.clock(4), a);
        QVERIFY(round.prev(4).isZero());
        QVERIFY(round.clock(12).isZero());
        QCOMPARE(round.maxHlc(), b.hlc);
    }

    void orderIsHlcThenSite()
    {
        SiteId low {}, high {};
        high[0] = 1;
        QVERIFY((Clock {5, low}) < (Clock {5, high}));
        QVERIFY((Clock {4, high}) < (Clock {5, low}));
    }

    void uuidV7IsTimeOrderedAndUnique()
    {
        QSet<QString> seen;
        QString prev;
        for (int i = 0; i < 2000; ++i) {
            const QString id = newUuidV7();
            QCOMPARE(id.size(), 36);
            QCOMPARE(id.at(14), QLatin1Char('7'));
            QVERIFY(!seen.contains(id));
            seen.insert(id);
            QVERIFY(id.left(13) >= prev.left(13)); // the millisecond prefix never goes back
            prev = id;
        }
        QCOMPARE(derivedUuid("x"), derivedUuid("x"));
        QVERIFY(derivedUuid("x") != derivedUuid("y"));
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
