#include "PhoneNumber.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <string>

namespace gamix {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// PhoneNumberUtil is a process-wide singleton whose const methods are thread-safe. The
// function-local static makes the first call from any thread safe as well, and handing
// out a const reference keeps callers to the thread-safe part of its API.
const PhoneNumberUtil &phoneUtil()
{
    static const PhoneNumberUtil *const util = PhoneNumberUtil::GetInstance();
    return *util;
}

std::string toStdString(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    return std::string(utf8.constData(), size_t(utf8.size()));
}

// Some libphonenumber releases (and its Java original) reject input over 250 characters.
// Long input is rare; leaving it to the library keeps both paths in step with any release.
constexpr qsizetype kMaxFastPathLength = 100;

// First digits of a 10-digit national number that libphonenumber's RU metadata recognises
// (its general pattern is [347-9]\d{9}, plus 8\d{13} that we leave to it). Only for these
// is the 8/7 in front of 11 digits certain to be a trunk prefix / the country code.
bool isRussianLeadingDigit(char c)
{
    return c == '3' || c == '4' || c == '7' || c == '8' || c == '9';
}

bool isFormattingChar(char16_t c)
{
    return c == u' ' || c == u'(' || c == u')' || c == u'-' || c == u'.' || c == 0x00A0;
}

QString plusSevenE164(const char *nationalNumber)
{
    QString out(12, Qt::Uninitialized);
    QChar *data = out.data();
    data[0] = u'+';
    data[1] = u'7';
    for (int i = 0; i < 10; ++i)
        data[2 + i] = QLatin1Char(nationalNumber[i]);
    return out;
}

} // namespace

QString phoneToE164Reference(QStringView typed, QStringView region)
{
    const PhoneNumberUtil &util = phoneUtil();
    PhoneNumber number;
    if (util.Parse(toStdString(typed), toStdString(region), &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return {};
    if (!util.IsPossibleNumber(number))
        return {};
    std::string e164;
    util.Format(number, PhoneNumberUtil::E164, &e164);
    return QString::fromStdString(e164);
}

std::optional<QString> phoneToE164FastPath(QStringView typed, QStringView defaultRegion)
{
    if (typed.size() > kMaxFastPathLength)
        return std::nullopt;

    // Collect at most 11 ASCII digits. Anything unusual (letters, extensions, other
    // scripts' digits, a '+' after a digit, a second '+') goes to libphonenumber, whose
    // rules for those cases are too intricate to repeat here.
    char digits[11];
    int count = 0;
    bool plus = false;
    for (const QChar ch : typed) {
        const char16_t c = ch.unicode();
        if (c >= u'0' && c <= u'9') {
            if (count == 11)
                return std::nullopt;
            digits[count++] = char(c);
        } else if (c == u'+') {
            if (plus || count > 0)
                return std::nullopt;
            plus = true;
        } else if (!isFormattingChar(c)) {
            return std::nullopt;
        }
    }

    // With '+', the country code comes from the text and the region does not matter.
    if (plus)
        return count == 11 && digits[0] == '7' ? std::optional(plusSevenE164(digits + 1)) : std::nullopt;
    if (defaultRegion != u"RU")
        return std::nullopt;
    // 8 is the trunk prefix and 7 the country code, but only when the rest is a
    // recognised national number; otherwise libphonenumber may read them as part of it.
    if (count == 11 && (digits[0] == '8' || digits[0] == '7') && isRussianLeadingDigit(digits[1]))
        return plusSevenE164(digits + 1);
    // "810..." is Russia's international dialling prefix: libphonenumber dials abroad.
    if (count == 10 && isRussianLeadingDigit(digits[0]) && !(digits[0] == '8' && digits[1] == '1' && digits[2] == '0'))
        return plusSevenE164(digits);
    return std::nullopt;
}

QString phoneToE164(QStringView typed, QStringView defaultRegion)
{
    if (std::optional<QString> fast = phoneToE164FastPath(typed, defaultRegion))
        return *std::move(fast);
    return phoneToE164Reference(typed, defaultRegion);
}

QStringList phoneSearchTokens(QStringView e164)
{
    QString digits;
    digits.reserve(e164.size());
    for (const QChar ch : e164) {
        if (ch >= u'0' && ch <= u'9')
            digits.append(ch);
    }
    if (digits.isEmpty())
        return {};
    // Russians type the same number as +7…, 8… or without any prefix.
    if (digits.size() == 11 && digits.front() == u'7') {
        const QString national = digits.mid(1);
        return {digits, u'8' + national, national};
    }

    QStringList tokens {digits};
    const PhoneNumberUtil &util = phoneUtil();
    PhoneNumber number;
    if (util.Parse("+" + digits.toStdString(), "ZZ", &number) == PhoneNumberUtil::NO_PARSING_ERROR) {
        std::string national;
        util.GetNationalSignificantNumber(number, &national);
        const QString nationalNumber = QString::fromStdString(national);
        if (!nationalNumber.isEmpty() && nationalNumber != digits)
            tokens.append(nationalNumber);
    }
    return tokens;
}

QString phoneQueryDigits(QStringView query)
{
    QString digits;
    for (const QChar ch : query) {
        if (ch >= u'0' && ch <= u'9')
            digits.append(ch);
        else if (!ch.isSpace() && ch != u'+' && ch != u'(' && ch != u')' && ch != u'-' && ch != u'.')
            return {};
    }
    return digits.size() >= 3 ? digits : QString();
}

} // namespace gamix
