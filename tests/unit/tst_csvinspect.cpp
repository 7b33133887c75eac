// `csv inspect`: the JSON contract of DESIGN §5 and one-line errors naming file and line.
#include "io/CsvInspect.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace gamix;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run inspect(const QStringList &args)
{
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.code = runCsvInspect(args, out, err);
    out.flush();
    err.flush();
    return run;
}

QString dataFile(const char *name)
{
    return QStringLiteral(GAMIX_TEST_DATA_DIR "/csv/") + QLatin1String(name);
}

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

class TestCsvInspect : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeFile(const char *name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(QLatin1String(name));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
            qFatal("cannot write %s", name);
        return path;
    }

    static QJsonObject parseSingleObject(const QString &out)
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            qFatal("not one JSON object: %s", qPrintable(out));
        return doc.object();
    }

private slots:
    void jsonForShortWindows1251File()
    {
        const Run run = inspect({dataFile("short_cp1251.csv"), u("--json")});
        QCOMPARE(run.code, 0);
        QVERIFY(run.err.isEmpty());
        const QJsonObject json = parseSingleObject(run.out);
        QCOMPARE(json.value(u"encoding").toString(), u("windows-1251"));
        QCOMPARE(json.value(u"bom").toBool(), false);
        QCOMPARE(json.value(u"delimiter").toString(), u(";"));
        QCOMPARE(json.value(u"header").toArray(), QJsonArray({u("Имя"), u("Фамилия"), u("Телефон")}));
        QCOMPARE(json.value(u"rows").toArray(),
                 QJsonArray({QJsonArray({u("Иван"), u("Петров"), u("+7 916 123-45-67")}),
                             QJsonArray({u("Мария"), u("Сидорова"), u("89251234567")})}));
    }

    void emptyCellsStayEmptyStrings()
    {
        const QString path = writeFile("empty.csv", "a,b,c\n,\"\",x\n");
        const Run run = inspect({u("--json"), path});
        QCOMPARE(run.code, 0);
        const QJsonArray row = parseSingleObject(run.out).value(u"rows").toArray().first().toArray();
        QCOMPARE(row, QJsonArray({u(""), u(""), u("x")}));
        QVERIFY(row.first().isString()); // "" stays "", not null
    }

    void limitCutsDataRows()
    {
        QByteArray data = "n\n";
        for (int i = 0; i < 50; ++i)
            data += QByteArray::number(i) + '\n';
        const QString path = writeFile("many.csv", data);
        QCOMPARE(parseSingleObject(inspect({path, u("--json")}).out).value(u"rows").toArray().size(), 20);
        QCOMPARE(
            parseSingleObject(inspect({path, u("--json"), u("--limit"), u("3")}).out).value(u"rows").toArray().size(),
            3);
        QCOMPARE(parseSingleObject(inspect({path, u("--json"), u("--limit=0")}).out).value(u"rows").toArray().size(),
                 0);
    }

    void tabDelimiterAndUtf16()
    {
        const Run run = inspect({dataFile("google_legacy_utf16le.csv"), u("--json"), u("--limit"), u("1")});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(u"\"delimiter\":\"\\t\""));
        const QJsonObject json = parseSingleObject(run.out);
        QCOMPARE(json.value(u"encoding").toString(), u("utf-16le"));
        QCOMPARE(json.value(u"bom").toBool(), true);
        QCOMPARE(json.value(u"delimiter").toString(), u("\t"));
        QCOMPARE(json.value(u"header").toArray().size(), 61);
        QCOMPARE(json.value(u"rows").toArray().size(), 1);
    }

    void overridesAreApplied()
    {
        const Run run = inspect(
            {dataFile("short_koi8r.csv"), u("--json"), u("--encoding"), u("koi8r"), u("--delimiter"), u(";")});
        QCOMPARE(run.code, 0);
        const QJsonObject json = parseSingleObject(run.out);
        QCOMPARE(json.value(u"encoding").toString(), u("koi8-r"));
        QCOMPARE(json.value(u"header").toArray().first().toString(), u("Имя"));
        const Run tab = inspect({dataFile("short_utf8.csv"), u("--json"), u("--delimiter"), u("\\t")});
        QCOMPARE(parseSingleObject(tab.out).value(u"header").toArray().size(), 1);
    }

    void raggedRowIsAnErrorNamingFileAndLine()
    {
        const QString path = writeFile("ragged.csv", "a;b;c\n1;2;3\n4;5\n");
        const Run run = inspect({path, u("--json")});
        QVERIFY(run.code != 0);
        QVERIFY(run.out.isEmpty()); // nothing half-written
        QCOMPARE(run.err.count(u'\n'), 1);
        QVERIFY2(run.err.contains(path) && run.err.contains(u"3"), qPrintable(run.err));
    }

    void unterminatedQuoteNamesLineAndColumn()
    {
        const QString path = writeFile("quote.csv", "a,b\n1,2\nx,\"open\n");
        const Run run = inspect({path});
        QVERIFY(run.code != 0);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(path) && run.err.contains(u"Line 3, column 3"), qPrintable(run.err));
    }

    void missingFileAndBadArguments()
    {
        Run run = inspect({m_dir.filePath(u"nope.csv"_qs)});
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains(u"nope.csv"));
        run = inspect({});
        QCOMPARE(run.code, 2);
        QVERIFY(!run.err.isEmpty());
        run = inspect({dataFile("short_utf8.csv"), u("--limit"), u("many")});
        QCOMPARE(run.code, 2);
        run = inspect({dataFile("short_utf8.csv"), u("--bogus")});
        QCOMPARE(run.code, 2);
        run = inspect({dataFile("short_utf8.csv"), u("--encoding"), u("klingon")});
        QCOMPARE(run.code, 1);
        QVERIFY(run.err.contains(u"klingon"));
        QVERIFY(run.out.isEmpty());
    }

    void humanReadableSummary()
    {
        const Run run = inspect({dataFile("short_utf8_bom.csv")});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(u"utf-8"));
        QVERIFY(run.out.contains(u"BOM"));
        QVERIFY(run.out.contains(u"Фамилия"));
        QVERIFY(run.out.contains(u"+7 916 123-45-67"));
    }

    void wideFilesAreListedByHeader()
    {
        const Run run = inspect({dataFile("outlook_ru_1251.csv"), u("--limit"), u("1")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(u("  Организация: ООО \"Ромашка\"")), qPrintable(run.out));
        QVERIFY(!run.out.contains(u"Ёлкина")); // the second row is past the limit
    }

    void quoteIsNoDelimiter() { QCOMPARE(inspect({dataFile("short_utf8.csv"), u("--delimiter"), u("\"")}).code, 2); }

    void emptyFile()
    {
        const Run run = inspect({writeFile("empty_file.csv", QByteArray()), u("--json")});
        QCOMPARE(run.code, 0);
        const QJsonObject json = parseSingleObject(run.out);
        QVERIFY(json.value(u"header").toArray().isEmpty());
        QVERIFY(json.value(u"rows").toArray().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCsvInspect)
#include "tst_csvinspect.moc"
