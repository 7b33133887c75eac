#pragma once
// gzip (RFC 1952) for HTTP bodies (DESIGN.md §4: "gzip where the client accepts it"),
// built on qCompress/qUncompress so gamix_core needs no zlib of its own: a gzip member is
// the same raw deflate stream as a zlib stream, with another header and a CRC-32 trailer.

#include <QByteArray>

namespace gamix::Gzip {

// level 1 (fastest) .. 9; sync bodies are large and compress well even at level 1.
// Decoding is the HTTP libraries' job (QNetworkAccessManager, cpp-httplib).
QByteArray compress(const QByteArray &data, int level = 1);
quint32 crc32(const QByteArray &data);

} // namespace gamix::Gzip
