#include "TextEncoder.h"

#include "TextCodec.h"

#include <QtEndian>

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

namespace gamix {

namespace {

// ICU's own substitute callback, plus a count of what it replaced. Unassigned and
// illegal (lone surrogates) both end up as '?'.
void countingSubstitute(const void *context, UConverterFromUnicodeArgs *args, const UChar *codeUnits, int32_t length,
                        UChar32 codePoint, UConverterCallbackReason reason, UErrorCode *status)
{
    if (reason == UCNV_UNASSIGNED || reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR) {
        auto *counter = static_cast<qint64 *>(const_cast<void *>(context));
        ++*counter;
    }
    UCNV_FROM_U_CALLBACK_SUBSTITUTE(nullptr, args, codeUnits, length, codePoint, reason, status);
}

} // namespace

TextEncoder::TextEncoder(const QByteArray &name)
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
    ucnv_setSubstChars(m_converter, "?", 1, &status);
    ucnv_setFromUCallBack(m_converter, countingSubstitute, &m_unmappable, nullptr, nullptr, &status);
    // Best-fit mappings would silently turn characters into look-alikes ("∞" -> "8").
    ucnv_setFallback(m_converter, false);
    if (U_SUCCESS(status))
        m_kind = Kind::Icu;
}

TextEncoder::~TextEncoder()
{
    if (m_converter)
        ucnv_close(m_converter);
}

QByteArray TextEncoder::bom() const
{
    switch (m_kind) {
    case Kind::Utf8:
        return QByteArrayLiteral("\xEF\xBB\xBF");
    case Kind::Utf16LE:
        return QByteArrayLiteral("\xFF\xFE");
    case Kind::Utf16BE:
        return QByteArrayLiteral("\xFE\xFF");
    default:
        return {};
    }
}

void TextEncoder::encode(QStringView text, QByteArray &out)
{
    switch (m_kind) {
    case Kind::Invalid:
        return;
    case Kind::Utf8:
        out.append(text.toUtf8());
        return;
    case Kind::Utf16LE:
    case Kind::Utf16BE: {
        if (text.isEmpty()) // its data() may be null, which memcpy must not get
            return;
        const qsizetype oldSize = out.size();
        out.resize(oldSize + text.size() * 2);
        if (m_kind == Kind::Utf16LE)
            qToLittleEndian<char16_t>(text.utf16(), text.size(), out.data() + oldSize);
        else
            qToBigEndian<char16_t>(text.utf16(), text.size(), out.data() + oldSize);
        return;
    }
    case Kind::Icu:
        break;
    }
    const UChar *source = reinterpret_cast<const UChar *>(text.utf16());
    const UChar *sourceLimit = source + text.size();
    qsizetype written = out.size();
    for (;;) {
        out.resize(written + (sourceLimit - source) * ucnv_getMaxCharSize(m_converter) + 16);
        char *target = out.data() + written;
        UErrorCode status = U_ZERO_ERROR;
        // No flush: a surrogate pair split between two calls must still join up.
        ucnv_fromUnicode(m_converter, &target, out.data() + out.size(), &source, sourceLimit, nullptr, false, &status);
        written = target - out.data();
        if (status != U_BUFFER_OVERFLOW_ERROR)
            break;
    }
    out.resize(written);
}

void TextEncoder::finish(QByteArray &out)
{
    if (m_kind != Kind::Icu)
        return;
    char buffer[16];
    char *target = buffer;
    const UChar *source = nullptr;
    UErrorCode status = U_ZERO_ERROR;
    ucnv_fromUnicode(m_converter, &target, buffer + sizeof(buffer), &source, source, nullptr, true, &status);
    out.append(buffer, target - buffer);
}

} // namespace gamix
