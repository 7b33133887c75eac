#pragma once
// The sync state in the main window's status bar ("Online · last sync 14:05 · 2 conflicts",
// objectName "syncStatus"), its links to the conflicts and the account, the password
// prompt when the controller needs a login (one at a time, not a nested event loop), and
// the Sync now action enabled only when a sync can start. MainWindow owns one.

#include <QLabel>

class QAction;
class QMainWindow;

namespace gamix {

class SyncController;

class SyncStatusLabel : public QLabel
{
    Q_OBJECT
public:
    SyncStatusLabel(SyncController *sync, QMainWindow *window);

    // The action enabled only while a sync can start (Sync › Sync now).
    void setSyncAction(QAction *syncNow);

public slots:
    void updateStatus();

signals:
    void conflictsRequested();
    void accountRequested();

private:
    void askPassword(const QString &reason);

    SyncController *m_sync;
    QMainWindow *m_window;
    QAction *m_syncNow = nullptr;
};

} // namespace gamix
