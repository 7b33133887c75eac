#pragma once
// Start-up of the desktop app: arguments (--db PATH, --demo, --demo-if-empty),
// translations, the database, the demo data on first run, the main window.

#include <QString>

class QCoreApplication;

namespace gamix {

int runDesktopApp(int argc, char *argv[]);
// "ru" or "en": the chosen language, else the system's.
QString uiLanguage();
// Loads :/i18n/gamix_<language>.qm and Qt's own qtbase_<language>, and sets the locale.
void installTranslations(QCoreApplication *app, const QString &language);

} // namespace gamix
