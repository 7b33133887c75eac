#pragma once
// Turns UTF-16 text into bytes of an output encoding for CsvWriter. UTF-8 and UTF-16 go
// through Qt; everything else (windows-1251 above all, which Qt 6.4 cannot write) through
// ICU, where a character the encoding lacks becomes '?' and is counted, so an export can
// tell the user how many characters it lost instead of failing halfway.

#include <QByteArray>
#include <QStringView>

struct UConverter;

namespace gamix {

class TextEncoder
{
public:
    // `name` as EncodingDetector::canonicalName returns it.
    explicit TextEncoder(const QByteArray &name);
    ~TextEncoder();
    TextEncoder(const TextEncoder &) = delete;
    TextEncoder &operator=(const TextEncoder &) = delete;

    bool isValid() const { return m_kind != Kind::Invalid; }
    // The byte order mark of this encoding (empty for single-byte code pages).
    QByteArray bom() const;
    void encode(QStringView text, QByteArray &out);
    // Ends the output: a lone high surrogate still pending becomes '?'.
    void finish(QByteArray &out);
    // Characters written as '?' so far.
    qint64 unmappableCount() const { return m_unmappable; }

private:
    enum class Kind { Invalid, Utf8, Utf16LE, Utf16BE, Icu };

    Kind m_kind = Kind::Invalid;
    UConverter *m_converter = nullptr;
    qint64 m_unmappable = 0;
};

} // namespace gamix
