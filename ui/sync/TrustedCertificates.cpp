#include "TrustedCertificates.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace gamix::TrustedCertificates {

QString filePath(const QUrl &server)
{
    const int port = server.port(server.scheme() == u"https" ? 443 : 80);
    QString host = server.host().toLower();
    // IPv6 colons and anything else unsafe in a file name.
    for (QChar &c : host) {
        if (!c.isLetterOrNumber() && c != u'.' && c != u'-')
            c = u'_';
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/trusted-certificates/%1_%2.pem").arg(host).arg(port);
}

QSslCertificate forServer(const QUrl &server)
{
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(filePath(server), QSsl::Pem);
    return certs.isEmpty() ? QSslCertificate() : certs.first();
}

bool trust(const QUrl &server, const QSslCertificate &certificate)
{
    const QString path = filePath(server);
    if (certificate.isNull() || !QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(certificate.toPem());
    return f.commit();
}

} // namespace gamix::TrustedCertificates
