#pragma once
// The one way a sync request to a Gamix server is built (DESIGN.md §4): the path under the
// server's base URL, the protocol/schema/site headers, the bearer token, the transfer
// timeout, HTTP/1.1 only, and extra CA certificates to trust. A push asks for the compact
// answer ("X-Gamix-Answer: refusals": only the records with a refused field). Used by the client
// (SyncClient) and by an office server towards its upstream (UpstreamRelay).

#include "store/Clock.h"

#include <QList>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QUrl>

namespace gamix {

struct SyncRequestOptions
{
    QUrl server; // base URL; its path is kept as a prefix
    SiteId site; // this replica's id (X-Gamix-Site)
    QString token; // bearer token; empty: no Authorization header
    bool jsonBody = false; // sets Content-Type: application/json
    QList<QSslCertificate> caCertificates;
};

// `path` is relative to the server and may carry a query ("/v1/pull?since=3").
QNetworkRequest makeSyncRequest(const SyncRequestOptions &options, const QString &path);

} // namespace gamix
