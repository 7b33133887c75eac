// The schema registry and field validation: what a user sees when a value is wrong.
#include "schema/FieldCodec.h"
#include "schema/Schema.h"

#include <QTest>

using namespace gamix;

class TestSchema : public QObject
{
    Q_OBJECT
private slots:
    void entitiesHaveDesignFieldNames()
    {
        const Schema &s = Schema::instance();
        const QStringList expected = {QStringLiteral("company"),  QStringLiteral("contact"), QStringLiteral("lead"),
                                      QStringLiteral("pipeline"), QStringLiteral("stage"),   QStringLiteral("deal"),
                                      QStringLiteral("task"),     QStringLiteral("note"),    QStringLiteral("user"),
                                      QStringLiteral("office"),   QStringLiteral("conflict")};
        QCOMPARE(s.entityNames(), expected);
        const EntityDef *contact = s.entity(u"contact");
        QStringList names;
        for (const FieldDef &f : contact->fields)
            names << f.name;
        QCOMPARE(names.join(u','),
                 QStringLiteral("first_name,middle_name,last_name,email,email2,phone,mobile,telegram,company_id,"
                                "position,city,birthday,tags,notes,owner_id,office_id,created_at,deleted,"
                                "merged_into"));
        // Fields added later (migration 4) follow `deleted`: clocks are kept per field index.
        for (const EntityDef &e : s.entities())
            QCOMPARE(e.fields.at(e.deletedIndex()).name, QStringLiteral("deleted"));
        // Clock masks are 64 bits wide.
        for (const EntityDef &e : s.entities())
            QVERIFY(e.fields.size() <= 64);
        // Codes are unique and fit the search key's four bits.
        QSet<int> codes;
        for (const EntityDef &e : s.entities()) {
            QVERIFY(e.code > 0 && e.code < 16);
            QVERIFY(!codes.contains(e.code));
            codes.insert(e.code);
        }
    }

    void parse_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("stored"); // canonical text, or a fragment of the error
        QTest::newRow("email ok") << "contact"
                                  << "email"
                                  << " Ivan@Mail.RU " << true << "Ivan@Mail.RU";
        QTest::newRow("email bad") << "contact"
                                   << "email"
                                   << "ivan@" << false << "is not an email address";
        QTest::newRow("date iso") << "contact"
                                  << "birthday"
                                  << "1985-03-07" << true << "1985-03-07";
        QTest::newRow("date ru") << "contact"
                                 << "birthday"
                                 << "07.03.1985" << true << "1985-03-07";
        QTest::newRow("date bad") << "contact"
                                  << "birthday"
                                  << "31.02.1985" << false << "is not a date";
        QTest::newRow("money comma") << "deal"
                                     << "amount"
                                     << "150 000,5" << true << "150000.50";
        QTest::newRow("money dot") << "deal"
                                   << "amount"
                                   << "99.99" << true << "99.99";
        QTest::newRow("money 3 decimals") << "deal"
                                          << "amount"
                                          << "1.005" << false << "at most two decimals";
        QTest::newRow("money words") << "deal"
                                     << "amount"
                                     << "сто" << false << "amount of money";
        QTest::newRow("inn ok") << "company"
                                << "inn"
                                << "7707083893" << true << "7707083893";
        QTest::newRow("inn check digit") << "company"
                                         << "inn"
                                         << "7707083894" << false << "not a valid INN";
        QTest::newRow("ogrn ok") << "company"
                                 << "ogrn"
                                 << "1027700132195" << true << "1027700132195";
        QTest::newRow("ogrn bad") << "company"
                                  << "ogrn"
                                  << "1027700132196" << false << "not a valid OGRN";
        QTest::newRow("enum case") << "lead"
                                   << "status"
                                   << "Working" << true << "working";
        QTest::newRow("enum bad") << "lead"
                                  << "status"
                                  << "closed" << false << "new, working, converted, lost";
        QTest::newRow("bool ru") << "lead"
                                 << "consent"
                                 << "да" << true << "true";
        QTest::newRow("due all-day") << "task"
                                     << "due_at"
                                     << "2026-12-01" << true << "2026-12-01";
        QTest::newRow("due time utc") << "task"
                                      << "due_at"
                                      << "2026-12-01T10:30:00+03:00" << true << "2026-12-01T07:30:00Z";
        QTest::newRow("telegram link") << "contact"
                                       << "telegram"
                                       << "https://t.me/ivan_petrov" << true << "@ivan_petrov";
        QTest::newRow("reference bad") << "contact"
                                       << "company_id"
                                       << "123" << false << "not a record id";
        QTest::newRow("percent range") << "stage"
                                       << "probability"
                                       << "120" << false << "0 to 100";
        QTest::newRow("tags") << "contact"
                              << "tags"
                              << "vip, опт ,vip" << true << "vip, опт";
    }

    void parse()
    {
        QFETCH(QString, entity);
        QFETCH(QString, field);
        QFETCH(QString, input);
        QFETCH(bool, ok);
        QFETCH(QString, stored);
        const FieldDef *f = Schema::instance().entity(entity)->field(field);
        QVERIFY(f);
        QVariant v;
        QString error;
        QCOMPARE(FieldCodec::parse(*f, input, &v, &error), ok);
        if (ok) {
            QCOMPARE(FieldCodec::toText(*f, v), stored);
        } else {
            QVERIFY2(error.contains(stored), qPrintable(error));
            QVERIFY2(error.startsWith(field + u':'), qPrintable(error)); // names the field
        }
    }

    void isoFormattingMatchesQDateTime()
    {
        for (qint64 ms : {Q_INT64_C(0), Q_INT64_C(951782400000), Q_INT64_C(1798761599999), Q_INT64_C(4102444800000),
                          Q_INT64_C(-86400001), Q_INT64_C(1709164800123)}) {
            const QString expected
                = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + u'Z';
            QCOMPARE(FieldCodec::isoUtcFromMs(ms), expected);
        }
    }

    void moneyIsExact()
    {
        qint64 minor = 0;
        QVERIFY(FieldCodec::parseMoney(u"12345678901234.99", &minor));
        QCOMPARE(minor, Q_INT64_C(1234567890123499));
        QCOMPARE(FieldCodec::formatMoney(minor), QStringLiteral("12345678901234.99"));
        QCOMPARE(FieldCodec::formatMoney(-5), QStringLiteral("-0.05"));
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
