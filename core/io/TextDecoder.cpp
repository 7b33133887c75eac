#include "TextDecoder.h"

#include "TextCodec.h"

#include "EncodingDetector.h"

#include <QStringDecoder>
#include <QtEndian>

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <algorithm>

namespace gamix {

TextDecoder::TextDecoder(const QByteArray &name, bool strict)
    : m_strict(strict)
{
    switch (TextCodec::unicodeForm(name)) {
    case TextCodec::Form::Utf8:
        m_kind = Kind::Utf8;
        return;
    case TextCodec::Form::Utf16LE:
        m_kind = Kind::Utf16LE;
        return;
    case TextCodec::Form::Utf16BE:
        m_kind = Kind::Utf16BE;
        return;
    case TextCodec::Form::Other:
        break;
    }
    m_converter = TextCodec::openIcu(name);
    if (!m_converter)
        return;
    UErrorCode status = U_ZERO_ERROR;
    if (m_strict)
        ucnv_setToUCallBack(m_converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (ucnv_getMaxCharSize(m_converter) != 1 || ucnv_getType(m_converter) != UCNV_SBCS) {
        m_kind = Kind::Icu;
        return;
    }
    // One byte is always one character here: ask ICU once per byte value.
    for (int b = 0; b < 256; ++b) {
        const char byte = char(b);
        UChar buffer[4];
        status = U_ZERO_ERROR;
        ucnv_reset(m_converter);
        const int32_t n = ucnv_toUChars(m_converter, buffer, 4, &byte, 1, &status);
        m_tableValid[b] = U_SUCCESS(status) && n == 1 && !QChar::isSurrogate(buffer[0]);
        m_table[b] = m_tableValid[b] ? char16_t(buffer[0]) : u'\uFFFD';
    }
    m_tableComplete = std::all_of(m_tableValid.cbegin(), m_tableValid.cend(), [](bool valid) { return valid; });
    m_kind = Kind::Table;
}

TextDecoder::~TextDecoder()
{
    if (m_converter)
        ucnv_close(m_converter);
}

bool TextDecoder::decode(QByteArrayView data, QString &out, bool last)
{
    if (m_error || m_kind == Kind::Invalid)
        return false;
    bool ok = false;
    switch (m_kind) {
    case Kind::Table:
        ok = decodeTable(data, out);
        break;
    case Kind::Utf8:
        ok = decodeUtf8(data, out, last);
        break;
    case Kind::Utf16LE:
    case Kind::Utf16BE:
        ok = decodeUtf16(data, out, last);
        break;
    case Kind::Icu:
        ok = decodeIcu(data, out, last);
        break;
    case Kind::Invalid:
        break;
    }
    m_consumed += data.size();
    return ok;
}

bool TextDecoder::fail(qint64 offsetInChunk)
{
    m_error = true;
    m_errorOffset = m_consumed + offsetInChunk;
    return false;
}

bool TextDecoder::decodeTable(QByteArrayView data, QString &out)
{
    const qsizetype oldSize = out.size();
    out.resize(oldSize + data.size());
    char16_t *dst = reinterpret_cast<char16_t *>(out.data()) + oldSize;
    const auto *src = reinterpret_cast<const uchar *>(data.data());
    const qsizetype n = data.size();
    if (m_tableComplete || !m_strict) {
        // The common case (windows-1251 maps every byte): no check in the hot loop.
        for (qsizetype i = 0; i < n; ++i)
            dst[i] = m_table[src[i]];
        return true;
    }
    for (qsizetype i = 0; i < n; ++i) {
        const uchar b = src[i];
        if (Q_UNLIKELY(m_strict && !m_tableValid[b])) {
            out.resize(oldSize + i);
            return fail(i);
        }
        dst[i] = m_table[b];
    }
    return true;
}

bool TextDecoder::decodeUtf8(QByteArrayView data, QString &out, bool last)
{
    // Offsets below are relative to `in`, which starts with the carried bytes.
    const qint64 base = -qint64(m_carry.size());
    QByteArray joined;
    QByteArrayView in = data;
    if (!m_carry.isEmpty()) {
        joined = m_carry + data.toByteArray();
        in = joined;
    }
    // Keep back a sequence cut by the chunk end; its lead byte says how long it is.
    qsizetype complete = in.size();
    if (!last) {
        for (qsizetype k = 1; k <= 3 && k <= in.size(); ++k) {
            const uchar b = uchar(in[in.size() - k]);
            if ((b & 0xC0) == 0x80)
                continue;
            const qsizetype need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            if (need > k)
                complete = in.size() - k;
            break;
        }
    }
    const QByteArrayView body = in.first(complete);
    // ConvertInitialBom: a U+FEFF at a chunk start is text; the reader strips the real BOM.
    const auto flags = QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom;
    const qsizetype oldSize = out.size();
    out.resize(oldSize + body.size());
    QStringDecoder decoder(QStringDecoder::Utf8, flags);
    QChar *end = decoder.appendToBuffer(out.data() + oldSize, body);
    out.resize(end - out.constData());
    if (decoder.hasError() && m_strict) {
        qsizetype bad = 0;
        EncodingDetector::isValidUtf8(body, true, &bad);
        out.resize(oldSize + body.size());
        QStringDecoder again(QStringDecoder::Utf8, flags);
        end = again.appendToBuffer(out.data() + oldSize, body.first(bad));
        out.resize(end - out.constData());
        m_carry.clear();
        return fail(base + bad);
    }
    m_carry = in.sliced(complete).toByteArray();
    if (last && !m_carry.isEmpty()) // cannot happen: `complete` is the whole input
        return fail(base + complete);
    return true;
}

bool TextDecoder::decodeUtf16(QByteArrayView data, QString &out, bool last)
{
    QByteArray joined;
    QByteArrayView in = data;
    if (!m_carry.isEmpty()) {
        joined = m_carry + data.toByteArray();
        in = joined;
    }
    const qsizetype units = in.size() / 2;
    const qsizetype oldSize = out.size();
    out.resize(oldSize + units);
    if (units > 0 && m_kind == Kind::Utf16LE) // an empty view's data() may be null
        qFromLittleEndian<char16_t>(in.data(), units, out.data() + oldSize);
    else if (units > 0)
        qFromBigEndian<char16_t>(in.data(), units, out.data() + oldSize);
    m_carry = in.sliced(units * 2).toByteArray();
    if (last && !m_carry.isEmpty()) {
        if (m_strict)
            return fail(data.size() - 1);
        out.append(QChar::ReplacementCharacter);
    }
    return true;
}

bool TextDecoder::decodeIcu(QByteArrayView data, QString &out, bool last)
{
    const char *source = data.data();
    const char *sourceLimit = source + data.size();
    const qsizetype oldSize = out.size();
    // Two UTF-16 units per byte is more than any ICU encoding produces (a surrogate pair
    // takes at least two bytes); the loop still copes with an overflow.
    qsizetype written = oldSize;
    for (;;) {
        out.resize(written + (sourceLimit - source) * 2 + 16);
        UChar *target = reinterpret_cast<UChar *>(out.data()) + written;
        UChar *targetLimit = reinterpret_cast<UChar *>(out.data()) + out.size();
        UErrorCode status = U_ZERO_ERROR;
        ucnv_toUnicode(m_converter, &target, targetLimit, &source, sourceLimit, nullptr, last, &status);
        written = target - reinterpret_cast<UChar *>(out.data());
        if (status == U_BUFFER_OVERFLOW_ERROR)
            continue;
        out.resize(written);
        if (U_FAILURE(status)) {
            char invalid[32];
            int8_t invalidLength = sizeof(invalid);
            UErrorCode ignored = U_ZERO_ERROR;
            ucnv_getInvalidChars(m_converter, invalid, &invalidLength, &ignored);
            return fail((source - data.data()) - invalidLength);
        }
        return true;
    }
}

} // namespace gamix
