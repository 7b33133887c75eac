#include "Settings.h"

#include <QSettings>

namespace gamix {

namespace {

struct KeyDef
{
    const char *name;
    QVariant defaultValue;
};

KeyDef keyDef(Settings::Key key)
{
    using K = Settings::Key;
    switch (key) {
    case K::WindowGeometry:
        return {"GUI/WindowGeometry", QByteArray()};
    case K::WindowState:
        return {"GUI/WindowState", QByteArray()};
    case K::MainSplitter:
        return {"GUI/MainSplitter", QByteArray()};
    case K::LastSection:
        return {"GUI/LastSection", 0};
    case K::Language:
        return {"GUI/Language", QString()};
    case K::PhoneRegion:
        return {"Data/PhoneRegion", QStringLiteral("RU")};
    case K::DemoOffered:
        return {"Data/DemoOffered", false};
    case K::SyncServer:
        return {"Sync/Server", QString()};
    case K::SyncLogin:
        return {"Sync/Login", QString()};
    }
    return {"", QVariant()};
}

} // namespace

Settings &Settings::instance()
{
    static Settings settings;
    return settings;
}

Settings::Settings()
    : m_settings(new QSettings)
{ }

Settings::~Settings()
{
    delete m_settings;
}

QVariant Settings::get(Key key) const
{
    const KeyDef d = keyDef(key);
    return m_settings->value(QLatin1String(d.name), d.defaultValue);
}

void Settings::set(Key key, const QVariant &value)
{
    const KeyDef d = keyDef(key);
    if (value == d.defaultValue)
        m_settings->remove(QLatin1String(d.name));
    else
        m_settings->setValue(QLatin1String(d.name), value);
}

QByteArray Settings::columns(const QString &entity) const
{
    return m_settings->value(QStringLiteral("Columns/") + entity).toByteArray();
}

void Settings::setColumns(const QString &entity, const QByteArray &state)
{
    m_settings->setValue(QStringLiteral("Columns/") + entity, state);
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace gamix
