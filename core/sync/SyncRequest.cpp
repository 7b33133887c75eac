#include "SyncRequest.h"

#include "schema/Schema.h"

#include <QSslConfiguration>

namespace gamix {

namespace {

constexpr int kTransferTimeoutMs = 120 * 1000;

} // namespace

QNetworkRequest makeSyncRequest(const SyncRequestOptions &options, const QString &path)
{
    QUrl url = options.server;
    const int q = int(path.indexOf(u'?'));
    QString base = url.path();
    if (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + (q < 0 ? path : path.left(q)));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest req(url);
    req.setRawHeader("X-Gamix-Protocol", "1");
    req.setRawHeader("X-Gamix-Schema", QByteArray::number(Schema::version));
    req.setRawHeader("X-Gamix-Site", Clock {0, options.site}.siteHex().toLatin1());
    // A push is answered with the refused records only (SyncService::push): SyncEngine reads
    // nothing else of the answer, and the v1 answer lists every field of every record.
    if (url.path().endsWith(QLatin1String("/v1/push")))
        req.setRawHeader("X-Gamix-Answer", "refusals");
    if (!options.token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + options.token.toLatin1());
    if (options.jsonBody)
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setTransferTimeout(kTransferTimeoutMs);
    // cpp-httplib speaks HTTP/1.1; skip the HTTP/2 negotiation.
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (url.scheme() == u"https" && !options.caCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(options.caCertificates);
        req.setSslConfiguration(tls);
    }
    return req;
}

} // namespace gamix
