#include "Gzip.h"

#include <zlib.h>

namespace gamix::Gzip {

QByteArray compress(const QByteArray &data, int level)
{
    z_stream zs {};
    // windowBits 15 + 16: the largest window, wrapped as gzip rather than zlib.
    constexpr int kGzipWindowBits = 15 + 16;
    constexpr int kMemLevel = 8;
    if (deflateInit2(&zs, level, Z_DEFLATED, kGzipWindowBits, kMemLevel, Z_DEFAULT_STRATEGY) != Z_OK)
        return QByteArray();
    QByteArray out;
    out.resize(qsizetype(deflateBound(&zs, uLong(data.size()))));
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    // deflateBound leaves room for the whole stream, so one Z_FINISH call completes it.
    const int rc = deflate(&zs, Z_FINISH);
    const qsizetype written = qsizetype(zs.total_out);
    deflateEnd(&zs);
    if (rc != Z_STREAM_END)
        return QByteArray();
    out.truncate(written);
    return out;
}

} // namespace gamix::Gzip
