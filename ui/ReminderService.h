#pragma once
// Task reminders as desktop notifications: a timer looks for tasks whose remind_at has
// come since the last look and shows them through the system tray. Without a tray
// (some desktops, offscreen tests) it stays silent.

#include <QDateTime>
#include <QObject>

class QSystemTrayIcon;
class QTimer;

namespace gamix {

class Store;

class ReminderService : public QObject
{
    Q_OBJECT
public:
    explicit ReminderService(Store *store, QObject *parent = nullptr);
    // Returns the task ids whose reminders came between the last check and `now`.
    QStringList check(const QDateTime &now = QDateTime::currentDateTimeUtc());

signals:
    void reminded(const QString &taskId, const QString &title);

private:
    Store *m_store;
    QTimer *m_timer;
    QSystemTrayIcon *m_tray = nullptr;
    QDateTime m_last;
};

} // namespace gamix
