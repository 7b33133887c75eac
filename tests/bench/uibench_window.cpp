// uibench_window: the real main window on a big database, offscreen.
//   uibench_window DB
// Prints the time from start to the contacts list painted with rows, to the full row
// count, the cost of scrolling the view from top to bottom page by page, of sorting by
// last name through the header, and the process's peak RSS (VmHWM).
#include "ListPage.h"
#include "MainWindow.h"
#include "RecordTableModel.h"
#include "store/Store.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>

#include "PeakRss.h"

#include <cstdio>

using namespace gamix;

namespace {

void waitLoaded(RecordTableModel *m)
{
    while (m->isLoading())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}
} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear(); // the default layout: contacts by last name
    if (app.arguments().size() < 2) {
        std::fprintf(stderr, "usage: uibench_window DB\n");
        return 2;
    }
    Store store;
    QString error;
    if (!store.open(app.arguments().at(1), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const double openMs = clock.nsecsElapsed() / 1e6;
    MainWindow window(&store);
    const double windowMs = clock.nsecsElapsed() / 1e6;
    window.setSection(MainWindow::Contacts);
    window.resize(1280, 800);
    window.show();
    ListPage *page = window.listPage(QStringLiteral("contact"));
    RecordTableModel *model = page->model();
    // What the event loop does first after show(): the expose and the first full paint.
    QCoreApplication::processEvents();
    const QPixmap first = window.grab(); // a full paint of the window with its first rows
    const double shownMs = clock.nsecsElapsed() / 1e6;
    const int rowsAtPaint = model->rowCount();
    QElapsedTimer again;
    again.start();
    window.grab();
    const double secondPaintMs = again.nsecsElapsed() / 1e6;
    waitLoaded(model);
    const double loadedMs = clock.nsecsElapsed() / 1e6;

    QElapsedTimer t;
    t.start();
    QScrollBar *bar = page->view()->verticalScrollBar();
    double worst = 0;
    int pages = 0;
    // Every 25th page: the whole table in 1/25 of the paints keeps the run short while
    // still reading every part of it (each page reads its own window).
    const int stride = qMax(1, bar->pageStep()) * (app.arguments().contains(QStringLiteral("--every-page")) ? 1 : 25);
    for (int v = 0; v <= bar->maximum(); v += stride) {
        QElapsedTimer step;
        step.start();
        bar->setValue(v);
        page->view()->viewport()->repaint();
        worst = qMax(worst, step.nsecsElapsed() / 1e6);
        ++pages;
    }
    const double scrollMs = t.nsecsElapsed() / 1e6;
    t.restart();
    const int lastNameColumn = int(model->columnFields().indexOf(model->entity().fieldIndex(u"last_name")));
    page->view()->sortByColumn(lastNameColumn, Qt::DescendingOrder);
    const double sortUiMs = t.nsecsElapsed() / 1e6;
    waitLoaded(model);
    const double sortMs = t.nsecsElapsed() / 1e6;
    page->view()->scrollToBottom();
    page->view()->viewport()->repaint();
    std::printf("contacts list painted with rows: %.0f ms after start (%d rows at first paint, %s)\n", shownMs,
                rowsAtPaint, first.isNull() ? "no pixmap" : "ok");
    std::printf("  (store open at %.0f ms, main window built at %.0f ms; a second full paint takes %.0f ms)\n", openMs,
                windowMs, secondPaintMs);
    std::printf("full row count (%d) known: %.0f ms after start\n", model->rowCount(), loadedMs);
    std::printf("scroll top to bottom: %d pages in %.0f ms, worst page %.1f ms\n", pages, scrollMs, worst);
    std::printf("sort by last name via header: UI thread %.1f ms, list ready %.0f ms\n", sortUiMs, sortMs);
    std::printf("peak RSS (VmHWM): %.1f MB\n", bench::peakRssKb() / 1024.0);
    return 0;
}
