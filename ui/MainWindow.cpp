#include "MainWindow.h"

#include "store/Store.h"

#include <QLabel>

namespace gamix {

MainWindow::MainWindow(Store *store, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
{
    setWindowTitle(tr("Gamix"));
    setCentralWidget(new QLabel(tr("Contacts: %1").arg(m_store->count(*Schema::instance().entity(u"contact")))));
}

} // namespace gamix
