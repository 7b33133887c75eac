// Phone normalisation: the E.164 a user's typed number is stored and searched under, and
// the promise that the Russian fast path answers exactly as libphonenumber does.

#include "schema/PhoneNumber.h"

#include <QTest>

#include <algorithm>
#include <cstdint>
#include <random>
#include <thread>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;
using namespace gamix;

namespace {

// A deterministic source of phone-like text. rng() % n rather than std distributions:
// the distributions differ between standard libraries, and a failure must reproduce.
class PhoneLikeGenerator
{
public:
    explicit PhoneLikeGenerator(std::uint32_t seed)
        : m_rng(seed)
    { }

    QString next()
    {
        QString text = (pick(10) < 6) ? russianNumber() : randomDigits();
        mutate(text);
        return text;
    }

private:
    std::uint32_t pick(std::uint32_t n) { return m_rng() % n; }
    QChar digit() { return QChar(u'0' + pick(10)); }

    template<size_t N> QString oneOf(const QStringView (&options)[N]) { return options[pick(N)].toString(); }

    // A 10-digit national number in the ways people write one, with the prefixes they put
    // in front: mostly the usual ranges, sometimes the ones the fast path must leave alone.
    QString russianNumber()
    {
        QString national;
        const std::uint32_t lead = pick(10);
        if (lead < 6)
            national += QChar(u"3489"[pick(4)]);
        else if (lead < 7)
            national += u"810"_s;
        else
            national += digit();
        while (national.size() < 10)
            national += digit();

        static const QStringView prefixes[] = {u"+7",   u"8",   u"7",  u"",   u"",  u"+8",  u"++7", u"+ 7",
                                               u"(+7)", u"+7 ", u"8 ", u"7-", u"+", u"-+7", u"88",  u"0"};
        static const QStringView separators[] = {u" ", u"-", u".", u"\u00A0", u"", u""};
        QString text = oneOf(prefixes);
        const QString sep = oneOf(separators);
        switch (pick(5)) {
        case 0: // (916) 123-45-67
            text += u" ("_s + national.left(3) + u") "_s + national.mid(3, 3) + u'-' + national.mid(6, 2) + u'-'
                + national.mid(8);
            break;
        case 1: // 916 123 45 67
            text
                += sep + national.left(3) + sep + national.mid(3, 3) + sep + national.mid(6, 2) + sep + national.mid(8);
            break;
        case 2: // 916 1234567
            text += sep + national.left(3) + sep + national.mid(3);
            break;
        case 3:
            text += national;
            break;
        default: // separators anywhere
            for (const QChar c : std::as_const(national)) {
                text += c;
                if (pick(3) == 0)
                    text += oneOf(separators);
            }
        }
        return text;
    }

    QString randomDigits()
    {
        static const QStringView prefixes[] = {u"", u"", u"+", u"8", u"7", u"+7", u"810", u"00"};
        QString text = oneOf(prefixes);
        const std::uint32_t length = 5 + pick(11);
        for (std::uint32_t i = 0; i < length; ++i) {
            text += digit();
            if (pick(4) == 0)
                text += QChar(u" -.()"[pick(5)]);
        }
        return text;
    }

    // What real input also contains: extensions, letters, stray pluses, digits from other
    // scripts, labels, padding and deletions.
    void mutate(QString &text)
    {
        static const QStringView extensions[]
            = {u" доб. 123", u" ext. 12", u"x12", u" #12", u";ext=12", u" доб 5", u" x"};
        static const QStringView oddChars[]
            = {u"\t", u"/", u"\uFF11", u"\u0663", u"\u2013", u"*", u"#", u"+", u"a", u"Ж", u"O", u"x"};
        static const QStringView labels[] = {u" ", u"tel:", u"Тел.: ", u"(", u"моб "};
        if (pick(8) == 0)
            text += oneOf(extensions);
        if (pick(8) == 0)
            text.insert(qsizetype(pick(uint32_t(text.size()) + 1)), oneOf(oddChars));
        if (pick(16) == 0)
            text.prepend(oneOf(labels));
        if (pick(16) == 0 && !text.isEmpty())
            text.remove(qsizetype(pick(uint32_t(text.size()))), 1);
        if (pick(64) == 0)
            text += QString(pick(2) ? 60 : 260, u' ');
    }

    std::mt19937 m_rng;
};

} // namespace

class TestPhoneNumber : public QObject
{
    Q_OBJECT

private slots:
    void toE164_data();
    void toE164();
    void fastPathAgreesWithLibphonenumber();
    void concurrentCallsAgree();
    void searchTokens_data();
    void searchTokens();
    void queryDigits_data();
    void queryDigits();
    void typedQueryFindsStoredNumber_data();
    void typedQueryFindsStoredNumber();
};

