#pragma once
// Preferences: the UI language (system, English, Russian; applies on restart) and, with a
// SyncController, the sync account: server URL and login (kept in Settings) and a
// password used once to log in. The token the server answers with is kept by the
// controller in the OS keychain; neither password nor token is ever written to QSettings.

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gamix {

class SyncController;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr, SyncController *sync = nullptr);
    // Puts the cursor in the account fields (Sync > Account…).
    void focusAccount();
    void accept() override;

private:
    QComboBox *m_language;
    SyncController *m_sync;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_accountError = nullptr;
};

} // namespace gamix
