// CsvWriter: quoting, profiles, encodings, the formula-injection rule, and round trips.
#include "io/CsvReader.h"
#include "io/CsvWriter.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

using namespace gamix;

namespace {

QByteArray write(const QList<QStringList> &rows, const CsvWriterOptions &options, qint64 *unmappable = nullptr)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(&buffer, options);
        for (const QStringList &row : rows) {
            if (!writer.writeRow(row))
                qFatal("writeRow failed");
        }
        writer.flush();
        if (unmappable)
            *unmappable = writer.unmappableCount();
    }
    return buffer.data();
}

QList<QStringList> read(const QByteArray &data, const CsvOptions &options = {})
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, options);
    QList<QStringList> rows;
    QStringList cells;
    while (reader.readRow(cells))
        rows.append(cells);
    if (reader.error() != CsvReader::Error::None)
        qFatal("read failed: %s", qPrintable(reader.errorString()));
    return rows;
}

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

class TestCsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void dataProfileIsRfc4180()
    {
        const QByteArray out = write({{u("id"), u("note")},
                                      {u("1"), u("a,b")},
                                      {u("2"), u("say \"hi\"")},
                                      {u("3"), u("two\nlines")},
                                      {u("4"), u("=SUM(A1)")},
                                      {u("5"), QString()}},
                                     CsvWriterOptions::data());
        QCOMPARE(out,
                 QByteArray("id,note\r\n1,\"a,b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"two\nlines\"\r\n"
                            "4,=SUM(A1)\r\n5,\r\n"));
    }

    void lfLineEnding()
    {
        CsvWriterOptions options = CsvWriterOptions::data();
        options.lineEnding = CsvWriterOptions::LineEnding::Lf;
        QCOMPARE(write({{u("a"), u("b")}, {u("1"), u("2")}}, options), QByteArray("a,b\n1,2\n"));
    }

    void excelProfileWritesBomAndSemicolons()
    {
        const QByteArray out
            = write({{u("Имя"), u("Город")}, {u("Иван"), u("Москва; центр")}}, CsvWriterOptions::excel());
        QCOMPARE(out, QByteArray("\xEF\xBB\xBF") + u("Имя;Город\r\nИван;\"Москва; центр\"\r\n").toUtf8());
    }

    void windows1251CountsWhatItCannotWrite()
    {
        qint64 unmappable = -1;
        const QByteArray out
            = write({{u("Иван"), u("日本"), u("😀 €")}}, CsvWriterOptions::excelWindows1251(), &unmappable);
        // 日, 本 and the emoji become '?'; € exists in windows-1251 (0x88).
        QCOMPARE(out, QByteArray("\xC8\xE2\xE0\xED;??;? \x88\r\n"));
        QCOMPARE(unmappable, 3);
    }

    void unknownEncodingIsRefused()
    {
        CsvWriterOptions options = CsvWriterOptions::data();
        options.encoding = "no-such-encoding";
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer, options);
        QVERIFY(!writer.isValid());
        QVERIFY(!writer.writeRow(QStringList {u("a")}));
        QVERIFY(writer.errorString().contains(u"no-such-encoding"));
    }

    void formulaInjection_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("written");
        QTest::newRow("formula") << u("=HYPERLINK(\"http://x\")") << u("'=HYPERLINK(\"http://x\")");
        QTest::newRow("plus formula") << u("+cmd|' /C calc'!A0") << u("'+cmd|' /C calc'!A0");
        QTest::newRow("minus formula") << u("-2+3+cmd|' /C calc'!A0") << u("'-2+3+cmd|' /C calc'!A0");
        QTest::newRow("at") << u("@SUM(1)") << u("'@SUM(1)");
        QTest::newRow("tab") << u("\t=1") << u("'\t=1");
        QTest::newRow("cr") << u("\r=1") << u("'\r=1");
        QTest::newRow("negative amount") << u("-150.50") << u("-150.50");
        QTest::newRow("negative decimal comma") << u("-150,50") << u("-150,50");
        QTest::newRow("phone spaced") << u("+7 916 123-45-67") << u("=\"+7 916 123-45-67\"");
        QTest::newRow("phone compact") << u("+79161234567") << u("=\"+79161234567\"");
        QTest::newRow("phone brackets") << u("+7 (495) 123-45-67") << u("=\"+7 (495) 123-45-67\"");
        QTest::newRow("not a phone: quote") << u("+7\"&cmd") << u("'+7\"&cmd");
        QTest::newRow("not a phone: letters") << u("+7 916 CALL") << u("'+7 916 CALL");
        QTest::newRow("short plus number") << u("+5") << u("+5");
        QTest::newRow("dash list item") << u("- позвонить") << u("'- позвонить");
        QTest::newRow("plain text") << u("Иван") << u("Иван");
        QTest::newRow("phone without plus") << u("8 916 123-45-67") << u("8 916 123-45-67");
        QTest::newRow("empty") << QString() << QString();
    }
    void formulaInjection()
    {
        QFETCH(QString, cell);
        QFETCH(QString, written);
        QCOMPARE(CsvWriter::neutraliseFormula(cell), written);
        // What Excel would get, after CSV quoting, read back by a plain CSV reader.
        const QByteArray out = write({{u("x"), cell}}, CsvWriterOptions::excel());
        CsvOptions options;
        options.delimiter = u';';
        QCOMPARE(read(out, options).first().last(), written);
    }

    void dataProfileLeavesFormulasAlone()
    {
        const QStringList row = {u("=1+1"), u("+7 916 123-45-67"), u("@x"), u("-5")};
        QCOMPARE(read(write({row}, CsvWriterOptions::data())).first(), row);
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("profile");
        QTest::newRow("data") << 0;
        QTest::newRow("excel utf-8") << 1;
        QTest::newRow("excel windows-1251") << 2;
        QTest::newRow("data, LF, tab") << 3;
    }
    void roundTrip()
    {
        QFETCH(int, profile);
        CsvWriterOptions options = profile == 1 ? CsvWriterOptions::excel()
            : profile == 2                      ? CsvWriterOptions::excelWindows1251()
                                                : CsvWriterOptions::data();
        if (profile == 3) {
            options.delimiter = u'\t';
            options.lineEnding = CsvWriterOptions::LineEnding::Lf;
        }
        options.neutraliseFormulas = false; // values must come back exactly
        // Cells built from the characters that matter to CSV, plus Cyrillic.
        const QString alphabet = u("ab ,;\t|\"\r\nЁёЖж№«»");
        QRandomGenerator random(42);
        QList<QStringList> rows;
        for (int r = 0; r < 300; ++r) {
            QStringList row;
            for (int c = 0; c < 5; ++c) {
                QString cell;
                const int length = int(random.bounded(12));
                for (int i = 0; i < length; ++i)
                    cell += alphabet[int(random.bounded(alphabet.size()))];
                row.append(cell);
            }
            // A row of one empty cell would be a blank line, which readers skip.
            row[0].prepend(u'x');
            rows.append(row);
        }
        const QByteArray out = write(rows, options);
        // The delimiter is detected, not told. Random character soup is no Russian text
        // for the encoding heuristic, so the single-byte encoding is named.
        CsvOptions readOptions;
        if (profile == 2)
            readOptions.encoding = "windows-1251";
        QCOMPARE(read(out, readOptions), rows);
    }

    void streamsLargeOutput()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer, CsvWriterOptions::excelWindows1251());
        for (int i = 0; i < 100000; ++i)
            QVERIFY(writer.writeRow(QStringList {QString::number(i), u("Иванов Иван Иванович")}));
        // Written in blocks as it goes, not held until the end.
        QVERIFY(buffer.data().size() > 1000000);
        QVERIFY(writer.flush());
        QCOMPARE(read(buffer.data()).size(), 100000);
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
