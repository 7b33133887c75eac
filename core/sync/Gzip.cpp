#include "Gzip.h"

#include <QtEndian>

#include <array>

namespace gamix::Gzip {

namespace {

std::array<quint32, 256> makeTable()
{
    std::array<quint32, 256> t {};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        t[i] = c;
    }
    return t;
}

// qCompress: 4-byte big-endian length, then a zlib stream: 2 header bytes, raw deflate,
// 4 bytes of Adler-32.
constexpr int kQtLength = 4;
constexpr int kZlibHeader = 2;
constexpr int kZlibTrailer = 4;

} // namespace

quint32 crc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = makeTable();
    quint32 c = 0xFFFFFFFFu;
    const uchar *p = reinterpret_cast<const uchar *>(data.constData());
    for (qsizetype i = 0, n = data.size(); i < n; ++i)
        c = table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

QByteArray compress(const QByteArray &data, int level)
{
    const QByteArray z = qCompress(data, level);
    const qsizetype deflateSize = z.size() - kQtLength - kZlibHeader - kZlibTrailer;
    if (deflateSize <= 0)
        return QByteArray();
    QByteArray out;
    out.reserve(10 + deflateSize + 8);
    // ID1 ID2 CM=deflate FLG=0 MTIME=0 XFL=0 OS=unknown
    static const char header[10] = {'\x1f', '\x8b', 8, 0, 0, 0, 0, 0, 0, '\xff'};
    out.append(header, sizeof header);
    out.append(z.constData() + kQtLength + kZlibHeader, deflateSize);
    char trailer[8];
    qToLittleEndian<quint32>(crc32(data), trailer);
    qToLittleEndian<quint32>(quint32(data.size()), trailer + 4);
    out.append(trailer, sizeof trailer);
    return out;
}

} // namespace gamix::Gzip
