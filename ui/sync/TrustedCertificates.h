#pragma once
// Server certificates the user trusted explicitly in the app (CertificateDialog), one per
// server (scheme, host and port), kept as PEM files in the app's data directory: a
// certificate is public, nothing secret is stored. A server that later presents another
// certificate is asked about again, and trusting that one replaces the file.

#include <QSslCertificate>
#include <QUrl>

namespace gamix::TrustedCertificates {

// The trusted certificate of this server; null when none.
QSslCertificate forServer(const QUrl &server);
bool trust(const QUrl &server, const QSslCertificate &certificate);
// The file a server's certificate is kept in.
QString filePath(const QUrl &server);

} // namespace gamix::TrustedCertificates
