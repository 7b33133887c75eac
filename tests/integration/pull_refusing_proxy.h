#pragma once
// For the sync process tests: a network that fails a client right after its push. It
// forwards every request to a server on loopback but answers each pull 503, so a client's
// sync pushes and then fails, as when a laptop loses the connection between the two.

#include <QSemaphore>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <atomic>

namespace synckit {

// Runs in its own thread: the tests wait for gamix-cli blocking.
class PullRefusingProxy : public QThread
{
public:
    explicit PullRefusingProxy(int target)
        : m_target(quint16(target))
    {
        start();
        m_ready.acquire();
    }
    ~PullRefusingProxy() override
    {
        quit();
        wait();
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:") + QString::number(m_port); }

protected:
    void run() override
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        m_port = server.serverPort();
        QObject::connect(&server, &QTcpServer::newConnection, &server, [&server, this] {
            while (QTcpSocket *in = server.nextPendingConnection()) {
                auto *out = new QTcpSocket(in);
                out->connectToHost(QHostAddress::LocalHost, m_target);
                out->waitForConnected(10000);
                QObject::connect(in, &QTcpSocket::readyRead, in, [in, out] {
                    const QByteArray data = in->readAll();
                    if (data.startsWith("GET /v1/pull")) {
                        const QByteArray body = "{\"error\":\"unavailable\",\"message\":\"the network dropped\"}";
                        in->write(
                            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: "
                            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                        in->disconnectFromHost();
                        return;
                    }
                    out->write(data);
                });
                QObject::connect(out, &QTcpSocket::readyRead, in, [in, out] { in->write(out->readAll()); });
                QObject::connect(out, &QTcpSocket::disconnected, in, &QTcpSocket::disconnectFromHost);
                QObject::connect(in, &QTcpSocket::disconnected, in, &QObject::deleteLater);
            }
        });
        m_ready.release();
        exec();
    }

private:
    const quint16 m_target;
    std::atomic<int> m_port {0};
    QSemaphore m_ready;
};

} // namespace synckit
