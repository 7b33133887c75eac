// A self-signed gamix-server, as the desktop app meets it: the real server on loopback
// with a certificate made here by openssl (for another host name than 127.0.0.1, so
// only the explicit trust can make it pass); the first sync stops and asks, showing the
// certificate's SHA-256 fingerprint, subject and expiry; "Trust" remembers the
// certificate and the sync completes; the next app session syncs without asking; a
// server whose certificate differs from the remembered one asks again, saying it changed.
#include "../integration/tst_sync_kit.h"
#include "store/Store.h"
#include "sync/CertificateDialog.h"
#include "sync/SyncController.h"
#include "sync/TrustedCertificates.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gamix;

namespace {

const QString kPassword = QStringLiteral("пароль-анны");

bool makeCertificate(const QString &dir, const QString &name)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   dir + u'/' + name + QStringLiteral(".key"), QStringLiteral("-out"),
                   dir + u'/' + name + QStringLiteral(".pem"), QStringLiteral("-days"), QStringLiteral("30"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=gamix-%1.test/O=Gamix Test").arg(name)});
    return openssl.waitForFinished(60000) && openssl.exitCode() == 0;
}

// "AB:CD:…" computed here, independently of the dialog's code.
QString fingerprintOf(const QSslCertificate &c)
{
    const QByteArray hex = c.digest(QCryptographicHash::Sha256).toHex().toUpper();
    QString out;
    for (int i = 0; i < hex.size(); i += 2)
        out += (i ? QStringLiteral(":") : QString()) + QString::fromLatin1(hex.mid(i, 2));
    return out;
}

} // namespace

class TestSyncCertificate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        QVERIFY(makeCertificate(m_dir.path(), QStringLiteral("one")));
        QVERIFY(makeCertificate(m_dir.path(), QStringLiteral("two")));
        m_one = QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("one.pem"))).value(0);
        m_two = QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("two.pem"))).value(0);
        QVERIFY(!m_one.isNull() && !m_two.isNull());
        const QStringList storage {QStringLiteral("--data"), m_dir.filePath(QStringLiteral("server.sqlite"))};
        QVERIFY(!synckit::addUser(storage, QStringLiteral("anna"), QStringLiteral("sales"), QStringLiteral("Москва"),
                                  kPassword)
                     .isEmpty());
        QVERIFY(m_server.start(storage, m_dir.filePath(QStringLiteral("server.log")),
                               {QStringLiteral("--tls-cert"), m_dir.filePath(QStringLiteral("one.pem")),
                                QStringLiteral("--tls-key"), m_dir.filePath(QStringLiteral("one.key"))}));
        m_url = QUrl(m_server.url(QStringLiteral("https")));
        QFile::remove(TrustedCertificates::filePath(m_url));
    }

    void untrustedCertificateIsShownThenTrusted()
    {
        Session s(m_dir.filePath(QStringLiteral("a.db")), m_url);
        QSignalSpy finished(s.sync.get(), &SyncController::syncFinished);
        s.sync->logIn(kPassword);
        CertificateDialog *d = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((d = s.window.findChild<CertificateDialog *>(QStringLiteral("certificateDialog")))
                                     && d->isVisible(),
                                 20000);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(d->findChild<QLabel *>(QStringLiteral("certificateFingerprint"))->text(), fingerprintOf(m_one));
        const QString subject = d->findChild<QLabel *>(QStringLiteral("certificateSubject"))->text();
        QVERIFY2(subject.contains(QStringLiteral("gamix-one.test")) && subject.contains(QStringLiteral("Gamix Test")),
                 qPrintable(subject));
        const QString expiry = d->findChild<QLabel *>(QStringLiteral("certificateExpiry"))->text();
        QVERIFY2(expiry.contains(QString::number(m_one.expiryDate().toLocalTime().date().year() % 100)),
                 qPrintable(expiry));
        QVERIFY(!expiry.contains(QStringLiteral("expired")));

        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("trustCertificate")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 2, 20000);
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
        QCOMPARE(TrustedCertificates::forServer(m_url), m_one);
    }

    void rememberedCertificateSyncsWithoutAsking()
    {
        Session s(m_dir.filePath(QStringLiteral("b.db")), m_url);
        QSignalSpy finished(s.sync.get(), &SyncController::syncFinished);
        QSignalSpy asked(s.sync.get(), &SyncController::certificateNotTrusted);
        s.sync->logIn(kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(asked.size(), 0);
        QVERIFY(!s.window.findChild<CertificateDialog *>());
    }

    void changedCertificateAsksAgain()
    {
        // The user once trusted another certificate for this server.
        QVERIFY(TrustedCertificates::trust(m_url, m_two));
        Session s(m_dir.filePath(QStringLiteral("c.db")), m_url);
        QSignalSpy finished(s.sync.get(), &SyncController::syncFinished);
        s.sync->logIn(kPassword);
        CertificateDialog *d = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((d = s.window.findChild<CertificateDialog *>(QStringLiteral("certificateDialog")))
                                     && d->isVisible(),
                                 20000);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(d->findChild<QLabel *>(QStringLiteral("certificateFingerprint"))->text(), fingerprintOf(m_one));
        bool saysChanged = false;
        for (const QLabel *l : d->findChildren<QLabel *>())
            saysChanged = saysChanged || l->text().contains(QStringLiteral("different certificate"));
        QVERIFY(saysChanged);
        // Cancel: nothing is trusted, nothing synced.
        d->reject();
        QCOMPARE(TrustedCertificates::forServer(m_url), m_two);
        QCOMPARE(finished.size(), 1);
    }

private:
    struct Session
    {
        Session(const QString &db, const QUrl &url)
        {
            Store store;
            QString error;
            QVERIFY2(store.open(db, &error), qPrintable(error)); // a new database file
            store.close();
            sync = std::make_unique<SyncController>(db);
            CertificateDialog::attach(sync.get(), &window);
            sync->setAccount(url, QStringLiteral("anna"));
        }
        QWidget window;
        std::unique_ptr<SyncController> sync;
    };

    QTemporaryDir m_dir;
    synckit::Server m_server;
    QUrl m_url;
    QSslCertificate m_one, m_two;
};

QTEST_MAIN(TestSyncCertificate)
#include "tst_sync_certificate.moc"