void TestPhoneNumber::toE164_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("e164");

    const QString ru = u"RU"_s;
    const QString mobile = u"+79161234567"_s;
    QTest::newRow("plus seven formatted") << u"+7 (916) 123-45-67"_s << ru << mobile;
    QTest::newRow("trunk eight formatted") << u"8 (916) 123-45-67"_s << ru << mobile;
    QTest::newRow("trunk eight bare") << u"89161234567"_s << ru << mobile;
    QTest::newRow("seven without plus") << u"79161234567"_s << ru << mobile;
    QTest::newRow("ten digits") << u"9161234567"_s << ru << mobile;
    QTest::newRow("dashes") << u"8-916-123-45-67"_s << ru << mobile;
    QTest::newRow("dots") << u"8.916.123.45.67"_s << ru << mobile;
    QTest::newRow("nbsp") << u"8\u00A0916\u00A0123\u00A045\u00A067"_s << ru << mobile;
    QTest::newRow("spaced plus") << u"+ 7 916 123 45 67"_s << ru << mobile;
    QTest::newRow("surrounding spaces") << u"  8 916 123 45 67  "_s << ru << mobile;
    QTest::newRow("dob extension") << u"+7 916 123-45-67 доб. 123"_s << ru << mobile;
    QTest::newRow("ext extension") << u"8 916 123-45-67 ext. 12"_s << ru << mobile;
    QTest::newRow("x extension") << u"89161234567x12"_s << ru << mobile;
    QTest::newRow("moscow landline") << u"8 (495) 123-45-67"_s << ru << u"+74951234567"_s;
    QTest::newRow("spb without prefix") << u"(812) 123-45-67"_s << ru << u"+78121234567"_s;
    QTest::newRow("toll free") << u"8 800 555-35-35"_s << ru << u"+78005553535"_s;
    QTest::newRow("kazakhstan") << u"+7 7172 123456"_s << ru << u"+77172123456"_s;
    QTest::newRow("plus seven, other region") << u"+7 916 123 45 67"_s << u"US"_s << mobile;
    QTest::newRow("dialled abroad via 810") << u"8 10 44 20 7946 0958"_s << ru << u"+442079460958"_s;
    QTest::newRow("uk") << u"+44 20 7946 0958"_s << ru << u"+442079460958"_s;
    QTest::newRow("us") << u"+1 (650) 253-0000"_s << ru << u"+16502530000"_s;
    QTest::newRow("ukraine") << u"+380 44 123 4567"_s << ru << u"+380441234567"_s;
    QTest::newRow("germany") << u"+49 30 123456"_s << ru << u"+4930123456"_s;
    QTest::newRow("us national") << u"(650) 253-0000"_s << u"US"_s << u"+16502530000"_s;
    QTest::newRow("uk national") << u"020 7946 0958"_s << u"GB"_s << u"+442079460958"_s;
    QTest::newRow("german national") << u"030 123456"_s << u"DE"_s << u"+4930123456"_s;

    QTest::newRow("empty") << QString() << ru << QString();
    QTest::newRow("words") << u"позвонить завтра"_s << ru << QString();
    QTest::newRow("too short") << u"12"_s << ru << QString();
    QTest::newRow("one digit missing") << u"+7 916 123 45 6"_s << ru << QString();
    QTest::newRow("plus in the middle") << u"7+9161234567"_s << ru << QString();
    QTest::newRow("too long") << u"+7 916 123 45 67 89 01 23"_s << ru << QString();
}

void TestPhoneNumber::toE164()
{
    QFETCH(QString, typed);
    QFETCH(QString, region);
    QFETCH(QString, e164);
    QCOMPARE(phoneToE164(typed, region), e164);
    QCOMPARE(phoneToE164Reference(typed, region), e164);
}

// The fast path is only worth having if it never changes an answer. Compare it with
// libphonenumber on a fixed-seed stream of realistic and hostile input.
void TestPhoneNumber::fastPathAgreesWithLibphonenumber()
{
    constexpr int count = 200'000;
    PhoneLikeGenerator generator(20240601);
    int fastPathTaken = 0;
    int possible = 0;
    int mismatches = 0;
    QStringList examples;
    const QString ru = u"RU"_s;
    const QString us = u"US"_s;
    for (int i = 0; i < count; ++i) {
        const QString typed = generator.next();
        const QString expected = phoneToE164Reference(typed, ru);
        const std::optional<QString> fast = phoneToE164FastPath(typed, ru);
        fastPathTaken += fast.has_value();
        possible += !expected.isEmpty();
        bool same = phoneToE164(typed, ru) == expected && (!fast || *fast == expected);
        // With another default region only "+7…" may take the fast path; check that too.
        if (i % 10 == 0) {
            const std::optional<QString> fastUs = phoneToE164FastPath(typed, us);
            same = same && (!fastUs || *fastUs == phoneToE164Reference(typed, us));
        }
        if (!same) {
            ++mismatches;
            if (examples.size() < 10)
                examples << u'"' + typed + u"\" -> "_s + fast.value_or(u"(none)"_s) + u" / "_s + phoneToE164(typed, ru)
                        + u", reference "_s + expected;
        }
    }
    QVERIFY2(mismatches == 0,
             qPrintable(QString::number(mismatches) + u" mismatches, e.g.\n"_s + examples.join(u'\n')));
    // Guard against a generator that never reaches the fast path or only produces junk,
    // which would make the comparison above pass without testing anything.
    QVERIFY2(fastPathTaken > count / 4, qPrintable(QString::number(fastPathTaken)));
    QVERIFY2(possible - fastPathTaken > count / 10, qPrintable(QString::number(possible)));
    QVERIFY2(count - possible > count / 10, qPrintable(QString::number(possible)));
}

