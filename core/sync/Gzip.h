#pragma once
// gzip (RFC 1952) for HTTP bodies (DESIGN.md §4: "gzip where the client accepts it"),
// written by zlib itself (deflateInit2 with the gzip wrapper), the library the HTTP stacks
// on both ends already use to decode it.

#include <QByteArray>

namespace gamix::Gzip {

// level 1 (fastest) .. 9; sync bodies are large and compress well even at level 1.
// Returns an empty array when zlib fails (out of memory). Decoding is the HTTP libraries'
// job (QNetworkAccessManager, cpp-httplib).
QByteArray compress(const QByteArray &data, int level = 1);

} // namespace gamix::Gzip
