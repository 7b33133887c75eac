#include "Application.h"

#include "MainWindow.h"
#include "ReminderService.h"
#include "Settings.h"
#include "Translations.h"
#include "store/DemoData.h"
#include "store/Store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStyleFactory>
#include <QTranslator>

namespace gamix {

QString uiLanguage()
{
    const QString chosen = Settings::instance().get(Settings::Key::Language).toString();
    if (!chosen.isEmpty())
        return chosen;
    return QLocale::system().language() == QLocale::Russian ? QStringLiteral("ru") : QStringLiteral("en");
}

void installTranslations(QCoreApplication *app, const QString &language)
{
    Q_UNUSED(app)
    // :/i18n/gamix_<lang>.qm and Qt's qtbase_<lang>; dates, numbers and money follow.
    i18n::install(language);
}

int runDesktopApp(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Gamix"));
    QApplication::setApplicationName(QStringLiteral("Gamix"));
    QApplication::setApplicationVersion(QStringLiteral(GAMIX_VERSION_STRING));
    QApplication::setDesktopFileName(QStringLiteral("org.gamix.Gamix"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/gamix.svg")));
    installTranslations(&app, uiLanguage());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("Application", "Gamix, a desktop CRM."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption dbOption(QStringLiteral("db"),
                                QApplication::translate("Application", "Open the database at PATH."),
                                QStringLiteral("PATH"));
    QCommandLineOption demoOption(QStringLiteral("demo"),
                                  QApplication::translate("Application", "Fill an empty database with demo data."));
    QCommandLineOption demoIfEmpty(
        QStringLiteral("demo-if-empty"),
        QApplication::translate("Application", "Fill demo data when the database has no contacts."));
    parser.addOption(dbOption);
    parser.addOption(demoOption);
    parser.addOption(demoIfEmpty);
    parser.process(app);

    const QString path = parser.isSet(dbOption) ? parser.value(dbOption) : Store::defaultPath();
    const bool fresh = !QFileInfo::exists(path);
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto store = std::make_unique<Store>();
    QString error;
    if (!store->open(path, &error)) {
        QMessageBox::critical(nullptr, QApplication::translate("Application", "Gamix"), error);
        return 1;
    }
    const EntityDef &contact = *Schema::instance().entity(u"contact");
    const bool empty = store->count(contact) == 0;
    bool fill = empty && (parser.isSet(demoOption) || parser.isSet(demoIfEmpty));
    if (!fill && fresh && empty) {
        // First run: offer the demo database; a user who declines starts empty.
        fill = QMessageBox::question(
                   nullptr, QApplication::translate("Application", "Welcome to Gamix"),
                   QApplication::translate("Application",
                                           "This is a new, empty database. Fill it with demo data "
                                           "(Russian companies, contacts, deals and tasks) to look around?"))
            == QMessageBox::Yes;
    }
    if (fill)
        DemoData::fill(*store);

    MainWindow window(store.get());
    ReminderService reminders(store.get());
    window.show();
    return app.exec();
}

} // namespace gamix
