// Export profiles (Excel, Data) and the round trip: a Data export imported into an empty
// database gives identical records.
#include "io/ExportJob.h"
#include "io/ImportJob.h"
#include "io/TextDecoder.h"
#include "store/Store.h"

#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gamix;

class TestExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    const Schema &schema = Schema::instance();

    std::unique_ptr<Store> open()
    {
        auto s = std::make_unique<Store>();
        QString error;
        if (!s->open(m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_n)), &error))
            qFatal("%s", qPrintable(error));
        return s;
    }
    QString create(Store &s, const char *entity, QList<FieldWrite> fields)
    {
        const WriteResult r = s.create(*schema.entity(QString::fromLatin1(entity)), fields);
        if (!r.ok)
            qFatal("%s", qPrintable(r.errorText()));
        return r.id;
    }
    QByteArray exportBytes(Store &s, const char *entity, ExportOptions o, QString *path = nullptr)
    {
        o.entity = schema.entity(QString::fromLatin1(entity));
        o.file = m_dir.filePath(QStringLiteral("out%1").arg(++m_n));
        ExportJob job(s, o);
        QString error;
        if (!job.run(&error))
            qFatal("%s", qPrintable(error));
        if (path)
            *path = o.file;
        QFile f(o.file);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }
    void fill(Store &s)
    {
        const QString co = create(s, "company",
                                  {{QStringLiteral("name"), QStringLiteral("ООО «Ромашка»")},
                                   {QStringLiteral("inn"), QStringLiteral("7707083893")},
                                   {QStringLiteral("phone"), QStringLiteral("+7 495 123-45-67")}});
        const QString c = create(
            s, "contact",
            {{QStringLiteral("first_name"), QStringLiteral("Иван")},
             {QStringLiteral("last_name"), QStringLiteral("Иванов")},
             {QStringLiteral("email"), QStringLiteral("ivan@romashka.ru")},
             {QStringLiteral("mobile"), QStringLiteral("+7 916 123-45-67")},
             {QStringLiteral("telegram"), QStringLiteral("@ivanov_ivan")},
             {QStringLiteral("company_id"), co},
             {QStringLiteral("birthday"), QStringLiteral("1604-05-12")},
             {QStringLiteral("tags"), QStringLiteral("VIP,опт")},
             {QStringLiteral("notes"), QStringLiteral("=HYPERLINK(\"http://evil\")\r\nвторая строка; \"кавычки\"")}});
        create(s, "contact",
               {{QStringLiteral("last_name"), QStringLiteral("Петрова")},
                {QStringLiteral("phone"), QStringLiteral("8 (812) 000-00-01")}});
        const QString d = create(s, "deal",
                                 {{QStringLiteral("title"), QStringLiteral("Поставка")},
                                  {QStringLiteral("amount"), QStringLiteral("150000.50")},
                                  {QStringLiteral("contact_id"), c},
                                  {QStringLiteral("company_id"), co},
                                  {QStringLiteral("stage_id"), QStringLiteral("00000000-0000-7000-8000-000000000013")},
                                  {QStringLiteral("expected_close"), QStringLiteral("2026-01-31")}});
        create(s, "task",
               {{QStringLiteral("title"), QStringLiteral("Позвонить")},
                {QStringLiteral("due_at"), QStringLiteral("2026-12-01")},
                {QStringLiteral("deal_id"), d},
                {QStringLiteral("contact_id"), c}});
        create(s, "task",
               {{QStringLiteral("title"), QStringLiteral("Встреча")},
                {QStringLiteral("due_at"), QStringLiteral("2026-12-01T09:30:00Z")},
                {QStringLiteral("done"), QStringLiteral("true")},
                {QStringLiteral("priority"), QStringLiteral("high")}});
        create(s, "lead",
               {{QStringLiteral("title"), QStringLiteral("Заявка")},
                {QStringLiteral("email"), QStringLiteral("lead@x.ru")},
                {QStringLiteral("consent"), QStringLiteral("true")}});
        create(s, "note",
               {{QStringLiteral("body"), QStringLiteral("Звонок, договорились")},
                {QStringLiteral("kind"), QStringLiteral("call")},
                {QStringLiteral("contact_id"), c}});
    }
    QList<QJsonObject> records(Store &s, const char *entity)
    {
        ListQuery q;
        q.entity = schema.entity(QString::fromLatin1(entity));
        QString error;
        QList<Record> list = s.list(q, &error);
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        std::sort(list.begin(), list.end(), [](const Record &a, const Record &b) { return a.id < b.id; });
        QList<QJsonObject> out;
        for (const Record &r : list) {
            QJsonObject o = r.toJson();
            o.remove(QStringLiteral("created_at")); // stamped by the importing database
            o.remove(QStringLiteral("updated_at"));
            out << o;
        }
        return out;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void excelProfile()
    {
        auto s = open();
        fill(*s);
        const QByteArray bytes = exportBytes(*s, "contact", {});
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(bytes.mid(3));
        const QStringList lines = text.split(QStringLiteral("\r\n"));
        QVERIFY(lines.first().startsWith(QStringLiteral("First name;Middle name;Last name;Email")));
        QVERIFY(!lines.first().contains(QStringLiteral("id;")));
        QVERIFY(text.contains(QStringLiteral(";\"=\"\"+7 916 123-45-67\"\"\";"))); // a phone Excel shows as a phone
        QVERIFY(text.contains(QStringLiteral("\"'=HYPERLINK(\"\"http://evil\"\")"))); // formula neutralised
        QVERIFY(text.contains(QStringLiteral(";ООО «Ромашка»;"))); // the name, not the id
        const QByteArray deals = exportBytes(*s, "deal", {});
        QVERIFY(QString::fromUtf8(deals).contains(QStringLiteral(";150000,50;RUB;Sales;Proposal;Иванов Иван;")));
    }

    void excelWindows1251()
    {
        auto s = open();
        fill(*s);
        ExportOptions o;
        o.encoding = "windows-1251";
        const QByteArray bytes = exportBytes(*s, "contact", o);
        QVERIFY(!bytes.startsWith("\xEF\xBB\xBF"));
        TextDecoder decoder("windows-1251", true);
        QString text;
        QVERIFY(decoder.decode(bytes, text, true));
        QVERIFY(text.contains(QStringLiteral("Иванов")));
        QVERIFY(text.contains(QStringLiteral("\r\n")));
    }

    void dataProfile()
    {
        auto s = open();
        fill(*s);
        ExportOptions o;
        o.profile = ExportOptions::Profile::Data;
        const QString text = QString::fromUtf8(exportBytes(*s, "contact", o));
        QVERIFY(text.startsWith(QStringLiteral("id,first_name,middle_name,last_name,email,email2,phone,mobile,"
                                               "telegram,company_id,company,position,")));
        QVERIFY(text.contains(QStringLiteral(",+7 916 123-45-67,"))); // untouched
        QVERIFY(text.contains(QStringLiteral("\"=HYPERLINK(\"\"http://evil\"\")\r\nвторая строка; \"\"кавычки\"\"\"")));
    }

    void dataRoundTripGivesIdenticalRecords()
    {
        auto source = open();
        fill(*source);
        auto target = open();
        const char *order[] = {"company", "contact", "lead", "deal", "task", "note"};
        for (const char *entity : order) {
            ExportOptions o;
            o.profile = ExportOptions::Profile::Data;
            QString path;
            exportBytes(*source, entity, o, &path);
            ImportOptions io;
            io.entity = schema.entity(QString::fromLatin1(entity));
            io.file = path;
            ImportJob job(*target, io);
            const ImportSummary sum = job.run();
            QVERIFY2(sum.ok(), qPrintable(sum.fatalError));
            QCOMPARE(sum.preset, QStringLiteral("gamix"));
            QCOMPARE(sum.rejected, 0);
        }
        for (const char *entity : order) {
            const QList<QJsonObject> a = records(*source, entity);
            const QList<QJsonObject> b = records(*target, entity);
            QVERIFY(!a.isEmpty());
            QCOMPARE(b.size(), a.size());
            for (int i = 0; i < a.size(); ++i)
                QCOMPARE(b.at(i), a.at(i));
        }
        // And again: the second import finds every record by its id and changes nothing.
        ExportOptions o;
        o.profile = ExportOptions::Profile::Data;
        QString path;
        exportBytes(*source, "contact", o, &path);
        ImportOptions io;
        io.entity = schema.entity(u"contact");
        io.file = path;
        ImportJob again(*target, io);
        QCOMPARE(again.run().skipped, 2);
    }

    void unknownCompanyIdFallsBackToTheName()
    {
        auto source = open();
        fill(*source);
        ExportOptions o;
        o.profile = ExportOptions::Profile::Data;
        QString path;
        exportBytes(*source, "contact", o, &path);
        auto target = open(); // no companies there
        ImportOptions io;
        io.entity = schema.entity(u"contact");
        io.file = path;
        ImportJob job(*target, io);
        QCOMPARE(job.run().created, 2);
        const QList<QJsonObject> c = records(*target, "contact");
        const QJsonObject ivan = c.at(0)[QLatin1String("last_name")] == QStringLiteral("Иванов") ? c.at(0) : c.at(1);
        const Record company = target->get(*schema.entity(u"company"), ivan[QLatin1String("company_id")].toString());
        QCOMPARE(company.text(u"name"), QStringLiteral("ООО «Ромашка»"));
    }

    void excelExportImportsBack()
    {
        auto source = open();
        fill(*source);
        QString path;
        exportBytes(*source, "contact", {}, &path);
        auto target = open();
        ImportOptions io;
        io.entity = schema.entity(u"contact");
        io.file = path;
        ImportJob job(*target, io);
        const ImportSummary sum = job.run();
        QVERIFY2(sum.ok(), qPrintable(sum.fatalError));
        QCOMPARE(sum.created, 2);
        ListQuery q;
        q.entity = schema.entity(u"contact");
        q.where.append({QStringLiteral("last_name"), QStringLiteral("Иванов")});
        QString error;
        const Record r = target->list(q, &error).value(0);
        QCOMPARE(r.text(u"mobile"), QStringLiteral("+7 916 123-45-67")); // ="..." unwrapped
        QCOMPARE(r.text(u"notes"), QStringLiteral("=HYPERLINK(\"http://evil\")\r\nвторая строка; \"кавычки\""));
        QCOMPARE(target->get(*schema.entity(u"company"), r.text(u"company_id")).text(u"name"),
                 QStringLiteral("ООО «Ромашка»"));
    }

    void exportOfAFilteredView()
    {
        auto s = open();
        fill(*s);
        ListQuery q;
        q.entity = schema.entity(u"contact");
        q.search = QStringLiteral("Петрова");
        ExportOptions o;
        o.query = &q;
        o.profile = ExportOptions::Profile::Data;
        const QStringList lines
            = QString::fromUtf8(exportBytes(*s, "contact", o)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(1).contains(QStringLiteral("Петрова")));
    }

    void aFailedExportLeavesTheOldFile()
    {
        auto s = open();
        const QString path = m_dir.filePath(QStringLiteral("keep.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("old");
        f.close();
        ExportOptions o;
        o.entity = schema.entity(u"deal");
        o.file = path;
        o.format = ExportOptions::Format::VCard; // deals cannot be vCards
        ExportJob job(*s, o);
        QString error;
        QVERIFY(!job.run(&error));
        QVERIFY(error.startsWith(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("old"));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
