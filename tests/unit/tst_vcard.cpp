// vCard 3.0/4.0 export and 2.1/3.0/4.0 import of contacts: company, phones, emails,
// birthday (also without a year), notes, Cyrillic, line folding at 75 octets.
#include "io/ExportJob.h"
#include "io/VCardFormat.h"
#include "io/VCardReader.h"
#include "io/VCardWriter.h"
#include "store/Store.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gamix;

class TestVCard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    const EntityDef &contact = *Schema::instance().entity(u"contact");

    std::unique_ptr<Store> open()
    {
        auto s = std::make_unique<Store>();
        QString error;
        if (!s->open(m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_n)), &error))
            qFatal("%s", qPrintable(error));
        return s;
    }
    Record byLastName(Store &s, const QString &last)
    {
        ListQuery q;
        q.entity = &contact;
        q.where.append({QStringLiteral("last_name"), last});
        QString error;
        return s.list(q, &error).value(0);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void foldingKeepsUtf8Whole()
    {
        const QString line = QStringLiteral("NOTE:") + QString(100, QChar(0x0416)); // Ж: two octets each
        const QByteArray folded = VCardFormat::foldLine(line);
        const QList<QByteArray> lines = folded.split('\n');
        QVERIFY(lines.size() > 2);
        for (const QByteArray &l : lines) {
            QVERIFY(l.size() <= 76); // 75 octets + CR
            QVERIFY(QString::fromUtf8(l).indexOf(QChar(0xFFFD)) < 0); // no sequence cut
        }
        const QList<ContentLine> parsed = VCardFormat::parse(folded);
        QCOMPARE(parsed.size(), 1);
        QCOMPARE(parsed.at(0).value, QString(100, QChar(0x0416)));
    }

    void escaping()
    {
        QCOMPARE(VCardFormat::escape(QStringLiteral("a,b;c\\d\r\ne")), QStringLiteral("a\\,b\\;c\\\\d\\ne"));
        QCOMPARE(VCardFormat::splitComponents(u"Иванов;Иван\\;а;", u';'),
                 (QStringList {QStringLiteral("Иванов"), QStringLiteral("Иван;а"), QString()}));
    }

    void importsVersions21_30_40()
    {
        auto s = open();
        ImportOptions o;
        o.entity = &contact;
        o.file = QStringLiteral(GAMIX_TEST_DATA_DIR "/import/contacts.vcf");
        const ImportSummary sum = VCardReader::import(*s, o);
        QVERIFY2(sum.ok(), qPrintable(sum.fatalError));
        QCOMPARE(sum.created, 3);
        const Record ivan = byLastName(*s, QStringLiteral("Иванов"));
        QCOMPARE(ivan.text(u"first_name"), QStringLiteral("Иван"));
        QCOMPARE(ivan.text(u"middle_name"), QStringLiteral("Иванович"));
        QCOMPARE(ivan.text(u"phone"), QStringLiteral("+7 495 123-45-67"));
        QCOMPARE(ivan.text(u"mobile"), QStringLiteral("8 (916) 123-45-67"));
        QCOMPARE(ivan.text(u"email"), QStringLiteral("ivanov@romashka.ru"));
        QCOMPARE(ivan.text(u"email2"), QStringLiteral("ivan@mail.ru"));
        QCOMPARE(ivan.text(u"birthday"), QStringLiteral("1985-09-28"));
        QCOMPARE(ivan.text(u"city"), QStringLiteral("Москва"));
        QCOMPARE(ivan.text(u"position"), QStringLiteral("Директор"));
        QCOMPARE(ivan.text(u"notes"),
                 QStringLiteral("Длинная заметка, которая не помещается в одну строку и поэтому "
                                "переносится по правилам RFC 6350\nвторая строка"));
        QCOMPARE(s->get(*Schema::instance().entity(u"company"), ivan.text(u"company_id")).text(u"name"),
                 QStringLiteral("ООО «Ромашка»"));
        const Record olga = byLastName(*s, QStringLiteral("Петрова")); // 2.1, QP in windows-1251
        QCOMPARE(olga.text(u"first_name"), QStringLiteral("Ольга"));
        QCOMPARE(olga.text(u"mobile"), QStringLiteral("+79161112233"));
        QCOMPARE(olga.text(u"birthday"), QStringLiteral("1604-05-12"));
        const Record john = byLastName(*s, QStringLiteral("Smith"));
        QCOMPARE(john.text(u"mobile"), QStringLiteral("+1-212-555-0199"));
        QCOMPARE(john.text(u"birthday"), QStringLiteral("1604-01-15"));
        // Importing the same file again finds them all.
        QCOMPARE(VCardReader::import(*s, o).skipped, 3);
    }

    void exportThenImportKeepsTheContact_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("3.0") << 3;
        QTest::newRow("4.0") << 4;
    }
    void exportThenImportKeepsTheContact()
    {
        QFETCH(int, version);
        auto s = open();
        const QString co = s->create(*Schema::instance().entity(u"company"),
                                     {{QStringLiteral("name"), QStringLiteral("АО «Вектор»")}})
                               .id;
        const QString notes
            = QStringLiteral("Очень длинная заметка на русском языке, чтобы строка точно была длиннее "
                             "семидесяти пяти октетов; с запятыми, точками с запятой и\nпереводом строки");
        QVERIFY(s->create(contact,
                          {{QStringLiteral("first_name"), QStringLiteral("Пётр")},
                           {QStringLiteral("last_name"), QStringLiteral("Сидоров")},
                           {QStringLiteral("mobile"), QStringLiteral("+7 926 777-11-23")},
                           {QStringLiteral("phone"), QStringLiteral("+7 495 777-11-22")},
                           {QStringLiteral("email"), QStringLiteral("petr@vector.ru")},
                           {QStringLiteral("birthday"), QStringLiteral("1604-03-08")},
                           {QStringLiteral("company_id"), co},
                           {QStringLiteral("tags"), QStringLiteral("опт,VIP")},
                           {QStringLiteral("notes"), notes}})
                    .ok);
        ExportOptions eo;
        eo.entity = &contact;
        eo.file = m_dir.filePath(QStringLiteral("out%1.vcf").arg(++m_n));
        eo.format = ExportOptions::Format::VCard;
        eo.vcardVersion = version;
        ExportJob job(*s, eo);
        QString error;
        QVERIFY2(job.run(&error), qPrintable(error));
        QFile f(eo.file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.contains(version == 4 ? "VERSION:4.0" : "VERSION:3.0"));
        QVERIFY(bytes.contains(version == 4 ? "BDAY:--0308" : "BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-08"));
        for (const QByteArray &l : bytes.split('\n'))
            QVERIFY(l.size() <= 76);

        auto target = open();
        ImportOptions io;
        io.entity = &contact;
        io.file = eo.file;
        QCOMPARE(VCardReader::import(*target, io).created, 1);
        const Record r = byLastName(*target, QStringLiteral("Сидоров"));
        for (const char *field : {"first_name", "mobile", "phone", "email", "birthday", "tags", "notes"})
            QCOMPARE(r.text(QString::fromLatin1(field)),
                     byLastName(*s, QStringLiteral("Сидоров")).text(QString::fromLatin1(field)));
        QCOMPARE(target->get(*Schema::instance().entity(u"company"), r.text(u"company_id")).text(u"name"),
                 QStringLiteral("АО «Вектор»"));
    }
};

QTEST_GUILESS_MAIN(TestVCard)
#include "tst_vcard.moc"
