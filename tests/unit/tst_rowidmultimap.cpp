// RowidMultiMap (ImportResolver's side index) answers exactly as QMultiHash would:
// every rowid stored under a key, none under another, across growth and key 0.
#include "io/RowidMultiMap.h"

#include <QMultiHash>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace gamix;

class TestRowidMultiMap : public QObject
{
    Q_OBJECT
private slots:
    void matchesQMultiHash()
    {
        RowidMultiMap map;
        QMultiHash<quint64, qint64> reference;
        QRandomGenerator rng(7);
        QList<quint64> keys;
        for (int i = 0; i < 200000; ++i) {
            // Some keys repeat (the same email in two rows), one is 0, many collide in the
            // low bits (the probe runs get long).
            const quint64 key = i % 10 == 0 && !keys.isEmpty() ? keys.at(int(rng.bounded(keys.size())))
                : i == 1                                       ? 0
                                                               : (rng.generate64() << 20);
            keys << key;
            map.insert(key, i);
            reference.insert(key, i);
        }
        QCOMPARE(map.size(), size_t(reference.size()));
        for (int i = 0; i < keys.size(); i += 7) {
            const quint64 key = keys.at(i);
            QList<qint64> got;
            for (auto it = map.constFind(key); it != map.constEnd() && it.key() == key; ++it)
                got << it.value();
            QList<qint64> want = reference.values(key);
            std::sort(got.begin(), got.end());
            std::sort(want.begin(), want.end());
            QCOMPARE(got, want);
        }
        QVERIFY(map.constFind(12345) == map.constEnd());
        RowidMultiMap empty;
        QVERIFY(empty.constFind(0) == empty.constEnd());
    }
};

QTEST_GUILESS_MAIN(TestRowidMultiMap)
#include "tst_rowidmultimap.moc"
