#pragma once
// Preferences: the UI language (system, English, Russian). A change applies on restart.

#include <QDialog>

class QComboBox;

namespace gamix {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    void accept() override;

private:
    QComboBox *m_language;
};

} // namespace gamix
