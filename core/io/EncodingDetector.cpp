#include "EncodingDetector.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <cmath>
#include <memory>

namespace gamix {

namespace {

// ICU's detector gets at most this much: enough for a verdict, cheap on a 1 MiB chunk.
constexpr qsizetype kIcuSampleBytes = 64 * 1024;

// Relative frequencies of Russian letters, а..я in alphabet order (ё counts as е).
constexpr double kRussianFreq[32] = {
    8.01, 1.59, 4.54, 1.70, 2.98, 8.45, 0.94, 1.65, 7.35, 1.21, 3.49, 4.40, 3.21, 6.70, 10.97, 2.81,
    4.73, 5.47, 6.26, 2.62, 0.26, 0.97, 0.48, 1.44, 0.73, 0.36, 0.04, 1.90, 1.74, 0.32, 0.64,  2.01,
};

// KOI8-R orders its letters by their Latin transliteration, not the alphabet:
// 0xC0..0xDF are lower case "юабцдефгхийклмнопярстужвьызшэщчъ", 0xE0..0xFF the same upper.
constexpr int kKoi8Order[32] = {
    30, 0,  1,  22, 4,  5,  20, 3, 21, 8,  9, 10, 11, 12, 13, 14,
    15, 31, 16, 17, 18, 19, 6,  2, 28, 27, 7, 24, 29, 25, 23, 26,
};

struct Letter
{
    int index = -1; // 0..31 in а..я order, -1 if the byte is no Cyrillic letter
    bool upper = false;
};

Letter letterCp1251(uchar b)
{
    if (b >= 0xC0)
        return {b >= 0xE0 ? b - 0xE0 : b - 0xC0, b < 0xE0};
    if (b == 0xA8 || b == 0xB8) // Ё ё
        return {5, b == 0xA8};
    return {};
}

Letter letterKoi8(uchar b)
{
    if (b >= 0xC0)
        return {kKoi8Order[b & 0x1F], b >= 0xE0};
    if (b == 0xB3 || b == 0xA3) // Ё ё
        return {5, b == 0xB3};
    return {};
}

// Punctuation that Russian Windows text really contains in 0x80..0xBF (dashes, quotes,
// guillemets, №, ellipsis); in KOI8-R the same bytes are box-drawing characters.
bool isCp1251Punctuation(uchar b)
{
    switch (b) {
    case 0x85:
    case 0x91:
    case 0x92:
    case 0x93:
    case 0x94:
    case 0x96:
    case 0x97:
    case 0xAB:
    case 0xBB:
    case 0xB9:
    case 0xA0:
        return true;
    default:
        return false;
    }
}

bool isVowel(int index)
{
    // а е и о у ы э ю я (ё is folded into е); ь and ъ extend a consonant run.
    switch (index) {
    case 0:
    case 5:
    case 8:
    case 14:
    case 19:
    case 27:
    case 29:
    case 30:
    case 31:
        return true;
    default:
        return false;
    }
}

// Log-likelihood that `data` is Russian text when read through `letterOf`. Besides letter
// frequencies, the case pattern is the strongest signal: the wrong table swaps upper and
// lower case, so "Имя" turns into "иМЯ" — an upper-case letter after a lower-case one.
template<typename LetterOf> double russianScore(QByteArrayView data, LetterOf letterOf)
{
    double score = 0;
    Letter prev;
    int consonantRun = 0;
    for (const char c : data) {
        const Letter l = letterOf(uchar(c));
        if (l.index >= 0) {
            score += std::log(kRussianFreq[l.index]);
            if (prev.index >= 0 && l.upper && !prev.upper)
                score -= 6;
            // No Russian word starts with ь, ъ or ы.
            if (prev.index < 0 && (l.index == 26 || l.index == 27 || l.index == 28))
                score -= 3;
            // Vowels and consonants alternate; the wrong table breaks that, which decides
            // words in one case ("телефон" and "РЕКЕТНМ" have similar letter frequencies).
            consonantRun = isVowel(l.index) ? 0 : consonantRun + 1;
            if (consonantRun >= 3)
                score -= 2;
        } else {
            consonantRun = 0;
        }
        prev = l;
    }
    return score;
}

// Russian text in a single-byte encoding has its high bytes in runs (whole words);
// West European text has them alone between ASCII letters ("Müller", "café").
bool looksCyrillic(QByteArrayView data)
{
    qsizetype high = 0;
    qsizetype inRuns = 0;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const uchar b = uchar(data[i]);
        if (b < 0x80)
            continue;
        ++high;
        const bool prevHigh = i > 0 && uchar(data[i - 1]) >= 0x80;
        const bool nextHigh = i + 1 < data.size() && uchar(data[i + 1]) >= 0x80;
        if (b >= 0xC0 && (prevHigh || nextHigh))
            ++inRuns;
    }
    return high > 0 && inRuns * 2 >= high;
}

// UTF-16 without a BOM: every other byte of Latin or Cyrillic text is a zero or a 0x04.
QByteArray detectBomlessUtf16(QByteArrayView data)
{
    const qsizetype pairs = qMin<qsizetype>(data.size(), 4096) / 2;
    if (pairs < 2)
        return {};
    qsizetype zeroEven = 0;
    qsizetype zeroOdd = 0;
    for (qsizetype i = 0; i < pairs; ++i) {
        zeroEven += data[2 * i] == 0;
        zeroOdd += data[2 * i + 1] == 0;
    }
    if (zeroOdd * 10 >= pairs * 4 && zeroEven * 20 < pairs)
        return QByteArrayLiteral("utf-16le");
    if (zeroEven * 10 >= pairs * 4 && zeroOdd * 20 < pairs)
        return QByteArrayLiteral("utf-16be");
    return {};
}

QByteArray detectWithIcu(QByteArrayView data)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), &ucsdet_close);
    if (U_FAILURE(status))
        return {};
    ucsdet_setText(detector.get(), data.data(), int32_t(qMin<qsizetype>(data.size(), kIcuSampleBytes)), &status);
    int32_t count = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector.get(), &count, &status);
    if (U_FAILURE(status))
        return {};
    for (int32_t i = 0; i < count; ++i) {
        const char *name = ucsdet_getName(matches[i], &status);
        if (U_FAILURE(status) || !name)
            return {};
        const QByteArray canonical = EncodingDetector::canonicalName(QByteArray(name));
        // We already know the data is not valid UTF-8, and UTF-16/32 would have had a BOM.
        if (!canonical.isEmpty() && !canonical.startsWith("utf-"))
            return canonical;
    }
    return {};
}

} // namespace

