// gamix: the desktop app. Everything lives in gamix_ui; see ui/Application.h.
#include "Application.h"

int main(int argc, char *argv[])
{
    return gamix::runDesktopApp(argc, argv);
}
