#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace gamix::i18n {

namespace {
QTranslator *g_app = nullptr;
QTranslator *g_qt = nullptr;
} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("ru")};
}

QString install(const QString &requested)
{
    QString language = requested;
    if (language.isEmpty())
        language = QLocale::system().name().section(u'_', 0, 0);
    if (!availableLanguages().contains(language))
        language = QStringLiteral("en");
    for (QTranslator **t : {&g_app, &g_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    g_app = new QTranslator;
    if (g_app->load(QStringLiteral(":/i18n/gamix_") + language))
        QCoreApplication::installTranslator(g_app);
    g_qt = new QTranslator;
    if (g_qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(g_qt);
    QLocale::setDefault(QLocale(language == u"ru" ? QLocale::Russian : QLocale::English,
                                language == u"ru" ? QLocale::Russia : QLocale::UnitedStates));
    return language;
}

} // namespace gamix::i18n
