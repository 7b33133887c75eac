// Cell values as other programs write them, turned into what the Store expects.
#include "io/ImportRowBuilder.h"
#include "io/ValueParsers.h"
#include "schema/Schema.h"

#include <QtTest>

using namespace gamix;
using namespace gamix::ValueParsers;

class TestImportValues : public QObject
{
    Q_OBJECT

private slots:
    void dates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("iso");
        QTest::newRow("ru") << "28.09.2025"
                            << "2025-09-28";
        QTest::newRow("ru short") << "1.2.2025"
                                  << "2025-02-01";
        QTest::newRow("iso") << "2025-09-28"
                             << "2025-09-28";
        QTest::newRow("us") << "09/28/2025"
                            << "2025-09-28";
        QTest::newRow("us ambiguous -> month first") << "03/04/2025"
                                                     << "2025-03-04";
        QTest::newRow("day > 12 -> day first") << "28/09/2025"
                                               << "2025-09-28";
        QTest::newRow("amocrm with time") << "28-09-2025 10:15:00"
                                          << "2025-09-28";
        QTest::newRow("ru with time") << "28.09.2025 10:15"
                                      << "2025-09-28";
        QTest::newRow("iso with T") << "2025-09-28T10:15:00Z"
                                    << "2025-09-28";
        QTest::newRow("outlook no year") << "5/12/1604"
                                         << "1604-05-12";
        QTest::newRow("google no year") << "--05-12"
                                        << "1604-05-12";
        QTest::newRow("vcard basic") << "19800115"
                                     << "1980-01-15";
        QTest::newRow("two-digit year") << "01.02.75"
                                        << "1975-02-01";
        QTest::newRow("outlook empty ru") << "0.0.00"
                                          << "";
        QTest::newRow("outlook empty en") << "0/0/00"
                                          << "";
        QTest::newRow("garbage") << "soon"
                                 << "";
        QTest::newRow("31 February") << "31.02.1990"
                                     << "";
    }
    void dates()
    {
        QFETCH(QString, text);
        QFETCH(QString, iso);
        const QDate d = parseDate(text, DateOptions {});
        QCOMPARE(d.isValid() ? d.toString(Qt::ISODate) : QString(), iso);
    }

    void userDateFormatAndOrder()
    {
        DateOptions dmy;
        dmy.slashOrder = SlashOrder::DayFirst;
        QCOMPARE(parseDate(u"03/04/2025", dmy), QDate(2025, 4, 3));
        DateOptions fmt;
        fmt.userFormat = QStringLiteral("yyyy/dd/MM");
        QCOMPARE(parseDate(u"2025/03/04", fmt), QDate(2025, 4, 3));
    }

    void dateTimesToUtc()
    {
        bool dateOnly = false;
        QCOMPARE(parseDateTime(u"2025-09-28T10:15:00+03:00", {}, &dateOnly), QStringLiteral("2025-09-28T07:15:00Z"));
        QVERIFY(!dateOnly);
        QCOMPARE(parseDateTime(u"2025-09-28 10:15Z", {}), QStringLiteral("2025-09-28T10:15:00Z"));
        QCOMPARE(parseDateTime(u"09/28/2025 2:30 PM +0000", {}), QStringLiteral("2025-09-28T14:30:00Z"));
        QCOMPARE(parseDateTime(u"01.12.2026", {}, &dateOnly), QStringLiteral("2026-12-01"));
        QVERIFY(dateOnly);
        const QString local = parseDateTime(u"28.09.2025 10:15:00", {});
        QCOMPARE(local,
                 QDateTime(QDate(2025, 9, 28), QTime(10, 15), Qt::LocalTime)
                         .toUTC()
                         .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
                     + u'Z');
    }

    void amounts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("ru spaces comma") << "150 000,50"
                                         << "150000.50";
        QTest::newRow("nbsp") << QString::fromUtf8("1\u00a0234,5") << "1234.5";
        QTest::newRow("us") << "1,234.56"
                            << "1234.56";
        QTest::newRow("de") << "1.234,56"
                            << "1234.56";
        QTest::newRow("thousands comma") << "12,000"
                                         << "12000";
        QTest::newRow("thousands dot") << "12.000"
                                       << "12000";
        QTest::newRow("decimal dot") << "2500.75"
                                     << "2500.75";
        QTest::newRow("rouble sign") << QString::fromUtf8("12 000 ₽") << "12000";
        QTest::newRow("руб.") << QString::fromUtf8("500 руб.") << "500";
        QTest::newRow("dollar") << "$1,000.00"
                                << "1000.00";
        QTest::newRow("negative") << "-15,5"
                                  << "-15.5";
        QTest::newRow("excel text guard") << "=\"150000\""
                                          << "150000";
        QTest::newRow("not an amount") << "a lot"
                                       << "a lot";
    }
    void amounts()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        const FieldDef &amount = *Schema::instance().entity(u"deal")->field(u"amount");
        QCOMPARE(toFieldText(amount, text, {}), canonical);
    }

    void excelGuardsAndWords()
    {
        QCOMPARE(unwrapExcel(u"=\"+7 916 123-45-67\""), QStringLiteral("+7 916 123-45-67"));
        QCOMPARE(unwrapExcel(u"'=SUM(A1)"), QStringLiteral("=SUM(A1)"));
        QCOMPARE(unwrapExcel(u"'quoted"), QStringLiteral("'quoted"));
        const EntityDef &task = *Schema::instance().entity(u"task");
        QCOMPARE(toFieldText(*task.field(u"done"), u"Да", {}), QStringLiteral("true"));
        QCOMPARE(toFieldText(*task.field(u"done"), u"no", {}), QStringLiteral("false"));
        QCOMPARE(toFieldText(*task.field(u"priority"), u"Высокий", {}), QStringLiteral("high"));
        QCOMPARE(toFieldText(*task.field(u"due_at"), u"01.12.2026", {}), QStringLiteral("2026-12-01"));
        const EntityDef &contact = *Schema::instance().entity(u"contact");
        QCOMPARE(toFieldText(*contact.field(u"tags"), u"* myContacts ::: Друзья ::: VIP", {}),
                 QStringLiteral("Друзья,VIP"));
        QCOMPARE(toFieldText(*contact.field(u"email"), u" mailto:A@B.ru ", {}), QStringLiteral("A@B.ru"));
        QCOMPARE(emailKey(u" Ivan@Mail.RU "), QStringLiteral("ivan@mail.ru"));
    }

    void fullNames_data()
    {
        QTest::addColumn<QString>("full");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("middle");
        QTest::addColumn<QString>("last");
        QTest::newRow("ФИО") << "Иванов Иван Иванович"
                             << "Иван"
                             << "Иванович"
                             << "Иванов";
        QTest::newRow("ИОФ") << "Иван Иванович Иванов"
                             << "Иван"
                             << "Иванович"
                             << "Иванов";
        QTest::newRow("first last") << "John  Smith"
                                    << "John"
                                    << ""
                                    << "Smith";
        QTest::newRow("one word") << "Мадонна"
                                  << "Мадонна"
                                  << ""
                                  << "";
        QTest::newRow("name patronymic") << "Ирина Петровна"
                                         << "Ирина"
                                         << "Петровна"
                                         << "";
    }
    void fullNames()
    {
        QFETCH(QString, full);
        QFETCH(QString, first);
        QFETCH(QString, middle);
        QFETCH(QString, last);
        QString f, m, l;
        ImportRowBuilder::splitFullName(full, &f, &m, &l);
        QCOMPARE(f, first);
        QCOMPARE(m, middle);
        QCOMPARE(l, last);
    }
};

QTEST_GUILESS_MAIN(TestImportValues)
#include "tst_import_values.moc"
