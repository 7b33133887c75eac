// gamix-cli: see core/cli/CliApp.h and DESIGN.md §5.
#include "Translations.h"
#include "cli/CliApp.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Gamix"));
    QCoreApplication::setApplicationName(QStringLiteral("Gamix"));
    gamix::i18n::install(); // messages in the user's language (English unless the locale says otherwise)
    QTextStream out(stdout);
    QTextStream err(stderr);
    out.setEncoding(QStringConverter::Utf8);
    err.setEncoding(QStringConverter::Utf8);
    gamix::CliApp cli(out, err);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    const int code = cli.run(args);
    out.flush();
    err.flush();
    return code;
}