DetectedEncoding EncodingDetector::detectBom(QByteArrayView data)
{
    if (data.startsWith("\xEF\xBB\xBF"))
        return {QByteArrayLiteral("utf-8"), 3};
    if (data.startsWith("\xFF\xFE"))
        return {QByteArrayLiteral("utf-16le"), 2};
    if (data.startsWith("\xFE\xFF"))
        return {QByteArrayLiteral("utf-16be"), 2};
    return {};
}

DetectedEncoding EncodingDetector::detect(QByteArrayView sample, bool complete)
{
    const DetectedEncoding bom = detectBom(sample);
    if (bom.bomLength > 0)
        return bom;
    const QByteArray utf16 = detectBomlessUtf16(sample);
    if (!utf16.isEmpty())
        return {utf16, 0};
    // Plain ASCII is valid UTF-8, and UTF-8 is what a new file is most likely to be.
    if (isValidUtf8(sample, complete))
        return {QByteArrayLiteral("utf-8"), 0};
    if (looksCyrillic(sample)) {
        return {cp1251OverKoi8Score(sample) >= 0 ? QByteArrayLiteral("windows-1251") : QByteArrayLiteral("koi8-r"), 0};
    }
    const QByteArray icu = detectWithIcu(sample);
    return {icu.isEmpty() ? QByteArrayLiteral("windows-1252") : icu, 0};
}

