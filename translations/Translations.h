#pragma once
// Installs Gamix's and Qt's translations for a language ("ru", "en"; empty = the system's).

#include <QString>

namespace gamix::i18n {

// Returns the language actually installed ("en" when none matched).
QString install(const QString &language = QString());
QStringList availableLanguages();

} // namespace gamix::i18n
