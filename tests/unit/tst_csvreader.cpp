// CsvReader: RFC 4180 and what real exporters write, streaming, errors with positions.
#include "io/CsvReader.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace gamix;

namespace {

struct ReadResult
{
    QList<QStringList> rows;
    QList<qint64> lines;
    CsvReader::Error error = CsvReader::Error::None;
    QString errorString;
    qint64 errorLine = 0;
    qint64 errorColumn = 0;
    QByteArray encoding;
    QChar delimiter;
    bool bom = false;
};

ReadResult readAll(const QByteArray &data, CsvOptions options = {})
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, options);
    ReadResult result;
    QStringList cells;
    while (reader.readRow(cells)) {
        result.rows.append(cells);
        result.lines.append(reader.lineNumber());
    }
    result.error = reader.error();
    result.errorString = reader.errorString();
    result.errorLine = reader.errorLine();
    result.errorColumn = reader.errorColumn();
    result.encoding = reader.encoding();
    result.delimiter = reader.delimiter();
    result.bom = reader.hasBom();
    return result;
}

// The same data read with chunks so small that every boundary case (a CRLF, a "" escape,
// a UTF-8 sequence cut in two) falls between chunks somewhere.
void compareAcrossChunkSizes(const QByteArray &data, const CsvOptions &base)
{
    const ReadResult reference = readAll(data, base);
    for (qint64 chunk = 16; chunk < 40; ++chunk) {
        CsvOptions options = base;
        options.chunkSize = chunk;
        const ReadResult result = readAll(data, options);
        QCOMPARE(result.rows, reference.rows);
        QCOMPARE(result.lines, reference.lines);
        QCOMPARE(result.error, reference.error);
        QCOMPARE(result.errorLine, reference.errorLine);
        QCOMPARE(result.errorColumn, reference.errorColumn);
    }
}