// Import and search normalise on worker threads; the shared libphonenumber singleton must
// give every thread the answers it gives one.
void TestPhoneNumber::concurrentCallsAgree()
{
    PhoneLikeGenerator generator(7);
    QStringList inputs;
    for (int i = 0; i < 2'000; ++i)
        inputs << generator.next();
    QStringList expected;
    for (const QString &typed : std::as_const(inputs))
        expected << phoneToE164Reference(typed, u"RU");

    std::vector<QStringList> results(8);
    std::vector<std::thread> threads;
    for (QStringList &result : results) {
        threads.emplace_back([&inputs, &result] {
            for (const QString &typed : std::as_const(inputs))
                result << phoneToE164(typed) + u'|' + phoneToE164Reference(typed, u"RU");
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    for (const QStringList &result : results) {
        for (qsizetype i = 0; i < inputs.size(); ++i)
            QCOMPARE(result.at(i), expected.at(i) + u'|' + expected.at(i));
    }
}

void TestPhoneNumber::searchTokens_data()
{
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QStringList>("tokens");

    QTest::newRow("russian mobile") << u"+79161234567"_s
                                    << QStringList {u"79161234567"_s, u"89161234567"_s, u"9161234567"_s};
    QTest::newRow("kazakhstan shares +7")
        << u"+77172123456"_s << QStringList {u"77172123456"_s, u"87172123456"_s, u"7172123456"_s};
    QTest::newRow("uk") << u"+442079460958"_s << QStringList {u"442079460958"_s, u"2079460958"_s};
    QTest::newRow("us") << u"+16502530000"_s << QStringList {u"16502530000"_s, u"6502530000"_s};
    QTest::newRow("italy keeps its leading zero")
        << u"+390612345678"_s << QStringList {u"390612345678"_s, u"0612345678"_s};
    QTest::newRow("empty") << QString() << QStringList();
}

void TestPhoneNumber::searchTokens()
{
    QFETCH(QString, e164);
    QFETCH(QStringList, tokens);
    QCOMPARE(phoneSearchTokens(e164), tokens);
}

void TestPhoneNumber::queryDigits_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("digits");

    QTest::newRow("trunk and parens") << u"8 (916) 12"_s << u"891612"_s;
    QTest::newRow("plus seven") << u"+7 916"_s << u"7916"_s;
    QTest::newRow("bare") << u"916"_s << u"916"_s;
    QTest::newRow("dashes and dots") << u"123-45.67"_s << u"1234567"_s;
    QTest::newRow("two digits are not enough") << u"91"_s << QString();
    QTest::newRow("name") << u"Иванов"_s << QString();
    QTest::newRow("company with digits") << u"ООО 123"_s << QString();
    QTest::newRow("extension letter") << u"916x123"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestPhoneNumber::queryDigits()
{
    QFETCH(QString, query);
    QFETCH(QString, digits);
    QCOMPARE(phoneQueryDigits(query), digits);
}

void TestPhoneNumber::typedQueryFindsStoredNumber_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("+7916") << u"+7916"_s;
    QTest::newRow("8916") << u"8916"_s;
    QTest::newRow("8 (916) 123") << u"8 (916) 123"_s;
    QTest::newRow("916 12") << u"916 12"_s;
    QTest::newRow("whole number, other format") << u"+7 (916) 123-45-67"_s;
}

// What the user sees: whichever way they start typing a number, the contact saved with
// it comes up, because a stored token starts with the query's digits.
void TestPhoneNumber::typedQueryFindsStoredNumber()
{
    QFETCH(QString, query);
    const QStringList tokens = phoneSearchTokens(phoneToE164(u"8 916 123-45-67"_s));
    const QString digits = phoneQueryDigits(query);
    QVERIFY(!digits.isEmpty());
    QVERIFY2(
        std::any_of(tokens.cbegin(), tokens.cend(), [&](const QString &token) { return token.startsWith(digits); }),
        qPrintable(tokens.join(u' ')));
}

QTEST_GUILESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"