double EncodingDetector::cp1251OverKoi8Score(QByteArrayView data)
{
    double punctuation = 0;
    for (const char c : data) {
        const uchar b = uchar(c);
        // Ё/ё of one table are box-drawing characters (or rare Serbian letters) in the other.
        if (isCp1251Punctuation(b) || b == 0xA8 || b == 0xB8)
            punctuation += 4;
        else if (b == 0xA3 || b == 0xB3)
            punctuation -= 4;
    }
    return russianScore(data, letterCp1251) - russianScore(data, letterKoi8) + punctuation;
}

bool EncodingDetector::isValidUtf8(QByteArrayView data, bool complete, qsizetype *badOffset)
{
    const auto *p = reinterpret_cast<const uchar *>(data.data());
    const qsizetype n = data.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar b = p[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        uint cp = 0;
        uint min = 0;
        if (b >= 0xC2 && b <= 0xDF) {
            extra = 1;
            cp = b & 0x1F;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            extra = 2;
            cp = b & 0x0F;
            min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            extra = 3;
            cp = b & 0x07;
            min = 0x10000;
        } else {
            if (badOffset)
                *badOffset = i;
            return false;
        }
        qsizetype j = 1;
        for (; j <= extra && i + j < n; ++j) {
            if ((p[i + j] & 0xC0) != 0x80)
                break;
            cp = (cp << 6) | (p[i + j] & 0x3F);
        }
        if (j <= extra) {
            // Cut by the end of the sample: fine unless this is the whole file.
            const bool cut = i + j == n;
            if (cut && !complete)
                return true;
            if (badOffset)
                *badOffset = i;
            return false;
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            if (badOffset)
                *badOffset = i;
            return false;
        }
        i += extra + 1;
    }
    return true;
}

QByteArray EncodingDetector::canonicalName(const QByteArray &name)
{
    const QByteArray lower = name.trimmed().toLower();
    if (lower == "utf-8" || lower == "utf8" || lower == "utf-8-bom" || lower == "utf-8-sig")
        return QByteArrayLiteral("utf-8");
    if (lower == "utf-16le" || lower == "utf16le")
        return QByteArrayLiteral("utf-16le");
    if (lower == "utf-16be" || lower == "utf16be")
        return QByteArrayLiteral("utf-16be");
    if (lower == "utf-16" || lower == "utf16" || lower == "unicode")
        return QByteArrayLiteral("utf-16"); // the BOM decides; Windows' default is LE
    if (lower.isEmpty())
        return {};
    // "1251" and "win1251" are what people type for the Windows code pages.
    QByteArray digits = lower;
    if (digits.startsWith("win") && !digits.startsWith("windows"))
        digits = digits.mid(3);
    bool isNumber = false;
    digits.toInt(&isNumber);
    if (isNumber && digits.size() == 4 && digits.startsWith("12"))
        return canonicalName(QByteArrayLiteral("windows-").append(digits));
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(lower.constData(), &status);
    if (U_FAILURE(status) || !converter)
        return {};
    const char *icuName = ucnv_getName(converter, &status);
    QByteArray result = U_SUCCESS(status) && icuName ? QByteArray(icuName) : lower;
    ucnv_close(converter);
    // Report the name people know ("windows-1251"), not ICU's ("ibm-5347_P100-1998").
    for (const char *standard : {"MIME", "IANA"}) {
        status = U_ZERO_ERROR;
        const char *std = ucnv_getStandardName(lower.constData(), standard, &status);
        if (U_SUCCESS(status) && std) {
            result = QByteArray(std);
            break;
        }
    }
    result = result.toLower();
    if (result == "iso_8859-1:1987")
        result = QByteArrayLiteral("iso-8859-1");
    return result;
}

} // namespace gamix
