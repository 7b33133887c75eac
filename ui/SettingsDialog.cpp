#include "SettingsDialog.h"

#include "Settings.h"
#include "sync/SyncController.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>

namespace gamix {

SettingsDialog::SettingsDialog(QWidget *parent, SyncController *sync)
    : QDialog(parent)
    , m_sync(sync)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto *form = new QFormLayout(this);
    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Русский"), QStringLiteral("ru"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(Settings::instance().get(Settings::Key::Language))));
    form->addRow(tr("Language:"), m_language);
    form->addRow(new QLabel(tr("A new language applies when Gamix starts again.")));

    if (m_sync) {
        auto *box = new QGroupBox(tr("Sync account"));
        box->setObjectName(QStringLiteral("accountBox"));
        auto *account = new QFormLayout(box);
        m_server = new QLineEdit(Settings::instance().get(Settings::Key::SyncServer).toString());
        m_server->setObjectName(QStringLiteral("syncServer"));
        m_server->setPlaceholderText(QStringLiteral("https://crm.example.ru:8443"));
        account->addRow(tr("&Server:"), m_server);
        m_login = new QLineEdit(Settings::instance().get(Settings::Key::SyncLogin).toString());
        m_login->setObjectName(QStringLiteral("syncLogin"));
        account->addRow(tr("&Login:"), m_login);
        m_password = new QLineEdit;
        m_password->setObjectName(QStringLiteral("syncPassword"));
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setPlaceholderText(tr("only to log in again"));
        account->addRow(tr("&Password:"), m_password);
        auto *where = new QLabel(m_sync->tokenInMemoryOnly()
                                     ? tr("No keychain answered: the login is kept in memory until Gamix quits.")
                                     : tr("The password is not saved; the login is kept in the system keychain."));
        where->setObjectName(QStringLiteral("tokenStorage"));
        where->setWordWrap(true);
        account->addRow(where);
        auto *logOut = new QPushButton(tr("Log &out"));
        logOut->setObjectName(QStringLiteral("syncLogOut"));
        logOut->setEnabled(m_sync->isConfigured());
        connect(logOut, &QPushButton::clicked, m_sync, &SyncController::logOut);
        account->addRow(logOut);
        m_accountError = new QLabel;
        m_accountError->setObjectName(QStringLiteral("accountError"));
        m_accountError->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_accountError->hide();
        account->addRow(m_accountError);
        form->addRow(box);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    form->addRow(buttons);
}

void SettingsDialog::focusAccount()
{
    if (!m_server)
        return;
    QLineEdit *first = m_server->text().isEmpty() ? m_server : m_login->text().isEmpty() ? m_login : m_password;
    first->setFocus(Qt::OtherFocusReason);
}

void SettingsDialog::accept()
{
    if (m_sync) {
        const QString server = m_server->text().trimmed();
        const QUrl url = QUrl::fromUserInput(server);
        if (!server.isEmpty() && (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https"))) {
            m_accountError->setText(tr("The server address should look like https://crm.example.ru"));
            m_accountError->show();
            m_server->setFocus();
            return;
        }
        const QString login = m_login->text().trimmed();
        Settings &settings = Settings::instance();
        const bool changed = server != settings.get(Settings::Key::SyncServer).toString()
            || login != settings.get(Settings::Key::SyncLogin).toString();
        settings.set(Settings::Key::SyncServer, server);
        settings.set(Settings::Key::SyncLogin, login);
        // Also when the saved account is not the controller's yet (another window saved it).
        if (changed || !m_sync->isConfigured())
            m_sync->setAccount(server.isEmpty() ? QUrl() : url, login);
        if (m_sync->isConfigured()) {
            m_sync->start();
            // The password goes to the controller once; it exchanges it for a token.
            if (!m_password->text().isEmpty())
                m_sync->logIn(m_password->text());
        } else {
            m_sync->stop();
        }
        m_password->clear();
    }
    Settings::instance().set(Settings::Key::Language, m_language->currentData().toString());
    Settings::instance().sync();
    QDialog::accept();
}

} // namespace gamix
