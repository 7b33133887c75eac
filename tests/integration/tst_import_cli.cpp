// The real gamix-cli: import/export contract (stdout machine output only, errors with
// file:line:column, exit codes), the dry run, the Data round trip through the CLI, and
// kill -9 during a large import, then `check` passes and a re-run completes with no
// duplicates.
#include "store/Sqlite.h"
#include "store/Store.h"
#include "store/SuspendedIndexes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

using namespace gamix;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(GAMIX_CLI_PATH), args);
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString data(const char *name)
{
    return QStringLiteral(GAMIX_TEST_DATA_DIR "/import/") + QString::fromLatin1(name);
}

} // namespace

class TestImportCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString db(const char *name) { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void importJsonSummaryOnStdoutErrorsOnStderr()
    {
        const QString path = db("a.sqlite");
        const Run r = cli({QStringLiteral("--db"), path, QStringLiteral("--json"), QStringLiteral("import"),
                           QStringLiteral("contact"), data("fuzzy_ru.csv")});
        QCOMPARE(r.code, 1); // a row was rejected; the others are in
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QVERIFY2(!o.isEmpty(), r.out.constData());
        QCOMPARE(o[QLatin1String("created")].toInt(), 1);
        QCOMPARE(o[QLatin1String("skipped")].toInt(), 1);
        QCOMPARE(o[QLatin1String("rejected")].toInt(), 1);
        QCOMPARE(o[QLatin1String("encoding")].toString(), QStringLiteral("windows-1251"));
        QCOMPARE(o[QLatin1String("errors")].toArray().at(0)[QLatin1String("line")].toInt(), 4);
        QVERIFY(QString::fromUtf8(r.err).contains(data("fuzzy_ru.csv") + QStringLiteral(":4:7: birthday")));
    }

