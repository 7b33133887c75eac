#pragma once
// Start-up of the desktop app: arguments, translations, the database, the main window.

namespace gamix {

int runDesktopApp(int argc, char *argv[]);

} // namespace gamix
