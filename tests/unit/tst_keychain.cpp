// The login token in a real secret service through QtKeychain (TokenStore): stored by one
// instance, read back by another, deleted. CI runs the suite under dbus-run-session with
// an unlocked gnome-keyring; without a session bus there is no keychain to test.

#include "sync/TokenStore.h"

#include <QSignalSpy>
#include <QUuid>
#include <QtTest>

using namespace gamix;

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session bus (run under dbus-run-session with gnome-keyring unlocked)");
    }

    void storeReadDelete()
    {
        const QUrl server(QStringLiteral("https://crm.example.ru:8443/"));
        const QString login = QStringLiteral("тест-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        const QString key = TokenStore::keyFor(server, login);
        QCOMPARE(key, QStringLiteral("https://crm.example.ru:8443 ") + login);
        const QString token = QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90");
        {
            TokenStore writer;
            QSignalSpy written(&writer, &TokenStore::writeFinished);
            writer.write(key, token);
            QVERIFY(written.count() == 1 || written.wait(10000));
            QVERIFY2(written.at(0).at(0).toBool(), qPrintable(written.at(0).at(1).toString()));
        }
        {
            TokenStore reader; // another instance: the value comes from the secret service
            QSignalSpy read(&reader, &TokenStore::readFinished);
            reader.read(key);
            QVERIFY(read.count() == 1 || read.wait(10000));
            QVERIFY2(read.at(0).at(0).toBool(), qPrintable(read.at(0).at(2).toString()));
            QCOMPARE(read.at(0).at(1).toString(), token);
        }
        {
            TokenStore remover;
            QSignalSpy removed(&remover, &TokenStore::removeFinished);
            remover.remove(key);
            QVERIFY(removed.count() == 1 || removed.wait(10000));
            QVERIFY(removed.at(0).at(0).toBool());
            QSignalSpy read(&remover, &TokenStore::readFinished);
            remover.read(key);
            QVERIFY(read.count() == 1 || read.wait(10000));
            QVERIFY(read.at(0).at(0).toBool());
            QVERIFY(read.at(0).at(1).toString().isEmpty()); // gone
        }
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