    void dryRunRowByRowWritesNothing()
    {
        const QString path = db("b.sqlite");
        QCOMPARE(cli({QStringLiteral("--db"), path, QStringLiteral("init")}).code, 0);
        const Run r = cli({QStringLiteral("--db"), path, QStringLiteral("import"), QStringLiteral("contact"),
                           data("outlook_ru.csv"), QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 0);
        const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3); // two rows and the summary
        QVERIFY(lines.at(0).startsWith(QStringLiteral("2\tcreate\t")));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("3\tcreate\t")));
        QCOMPARE(lines.at(2), QStringLiteral("rows=2 created=2 updated=0 skipped=0 rejected=0 dry-run"));
        const Run list = cli({QStringLiteral("--db"), path, QStringLiteral("--json"), QStringLiteral("list"),
                              QStringLiteral("contact")});
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 0);
    }

    void badArgumentsAndBrokenFiles()
    {
        const QString path = db("c.sqlite");
        QCOMPARE(cli({QStringLiteral("--db"), path, QStringLiteral("import"), QStringLiteral("contact"),
                      data("outlook_en.csv"), QStringLiteral("--on-duplicate"), QStringLiteral("merge")})
                     .code,
                 2);
        QCOMPARE(cli({QStringLiteral("--db"), path, QStringLiteral("import"), QStringLiteral("contact"),
                      data("outlook_en.csv"), QStringLiteral("--map"), QStringLiteral("Company=shoe_size")})
                     .code,
                 2);
        const QString broken = m_dir.filePath(QStringLiteral("broken.csv"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("last_name,email\nA,a@x.ru\n\"B,b@x.ru\n");
        f.close();
        const Run r = cli({QStringLiteral("--db"), path, QStringLiteral("import"), QStringLiteral("contact"), broken});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("broken.csv:3:"), r.err.constData());
        const Run list = cli({QStringLiteral("--db"), path, QStringLiteral("--json"), QStringLiteral("list"),
                              QStringLiteral("contact")});
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 0); // nothing half-written
    }

    void updateChosenFieldsFromTheCommandLine()
    {
        const QString path = db("upd.sqlite");
        const Run add = cli({QStringLiteral("--db"), path, QStringLiteral("add"), QStringLiteral("contact"),
                             QStringLiteral("last_name=Иванов"), QStringLiteral("email=ivan@a.ru"),
                             QStringLiteral("email2=second@b.ru"), QStringLiteral("position=Менеджер")});
        QCOMPARE(add.code, 0);
        const QString id = QString::fromUtf8(add.out).trimmed();
        const QString csv = m_dir.filePath(QStringLiteral("upd.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // Found by the record's second address; the file's position replaces, its city fills.
        f.write("last_name;email;position;city\nИванов-Другой;SECOND@b.ru;Директор;Москва\n");
        f.close();
        auto list = [&] {
            return QJsonDocument::fromJson(cli({QStringLiteral("--db"), path, QStringLiteral("--json"),
                                                QStringLiteral("list"), QStringLiteral("contact")})
                                               .out)
                .array();
        };
        // An unknown field: one line naming it, exit 2, nothing written.
        const Run bad = cli({QStringLiteral("--db"), path, QStringLiteral("import"), QStringLiteral("contact"), csv,
                             QStringLiteral("--on-duplicate"), QStringLiteral("update"),
                             QStringLiteral("--update-fields"), QStringLiteral("position,shoe_size")});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.out.isEmpty());
        QCOMPARE(bad.err.count('\n'), 1);
        QVERIFY2(bad.err.contains("“shoe_size” is not a field of contact"), bad.err.constData());
        QCOMPARE(list().at(0)[QLatin1String("position")].toString(), QStringLiteral("Менеджер"));
        QCOMPARE(cli({QStringLiteral("--db"), path, QStringLiteral("import"), QStringLiteral("contact"), csv,
                      QStringLiteral("--update-fields"), QStringLiteral("position")})
                     .code,
                 2); // needs --on-duplicate update

        const Run dry
            = cli({QStringLiteral("--db"), path, QStringLiteral("import"), QStringLiteral("contact"), csv,
                   QStringLiteral("--on-duplicate"), QStringLiteral("update"), QStringLiteral("--update-fields"),
                   QStringLiteral("position"), QStringLiteral("--dry-run")});
        QCOMPARE(dry.code, 0);
        QVERIFY2(
            dry.out.startsWith(
                QStringLiteral("2\tupdate\t%1\tduplicate of %1: fills city; replaces position\n").arg(id).toUtf8()),
            dry.out.constData());
        QVERIFY(list().at(0)[QLatin1String("city")].isNull()); // the dry run wrote nothing

        const Run run = cli({QStringLiteral("--db"), path, QStringLiteral("import"), QStringLiteral("contact"), csv,
                             QStringLiteral("--on-duplicate"), QStringLiteral("update"),
                             QStringLiteral("--update-fields"), QStringLiteral("position")});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, QByteArray("rows=1 created=0 updated=1 skipped=0 rejected=0\n"));
        const QJsonArray after = list();
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.at(0)[QLatin1String("position")].toString(), QStringLiteral("Директор"));
        QCOMPARE(after.at(0)[QLatin1String("city")].toString(), QStringLiteral("Москва"));
        QCOMPARE(after.at(0)[QLatin1String("last_name")].toString(), QStringLiteral("Иванов"));
    }

    void vCardRejectsAreSavedAsVCard()
    {
        const QString path = db("vrej.sqlite");
        const QString vcf = m_dir.filePath(QStringLiteral("in.vcf"));
        QFile f(vcf);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Good;Anna;;;\r\nEMAIL:anna@x.ru\r\nEND:VCARD\r\n"
                "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Bad;Boris;;;\r\nBDAY:1990-13-45\r\nEND:VCARD\r\n");
        f.close();
        const QString rejects = m_dir.filePath(QStringLiteral("in-rejected.vcf"));
        const Run r = cli({QStringLiteral("--db"), path, QStringLiteral("import"), QStringLiteral("contact"), vcf,
                           QStringLiteral("--rejects"), rejects});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.out, QByteArray("rows=2 created=1 updated=0 skipped=0 rejected=1\n"));
        QVERIFY2(r.err.contains((vcf + QStringLiteral(":6: BDAY on line 9: birthday")).toUtf8()), r.err.constData());
        QFile rf(rejects);
        QVERIFY(rf.open(QIODevice::ReadOnly));
        QByteArray card = rf.readAll();
        rf.close();
        QVERIFY(card.startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Bad;Boris;;;\r\nBDAY:1990-13-45\r\n"));
        QVERIFY(card.endsWith("END:VCARD\r\n"));
        card.replace("1990-13-45", "1990-12-05");
        QVERIFY(rf.open(QIODevice::WriteOnly | QIODevice::Truncate));
        rf.write(card);
        rf.close();
        const Run again
            = cli({QStringLiteral("--db"), path, QStringLiteral("import"), QStringLiteral("contact"), rejects});
        QCOMPARE(again.code, 0);
        QCOMPARE(again.out, QByteArray("rows=1 created=1 updated=0 skipped=0 rejected=0\n"));
    }

    void excelWindows1251SemicolonFileWithNoSettings()
    {
        // What Russian Excel saves as "CSV (разделители - запятые)": windows-1251, ';', CRLF,
        // a quoted cell holding ';', dates dd.MM.yyyy, a ФИО column (Фамилия Имя Отчество).
        const QString csv = m_dir.filePath(QStringLiteral("excel1251.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QStringEncoder cp1251("windows-1251");
        f.write(cp1251.encode(
            QStringLiteral("ФИО;Телефон;E-mail;Организация;ИНН;Дата рождения;Комментарий\r\n"
                           "Иванов Иван Иванович;8 916 123-45-67;ivanov@mail.ru;ООО \"Ромашка\";7707083893;28.09.1985;"
                           "\"Звонить; после обеда\"\r\n"
                           "Петрова Анна;+7(495)1234567;;ИП Петрова;;01.02.1990;\r\n")));
        f.close();
        const QString path = db("excel.sqlite");
        const Run r = cli({QStringLiteral("--db"), path, QStringLiteral("import"), QStringLiteral("contact"), csv});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("rows=2 created=2 updated=0 skipped=0 rejected=0\n"));
        QVERIFY2(r.err.contains("windows-1251, delimiter “;”"), r.err.constData());
        const QJsonArray people = QJsonDocument::fromJson(cli({QStringLiteral("--db"), path, QStringLiteral("--json"),
                                                               QStringLiteral("list"), QStringLiteral("contact"),
                                                               QStringLiteral("--sort"), QStringLiteral("last_name")})
                                                              .out)
                                      .array();
        QCOMPARE(people.size(), 2);
        const QJsonObject ivanov = people.at(0).toObject();
        QCOMPARE(ivanov[QLatin1String("last_name")].toString(), QStringLiteral("Иванов"));
        QCOMPARE(ivanov[QLatin1String("middle_name")].toString(), QStringLiteral("Иванович"));
        QCOMPARE(ivanov[QLatin1String("birthday")].toString(), QStringLiteral("1985-09-28"));
        QCOMPARE(ivanov[QLatin1String("notes")].toString(), QStringLiteral("Звонить; после обеда"));
        const QJsonObject petrova = people.at(1).toObject();
        QCOMPARE(petrova[QLatin1String("last_name")].toString(), QStringLiteral("Петрова")); // ФИО: surname first
        QCOMPARE(petrova[QLatin1String("first_name")].toString(), QStringLiteral("Анна"));
        QCOMPARE(petrova[QLatin1String("birthday")].toString(), QStringLiteral("1990-02-01"));
        const QJsonArray companies
            = QJsonDocument::fromJson(
                  cli({QStringLiteral("--db"), path, QStringLiteral("--json"), QStringLiteral("list"),
                       QStringLiteral("company"), QStringLiteral("--search"), QStringLiteral("Ромашка")})
                      .out)
                  .array();
        QCOMPARE(companies.size(), 1);
        QCOMPARE(companies.at(0)[QLatin1String("inn")].toString(), QStringLiteral("7707083893"));
        QCOMPARE(companies.at(0)[QLatin1String("id")].toString(), ivanov[QLatin1String("company_id")].toString());
    }

    void dataRoundTripThroughTheCli()
    {
        const QString a = db("rt-a.sqlite");
        const QString b = db("rt-b.sqlite");
        QCOMPARE(cli({QStringLiteral("--db"), a, QStringLiteral("import"), QStringLiteral("contact"),
                      data("amocrm_contacts_ru.csv")})
                     .code,
                 0);
        const QString companies = m_dir.filePath(QStringLiteral("companies.csv"));
        const QString contacts = m_dir.filePath(QStringLiteral("contacts.csv"));
        for (const auto &[entity, file] :
             {std::pair {QStringLiteral("company"), companies}, std::pair {QStringLiteral("contact"), contacts}}) {
            const Run e = cli({QStringLiteral("--db"), a, QStringLiteral("export"), entity, file,
                               QStringLiteral("--profile"), QStringLiteral("data")});
            QCOMPARE(e.code, 0);
            QVERIFY(e.out.startsWith("rows="));
            QCOMPARE(cli({QStringLiteral("--db"), b, QStringLiteral("import"), entity, file}).code, 0);
        }
        for (const char *entity : {"company", "contact"}) {
            QJsonArray x = QJsonDocument::fromJson(cli({QStringLiteral("--db"), a, QStringLiteral("--json"),
                                                        QStringLiteral("list"), QString::fromLatin1(entity),
                                                        QStringLiteral("--sort"), QStringLiteral("created_at")})
                                                       .out)
                               .array();
            QJsonArray y = QJsonDocument::fromJson(cli({QStringLiteral("--db"), b, QStringLiteral("--json"),
                                                        QStringLiteral("list"), QString::fromLatin1(entity),
                                                        QStringLiteral("--sort"), QStringLiteral("created_at")})
                                                       .out)
                               .array();
            QVERIFY(!x.isEmpty());
            QCOMPARE(y.size(), x.size());
            for (int i = 0; i < x.size(); ++i) {
                QJsonObject p = x.at(i).toObject(), q = y.at(i).toObject();
                for (const char *k : {"created_at", "updated_at"}) {
                    p.remove(QString::fromLatin1(k));
                    q.remove(QString::fromLatin1(k));
                }
                QCOMPARE(q, p);
            }
        }
        // Excel profile in windows-1251, vCard and iCalendar from the CLI.
        const QString excel = m_dir.filePath(QStringLiteral("excel.csv"));
        QCOMPARE(cli({QStringLiteral("--db"), a, QStringLiteral("export"), QStringLiteral("contact"), excel,
                      QStringLiteral("--encoding"), QStringLiteral("cp1251")})
                     .code,
                 0);
        QFile ef(excel);
        QVERIFY(ef.open(QIODevice::ReadOnly));
        QVERIFY(ef.readAll().contains(QByteArray("\xd1\xe8\xe4\xee\xf0\xee\xe2"))); // "Сидоров" in windows-1251
        const QString vcf = m_dir.filePath(QStringLiteral("c.vcf"));
        QCOMPARE(cli({QStringLiteral("--db"), a, QStringLiteral("export"), QStringLiteral("contact"), vcf}).code, 0);
        const QString c = db("rt-c.sqlite");
        const Run vi = cli({QStringLiteral("--db"), c, QStringLiteral("import"), QStringLiteral("contact"), vcf});
        QCOMPARE(vi.code, 0);
        QVERIFY(vi.out.startsWith("rows=2 created=2"));
    }

    void killDuringALargeImportThenCheckAndRerun()
    {
        const int rows = 80000;
        const QString csv = m_dir.filePath(QStringLiteral("large.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray text = "Фамилия;Имя;Email;Мобильный телефон;Компания;Комментарий\r\n";
            for (int i = 0; i < rows; ++i) {
                const QByteArray n = QByteArray::number(i);
                text += "Фамилия" + n + ";Имя;";
                if (i % 4 != 3)
                    text += "user" + n + "@example.ru";
                text += ';';
                if (i % 4 != 2)
                    text += "+7 916 " + QByteArray::number(1000000 + i);
                text += ";ООО Фирма " + QByteArray::number(i % 500) + ";Примечание к строке номер " + n + "\r\n";
            }
            f.write(text);
        }
        QVERIFY(QFileInfo(csv).size() > 4 * 1024 * 1024); // large enough for the progress line
        const QString path = db("kill.sqlite");
        QCOMPARE(cli({QStringLiteral("--db"), path, QStringLiteral("init")}).code, 0);

        QProcess p;
        p.start(QStringLiteral(GAMIX_CLI_PATH),
                {QStringLiteral("--db"), path, QStringLiteral("import"), QStringLiteral("contact"), csv,
                 QStringLiteral("--batch"), QStringLiteral("500")});
        QVERIFY(p.waitForStarted());
        QByteArray err;
        // Wait for the first progress line: rows are being written in batches.
        QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError()).contains("import: "), 120000);
        QCOMPARE(p.state(), QProcess::Running);
        p.kill(); // SIGKILL: no cleanup, no final commit
        QVERIFY(p.waitForFinished());
        // A bulk import sets the lookup indexes aside; killed, it leaves them missing with
        // a note in the database, and the next open rebuilds them.
        auto indexCount = [&] {
            SqliteDb raw;
            raw.open(path, false);
            return raw.scalar(
                QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'contact_email'"));
        };
        {
            SqliteDb raw;
            raw.open(path, false);
            QVERIFY(SuspendedIndexes::anySuspended(raw));
        }
        QCOMPARE(indexCount(), 0);

        const Run check = cli({QStringLiteral("--db"), path, QStringLiteral("check")});
        QCOMPARE(check.code, 0);
        QCOMPARE(check.out.trimmed(), QByteArray("ok"));
        QCOMPARE(indexCount(), 1);
        qint64 partial = 0;
        {
            Store store;
            QString error;
            QVERIFY(store.open(path, &error));
            partial = store.count(*Schema::instance().entity(u"contact"));
        }
        QVERIFY2(partial > 0 && partial < rows, QByteArray::number(partial).constData());

        const Run again = cli({QStringLiteral("--db"), path, QStringLiteral("import"), QStringLiteral("contact"), csv});
        QCOMPARE(again.code, 0);
        QVERIFY2(again.out.startsWith(QStringLiteral("rows=%1 created=%2 updated=0 skipped=%3 rejected=0")
                                          .arg(rows)
                                          .arg(rows - partial)
                                          .arg(partial)
                                          .toUtf8()),
                 again.out.constData());
        Store store;
        QString error;
        QVERIFY(store.open(path, &error));
        QCOMPARE(store.count(*Schema::instance().entity(u"contact")), qint64(rows));
        QCOMPARE(store.count(*Schema::instance().entity(u"company")), qint64(500));
        QCOMPARE(store.search(QStringLiteral("Фамилия79999")).size(), 1);
        QVERIFY(store.check().ok);
    }
};

QTEST_GUILESS_MAIN(TestImportCli)
#include "tst_import_cli.moc"
