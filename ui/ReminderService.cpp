#include "ReminderService.h"

#include "schema/FieldCodec.h"
#include "store/ListModelQueries.h"
#include "store/Store.h"

#include <QGuiApplication>
#include <QSystemTrayIcon>
#include <QTimer>

namespace gamix {

ReminderService::ReminderService(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_timer(new QTimer(this))
    , m_last(QDateTime::currentDateTimeUtc())
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QGuiApplication::windowIcon(), this);
        m_tray->setToolTip(tr("Gamix"));
        m_tray->show();
    }
    m_timer->setInterval(30 * 1000);
    connect(m_timer, &QTimer::timeout, this, [this] { check(); });
    m_timer->start();
}

QStringList ReminderService::check(const QDateTime &now)
{
    const QStringList ids
        = ListModelQueries::dueReminders(m_store->db(), FieldCodec::toIsoUtc(m_last), FieldCodec::toIsoUtc(now));
    m_last = now;
    const EntityDef &task = *Schema::instance().entity(u"task");
    for (const QString &id : ids) {
        const Record t = m_store->get(task, id);
        if (m_tray)
            m_tray->showMessage(tr("Reminder"), t.displayName(), QSystemTrayIcon::Information, 15000);
        emit reminded(id, t.displayName());
    }
    return ids;
}

} // namespace gamix
