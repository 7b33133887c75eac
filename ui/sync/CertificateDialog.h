#pragma once
// Asks the user whether to trust a server certificate that this computer does not trust
// (a self-signed gamix-server, issue 5 "Client"): shows its SHA-256 fingerprint (to
// compare with the one the administrator gives out), subject, issuer and validity, and
// says so when the server's certificate changed since it was trusted. "Trust" hands it to
// SyncController::trustCertificate(), which remembers it and syncs.
//
// objectNames for the GUI tests: certificateDialog, certificateFingerprint,
// certificateSubject, certificateExpiry, trustCertificate.

#include <QDialog>
#include <QSslCertificate>

namespace gamix {

class SyncController;

class CertificateDialog : public QDialog
{
    Q_OBJECT
public:
    CertificateDialog(const QString &server, const QSslCertificate &certificate, bool changed,
                      QWidget *parent = nullptr);

    QSslCertificate certificate() const { return m_certificate; }
    // "AB:CD:…", 32 pairs.
    static QString fingerprint(const QSslCertificate &certificate);

    // Shows the dialog (one at a time, not modal to the app) whenever `sync` meets an
    // untrusted certificate; trusting it calls sync->trustCertificate().
    static void attach(SyncController *sync, QWidget *parent);

private:
    QSslCertificate m_certificate;
};

} // namespace gamix
