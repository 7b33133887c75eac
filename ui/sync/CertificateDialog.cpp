#include "CertificateDialog.h"

#include "SyncController.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace gamix {

namespace {

QString joined(const QStringList &parts)
{
    return parts.join(QStringLiteral(", "));
}

QString describe(const QSslCertificate &c, bool subject)
{
    auto info = [&](QSslCertificate::SubjectInfo what) {
        return joined(subject ? c.subjectInfo(what) : c.issuerInfo(what));
    };
    QStringList parts;
    for (const auto what :
         {QSslCertificate::CommonName, QSslCertificate::Organization, QSslCertificate::OrganizationalUnitName,
          QSslCertificate::LocalityName, QSslCertificate::CountryName}) {
        const QString v = info(what);
        if (!v.isEmpty())
            parts << v;
    }
    return joined(parts);
}

QLabel *selectable(const QString &text, const char *name)
{
    auto *l = new QLabel(text);
    l->setObjectName(QLatin1String(name));
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setWordWrap(true);
    return l;
}

} // namespace

QString CertificateDialog::fingerprint(const QSslCertificate &certificate)
{
    const QByteArray hex = certificate.digest(QCryptographicHash::Sha256).toHex().toUpper();
    QStringList pairs;
    for (int i = 0; i + 1 < hex.size(); i += 2)
        pairs << QString::fromLatin1(hex.mid(i, 2));
    return pairs.join(u':');
}

CertificateDialog::CertificateDialog(const QString &server, const QSslCertificate &certificate, bool changed,
                                     QWidget *parent)
    : QDialog(parent)
    , m_certificate(certificate)
{
    setObjectName(QStringLiteral("certificateDialog"));
    setWindowTitle(tr("Untrusted server certificate"));
    auto *v = new QVBoxLayout(this);
    auto *intro = new QLabel(
        changed ? tr("The server %1 now presents a different certificate from the one you trusted before. "
                     "This is expected after the administrator renewed it; otherwise someone may be "
                     "intercepting the connection.")
                      .arg(server)
                : tr("The server %1 presented a certificate that this computer does not trust, for example a "
                     "self-signed one.")
                      .arg(server));
    intro->setWordWrap(true);
    v->addWidget(intro);
    auto *advice = new QLabel(tr("Trust it only if its fingerprint is the one your administrator gave you."));
    advice->setWordWrap(true);
    v->addWidget(advice);

    auto *form = new QFormLayout;
    form->addRow(tr("SHA-256 fingerprint:"), selectable(fingerprint(certificate), "certificateFingerprint"));
    form->addRow(tr("Issued to:"), selectable(describe(certificate, true), "certificateSubject"));
    form->addRow(tr("Issued by:"), selectable(describe(certificate, false), "certificateIssuer"));
    const QDateTime expiry = certificate.expiryDate();
    QString until = QLocale().toString(expiry.toLocalTime(), QLocale::ShortFormat);
    if (expiry < QDateTime::currentDateTimeUtc())
        until = tr("%1 (expired)").arg(until);
    form->addRow(tr("Valid until:"), selectable(until, "certificateExpiry"));
    v->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *trust = buttons->addButton(tr("&Trust this certificate"), QDialogButtonBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustCertificate"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true); // trusting is a deliberate act
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    v->addWidget(buttons);
}

void CertificateDialog::attach(SyncController *sync, QWidget *parent)
{
    connect(sync, &SyncController::certificateNotTrusted, parent,
            [sync, parent](const QSslCertificate &certificate, bool changed) {
                if (certificate.isNull() || parent->findChild<CertificateDialog *>(QStringLiteral("certificateDialog")))
                    return;
                QPointer<SyncController> guard(sync);
                auto *d = new CertificateDialog(sync->server().toDisplayString(), certificate, changed, parent);
                d->setAttribute(Qt::WA_DeleteOnClose);
                connect(d, &QDialog::accepted, sync, [guard, certificate] {
                    if (guard)
                        guard->trustCertificate(certificate);
                });
                d->open();
            });
}

} // namespace gamix
