#include "RussianIds.h"

#include <array>
#include <cstdint>

namespace gamix {

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool allDigits(QStringView text)
{
    for (const QChar c : text) {
        if (!isAsciiDigit(c))
            return false;
    }
    return true;
}

int digitAt(QStringView text, qsizetype i)
{
    return text[i].unicode() - u'0';
}

// The INN check digit: weighted sum of the preceding digits, mod 11, mod 10. The weights
// for each position come from the tax service's published algorithm.
template<size_t N> int innCheckDigit(QStringView inn, const std::array<int, N> &weights)
{
    int sum = 0;
    for (size_t i = 0; i < N; ++i)
        sum += weights[i] * digitAt(inn, qsizetype(i));
    return sum % 11 % 10;
}

// The OGRN check digit: the preceding digits read as one number, mod divisor, mod 10.
// 14 digits fit comfortably in 64 bits.
bool ogrnCheckDigitMatches(QStringView ogrn, int divisor)
{
    const qsizetype last = ogrn.size() - 1;
    std::uint64_t number = 0;
    for (qsizetype i = 0; i < last; ++i)
        number = number * 10 + std::uint64_t(digitAt(ogrn, i));
    return int(number % std::uint64_t(divisor) % 10) == digitAt(ogrn, last);
}

} // namespace

bool isValidInn(QStringView inn)
{
    if (!allDigits(inn))
        return false;
    if (inn.size() == 10) {
        static constexpr std::array<int, 9> weights {2, 4, 10, 3, 5, 9, 4, 6, 8};
        return innCheckDigit(inn, weights) == digitAt(inn, 9);
    }
    if (inn.size() == 12) {
        static constexpr std::array<int, 10> weights11 {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
        static constexpr std::array<int, 11> weights12 {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
        return innCheckDigit(inn, weights11) == digitAt(inn, 10) && innCheckDigit(inn, weights12) == digitAt(inn, 11);
    }
    return false;
}

bool isValidOgrn(QStringView ogrn)
{
    if (!allDigits(ogrn))
        return false;
    if (ogrn.size() == 13)
        return ogrnCheckDigitMatches(ogrn, 11);
    if (ogrn.size() == 15)
        return ogrnCheckDigitMatches(ogrn, 13);
    return false;
}

bool isValidKpp(QStringView kpp)
{
    if (kpp.size() != 9)
        return false;
    for (qsizetype i = 0; i < 9; ++i) {
        const QChar c = kpp[i];
        const bool ok = (i == 4 || i == 5) ? (isAsciiDigit(c) || (c >= u'A' && c <= u'Z')) : isAsciiDigit(c);
        if (!ok)
            return false;
    }
    return true;
}

} // namespace gamix
