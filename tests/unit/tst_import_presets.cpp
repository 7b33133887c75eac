// A fixture per preset, built around the real header lines (tests/data/import/headers):
// each file is recognised without a setting and its values land in the right fields.
#include "io/ImportJob.h"
#include "io/Preset.h"
#include "store/Store.h"

#include <QStandardPaths>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

using namespace gamix;

class TestImportPresets : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    int m_n = 0;

    static QString data(const char *name)
    {
        return QStringLiteral(GAMIX_TEST_DATA_DIR "/import/") + QString::fromLatin1(name);
    }
    ImportSummary import(const char *entity, const char *file, ImportOptions options = {})
    {
        options.entity = Schema::instance().entity(QString::fromLatin1(entity));
        options.file = data(file);
        ImportJob job(*m_store, options);
        return job.run();
    }
    Record find(const char *entity, const char *field, const QString &value)
    {
        ListQuery q;
        q.entity = Schema::instance().entity(QString::fromLatin1(entity));
        q.where.append({QString::fromLatin1(field), value});
        QString error;
        const QList<Record> list = m_store->list(q, &error);
        return list.isEmpty() ? Record() : list.first();
    }
    QString companyName(const Record &r)
    {
        return m_store->get(*Schema::instance().entity(u"company"), r.text(u"company_id")).text(u"name");
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_store = std::make_unique<Store>();
        QString error;
        QVERIFY2(m_store->open(m_dir.filePath(QStringLiteral("t%1.db").arg(++m_n)), &error), qPrintable(error));
    }
    void cleanup() { m_store.reset(); }

    void detectsEachPresetFromTheRealHeaders_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("preset");
        QTest::newRow("outlook en") << "outlook_en.csv"
                                    << "outlook";
        QTest::newRow("outlook ru") << "outlook_ru.csv"
                                    << "outlook";
        QTest::newRow("google current") << "google_current.csv"
                                        << "google";
        QTest::newRow("google legacy") << "google_legacy.csv"
                                       << "google";
        QTest::newRow("amocrm contacts") << "amocrm_contacts_ru.csv"
                                         << "amocrm";
        QTest::newRow("amocrm leads") << "amocrm_leads_ru_prefix.csv"
                                      << "amocrm";
        QTest::newRow("pipedrive") << "pipedrive_people_observed.csv"
                                   << "pipedrive";
        QTest::newRow("hubspot") << "hubspot_contacts_default_view_observed.csv"
                                 << "hubspot";
        QTest::newRow("twenty") << "twenty_export_example.csv"
                                << "twenty";
    }
    void detectsEachPresetFromTheRealHeaders()
    {
        QFETCH(QString, file);
        QFETCH(QString, preset);
        QFile f(QStringLiteral(GAMIX_TEST_DATA_DIR "/import/headers/") + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString line = QString::fromUtf8(f.readLine()).trimmed();
        line.remove(QChar(0xFEFF));
        QStringList header = line.split(u',');
        for (QString &h : header)
            h.remove(u'"');
        const Preset *p = PresetRegistry::detect(header);
        QVERIFY(p);
        QCOMPARE(p->id, preset);
    }

    void outlookEnglish()
    {
        const ImportSummary s = import("contact", "outlook_en.csv");
        QVERIFY2(s.ok(), qPrintable(s.fatalError));
        QCOMPARE(s.preset, QStringLiteral("outlook"));
        QCOMPARE(s.created, 2);
        const Record john = find("contact", "email", QStringLiteral("John.Smith@Acme.com"));
        QVERIFY(john.isValid());
        QCOMPARE(john.text(u"first_name"), QStringLiteral("John"));
        QCOMPARE(john.text(u"mobile"), QStringLiteral("+1 212 555 0199"));
        QCOMPARE(john.text(u"phone"), QStringLiteral("+1 (212) 555-0100"));
        QCOMPARE(john.text(u"birthday"), QStringLiteral("1980-01-15")); // M/d/yyyy
        QCOMPARE(john.text(u"city"), QStringLiteral("New York"));
        QCOMPARE(companyName(john), QStringLiteral("Acme Ltd"));
        QVERIFY(john.text(u"notes").startsWith(QStringLiteral("Met at the fair.\nCall in spring.")));
        QVERIFY(john.text(u"notes").contains(QStringLiteral("Web Page: acme.com")));
        QVERIFY(!john.text(u"notes").contains(QStringLiteral("0/0/00"))); // Outlook's empty date
        QVERIFY(!john.text(u"notes").contains(QStringLiteral("Unspecified"))); // bookkeeping columns ignored
        const Record mary = find("contact", "email", QStringLiteral("mary@example.org"));
        QCOMPARE(mary.text(u"birthday"), QStringLiteral("1604-05-12")); // no year, kept as Outlook's 1604
    }

    void outlookRussianWindows1251_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("Телефон переносной") << "outlook_ru.csv";
        QTest::newRow("Мобильный телефон") << "outlook_ru_mobile.csv";
    }
    void outlookRussianWindows1251()
    {
        QFETCH(QString, file);
        const ImportSummary s = import("contact", file.toLatin1().constData());
        QVERIFY2(s.ok(), qPrintable(s.fatalError));
        QCOMPARE(s.encoding, QByteArray("windows-1251"));
        QCOMPARE(s.preset, QStringLiteral("outlook"));
        QCOMPARE(s.created, 2);
        const Record ivan = find("contact", "last_name", QStringLiteral("Иванов"));
        QCOMPARE(ivan.text(u"first_name"), QStringLiteral("Иван"));
        QCOMPARE(ivan.text(u"middle_name"), QStringLiteral("Иванович"));
        QCOMPARE(ivan.text(u"mobile"), QStringLiteral("8 (916) 123-45-67"));
        QCOMPARE(ivan.text(u"birthday"), QStringLiteral("1985-09-28"));
        QCOMPARE(ivan.text(u"city"), QStringLiteral("Москва"));
        QCOMPARE(companyName(ivan), QStringLiteral("ООО «Ромашка»"));
        // The column with a double space in its name is matched after folding whitespace.
        QVERIFY(ivan.text(u"notes").contains(QStringLiteral("кв. 5")) == false);
        const Record olga = find("contact", "last_name", QStringLiteral("Петрова"));
        QCOMPARE(olga.text(u"company_id"), ivan.text(u"company_id")); // one company, by name
        QCOMPARE(m_store->count(*Schema::instance().entity(u"company")), 1);
    }

    void googleCurrentGroupsAndMultiValues()
    {
        const ImportSummary s = import("contact", "google_current.csv");
        QVERIFY2(s.ok(), qPrintable(s.fatalError));
        QCOMPARE(s.preset, QStringLiteral("google"));
        const Record anna = find("contact", "last_name", QStringLiteral("Смирнова"));
        QCOMPARE(anna.text(u"email"), QStringLiteral("anna@mail.ru"));
        QCOMPARE(anna.text(u"email2"), QStringLiteral("anna.work@firm.ru")); // " ::: " second value
        QCOMPARE(anna.text(u"mobile"), QStringLiteral("+7 916 555-01-01")); // label Mobile
        QCOMPARE(anna.text(u"phone"), QStringLiteral("8 495 555-01-02"));
        QVERIFY(anna.text(u"notes").contains(QStringLiteral("8 495 555-01-03"))); // third phone not lost
        QCOMPARE(anna.text(u"birthday"), QStringLiteral("1604-05-12")); // --05-12
        QCOMPARE(anna.text(u"tags"), QStringLiteral("Друзья")); // "* myContacts" dropped
        QCOMPARE(anna.text(u"city"), QStringLiteral("Казань"));
        QVERIFY(anna.text(u"notes").contains(QStringLiteral("Custom Field 1 - Value: anna.s")));
    }

    void googleLegacyUtf16Tabs()
    {
        const ImportSummary s = import("contact", "google_legacy.csv");
        QVERIFY2(s.ok(), qPrintable(s.fatalError));
        QCOMPARE(s.delimiter, QChar(u'\t'));
        QCOMPARE(s.created, 2);
        const Record sergey = find("contact", "email", QStringLiteral("kuznetsov@partner.ru"));
        QCOMPARE(sergey.text(u"first_name"), QStringLiteral("Сергей")); // split from Name
        QCOMPARE(sergey.text(u"last_name"), QStringLiteral("Кузнецов"));
        QCOMPARE(sergey.text(u"mobile"), QStringLiteral("89031234567"));
        QCOMPARE(sergey.text(u"position"), QStringLiteral("Инженер"));
        QCOMPARE(companyName(sergey), QStringLiteral("АО Партнёр"));
    }

    void amoCrmContacts()
    {
        const ImportSummary s = import("contact", "amocrm_contacts_ru.csv");
        QVERIFY2(s.ok(), qPrintable(s.fatalError));
        QCOMPARE(s.preset, QStringLiteral("amocrm"));
        const Record petr = find("contact", "email", QStringLiteral("sidorov@vector.ru"));
        QCOMPARE(petr.text(u"first_name"), QStringLiteral("Пётр"));
        QCOMPARE(petr.text(u"last_name"), QStringLiteral("Сидоров"));
        QCOMPARE(petr.text(u"email2"), QStringLiteral("petr@gmail.com"));
        QCOMPARE(petr.text(u"phone"), QStringLiteral("+7 (495) 777-11-22"));
        QCOMPARE(petr.text(u"mobile"), QStringLiteral("+7 926 777 11 23"));
        QVERIFY(petr.text(u"notes").startsWith(QStringLiteral("Первый звонок\nПросил КП")));
        const Record company = m_store->get(*Schema::instance().entity(u"company"), petr.text(u"company_id"));
        QCOMPARE(company.text(u"name"), QStringLiteral("ООО Вектор"));
        QCOMPARE(company.text(u"inn"), QStringLiteral("7707083893")); // custom ИНН column, fuzzily
        const Record maria = find("contact", "last_name", QStringLiteral("Орлова"));
        QCOMPARE(maria.text(u"company_id"), petr.text(u"company_id"));
    }

    void amoCrmDealsStagesAndPipelinesByName()
    {
        QVERIFY(import("contact", "amocrm_contacts_ru.csv").ok());
        const ImportSummary s = import("deal", "amocrm_leads_ru.csv");
        QVERIFY2(s.ok(), qPrintable(s.fatalError));
        QCOMPARE(s.created, 2);
        const Record paper = find("deal", "title", QStringLiteral("Поставка бумаги"));
        QCOMPARE(paper.text(u"amount"), QStringLiteral("150000.50"));
        QCOMPARE(paper.text(u"expected_close"), QStringLiteral("2025-10-30"));
        const Record stage = m_store->get(*Schema::instance().entity(u"stage"), paper.text(u"stage_id"));
        const Record pipeline = m_store->get(*Schema::instance().entity(u"pipeline"), paper.text(u"pipeline_id"));
        QCOMPARE(stage.text(u"name"), QStringLiteral("Переговоры"));
        QCOMPARE(pipeline.text(u"name"), QStringLiteral("Опт"));
        QCOMPARE(stage.text(u"pipeline_id"), pipeline.id);
        QCOMPARE(companyName(paper), QStringLiteral("ООО Вектор"));
        const Record petr = find("contact", "email", QStringLiteral("sidorov@vector.ru"));
        QCOMPARE(paper.text(u"contact_id"), petr.id); // "Сидоров Пётр" found by name
        const Record service = find("deal", "title", QStringLiteral("Сервис"));
        QCOMPARE(service.text(u"stage_id"), QStringLiteral("00000000-0000-7000-8000-000000000011")); // seed "New"
    }

    void amoCrmDealExportCreatesAndLinksItsContacts()
    {
        // The real header line of an amoCRM deals export: the deal's contact rides along
        // (name, phones, emails, position, city).
        QFile h(data("headers/amocrm_leads_ru_prefix.csv"));
        QVERIFY(h.open(QIODevice::ReadOnly));
        const QStringList header = QString::fromUtf8(h.readLine()).trimmed().split(u',');
        auto line = [&](const QHash<QString, QString> &cells) {
            QStringList out;
            for (const QString &column : header)
                out << u'"' + cells.value(column) + u'"';
            return QString(out.join(u',') + u'\n');
        };
        const EntityDef &contact = *Schema::instance().entity(u"contact");
        const EntityDef &deal = *Schema::instance().entity(u"deal");
        const EntityDef &company = *Schema::instance().entity(u"company");
        const WriteResult maria = m_store->create(contact,
                                                  {{QStringLiteral("first_name"), QStringLiteral("Мария")},
                                                   {QStringLiteral("last_name"), QStringLiteral("Орлова")},
                                                   {QStringLiteral("email"), QStringLiteral("maria@orlova.ru")}});
        QVERIFY(maria.ok);
        QString csv = header.join(u',') + u'\n';
        csv += line({{QStringLiteral("Название сделки"), QStringLiteral("Поставка бумаги")},
                     {QStringLiteral("Полное имя контакта"), QStringLiteral("Пётр Сидоров")},
                     {QStringLiteral("Компания"), QStringLiteral("ООО Вектор")},
                     {QStringLiteral("Рабочий телефон"), QStringLiteral("+7 495 111-22-33")},
                     {QStringLiteral("Мобильный телефон"), QStringLiteral("8 916 000-11-22")},
                     {QStringLiteral("Рабочий email"), QStringLiteral("Sidorov@Vector.ru")},
                     {QStringLiteral("Личный email"), QStringLiteral("petr@сидоров.рф")},
                     {QStringLiteral("Должность"), QStringLiteral("Закупщик")},
                     {QStringLiteral("Город"), QStringLiteral("Москва")}});
        // The same person by email: linked, not doubled.
        csv += line({{QStringLiteral("Название сделки"), QStringLiteral("Сервис")},
                     {QStringLiteral("Полное имя контакта"), QStringLiteral("Пётр Сидоров")},
                     {QStringLiteral("Компания"), QStringLiteral("ООО Вектор")},
                     {QStringLiteral("Рабочий email"), QStringLiteral("sidorov@vector.ru")}});
        // A contact already in the database, by email; a number it lacks stays in the deal's notes.
        csv += line({{QStringLiteral("Название сделки"), QStringLiteral("Ремонт")},
                     {QStringLiteral("Полное имя контакта"), QStringLiteral("Мария Орлова")},
                     {QStringLiteral("Рабочий email"), QStringLiteral("MARIA@orlova.ru")},
                     {QStringLiteral("Мобильный телефон"), QStringLiteral("+7 926 555-44-33")}});
        // A contact the store refuses: the row is rejected whole (no company, no contact).
        csv += line({{QStringLiteral("Название сделки"), QStringLiteral("Брак")},
                     {QStringLiteral("Полное имя контакта"), QStringLiteral("Кто-то Новый")},
                     {QStringLiteral("Компания"), QStringLiteral("ООО Брак")},
                     {QStringLiteral("Рабочий email"), QStringLiteral("не почта")}});
        const QString path = m_dir.filePath(QStringLiteral("amocrm_deals_with_contacts.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(csv.toUtf8());
        f.close();

        ImportOptions o;
        o.entity = &deal;
        o.file = path;
        QList<ImportRowReport> rows;
        ImportSummary s;
        {
            ImportJob job(*m_store, o);
            job.onRow = [&](const ImportRowReport &r) {
                rows << r;
            };
            s = job.run();
        }
        QVERIFY2(s.ok(), qPrintable(s.fatalError));
        QCOMPARE(s.preset, QStringLiteral("amocrm"));
        QCOMPARE(s.created, 3);
        QCOMPARE(s.rejected, 1);
        QCOMPARE(s.contactsCreated, 1);
        QVERIFY2(rows.at(3).message.contains(QStringLiteral("email")), qPrintable(rows.at(3).message));
        QCOMPARE(header.at(rows.at(3).column - 1), QStringLiteral("Рабочий email"));

        const Record petr = find("contact", "last_name", QStringLiteral("Сидоров"));
        QVERIFY(petr.isValid());
        QCOMPARE(petr.text(u"first_name"), QStringLiteral("Пётр"));
        QCOMPARE(petr.text(u"phone"), QStringLiteral("+7 495 111-22-33"));
        QCOMPARE(petr.text(u"mobile"), QStringLiteral("8 916 000-11-22"));
        QCOMPARE(petr.text(u"email"), QStringLiteral("Sidorov@Vector.ru"));
        QCOMPARE(petr.text(u"email2"), QStringLiteral("petr@сидоров.рф"));
        QCOMPARE(petr.text(u"position"), QStringLiteral("Закупщик"));
        QCOMPARE(petr.text(u"city"), QStringLiteral("Москва"));
        QCOMPARE(companyName(petr), QStringLiteral("ООО Вектор"));

        const Record paper = find("deal", "title", QStringLiteral("Поставка бумаги"));
        QCOMPARE(paper.text(u"contact_id"), petr.id);
        QCOMPARE(paper.text(u"company_id"), petr.text(u"company_id"));
        QVERIFY2(!paper.text(u"notes").contains(QStringLiteral("телефон")), qPrintable(paper.text(u"notes")));
        QCOMPARE(find("deal", "title", QStringLiteral("Сервис")).text(u"contact_id"), petr.id);
        const Record repair = find("deal", "title", QStringLiteral("Ремонт"));
        QCOMPARE(repair.text(u"contact_id"), maria.id);
        QVERIFY2(repair.text(u"notes").contains(QStringLiteral("Мобильный телефон: +7 926 555-44-33")),
                 qPrintable(repair.text(u"notes")));
        QCOMPARE(m_store->get(contact, maria.id).text(u"mobile"), QString()); // skip: left as it is
        QCOMPARE(m_store->count(contact), 2);
        QCOMPARE(m_store->count(company), 1); // ООО Брак went with its rejected row
        QVERIFY(!find("deal", "title", QStringLiteral("Брак")).isValid());

        // Run again (a crash or a second click): nothing new.
        ImportJob again(*m_store, o);
        const ImportSummary s2 = again.run();
        QVERIFY2(s2.ok(), qPrintable(s2.fatalError));
        QCOMPARE(s2.created, 0);
        QCOMPARE(s2.skipped, 3);
        QCOMPARE(s2.contactsCreated, 0);
        QCOMPARE(m_store->count(contact), 2);
        QCOMPARE(m_store->count(deal), 3);
        QVERIFY(m_store->check().ok);
    }

    void bitrix24()
    {
        const ImportSummary s = import("contact", "bitrix24_contacts.csv");
        QVERIFY2(s.ok(), qPrintable(s.fatalError));
        QCOMPARE(s.preset, QStringLiteral("bitrix24"));
        QCOMPARE(s.delimiter, QChar(u';'));
        const Record r = find("contact", "email", QStringLiteral("volkov@techno.spb.ru"));
        QCOMPARE(r.text(u"middle_name"), QStringLiteral("Петрович"));
        QCOMPARE(r.text(u"birthday"), QStringLiteral("1975-02-01"));
        QCOMPARE(r.text(u"mobile"), QStringLiteral("8-921-300-20-11"));
        QCOMPARE(r.text(u"notes"), QStringLiteral("Через секретаря"));
    }

    void bitrix24ContactExportWithItsRealColumnNames()
    {
        // The columns of a Bitrix24 contact list export (names as Bitrix24's CRM sources and
        // published export files spell them): windows-1251, ';'.
        const QString header
            = QStringLiteral("ID;Обращение;Имя;Фамилия;Отчество;Дата рождения;Фотография;Адрес;Улица, номер дома;"
                             "Квартира, офис, комната, этаж;Населенный пункт;Район;Регион;Почтовый индекс;Страна;"
                             "Рабочий телефон;Мобильный телефон;Номер факса;Домашний телефон;Номер пейджера;"
                             "Телефон для рассылок;Другой телефон;Корпоративный сайт;Личная страница;Рабочий e-mail;"
                             "Частный e-mail;E-mail для рассылок;Другой e-mail;Контакт Telegram;Должность;Комментарий;"
                             "Компания;Тип контакта;Источник;Дополнительно об источнике;Экспорт;Ответственный;"
                             "Доступен для всех;Дата создания;Дата изменения;Кем создан;Кем изменен");
        const QString row = QStringLiteral(
            "25;;Мария;Соколова;Андреевна;15.03.1988;;;ул. Мира, 5;кв. 12;Казань;;Татарстан;420000;Россия;"
            "+7 (843) 200-10-10;8 917 200-10-11;+7 843 200-10-19;;;;;;;sokolova@kzn.ru;maria@mail.ru;;;"
            "@sokolova;Юрист;Звонить после обеда;ООО Казань-Право;Клиенты;Звонок;;Да;Админ;Да;"
            "02.09.2025 10:00:00;;Админ;");
        const QString path = m_dir.filePath(QStringLiteral("bitrix24_real.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QStringEncoder cp1251("windows-1251");
            f.write(cp1251.encode(QString(header + QStringLiteral("\r\n") + row + QStringLiteral("\r\n"))));
        }
        ImportOptions o;
        o.entity = Schema::instance().entity(u"contact");
        o.file = path;
        ImportJob job(*m_store, o);
        const ImportSummary s = job.run();
        QVERIFY2(s.ok(), qPrintable(s.fatalError));
        QCOMPARE(s.preset, QStringLiteral("bitrix24"));
        QCOMPARE(s.encoding, QByteArray("windows-1251"));
        QCOMPARE(s.created, 1);
        const Record r = find("contact", "email", QStringLiteral("sokolova@kzn.ru"));
        QCOMPARE(r.text(u"first_name"), QStringLiteral("Мария"));
        QCOMPARE(r.text(u"middle_name"), QStringLiteral("Андреевна"));
        QCOMPARE(r.text(u"birthday"), QStringLiteral("1988-03-15"));
        QCOMPARE(r.text(u"phone"), QStringLiteral("+7 (843) 200-10-10"));
        QCOMPARE(r.text(u"mobile"), QStringLiteral("8 917 200-10-11"));
        QCOMPARE(r.text(u"email2"), QStringLiteral("maria@mail.ru"));
        QCOMPARE(r.text(u"city"), QStringLiteral("Казань"));
        QCOMPARE(r.text(u"position"), QStringLiteral("Юрист"));
        QVERIFY(!r.text(u"telegram").isEmpty());
        QCOMPARE(companyName(r), QStringLiteral("ООО Казань-Право"));
        const QString notes = r.text(u"notes");
        QVERIFY2(notes.contains(QStringLiteral("Звонить после обеда")), qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("Номер факса: +7 843 200-10-19")), qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("Улица, номер дома: ул. Мира, 5")), qPrintable(notes));
        QVERIFY2(!notes.contains(QStringLiteral("Экспорт")) && !notes.contains(QStringLiteral("Админ")),
                 qPrintable(notes)); // Bitrix24's bookkeeping is dropped
    }

    void pipedriveHubspotTwenty()
    {
        QVERIFY(import("contact", "pipedrive_people.csv").ok());
        const Record klaus = find("contact", "email", QStringLiteral("klaus@meyer.de"));
        QCOMPARE(klaus.text(u"email2"), QStringLiteral("k.meyer@web.de"));
        QCOMPARE(klaus.text(u"mobile"), QStringLiteral("+49 171 1234567"));
        QCOMPARE(klaus.text(u"position"), QStringLiteral("CTO"));
        QCOMPARE(klaus.text(u"tags"), QStringLiteral("Hot"));

        QVERIFY(import("contact", "hubspot_contacts.csv").ok());
        const Record sara = find("contact", "email", QStringLiteral("sara@lee.io"));
        QCOMPARE(sara.text(u"phone"), QStringLiteral("+1 415 555 0123"));
        QCOMPARE(companyName(sara), QStringLiteral("Lee Labs"));

        QVERIFY(import("contact", "twenty_people.csv").ok());
        const Record nina = find("contact", "email", QStringLiteral("nina@frolova.ru"));
        QVERIFY(nina.id != QStringLiteral("1c6a4a3e-3d6c-4a7e-9d1e-0c7e4f1d2a11")); // Twenty's id is not ours
        QCOMPARE(nina.text(u"email2"), QStringLiteral("nina.f@gmail.com")); // JSON array
        QCOMPARE(nina.text(u"phone"), QStringLiteral("+7 9165550303")); // calling code joined

        const ImportSummary deals = import("deal", "twenty_opportunities.csv");
        QVERIFY2(deals.ok(), qPrintable(deals.fatalError));
        const Record pilot = find("deal", "title", QStringLiteral("Pilot"));
        QCOMPARE(pilot.text(u"amount"), QStringLiteral("2500.75"));
        QCOMPARE(pilot.text(u"currency"), QStringLiteral("USD"));
    }

    void fuzzyHeadersOfAHandMadeFile()
    {
        ImportOptions o;
        o.rejectsFile = m_dir.filePath(QStringLiteral("rejects.csv"));
        const ImportSummary s = import("contact", "fuzzy_ru.csv", o);
        QVERIFY2(s.ok(), qPrintable(s.fatalError));
        QCOMPARE(s.preset, QString()); // no preset: every column matched by name
        QCOMPARE(s.created, 1);
        QCOMPARE(s.skipped, 1); // the same mobile in another format
        QCOMPARE(s.rejected, 1); // a bad email and 31 February
        const Record r = find("contact", "last_name", QStringLiteral("Козлов"));
        QCOMPARE(r.text(u"middle_name"), QStringLiteral("Сергеевич"));
        QCOMPARE(r.text(u"mobile"), QStringLiteral("8 903 100-20-30"));
        QCOMPARE(r.text(u"birthday"), QStringLiteral("1988-04-03"));
        QVERIFY(r.text(u"notes").contains(QStringLiteral("Любимый цвет: синий")));
        QCOMPARE(m_store->get(*Schema::instance().entity(u"company"), r.text(u"company_id")).text(u"inn"),
                 QStringLiteral("7707083893"));
        QFile rejects(o.rejectsFile);
        QVERIFY(rejects.open(QIODevice::ReadOnly));
        const QByteArray bytes = rejects.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // Excel opens it as UTF-8
        const QString text = QString::fromUtf8(bytes);
        QVERIFY(text.contains(QStringLiteral("Белова Ирина;;;not an email")));
        QVERIFY(text.contains(QStringLiteral("31.02.1990")));
    }

    void userMappingOverridesThePreset()
    {
        ImportOptions o;
        o.userMap.insert(QStringLiteral("job title"), QStringLiteral("-"));
        o.userMap.insert(QStringLiteral("web page"), QStringLiteral("tags"));
        QVERIFY(import("contact", "outlook_en.csv", o).ok());
        const Record john = find("contact", "first_name", QStringLiteral("John"));
        QCOMPARE(john.text(u"position"), QString());
        QCOMPARE(john.text(u"tags"), QStringLiteral("Clients, VIP, acme.com"));
    }
};

QTEST_GUILESS_MAIN(TestImportPresets)
#include "tst_import_presets.moc"
