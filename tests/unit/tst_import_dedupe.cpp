// Duplicates within a file and against the database (skip / update / create), the dry run,
// a broken file that writes nothing, and re-running an import (idempotent).
#include "io/ImportJob.h"
#include "io/ImportRowWriter.h"
#include "io/ValueParsers.h"
#include "store/Store.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gamix;

class TestImportDedupe : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    int m_n = 0;
    const EntityDef &contact = *Schema::instance().entity(u"contact");
    const EntityDef &company = *Schema::instance().entity(u"company");

    QString file(const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("in%1.csv").arg(++m_n));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return path;
    }
    ImportSummary import(const QString &path, ImportOptions o = {}, QList<ImportRowReport> *rows = nullptr,
                         const EntityDef *entity = nullptr)
    {
        o.entity = entity ? entity : &contact;
        o.file = path;
        ImportJob job(*m_store, o);
        if (rows)
            job.onRow = [rows](const ImportRowReport &r) {
                rows->append(r);
            };
        return job.run();
    }
    QList<Record> all(const EntityDef &e)
    {
        ListQuery q;
        q.entity = &e;
        q.sort = QStringLiteral("last_name");
        if (e.name != u"contact")
            q.sort.clear();
        QString error;
        return m_store->list(q, &error);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_store = std::make_unique<Store>();
        QString error;
        QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_n)), &error));
    }
    void cleanup() { m_store.reset(); }

    void duplicatesWithinTheFileByEmailAndPhone()
    {
        QList<ImportRowReport> rows;
        const ImportSummary s = import(file("last_name,email,mobile\n"
                                            "Orlov,Orlov@Mail.ru,\n"
                                            "Orlov,orlov@mail.ru,\n" // same email, other case
                                            "Popov,,8 (916) 000-11-22\n"
                                            "Popov,,+7 916 000 11 22\n"), // same phone, other format
                                       {}, &rows);
        QVERIFY2(s.ok(), qPrintable(s.fatalError));
        QCOMPARE(s.created, 2);
        QCOMPARE(s.skipped, 2);
        QCOMPARE(rows.at(1).action, ImportRowReport::Action::Skip);
        QCOMPARE(rows.at(1).id, rows.at(0).id);
        QCOMPARE(rows.at(1).line, 3);
        QCOMPARE(rows.at(3).id, rows.at(2).id);
    }

    void updateFillsOnlyEmptyFields()
    {
        QVERIFY(m_store
                    ->create(contact,
                             {{QStringLiteral("last_name"), QStringLiteral("Orlov")},
                              {QStringLiteral("email"), QStringLiteral("orlov@mail.ru")},
                              {QStringLiteral("position"), QStringLiteral("Boss")}})
                    .ok);
        ImportOptions o;
        o.onDuplicate = OnDuplicate::Update;
        const ImportSummary s = import(file("last_name,email,position,city\nOrlov-New,ORLOV@mail.ru,Clerk,Омск\n"), o);
        QCOMPARE(s.updated, 1);
        const QList<Record> r = all(contact);
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.at(0).text(u"last_name"), QStringLiteral("Orlov")); // filled: kept
        QCOMPARE(r.at(0).text(u"position"), QStringLiteral("Boss"));
        QCOMPARE(r.at(0).text(u"city"), QStringLiteral("Омск")); // empty: filled
    }

    void updateOverwritesOnlyTheChosenFields()
    {
        QVERIFY(m_store
                    ->create(contact,
                             {{QStringLiteral("last_name"), QStringLiteral("Orlov")},
                              {QStringLiteral("email"), QStringLiteral("orlov@mail.ru")},
                              {QStringLiteral("position"), QStringLiteral("Boss")},
                              {QStringLiteral("city"), QStringLiteral("Тула")}})
                    .ok);
        ImportOptions o;
        o.onDuplicate = OnDuplicate::Update;
        QString unknown;
        o.updateFields = {QStringLiteral("position"), QStringLiteral(" notes")};
        QVERIFY(ImportRowWriter::checkUpdateFields(contact, &o.updateFields, &unknown));
        QList<ImportRowReport> rows;
        const ImportSummary s = import(
            file("last_name,email,position,city,mobile,notes\nOrlov-New,orlov@mail.ru,Clerk,Омск,+7 916 000 11 22,Hi\n"
                 "Orlov,orlov@mail.ru,,,,\n"),
            o, &rows);
        QCOMPARE(s.updated, 1);
        QCOMPARE(s.skipped, 1); // an empty cell replaces nothing
        const QList<Record> r = all(contact);
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.at(0).text(u"position"), QStringLiteral("Clerk")); // chosen: replaced
        QCOMPARE(r.at(0).text(u"last_name"), QStringLiteral("Orlov")); // not chosen: kept
        QCOMPARE(r.at(0).text(u"city"), QStringLiteral("Тула"));
        QCOMPARE(r.at(0).text(u"mobile"), QStringLiteral("+7 916 000 11 22")); // empty: filled
        QCOMPARE(r.at(0).text(u"notes"), QStringLiteral("Hi"));
        QCOMPARE(rows.at(0).action, ImportRowReport::Action::Update);
        QVERIFY2(rows.at(0).message.contains(QStringLiteral("replaces position")), qPrintable(rows.at(0).message));
        QVERIFY2(rows.at(0).message.contains(QStringLiteral("fills mobile, notes")), qPrintable(rows.at(0).message));

        QStringList bad {QStringLiteral("position"), QStringLiteral("shoe_size")};
        QVERIFY(!ImportRowWriter::checkUpdateFields(contact, &bad, &unknown));
        QCOMPARE(unknown, QStringLiteral("shoe_size"));
        QStringList company {QStringLiteral("company")};
        QVERIFY(ImportRowWriter::checkUpdateFields(contact, &company, &unknown));
        QCOMPARE(company, QStringList {QStringLiteral("company_id")});
    }

    void secondaryEmailsCountForDuplicates()
    {
        // In the database: email2 of an existing record matches the file's primary email.
        QVERIFY(m_store
                    ->create(contact,
                             {{QStringLiteral("last_name"), QStringLiteral("Orlov")},
                              {QStringLiteral("email"), QStringLiteral("orlov@mail.ru")},
                              {QStringLiteral("email2"), QStringLiteral("Private@Orlov.ru")}})
                    .ok);
        QList<ImportRowReport> rows;
        ImportSummary s = import(file("last_name,email\nOrlov,private@orlov.ru\n"), {}, &rows);
        QCOMPARE(s.skipped, 1);
        QCOMPARE(all(contact).size(), 1);
        // The file's email2 against the database's email.
        s = import(file("last_name,email,email2\nOrlov,new@orlov.ru,ORLOV@mail.ru\n"));
        QCOMPARE(s.skipped, 1);
        // Within the file: a later row's email is an earlier row's email2, and the other way.
        rows.clear();
        s = import(file("last_name,email,email2\n"
                        "Sidorov,s1@x.ru,s2@x.ru\n"
                        "Sidorov,s2@x.ru,\n"
                        "Petrov,p1@x.ru,\n"
                        "Petrov,p9@x.ru,p1@x.ru\n"),
                   {}, &rows);
        QCOMPARE(s.created, 2);
        QCOMPARE(s.skipped, 2);
        QCOMPARE(rows.at(1).id, rows.at(0).id);
        QCOMPARE(rows.at(3).id, rows.at(2).id);
        QCOMPARE(all(contact).size(), 3);
        // Updating a record with an email2 makes it findable by that address in the same run.
        ImportOptions o;
        o.onDuplicate = OnDuplicate::Update;
        s = import(file("last_name,email,email2\nPetrov,p1@x.ru,p2@x.ru\nPetrov,p2@x.ru,\n"), o);
        QCOMPARE(s.updated, 1);
        QCOMPARE(s.skipped, 1); // found through the email2 written one row earlier
        QCOMPARE(all(contact).size(), 3);
    }

    void emailsMatchUnderFullUnicodeCaseFolding()
    {
        // SQLite's lower() leaves Cyrillic capitals alone: Иван@Почта.рф was a new person.
        QVERIFY(m_store
                    ->create(contact,
                             {{QStringLiteral("last_name"), QStringLiteral("Иванов")},
                              {QStringLiteral("email"), QStringLiteral("Иван@Почта.рф")},
                              {QStringLiteral("email2"), QStringLiteral("ПЁТР@Пример.РФ")}})
                    .ok);
        QList<ImportRowReport> rows;
        ImportSummary s = import(file("last_name,email\nИванов,иван@почта.рф\nИванов,пётр@пример.рф\n"
                                      "Straße,STRASSE@MAIL.DE\nStraße,straße@mail.de\n" // ß folds to ss
                                      "Олегов,ОЛЕГ@ПОЧТА.РФ\nОлегов,олег@почта.рф\n"),
                                 {}, &rows);
        QVERIFY2(s.ok(), qPrintable(s.fatalError));
        QCOMPARE(s.created, 2);
        QCOMPARE(s.skipped, 4);
        QCOMPARE(rows.at(0).action, ImportRowReport::Action::Skip); // the database's email
        QCOMPARE(rows.at(1).action, ImportRowReport::Action::Skip); // the database's email2
        QCOMPARE(rows.at(3).id, rows.at(2).id); // within the file
        QCOMPARE(rows.at(5).id, rows.at(4).id);
        QCOMPARE(ValueParsers::emailKey(u" mailto:Иван@Почта.РФ "), QStringLiteral("иван@почта.рф"));
        // SQL's lower() on the store's connection is the same folding (its email indexes
        // and the look-ups of lead conversion and sync's duplicate check use it).
        QCOMPARE(m_store->db().scalar(QStringLiteral("SELECT count(*) FROM contact WHERE lower(email) = "
                                                     "lower('ИВАН@ПОЧТА.РФ') AND email IS NOT NULL")),
                 1);
        QVERIFY(m_store->check().ok);
    }

    void bulkImportFoldsEmailsInItsSideIndexToo()
    {
        // A large import sets the email indexes aside and dedupes through its side index,
        // loaded from the table by SQL: the same folding must hold there.
        QVERIFY(m_store
                    ->create(contact,
                             {{QStringLiteral("last_name"), QStringLiteral("Иванов")},
                              {QStringLiteral("email2"), QStringLiteral("Иван@Почта.рф")}})
                    .ok);
        QByteArray content("last_name,email\n");
        for (int i = 0; i < 20000; ++i)
            content += "Ф" + QByteArray::number(i) + ",user" + QByteArray::number(i) + "@x.ru\n";
        content += "Иванов,ИВАН@почта.РФ\nПоздний,USER7@X.RU\n";
        QList<ImportRowReport> rows;
        qint64 emailIndexesDuringImport = -1;
        ImportOptions o;
        o.entity = &contact;
        o.file = file(content);
        ImportJob job(*m_store, o);
        job.onRow = [&](const ImportRowReport &r) {
            rows << r;
            if (rows.size() == 10) // set aside with the others, migration 5's contact_email2 too
                emailIndexesDuringImport
                    = m_store->db().scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                                          "AND name IN ('contact_email', 'contact_email2')"));
        };
        const ImportSummary s = job.run();
        QVERIFY2(s.ok(), qPrintable(s.fatalError));
        QCOMPARE(emailIndexesDuringImport, 0);
        QCOMPARE(s.created, 20000);
        QCOMPARE(s.skipped, 2);
        QCOMPARE(rows.at(20000).action, ImportRowReport::Action::Skip); // the database's email2
        QCOMPARE(rows.at(20001).id, rows.at(7).id); // within the file
        // The indexes are back, migration 5's contact_email2 among them.
        QCOMPARE(m_store->db().scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                                     "AND name IN ('contact_email', 'contact_email2')")),
                 2);
        QVERIFY(m_store->check().ok);
    }

    void phonesInEitherColumnCountForDuplicates()
    {
        QVERIFY(m_store
                    ->create(contact,
                             {{QStringLiteral("last_name"), QStringLiteral("Popov")},
                              {QStringLiteral("phone"), QStringLiteral("+7 495 111-22-33")},
                              {QStringLiteral("mobile"), QStringLiteral("8 916 000-11-22")}})
                    .ok);
        // The file's mobile is the database's phone, the file's phone the database's mobile.
        QCOMPARE(import(file("last_name,mobile\nPopov,+74951112233\n")).skipped, 1);
        QCOMPARE(import(file("last_name,phone\nPopov,+7 (916) 000 11 22\n")).skipped, 1);
        QCOMPARE(all(contact).size(), 1);
    }

    void createAnywayAndSkipByDefault()
    {
        const QString path = file("last_name,email\nOrlov,orlov@mail.ru\n");
        QCOMPARE(import(path).created, 1);
        QCOMPARE(import(path).skipped, 1);
        ImportOptions o;
        o.onDuplicate = OnDuplicate::Create;
        QCOMPARE(import(path, o).created, 1);
        QCOMPARE(all(contact).size(), 2);
    }

    void dryRunReportsRowByRowAndWritesNothing()
    {
        QList<ImportRowReport> rows;
        ImportOptions o;
        o.dryRun = true;
        const ImportSummary s
            = import(file("last_name;email;Компания\nA;a@x.ru;ООО А\nB;bad;ООО Б\nA2;A@x.ru;\n"), o, &rows);
        QVERIFY(s.ok());
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).action, ImportRowReport::Action::Create);
        QCOMPARE(rows.at(1).action, ImportRowReport::Action::Reject);
        QCOMPARE(rows.at(1).line, 3);
        QCOMPARE(rows.at(1).column, 2); // the email column
        QVERIFY(rows.at(1).message.contains(QStringLiteral("email")));
        QCOMPARE(rows.at(2).action, ImportRowReport::Action::Skip); // would duplicate row 1
        QCOMPARE(m_store->count(contact), 0);
        QCOMPARE(m_store->count(company), 0);
    }

    void aRejectedRowLeavesNoCompanyBehind()
    {
        const ImportSummary s = import(file("last_name,email,company\nB,not-an-email,Ghost LLC\n"));
        QCOMPARE(s.rejected, 1);
        QCOMPARE(m_store->count(company), 0);
    }

    void aBrokenFileWritesNothing()
    {
        // Structure is checked before the first write: an unterminated quote at the end
        // names its line, and the rows before it are not imported.
        QByteArray content("last_name,email\n");
        for (int i = 0; i < 50; ++i)
            content += "Name" + QByteArray::number(i) + ",n" + QByteArray::number(i) + "@x.ru\n";
        content += "\"Broken,b@x.ru\n";
        ImportOptions o;
        o.batchSize = 10;
        const ImportSummary s = import(file(content), o);
        QVERIFY(!s.ok());
        QVERIFY2(s.fatalError.contains(QStringLiteral(":52")), qPrintable(s.fatalError));
        QCOMPARE(m_store->count(contact), 0);
    }

    void raggedRowsAreRejectedNotGuessed()
    {
        QList<ImportRowReport> rows;
        const ImportSummary s = import(file("last_name,email\nA,a@x.ru\nB,b@x.ru,extra\nC,c@x.ru\n"), {}, &rows);
        QVERIFY(s.ok());
        QCOMPARE(s.created, 2);
        QCOMPARE(s.rejected, 1);
        QCOMPARE(rows.at(1).line, 3);
    }

    void rerunAfterAnInterruptedImportCreatesNoDuplicates()
    {
        QByteArray content("last_name,first_name,email,mobile,company\n");
        for (int i = 0; i < 300; ++i) {
            content += "Фамилия" + QByteArray::number(i) + ",Имя,";
            if (i % 3 == 0)
                content += "p" + QByteArray::number(i) + "@x.ru,";
            else
                content += ",";
            if (i % 3 == 1)
                content += "8916" + QByteArray::number(1000000 + i) + ",";
            else
                content += ",";
            content += "Фирма " + QByteArray::number(i % 7) + "\n"; // i % 3 == 2: name only
        }
        const QString path = file(content);
        std::atomic_bool cancel {false};
        ImportOptions o;
        o.batchSize = 50;
        o.entity = &contact;
        o.file = path;
        {
            ImportJob job(*m_store, o);
            job.cancelFlag = &cancel;
            job.onRow = [&](const ImportRowReport &r) {
                if (r.line == 130)
                    cancel = true;
            };
            const ImportSummary s = job.run();
            QVERIFY(s.cancelled);
        }
        const qint64 partial = m_store->count(contact);
        QVERIFY(partial > 0 && partial < 300);
        const ImportSummary again = import(path, o);
        QCOMPARE(again.created + again.skipped, 300);
        QCOMPARE(again.skipped, partial);
        QCOMPARE(m_store->count(contact), 300);
        QCOMPARE(m_store->count(company), 7);
        QCOMPARE(m_store->search(QStringLiteral("Фамилия299")).size(), 1); // committed and searchable
    }

    void companiesByInnAndName()
    {
        const ImportSummary s = import(file("name;ИНН;Город\nООО Вектор;7707083893;Москва\nООО \"Вектор\";7707083893;\n"
                                            "ИП Плохой;1234567890;\n"),
                                       {}, nullptr, &company);
        QCOMPARE(s.created, 1);
        QCOMPARE(s.skipped, 1); // the same INN
        QCOMPARE(s.rejected, 1); // a wrong check digit
        // Contacts link to it by INN even under another spelling of the name.
        QVERIFY(import(file("last_name,Организация,ИНН\nИванов,Vector Ltd,7707083893\n")).ok());
        const QList<Record> c = all(contact);
        QCOMPARE(m_store->get(company, c.at(0).text(u"company_id")).text(u"name"), QStringLiteral("ООО Вектор"));
        QCOMPARE(m_store->count(company), 1);
    }

    void tasksLinkToContactsAndDeals()
    {
        QVERIFY(m_store
                    ->create(contact,
                             {{QStringLiteral("last_name"), QStringLiteral("Орлов")},
                              {QStringLiteral("first_name"), QStringLiteral("Иван")}})
                    .ok);
        const EntityDef &deal = *Schema::instance().entity(u"deal");
        QVERIFY(m_store->create(deal, {{QStringLiteral("title"), QStringLiteral("Поставка")}}).ok);
        const EntityDef &task = *Schema::instance().entity(u"task");
        const ImportSummary s = import(file("Задача;Срок;Контакт;Сделка;Приоритет;Выполнена\n"
                                            "Позвонить;01.12.2026;Орлов Иван;Поставка;Высокий;нет\n"
                                            "Отправить КП;01.12.2026 15:30;Нет Такого;;;да\n"),
                                       {}, nullptr, &task);
        QVERIFY2(s.ok(), qPrintable(s.fatalError));
        QCOMPARE(s.created, 2);
        const QList<Record> t = all(task);
        const Record call = t.at(0).text(u"title") == u"Позвонить" ? t.at(0) : t.at(1);
        const Record kp = t.at(0).text(u"title") == u"Позвонить" ? t.at(1) : t.at(0);
        QCOMPARE(call.text(u"due_at"), QStringLiteral("2026-12-01")); // all-day
        QCOMPARE(call.text(u"priority"), QStringLiteral("high"));
        QCOMPARE(call.text(u"done"), QStringLiteral("false"));
        QVERIFY(!call.text(u"contact_id").isEmpty());
        QVERIFY(!call.text(u"deal_id").isEmpty());
        QVERIFY(kp.text(u"due_at").endsWith(u'Z'));
        QVERIFY(kp.text(u"notes").contains(QStringLiteral("Нет Такого"))); // unknown contact kept in notes
    }

    void leadsImport()
    {
        const EntityDef &lead = *Schema::instance().entity(u"lead");
        const ImportSummary s = import(file("Название,Имя,Фамилия,Email,Телефон,Компания,Источник,Статус\n"
                                            "Заявка с сайта,Анна,Белова,anna@b.ru,89160000001,ООО Б,Сайт,Новый\n"),
                                       {}, nullptr, &lead);
        QVERIFY2(s.ok(), qPrintable(s.fatalError));
        QCOMPARE(s.created, 1);
        const Record r = all(lead).at(0);
        QCOMPARE(r.text(u"company_name"), QStringLiteral("ООО Б"));
        QCOMPARE(r.text(u"status"), QStringLiteral("new"));
        QCOMPARE(r.text(u"source"), QStringLiteral("Сайт"));
    }
};

QTEST_GUILESS_MAIN(TestImportDedupe)
#include "tst_import_dedupe.moc"
