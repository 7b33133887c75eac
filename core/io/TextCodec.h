#pragma once
// Which converter serves an encoding name, shared by TextDecoder and TextEncoder: the three
// Unicode forms go through Qt's own code (SIMD, no ICU call per chunk), every other name
// through an ICU converter.

#include <QByteArray>

struct UConverter;

namespace gamix::TextCodec {

enum class Form { Other, Utf8, Utf16LE, Utf16BE };

// "utf-8", "utf-16le" (plain "utf-16" too: Windows writes little-endian) and "utf-16be".
Form unicodeForm(const QByteArray &name);

// An ICU converter for `name`, or null when ICU does not know it; the caller closes it.
UConverter *openIcu(const QByteArray &name);

} // namespace gamix::TextCodec