CsvOptions commaUtf8()
{
    CsvOptions options;
    options.encoding = "utf-8";
    options.delimiter = u',';
    return options;
}

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(GAMIX_TEST_DATA_DIR "/csv/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// A read-only device whose windows-1251 CSV content is generated on demand.
class GeneratedDevice : public QIODevice
{
public:
    explicit GeneratedDevice(qint64 rows)
        : m_rows(rows)
    { }
    bool isSequential() const override { return true; }
    qint64 largestRead() const { return m_largestRead; }
    qint64 produced() const { return m_produced; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        m_largestRead = qMax(m_largestRead, maxSize);
        qint64 written = 0;
        while (written < maxSize) {
            if (m_pending.isEmpty()) {
                if (m_next > m_rows)
                    break;
                m_pending = m_next == 0 ? QByteArray("id;name;note\r\n")
                                        : QByteArray::number(m_next - 1) + ";\xC8\xE2\xE0\xED "
                        + QByteArray::number(m_next - 1) + ";\"x;y\r\nz\"" + QByteArray(20, 'n') + "\r\n";
                ++m_next;
            }
            const qint64 n = qMin<qint64>(maxSize - written, m_pending.size());
            memcpy(data + written, m_pending.constData(), size_t(n));
            m_pending.remove(0, n);
            written += n;
        }
        m_produced += written;
        return written;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 m_rows;
    qint64 m_next = 0;
    qint64 m_largestRead = 0;
    qint64 m_produced = 0;
    QByteArray m_pending;
};

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void quotedFieldsKeepDelimitersQuotesAndLineBreaks()
    {
        const QByteArray data = "name,note\r\n"
                                "\"Smith, John\",\"He said \"\"hi\"\"\"\r\n"
                                "\"Ann\",\"line one\r\nline two\nline three\"\r\n"
                                "Bob,plain\r\n";
        const ReadResult r = readAll(data, commaUtf8());
        QCOMPARE(r.error, CsvReader::Error::None);
        QCOMPARE(r.rows.size(), 4);
        QCOMPARE(r.rows[1], QStringList({u("Smith, John"), u("He said \"hi\"")}));
        QCOMPARE(r.rows[2], QStringList({u("Ann"), u("line one\r\nline two\nline three")}));
        // Line numbers are physical lines: the quoted breaks count.
        QCOMPARE(r.lines, QList<qint64>({1, 2, 3, 6}));
        compareAcrossChunkSizes(data, commaUtf8());
    }

    void lineEndings_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("LF") << QByteArray("a,b\n1,2\n3,4\n");
        QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n3,4\r\n");
        QTest::newRow("CR (old Mac Excel)") << QByteArray("a,b\r1,2\r3,4\r");
        QTest::newRow("mixed") << QByteArray("a,b\r\n1,2\n3,4\r");
        QTest::newRow("no final newline") << QByteArray("a,b\n1,2\n3,4");
        QTest::newRow("quoted last cell, no final newline") << QByteArray("a,b\n1,2\n3,\"4\"");
    }
    void lineEndings()
    {
        QFETCH(QByteArray, data);
        const ReadResult r = readAll(data);
        QCOMPARE(r.error, CsvReader::Error::None);
        QCOMPARE(r.rows, QList<QStringList>({{u("a"), u("b")}, {u("1"), u("2")}, {u("3"), u("4")}}));
        QCOMPARE(r.lines, QList<qint64>({1, 2, 3}));
        compareAcrossChunkSizes(data, commaUtf8());
    }

    void emptyCellsStayEmpty()
    {
        const ReadResult r = readAll("a,b,c\n,\"\",\n\"\",x,\n", commaUtf8());
        QCOMPARE(r.error, CsvReader::Error::None);
        QCOMPARE(r.rows[1], QStringList({QString(), QString(), QString()}));
        QCOMPARE(r.rows[2], QStringList({QString(), u("x"), QString()}));
    }

    void textAfterClosingQuoteIsKeptAsExcelDoes()
    {
        const ReadResult r = readAll("a,b\n\"ab\"c,d\"e\"\n", commaUtf8());
        QCOMPARE(r.rows[1], QStringList({u("abc"), u("d\"e\"")}));
    }

    void blankLinesAreSkipped()
    {
        const ReadResult r = readAll("a,b\n\n1,2\r\n\r\n\n3,4\n\n", commaUtf8());
        QCOMPARE(r.error, CsvReader::Error::None);
        QCOMPARE(r.rows.size(), 3);
        QCOMPARE(r.lines, QList<qint64>({1, 3, 6}));
    }

    void blankLinesCanBeKept()
    {
        CsvOptions options = commaUtf8();
        options.skipEmptyLines = false;
        options.allowRaggedRows = true;
        const ReadResult r = readAll("a\n\nb\n", options);
        QCOMPARE(r.rows, QList<QStringList>({{u("a")}, {QString()}, {u("b")}}));
    }

    void utf8Bom()
    {
        const ReadResult r = readAll("\xEF\xBB\xBFId,Name\n1,\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\n");
        QCOMPARE(r.encoding, QByteArray("utf-8"));
        QVERIFY(r.bom);
        QCOMPARE(r.rows[0].first(), u("Id")); // no U+FEFF glued to the first header
        QCOMPARE(r.rows[1][1], u("Иван"));
    }

    void utf16WithBom_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("encoding");
        const QString text = u("Имя\tФамилия\r\nИван\t\"Петров\tмл.\"\r\n");
        QByteArray le("\xFF\xFE", 2);
        QByteArray be("\xFE\xFF", 2);
        for (const QChar c : text) {
            le.append(char(c.unicode() & 0xFF)).append(char(c.unicode() >> 8));
            be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xFF));
        }
        QTest::newRow("LE") << le << QByteArray("utf-16le");
        QTest::newRow("BE") << be << QByteArray("utf-16be");
    }
    void utf16WithBom()
    {
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, encoding);
        const ReadResult r = readAll(data);
        QCOMPARE(r.encoding, encoding);
        QVERIFY(r.bom);
        QCOMPARE(r.delimiter, QChar(u'\t'));
        QCOMPARE(r.rows, QList<QStringList>({{u("Имя"), u("Фамилия")}, {u("Иван"), u("Петров\tмл.")}}));
        CsvOptions options;
        options.delimiter = u'\t';
        options.encoding = encoding;
        compareAcrossChunkSizes(data, options);
    }

    void utf8SequencesCutBetweenChunks()
    {
        const QByteArray data = u("имя,город\nЁлкина,Санкт-Петербург 😀\nИванов,Москва\n").toUtf8();
        const ReadResult r = readAll(data, commaUtf8());
        QCOMPARE(r.rows[1][1], u("Санкт-Петербург 😀"));
        compareAcrossChunkSizes(data, commaUtf8());
    }

    void raggedRowIsReportedWithItsLine()
    {
        const QByteArray data = "a,b,c\n1,2,3\n\"x\ny\",2\n4,5,6\n7,8,9,10\n";
        QBuffer buffer;
        buffer.setData(data);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer, commaUtf8());
        CsvRow row;
        QVERIFY(reader.readRow(row));
        QVERIFY(reader.readRow(row));
        QVERIFY(!reader.readRow(row));
        QCOMPARE(reader.error(), CsvReader::Error::RaggedRow);
        QCOMPARE(reader.errorLine(), 3);
        QVERIFY2(reader.errorString().contains(u"3"), qPrintable(reader.errorString()));
        // The row is handed out as read, not padded or cut.
        QCOMPARE(row.toStringList(), QStringList({u("x\ny"), u("2")}));
        // Recoverable: reading goes on with the next record.
        QVERIFY(reader.readRow(row));
        QCOMPARE(row.toStringList(), QStringList({u("4"), u("5"), u("6")}));
        QCOMPARE(reader.lineNumber(), 5);
        QVERIFY(!reader.readRow(row));
        QCOMPARE(reader.error(), CsvReader::Error::RaggedRow);
        QCOMPARE(reader.errorLine(), 6);
        QCOMPARE(row.size(), 4);
        QVERIFY(!reader.readRow(row));
        QCOMPARE(reader.error(), CsvReader::Error::None);
        QVERIFY(reader.atEnd());
    }

    void raggedRowsCanBeAllowed()
    {
        CsvOptions options = commaUtf8();
        options.allowRaggedRows = true;
        const ReadResult r = readAll("a,b\n1\n1,2,3\n", options);
        QCOMPARE(r.error, CsvReader::Error::None);
        QCOMPARE(r.rows.size(), 3);
    }

    void unterminatedQuoteNamesWhereItOpened()
    {
        const QByteArray data = "a,b\n1,2\n3,\"never\nclosed,5\n";
        const ReadResult r = readAll(data, commaUtf8());
        QCOMPARE(r.error, CsvReader::Error::UnterminatedQuote);
        QCOMPARE(r.rows.size(), 2);
        QCOMPARE(r.errorLine, 3);
        QCOMPARE(r.errorColumn, 3);
        QVERIFY2(r.errorString.contains(u"3"), qPrintable(r.errorString));
        compareAcrossChunkSizes(data, commaUtf8());
    }

    void invalidUtf8NamesLineAndColumn()
    {
        // Valid UTF-8 in the detection sample, a stray windows-1251 byte further on.
        QByteArray data = "name,city\n";
        for (int i = 0; i < 7000; ++i)
            data += "Ivan,Moscow\n";
        data += "Petr,Mo\xF1kva\n";
        CsvOptions detecting;
        detecting.chunkSize = 64 * 1024; // the bad byte lies beyond the detection sample
        const ReadResult r = readAll(data, detecting);
        QCOMPARE(r.encoding, QByteArray("utf-8"));
        QCOMPARE(r.error, CsvReader::Error::Decoding);
        QCOMPARE(r.errorLine, 7002);
        QCOMPARE(r.errorColumn, 8);
        QCOMPARE(r.rows.size(), 7001);
        QVERIFY2(r.errorString.contains(u"7002") && r.errorString.contains(u"8"), qPrintable(r.errorString));
        CsvOptions options = commaUtf8();
        compareAcrossChunkSizes(data, options);
    }

    void lenientDecodingReplacesBadBytes()
    {
        CsvOptions options = commaUtf8();
        options.strictDecoding = false;
        const ReadResult r = readAll("a,b\nx\xFFy,z\n", options);
        QCOMPARE(r.error, CsvReader::Error::None);
        QCOMPARE(r.rows[1][0], u("x\uFFFDy"));
    }

    void encodingCanBeOverridden()
    {
        const QByteArray koi8 = fixture("short_koi8r.csv");
        CsvOptions options;
        options.encoding = "KOI8-R";
        ReadResult r = readAll(koi8, options);
        QCOMPARE(r.encoding, QByteArray("koi8-r"));
        QCOMPARE(r.rows[0], QStringList({u("Имя"), u("Фамилия"), u("Телефон")}));
        options.encoding = "cp1251"; // wrong on purpose: the user's word counts
        r = readAll(koi8, options);
        QCOMPARE(r.encoding, QByteArray("windows-1251"));
        QVERIFY(r.rows[0][0] != u("Имя"));
    }

    void unknownEncodingIsAnError()
    {
        CsvOptions options;
        options.encoding = "no-such-encoding";
        const ReadResult r = readAll("a,b\n", options);
        QCOMPARE(r.error, CsvReader::Error::UnknownEncoding);
        QVERIFY(r.errorString.contains(u"no-such-encoding"));
    }

    void delimiterCanBeOverridden()
    {
        CsvOptions options = commaUtf8();
        options.delimiter = u'|';
        const ReadResult r = readAll("a;b|c\n1;2|3\n", options);
        QCOMPARE(r.rows[1], QStringList({u("1;2"), u("3")}));
    }

    void oversizedRecordIsAnError()
    {
        CsvOptions options = commaUtf8();
        options.maxRecordChars = 1000;
        options.chunkSize = 256;
        const ReadResult r = readAll("a\n\"" + QByteArray(5000, 'x') + "\"\n", options);
        QCOMPARE(r.error, CsvReader::Error::RecordTooLarge);
    }

    void emptyInput()
    {
        const ReadResult r = readAll(QByteArray());
        QCOMPARE(r.error, CsvReader::Error::None);
        QVERIFY(r.rows.isEmpty());
        const ReadResult bomOnly = readAll("\xEF\xBB\xBF");
        QVERIFY(bomOnly.rows.isEmpty());
        QVERIFY(bomOnly.bom);
    }

    void outlookRussianExport()
    {
        // Real Outlook header (92 columns), windows-1251, every field quoted, comma.
        const ReadResult r = readAll(fixture("outlook_ru_1251.csv"));
        QCOMPARE(r.error, CsvReader::Error::None);
        QCOMPARE(r.encoding, QByteArray("windows-1251"));
        QCOMPARE(r.delimiter, QChar(u','));
        QCOMPARE(r.rows.size(), 3);
        QCOMPARE(r.rows[0].size(), 92);
        QCOMPARE(r.rows[0][1], u("Имя"));
        const int company = int(r.rows[0].indexOf(u("Организация")));
        const int notes = int(r.rows[0].indexOf(u("Заметки")));
        QVERIFY(company >= 0 && notes >= 0);
        QCOMPARE(r.rows[1][company], u("ООО \"Ромашка\""));
        QCOMPARE(r.rows[1][notes], u("Звонить после обеда,\r\nлучше во вторник"));
        QCOMPARE(r.rows[2][3], u("Ёлкина"));
        QCOMPARE(r.lines, QList<qint64>({1, 2, 4}));
    }

    void outlookRussianResavedByExcel()
    {
        const ReadResult r = readAll(fixture("outlook_ru_excel_1251.csv"));
        QCOMPARE(r.error, CsvReader::Error::None);
        QCOMPARE(r.encoding, QByteArray("windows-1251"));
        QCOMPARE(r.delimiter, QChar(u';'));
        QCOMPARE(r.rows.size(), 3);
        QCOMPARE(r.rows[0].size(), 92);
        // Double spaces in the real header survive (the importer folds them, not the reader).
        QVERIFY(r.rows[0].contains(u("Улица  2 (другой адрес)")));
        QCOMPARE(r.rows[2][1], u("Анна"));
    }

    void googleLegacyUtf16Tab()
    {
        const ReadResult r = readAll(fixture("google_legacy_utf16le.csv"));
        QCOMPARE(r.error, CsvReader::Error::None);
        QCOMPARE(r.encoding, QByteArray("utf-16le"));
        QVERIFY(r.bom);
        QCOMPARE(r.delimiter, QChar(u'\t'));
        QCOMPARE(r.rows.size(), 3);
        QCOMPARE(r.rows[0].first(), u("Name"));
        QCOMPARE(r.rows[0].size(), 61);
        const int phone = int(r.rows[0].indexOf(u("Phone 1 - Value")));
        QCOMPARE(r.rows[1][phone], u("+7 916 123-45-67 ::: +7 925 000-11-22"));
        const int notes = int(r.rows[0].indexOf(u("Notes")));
        QCOMPARE(r.rows[2][notes], u("Met at \"CRM Expo\"\tbooth 5"));
    }

    void streamsMegabytesFromABuffer()
    {
        // ~12 MB through 1 MiB chunks: every chunk boundary lands somewhere in a record.
        QByteArray data = "id;name;note\r\n";
        const int rows = 200000;
        for (int i = 0; i < rows; ++i) {
            data += QByteArray::number(i) + ";\xC8\xE2\xE0\xED " + QByteArray::number(i) + ";\"a;b\r\n\"\"c\"\"\"\r\n";
        }
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        CsvRow row;
        QVERIFY(reader.readRow(row));
        int count = 0;
        qint64 lastPosition = 0;
        while (reader.readRow(row)) {
            if (row.cell(0) != QString::number(count) || row.cell(2) != u"a;b\r\n\"c\"")
                QFAIL(qPrintable(u"row " + QString::number(count)));
            QVERIFY(reader.bytePosition() >= lastPosition);
            lastPosition = reader.bytePosition();
            ++count;
        }
        QCOMPARE(reader.error(), CsvReader::Error::None);
        QCOMPARE(count, rows);
        QCOMPARE(reader.encoding(), QByteArray("windows-1251"));
        QCOMPARE(reader.lineNumber(), 1 + 2 * qint64(rows - 1) + 1);
        QCOMPARE(reader.bytePosition(), qint64(data.size()));
    }

    void neverHoldsTheWholeInput()
    {
        // ~20 MB that exist nowhere: the device makes them up as they are read, so the
        // reader can only succeed by streaming. It must ask for one chunk at a time.
        GeneratedDevice device(400000);
        device.open(QIODevice::ReadOnly);
        CsvOptions options;
        options.chunkSize = 1 << 20;
        CsvReader reader(&device, options);
        CsvRow row;
        qint64 rows = 0;
        QString lastName;
        while (reader.readRow(row)) {
            ++rows;
            if (rows == 400001)
                lastName = row.cell(1).toString();
        }
        QCOMPARE(reader.error(), CsvReader::Error::None);
        QCOMPARE(rows, 400001);
        QCOMPARE(lastName, u("Иван 399999"));
        QVERIFY(device.produced() > 18'000'000);
        QVERIFY2(device.largestRead() <= options.chunkSize, qPrintable(QString::number(device.largestRead())));
    }

    void printsReadSpeed()
    {
        // Not an assertion (CI machines vary): prints the speed the importer can expect.
        QByteArray data = "id;first_name;last_name;phone;email;city;notes\r\n";
        for (int i = 0; i < 150000; ++i) {
            data += QByteArray::number(i)
                + ";\xC8\xE2\xE0\xED;\xCF\xE5\xF2\xF0\xEE\xE2\xF1\xEA\xE8\xE9;+7 916 123-45-67;"
                  "ivan.petrov@example.ru;\xCC\xEE\xF1\xEA\xE2\xE0;\"\xCF\xF0\xE8\xEC\xE5\xF7"
                  "\xE0\xED\xE8\xE5; \xE7\xE2\xEE\xED\xE8\xF2\xFC\"\r\n";
        }
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        QElapsedTimer timer;
        timer.start();
        CsvReader reader(&buffer);
        CsvRow row;
        qint64 rows = 0;
        while (reader.readRow(row))
            ++rows;
        const double seconds = qMax<qint64>(1, timer.elapsed()) / 1000.0;
        QCOMPARE(reader.error(), CsvReader::Error::None);
        qInfo("read %lld rows, %.1f MB in %.3f s: %.0f MB/s", rows, data.size() / 1e6, seconds,
              data.size() / 1e6 / seconds);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
