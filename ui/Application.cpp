#include "Application.h"

#include "MainWindow.h"
#include "store/Store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

namespace gamix {

int runDesktopApp(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Gamix"));
    QApplication::setApplicationName(QStringLiteral("Gamix"));
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption dbOption(QStringLiteral("db"), QApplication::translate("Application", "Open the database at PATH."),
                                QStringLiteral("PATH"));
    parser.addOption(dbOption);
    parser.process(app);

    auto store = std::make_unique<Store>();
    QString error;
    const QString path = parser.isSet(dbOption) ? parser.value(dbOption) : Store::defaultPath();
    if (!store->open(path, &error)) {
        QMessageBox::critical(nullptr, QApplication::translate("Application", "Gamix"), error);
        return 1;
    }
    MainWindow window(store.get());
    window.show();
    return app.exec();
}

} // namespace gamix
