#pragma once
// The main window of the desktop app.

#include <QMainWindow>

namespace gamix {

class Store;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Store *store, QWidget *parent = nullptr);

private:
    Store *m_store;
};

} // namespace gamix
