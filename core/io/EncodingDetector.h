#pragma once
// Guesses the text encoding of a CSV file from its first bytes. BOMs decide first; then
// valid UTF-8 wins; then a Cyrillic heuristic picks windows-1251 or KOI8-R, because ICU's
// statistical detector is unreliable on short Russian files (a header and two rows);
// anything else is left to ICU's ucsdet.

#include <QByteArray>
#include <QByteArrayView>

namespace gamix {

struct DetectedEncoding
{
    QByteArray name; // canonical lower-case name: "utf-8", "windows-1251", ...
    int bomLength = 0; // bytes of BOM at the start of the data (0 if none)
};

class EncodingDetector
{
public:
    // `sample` is the start of the data; `complete` says it is the whole file, so a
    // multi-byte sequence cut at the end of the sample is an error rather than a cut.
    static DetectedEncoding detect(QByteArrayView sample, bool complete);

    // The BOM of a known Unicode encoding at the start of `data`, or an empty result.
    static DetectedEncoding detectBom(QByteArrayView data);

    // A user-given name ("CP1251", "utf8", "koi8r") as the canonical lower-case name we
    // report, or empty if neither Qt nor ICU knows it.
    static QByteArray canonicalName(const QByteArray &name);

    // Is `data` valid UTF-8? A sequence cut at the very end counts as valid unless
    // `complete`. Returns the offset of the first bad byte in *badOffset when given.
    static bool isValidUtf8(QByteArrayView data, bool complete, qsizetype *badOffset = nullptr);

    // For the Cyrillic heuristic: how much more `data` looks like Russian text in
    // windows-1251 than in KOI8-R (positive: 1251). Exposed for the tests.
    static double cp1251OverKoi8Score(QByteArrayView data);
};

} // namespace gamix
