// gamix-server: the sync hub (DESIGN.md §4).
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    err << "gamix-server: the sync server is not built yet" << Qt::endl;
    return 1;
}
