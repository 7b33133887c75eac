// INN, OGRN/OGRNIP and KPP validation: real public identifiers pass, and a single wrong
// digit, a wrong length or stray characters fail.

#include "schema/RussianIds.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace gamix;

class TestRussianIds : public QObject
{
    Q_OBJECT

private slots:
    void inn_data();
    void inn();
    void ogrn_data();
    void ogrn();
    void kpp_data();
    void kpp();
};

void TestRussianIds::inn_data()
{
    QTest::addColumn<QString>("inn");
    QTest::addColumn<bool>("valid");

    QTest::newRow("sberbank") << u"7707083893"_s << true;
    QTest::newRow("yandex") << u"7736207543"_s << true;
    QTest::newRow("tinkoff bank") << u"7710140679"_s << true;
    QTest::newRow("individual") << u"500100732259"_s << true;
    QTest::newRow("individual 2") << u"773173084809"_s << true;

    QTest::newRow("legal, wrong check digit") << u"7707083894"_s << false;
    QTest::newRow("legal, swapped digits") << u"7707038893"_s << false;
    QTest::newRow("individual, wrong last digit") << u"500100732258"_s << false;
    // The last digit fits the first eleven, but the eleventh digit itself is wrong.
    QTest::newRow("individual, wrong first check") << u"500100732266"_s << false;
    QTest::newRow("11 digits") << u"77070838931"_s << false;
    QTest::newRow("9 digits") << u"770708389"_s << false;
    QTest::newRow("space inside") << u"7707 083893"_s << false;
    QTest::newRow("untrimmed") << u" 7707083893"_s << false;
    QTest::newRow("letter") << u"77070838a3"_s << false;
    QTest::newRow("fullwidth digits") << u"７７０７０８３８９３"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestRussianIds::inn()
{
    QFETCH(QString, inn);
    QFETCH(bool, valid);
    QCOMPARE(isValidInn(inn), valid);
}

void TestRussianIds::ogrn_data()
{
    QTest::addColumn<QString>("ogrn");
    QTest::addColumn<bool>("valid");

    QTest::newRow("sberbank") << u"1027700132195"_s << true;
    QTest::newRow("yandex") << u"1027700229193"_s << true;
    // First twelve digits mod 11 is 10: the check digit is 0.
    QTest::newRow("remainder ten") << u"1027700132240"_s << true;
    QTest::newRow("ogrnip") << u"304500116000157"_s << true;
    // First fourteen digits mod 13 is 10: the check digit is 0.
    QTest::newRow("ogrnip remainder ten") << u"304500116000180"_s << true;
    QTest::newRow("ogrnip 2") << u"304500116000191"_s << true;

    QTest::newRow("wrong check digit") << u"1027700132196"_s << false;
    QTest::newRow("remainder ten, check digit not 0") << u"1027700132241"_s << false;
    QTest::newRow("ogrnip, wrong check digit") << u"304500116000158"_s << false;
    // An OGRNIP's check digit computed the OGRN way (mod 11) must not pass.
    QTest::newRow("ogrnip checked mod 11") << u"304500116000190"_s << false;
    QTest::newRow("14 digits") << u"10277001321950"_s << false;
    QTest::newRow("12 digits") << u"102770013219"_s << false;
    QTest::newRow("space") << u"1027700132195 "_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestRussianIds::ogrn()
{
    QFETCH(QString, ogrn);
    QFETCH(bool, valid);
    QCOMPARE(isValidOgrn(ogrn), valid);
}

void TestRussianIds::kpp_data()
{
    QTest::addColumn<QString>("kpp");
    QTest::addColumn<bool>("valid");

    QTest::newRow("sberbank") << u"773601001"_s << true;
    QTest::newRow("yandex") << u"770401001"_s << true;
    QTest::newRow("letters in reason code") << u"7736AB001"_s << true;
    QTest::newRow("digit and letter") << u"77360Z001"_s << true;

    QTest::newRow("lower case") << u"7736ab001"_s << false;
    QTest::newRow("cyrillic letters") << u"7736АВ001"_s << false;
    QTest::newRow("letter in tax office code") << u"77A601001"_s << false;
    QTest::newRow("letter in number") << u"7736010A1"_s << false;
    QTest::newRow("8 chars") << u"77360100"_s << false;
    QTest::newRow("10 chars") << u"7736010010"_s << false;
    QTest::newRow("space") << u"7736 01001"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestRussianIds::kpp()
{
    QFETCH(QString, kpp);
    QFETCH(bool, valid);
    QCOMPARE(isValidKpp(kpp), valid);
}

QTEST_GUILESS_MAIN(TestRussianIds)
#include "tst_russianids.moc"
