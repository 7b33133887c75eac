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

    void rejectedCardsAreNamedAndSavedAsVCard()
    {
        // Line numbers: the cards begin on lines 1, 6, 12, 17 and 21; the last one is cut off.
        const QByteArray vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Good;Anna;;;\r\nEMAIL:anna@x.ru\r\nEND:VCARD\r\n"
                               "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Bad;Boris;;;\r\nBDAY:1990-13-45\r\n"
                               "EMAIL:boris@x.ru\r\nEND:VCARD\r\n"
                               "BEGIN:VCARD\r\nVERSION:2.1\r\n"
                               "N;CHARSET=WINDOWS-1251;ENCODING=QUOTED-PRINTABLE:=CF=E5=F2=F0=EE=E2;=CF=B8=F2=F0;;;\r\n"
                               "EMAIL:not an email\r\nEND:VCARD\r\n"
                               "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:nobody\r\nEND:VCARD\r\n"
                               "BEGIN:VCARD\r\nN:Cut;Off;;;\r\n";
        const QString path = m_dir.filePath(QStringLiteral("bad%1.vcf").arg(++m_n));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(vcf);
        }
        auto s = open();
        ImportOptions o;
        o.entity = &contact;
        o.file = path;
        o.rejectsFile = m_dir.filePath(QStringLiteral("rejected%1.vcf").arg(++m_n));
        QList<ImportRowReport> reports;
        const ImportSummary sum = VCardReader::import(*s, o, [&](const ImportRowReport &r) { reports << r; });
        QVERIFY2(sum.ok(), qPrintable(sum.fatalError));
        QCOMPARE(sum.created, 1);
        QCOMPARE(sum.rejected, 4);
        QCOMPARE(reports.size(), 5);
        QCOMPARE(reports.at(1).line, 6); // the card's BEGIN:VCARD
        QVERIFY2(reports.at(1).message.startsWith(QStringLiteral("BDAY on line 9: birthday")),
                 qPrintable(reports.at(1).message));
        QCOMPARE(reports.at(2).line, 12);
        QVERIFY2(reports.at(2).message.startsWith(QStringLiteral("EMAIL on line 15: email")),
                 qPrintable(reports.at(2).message));
        QCOMPARE(reports.at(3).line, 17);
        QCOMPARE(reports.at(4).line, 21);
        QVERIFY(reports.at(4).message.contains(QStringLiteral("END:VCARD")));

        QFile f(o.rejectsFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray rejected = f.readAll();
        f.close();
        QCOMPARE(rejected.count("BEGIN:VCARD"), 4);
        QCOMPARE(rejected.count("END:VCARD\r\n"), 4 + 1); // one more inside the cut-off card's error
        QVERIFY(!rejected.contains("Anna"));
        // The cards as they were read (the windows-1251 QUOTED-PRINTABLE name untouched)...
        QVERIFY(rejected.contains("N:Bad;Boris;;;\r\nBDAY:1990-13-45\r\n"));
        QVERIFY(rejected.contains("ENCODING=QUOTED-PRINTABLE:=CF=E5=F2=F0=EE=E2;=CF=B8=F2=F0;;;\r\n"));
        QVERIFY(rejected.contains("X-GAMIX-IMPORT-ERROR:BDAY on line 9: birthday"));
        // ...so the user fixes them there and imports that file.
        rejected.replace("1990-13-45", "1990-12-05").replace("not an email", "petrov@x.ru");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(rejected);
        f.close();
        ImportOptions again;
        again.entity = &contact;
        again.file = o.rejectsFile;
        const ImportSummary fixed = VCardReader::import(*s, again);
        QCOMPARE(fixed.created, 3); // Boris, Петров and the cut-off card, now ended
        QCOMPARE(fixed.rejected, 1); // the card with no name, email or phone
        QCOMPARE(byLastName(*s, QStringLiteral("Bad")).text(u"birthday"), QStringLiteral("1990-12-05"));
        QCOMPARE(byLastName(*s, QStringLiteral("Петров")).text(u"first_name"), QStringLiteral("Пётр"));
        QCOMPARE(byLastName(*s, QStringLiteral("Bad")).text(u"notes"), QString()); // the error is not data
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
