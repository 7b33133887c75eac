// Encoding and delimiter detection on the files Russian users really have.
#include "io/CsvDelimiterDetector.h"
#include "io/EncodingDetector.h"

#include <QFile>
#include <QTest>

using namespace gamix;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(GAMIX_TEST_DATA_DIR "/csv/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

} // namespace

class TestCsvDetection : public QObject
{
    Q_OBJECT

private slots:
    void shortRussianFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<int>("bomLength");
        QTest::newRow("utf-8") << u"short_utf8.csv"_qs << QByteArray("utf-8") << 0;
        QTest::newRow("utf-8 bom") << u"short_utf8_bom.csv"_qs << QByteArray("utf-8") << 3;
        QTest::newRow("utf-16be bom") << u"short_utf16be.csv"_qs << QByteArray("utf-16be") << 2;
        QTest::newRow("utf-16le bom") << u"google_legacy_utf16le.csv"_qs << QByteArray("utf-16le") << 2;
        QTest::newRow("windows-1251") << u"short_cp1251.csv"_qs << QByteArray("windows-1251") << 0;
        QTest::newRow("koi8-r") << u"short_koi8r.csv"_qs << QByteArray("koi8-r") << 0;
        QTest::newRow("windows-1251 caps") << u"upper_cp1251.csv"_qs << QByteArray("windows-1251") << 0;
        QTest::newRow("koi8-r caps") << u"upper_koi8r.csv"_qs << QByteArray("koi8-r") << 0;
        QTest::newRow("outlook 1251") << u"outlook_ru_1251.csv"_qs << QByteArray("windows-1251") << 0;
    }
    void shortRussianFiles()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, encoding);
        QFETCH(int, bomLength);
        const DetectedEncoding detected = EncodingDetector::detect(fixture(file), true);
        QCOMPARE(detected.name, encoding);
        QCOMPARE(detected.bomLength, bomLength);
    }

    void singleWordsStillDecide_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("name") << u"Иван"_qs;
        QTest::newRow("header") << u"Имя;Фамилия"_qs;
        QTest::newRow("caps") << u"МОСКВА"_qs;
        QTest::newRow("lower") << u"телефон"_qs;
    }
    void singleWordsStillDecide()
    {
        QFETCH(QString, text);
        // Build the byte forms with Qt-independent tables: ICU itself is under test.
        const QByteArray cp1251 = toSingleByte(text, false);
        const QByteArray koi8 = toSingleByte(text, true);
        QCOMPARE(EncodingDetector::detect(cp1251, true).name, QByteArray("windows-1251"));
        QCOMPARE(EncodingDetector::detect(koi8, true).name, QByteArray("koi8-r"));
    }

    void asciiIsUtf8()
    {
        QCOMPARE(EncodingDetector::detect("First Name,Last Name\nJohn,Smith\n", true).name, QByteArray("utf-8"));
    }

    void utf8CutAtSampleEndIsStillUtf8()
    {
        const QByteArray text = QStringLiteral("Имя").toUtf8();
        QVERIFY(EncodingDetector::isValidUtf8(text.left(text.size() - 1), false));
        QVERIFY(!EncodingDetector::isValidUtf8(text.left(text.size() - 1), true));
        QCOMPARE(EncodingDetector::detect(text.left(text.size() - 1), false).name, QByteArray("utf-8"));
    }

    void invalidUtf8Offsets()
    {
        qsizetype bad = -1;
        QVERIFY(!EncodingDetector::isValidUtf8("ab\xC0\x80", true, &bad)); // overlong
        QCOMPARE(bad, 2);
        QVERIFY(!EncodingDetector::isValidUtf8("a\xED\xA0\x80", true, &bad)); // surrogate
        QCOMPARE(bad, 1);
        QVERIFY(EncodingDetector::isValidUtf8("\xF0\x9F\x98\x80", true));
    }

    void westEuropeanTextIsNotCyrillic()
    {
        // "Müller;Café;Straße" in windows-1252: lone high bytes between Latin letters.
        const QByteArray latin = "Name;Ort;Stra\xDF"
                                 "e\nM\xFCller;Caf\xE9;Hauptstra\xDF"
                                 "e 5\n"
                                 "Sch\xF6n;K\xF6ln;Domplatz\n";
        const QByteArray name = EncodingDetector::detect(latin, true).name;
        QVERIFY2(name == "iso-8859-1" || name == "windows-1252", name.constData());
    }

    void bomlessUtf16()
    {
        const QString text = QStringLiteral("Name\tPhone\r\nIvan\t+7916\r\n");
        QByteArray le;
        for (const QChar c : text)
            le.append(char(c.unicode() & 0xFF)).append(char(c.unicode() >> 8));
        QCOMPARE(EncodingDetector::detect(le, true).name, QByteArray("utf-16le"));
    }

    void canonicalNames_data()
    {
        QTest::addColumn<QByteArray>("given");
        QTest::addColumn<QByteArray>("canonical");
        QTest::newRow("cp1251") << QByteArray("cp1251") << QByteArray("windows-1251");
        QTest::newRow("Windows-1251") << QByteArray("Windows-1251") << QByteArray("windows-1251");
        QTest::newRow("1251") << QByteArray("1251") << QByteArray("windows-1251");
        QTest::newRow("win1251") << QByteArray("win1251") << QByteArray("windows-1251");
        QTest::newRow("KOI8-R") << QByteArray("KOI8-R") << QByteArray("koi8-r");
        QTest::newRow("koi8r") << QByteArray("koi8r") << QByteArray("koi8-r");
        QTest::newRow("UTF8") << QByteArray("UTF8") << QByteArray("utf-8");
        QTest::newRow("utf-16le") << QByteArray("UTF-16LE") << QByteArray("utf-16le");
        QTest::newRow("latin1") << QByteArray("latin1") << QByteArray("iso-8859-1");
        QTest::newRow("cp866") << QByteArray("cp866") << QByteArray("ibm866");
        QTest::newRow("unknown") << QByteArray("klingon") << QByteArray();
    }
    void canonicalNames()
    {
        QFETCH(QByteArray, given);
        QFETCH(QByteArray, canonical);
        QCOMPARE(EncodingDetector::canonicalName(given), canonical);
    }

    void delimiters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QChar>("delimiter");
        QTest::newRow("comma") << u"a,b,c\n1,2,3\n"_qs << QChar(u',');
        QTest::newRow("semicolon") << u"Имя;Фамилия;Телефон\nИван;Петров;+7 916\n"_qs << QChar(u';');
        QTest::newRow("tab") << u"a\tb\n1\t2\n"_qs << QChar(u'\t');
        QTest::newRow("pipe") << u"a|b|c\n1|2|3\n"_qs << QChar(u'|');
        QTest::newRow("quoted commas in ; file")
            << u"name;address\n\"Иван\";\"Москва, Тверская, 1\"\nПётр;\"Тула, Ленина, 2\"\n"_qs << QChar(u';');
        QTest::newRow("unquoted commas in ; file (header decides)")
            << u"name;address\nИван;Москва, Тверская, 1\nПётр;Тула, Ленина, 2\n"_qs << QChar(u';');
        QTest::newRow("decimal commas in ; file") << u"name;sum\na;1,5\nb;2,75\n"_qs << QChar(u';');
        QTest::newRow("semicolons inside quotes in , file") << u"a,b\n\"x;y;z\",1\n\"p;q;r\",2\n"_qs << QChar(u',');
        QTest::newRow("quoted line break") << u"a;b\n\"1,\n2\";3\n4;5\n"_qs << QChar(u';');
        QTest::newRow("single column") << u"email\na@b.c\n"_qs << QChar(u',');
        QTest::newRow("header only") << u"a;b;c"_qs << QChar(u';');
    }
    void delimiters()
    {
        QFETCH(QString, text);
        QFETCH(QChar, delimiter);
        QCOMPARE(CsvDelimiterDetector::detect(text, true), delimiter);
    }

    void cutLastRecordDoesNotVote()
    {
        const QString text = u"a;b\n1;2\n3;4\n5,6,7,8,9"_qs;
        QCOMPARE(CsvDelimiterDetector::fieldCounts(text, u';', false, 50), QList<int>({2, 2, 2}));
        QCOMPARE(CsvDelimiterDetector::detect(text, false), QChar(u';'));
    }

private:
    // Small independent tables for the test data: cp1251 is alphabetical from 0xC0;
    // KOI8-R follows the Latin transliteration order.
    static QByteArray toSingleByte(const QString &text, bool koi8)
    {
        static const QString koi8Lower = u"юабцдефгхийклмнопярстужвьызшэщчъ"_qs;
        QByteArray out;
        for (const QChar c : text) {
            const char16_t u = c.unicode();
            if (u < 0x80) {
                out.append(char(u));
                continue;
            }
            const bool upper = u >= 0x410 && u <= 0x42F;
            const QChar lower = upper ? QChar(char16_t(u + 0x20)) : c;
            if (!koi8) {
                out.append(char((upper ? 0xC0 : 0xE0) + (lower.unicode() - 0x430)));
            } else {
                const qsizetype index = koi8Lower.indexOf(lower);
                out.append(char((upper ? 0xE0 : 0xC0) + index));
            }
        }
        return out;
    }
};

QTEST_GUILESS_MAIN(TestCsvDetection)
#include "tst_csvdetection.moc"
