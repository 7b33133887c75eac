#include "HttpFrontend.h"

#include "sync/Gzip.h"

#include <httplib.h>

#include <cstdio>
#include <memory>

namespace gamix {

namespace {

constexpr size_t kMaxBody = 64 * 1024 * 1024;

void serve(SyncService &service, const httplib::Request &req, httplib::Response &res)
{
    HttpRequest r;
    r.method = QByteArray::fromStdString(req.method);
    r.path = QString::fromStdString(req.path);
    for (const auto &[k, v] : req.params)
        r.query.insert(QString::fromStdString(k), QString::fromStdString(v));
    for (const auto &[k, v] : req.headers)
        r.headers.insert(QByteArray::fromStdString(k).toLower(), QByteArray::fromStdString(v));
    r.body = QByteArray::fromStdString(req.body);
    r.remoteAddr = QString::fromStdString(req.remote_addr);
    const HttpResponse out = service.handle(r);
    res.status = out.status;
    for (const auto &[k, v] : out.headers)
        res.set_header(k.toStdString(), v.toStdString());
    if (out.body.isEmpty() && out.status == 204)
        return;
    // We compress, at zlib's fastest level: the library's own choice is brotli at its
    // slowest level (40 s for a 20,000-record pull). A content type with a charset
    // parameter keeps cpp-httplib from compressing again. gzip where the client accepts
    // it (DESIGN.md §4; QNetworkAccessManager sends "gzip, deflate"), deflate for a client
    // that only takes that, and plain bytes for one that sends no Accept-Encoding.
    // Compressed request bodies (Content-Encoding: gzip) are decoded by cpp-httplib.
    QByteArray type = out.contentType;
    if (!type.contains("charset"))
        type += "; charset=utf-8";
    const QByteArray accept = r.headers.value("accept-encoding");
    if (out.body.size() > 1024 && accept.contains("gzip")) {
        const QByteArray z = Gzip::compress(out.body, 1);
        res.set_header("Content-Encoding", "gzip");
        res.set_content(z.constData(), size_t(z.size()), type.toStdString());
        return;
    }
    if (out.body.size() > 1024 && accept.contains("deflate")) {
        // qCompress = 4-byte length + a zlib stream, and HTTP's "deflate" is a zlib stream.
        const QByteArray z = qCompress(out.body, 1).mid(4);
        res.set_header("Content-Encoding", "deflate");
        res.set_content(z.constData(), size_t(z.size()), type.toStdString());
        return;
    }
    res.set_content(out.body.toStdString(), type.toStdString());
}

} // namespace

int runHttpFrontend(SyncService &service, const QString &host, int port, const QString &tlsCert, const QString &tlsKey)
{
    std::unique_ptr<httplib::Server> server;
    if (!tlsCert.isEmpty()) {
        auto tls
            = std::make_unique<httplib::SSLServer>(tlsCert.toLocal8Bit().constData(), tlsKey.toLocal8Bit().constData());
        if (!tls->is_valid()) {
            std::fprintf(stderr, "gamix-server: cannot load the TLS certificate or key\n");
            return 1;
        }
        server = std::move(tls);
    } else {
        server = std::make_unique<httplib::Server>();
    }
    server->set_payload_max_length(kMaxBody);
    // Headers and body leave in separate writes: without TCP_NODELAY, Nagle plus the
    // peer's delayed ACK adds ~40 ms to every small answer.
    server->set_tcp_nodelay(true);
    server->set_read_timeout(30, 0);
    server->set_write_timeout(30, 0);
    server->set_keep_alive_timeout(30);
    // The library closes a connection after 5 requests by default: a 100k sync is ~50
    // requests, and every reconnect is a new TLS handshake (a few ms each, more on a busy
    // machine), also in the middle of a one-edit round trip.
    server->set_keep_alive_max_count(10000);
    auto handler = [&service](const httplib::Request &req, httplib::Response &res) {
        serve(service, req, res);
    };
    server->Get(".*", handler);
    server->Post(".*", handler);
    server->Options(".*", handler);
    server->Put(".*", handler);
    server->Delete(".*", handler);
    server->set_exception_handler([](const httplib::Request &, httplib::Response &res, std::exception_ptr) {
        res.status = 500;
        res.set_content("{\"error\":\"internal\",\"message\":\"the server failed; see its log\"}", "application/json");
    });
    server->set_logger([](const httplib::Request &req, const httplib::Response &res) {
        std::fprintf(stderr, "%s %s %s %d\n", req.remote_addr.c_str(), req.method.c_str(), req.path.c_str(),
                     res.status);
    });
    const std::string h = host.toStdString();
    int bound = port;
    if (port == 0) {
        bound = server->bind_to_any_port(h);
    } else if (!server->bind_to_port(h, port)) {
        bound = -1;
    }
    if (bound <= 0) {
        std::fprintf(stderr, "gamix-server: cannot listen on %s:%d\n", h.c_str(), port);
        return 1;
    }
    std::printf("listening on %s:%d\n", h.c_str(), bound);
    std::fflush(stdout);
    return server->listen_after_bind() ? 0 : 1;
}

} // namespace gamix
