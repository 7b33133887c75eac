#include "SyncStatusLabel.h"

#include "Settings.h"
#include "sync/SyncController.h"

#include <QAction>
#include <QCoreApplication>
#include <QDateTime>
#include <QInputDialog>
#include <QLocale>
#include <QMainWindow>

#include <algorithm>
#include <climits>

namespace gamix {

// The texts were the main window's: they keep its translation context (gamix::MainWindow, as tr() there).
SyncStatusLabel::SyncStatusLabel(SyncController *sync, QMainWindow *window)
    : QLabel(window)
    , m_sync(sync)
    , m_window(window)
{
    setObjectName(QStringLiteral("syncStatus"));
    connect(m_sync, &SyncController::stateChanged, this, &SyncStatusLabel::updateStatus);
    connect(m_sync, &SyncController::passwordNeeded, this, &SyncStatusLabel::askPassword);
    connect(this, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == u"conflicts")
            emit conflictsRequested();
        else if (link == u"account")
            emit accountRequested();
    });
}

void SyncStatusLabel::setSyncAction(QAction *syncNow)
{
    m_syncNow = syncNow;
    updateStatus();
}

void SyncStatusLabel::updateStatus()
{
    QStringList parts;
    if (!m_sync->isConfigured()) {
        parts << QCoreApplication::translate("gamix::MainWindow", "Sync is off (<a href=\"account\">set up</a>)");
    } else if (m_sync->isSyncing()) {
        parts << QCoreApplication::translate("gamix::MainWindow", "Syncing…");
    } else {
        parts << (m_sync->isOnline() ? QCoreApplication::translate("gamix::MainWindow", "Online")
                                     : QCoreApplication::translate("gamix::MainWindow", "Offline"));
        const QDateTime last = m_sync->lastSync();
        const QString when = !last.isValid()      ? QString()
            : last.date() == QDate::currentDate() ? QLocale().toString(last.time(), QLocale::ShortFormat)
                                                  : QLocale().toString(last, QLocale::ShortFormat);
        parts << (last.isValid() ? QCoreApplication::translate("gamix::MainWindow", "last sync %1").arg(when)
                                 : QCoreApplication::translate("gamix::MainWindow", "not synced yet"));
        if (m_sync->tokenInMemoryOnly())
            parts << QCoreApplication::translate("gamix::MainWindow", "no keychain: login kept until Gamix quits");
    }
    // The count is computed apart: lupdate 6.4 loops forever on `qMin<qint64>(…)` among
    // translate()'s arguments.
    const int pending = int(std::min<qint64>(m_sync->pendingChanges(), INT_MAX));
    if (pending > 0)
        parts << QCoreApplication::translate("gamix::MainWindow", "%n change(s) to send", nullptr, pending);
    if (m_sync->conflicts() > 0)
        parts << QStringLiteral("<a href=\"conflicts\">")
                + QCoreApplication::translate("gamix::MainWindow", "%n conflict(s)", nullptr, m_sync->conflicts())
                + QStringLiteral("</a>");
    setText(parts.join(QStringLiteral(" · ")));
    setToolTip(m_sync->lastError());
    if (m_syncNow)
        m_syncNow->setEnabled(m_sync->isConfigured() && !m_sync->isSyncing());
}

void SyncStatusLabel::askPassword(const QString &reason)
{
    // One prompt at a time, and not a nested event loop: the app keeps working meanwhile.
    if (m_window->findChild<QInputDialog *>(QStringLiteral("syncPasswordPrompt")))
        return;
    auto *prompt = new QInputDialog(m_window);
    prompt->setObjectName(QStringLiteral("syncPasswordPrompt"));
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    prompt->setWindowTitle(QCoreApplication::translate("gamix::MainWindow", "Sync login"));
    prompt->setLabelText(reason + u'\n'
                         + QCoreApplication::translate("gamix::MainWindow", "Password for %1:")
                               .arg(Settings::instance().get(Settings::Key::SyncLogin).toString()));
    prompt->setTextEchoMode(QLineEdit::Password);
    connect(prompt, &QInputDialog::textValueSelected, m_sync, &SyncController::logIn);
    prompt->open();
}

} // namespace gamix
