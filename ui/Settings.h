#pragma once
// The one typed registry of the desktop app's settings (in the style of KeePassXC's
// Config): every key is an enum value with its QSettings name and default, so widgets
// never scatter string keys.

#include <QVariant>

class QSettings;

namespace gamix {

class Settings
{
public:
    enum class Key {
        WindowGeometry,
        WindowState,
        MainSplitter,
        LastSection,
        Language, // "" follows the system, else "en" / "ru"
        PhoneRegion,
        DemoOffered,
        SyncServer, // the sync server's URL; "" means sync is not set up
        SyncLogin, // the token itself lives in the OS keychain (SyncController), never here
    };

    static Settings &instance();

    QVariant get(Key key) const;
    void set(Key key, const QVariant &value);
    // Per-entity table layout (header state: order, widths, hidden columns, sort).
    QByteArray columns(const QString &entity) const;
    void setColumns(const QString &entity, const QByteArray &state);
    void sync();

private:
    Settings();
    ~Settings();
    QSettings *m_settings;
};

} // namespace gamix
