#pragma once
// Turns a byte stream in a known encoding into UTF-16, chunk by chunk, carrying a
// multi-byte sequence cut at a chunk end over to the next chunk. Single-byte code pages
// (windows-1251, KOI8-R...) go through a 256-entry table built once from ICU's converter,
// which is several times faster than calling ucnv per chunk; UTF-8 uses Qt's SIMD decoder;
// anything else ICU's ucnv. Qt 6.4 alone cannot decode windows-1251 at all.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>
#include <memory>

struct UConverter;

namespace gamix {

class TextDecoder
{
public:
    // `name` as returned by EncodingDetector::canonicalName. In strict mode decoding stops
    // at the first byte that is not valid text; otherwise such bytes become U+FFFD.
    TextDecoder(const QByteArray &name, bool strict);
    ~TextDecoder();
    TextDecoder(const TextDecoder &) = delete;
    TextDecoder &operator=(const TextDecoder &) = delete;

    bool isValid() const { return m_kind != Kind::Invalid; }

    // Appends the text of `data` to `out`. `last` says no more bytes follow, so a cut
    // sequence is an error. Returns false at a bad byte (strict mode): `out` then ends
    // with the text before it, and errorByteOffset() tells where it was.
    bool decode(QByteArrayView data, QString &out, bool last);

    bool hasError() const { return m_error; }
    // Offset of the first bad byte from the start of everything passed to decode().
    qint64 errorByteOffset() const { return m_errorOffset; }

private:
    enum class Kind { Invalid, Table, Utf8, Utf16LE, Utf16BE, Icu };

    bool decodeTable(QByteArrayView data, QString &out);
    bool decodeUtf8(QByteArrayView data, QString &out, bool last);
    bool decodeUtf16(QByteArrayView data, QString &out, bool last);
    bool decodeIcu(QByteArrayView data, QString &out, bool last);
    bool fail(qint64 offsetInChunk);

    Kind m_kind = Kind::Invalid;
    bool m_strict = true;
    bool m_error = false;
    qint64 m_errorOffset = -1;
    qint64 m_consumed = 0; // bytes passed to decode() before the current call
    QByteArray m_carry; // start of a multi-byte sequence cut at the last chunk end
    std::array<char16_t, 256> m_table {};
    std::array<bool, 256> m_tableValid {};
    bool m_tableComplete = false; // every byte value is valid text
    UConverter *m_converter = nullptr;
};

} // namespace gamix
