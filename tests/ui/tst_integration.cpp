// The app's file and sync menus end to end, as a user drives them: import a CSV through
// File > Import… and watch the contacts list grow; export the current filtered view
// through File > Export… and read the file back; open Sync > Conflicts… on a conflict
// made by two replicas merging concurrent edits, restore the lost value in one click,
// undo it, keep the current value instead. Real SQLite files in a temporary directory.
#include "../integration/tst_sync_kit.h"
#include "../store_kit.h"
#include "ConflictsView.h"
#include "DataEvents.h"
#include "ExportDialog.h"
#include "ListPage.h"
#include "MainWindow.h"
#include "RecordTableModel.h"
#include "Settings.h"
#include "SettingsDialog.h"
#include "import/ImportWizard.h"
#include "store/Store.h"
#include "sync/SyncController.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace gamix;
using gamix::storekit::E;
using gamix::storekit::W;

class TestIntegration : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_store = std::make_unique<Store>();
        QString error;
        QVERIFY2(m_store->open(m_dir.filePath(QStringLiteral("t%1.db").arg(++m_n)), &error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(m_store.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->setSection(MainWindow::Contacts);
    }

    void cleanup()
    {
        m_window.reset();
        m_store.reset();
    }

    void importThroughTheMenuGrowsTheList()
    {
        const QString csv = m_dir.filePath(QStringLiteral("small.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("Фамилия;Имя;Email\nИванов;Иван;ivan@example.ru\nПетрова;Анна;anna@example.ru\n"
                                   "Сидоров;Олег;oleg@example.ru\n")
                        .toUtf8());
        }
        ListPage *page = m_window->listPage(QStringLiteral("contact"));
        QTRY_VERIFY(!page->model()->isLoading());
        QCOMPARE(page->model()->totalRows(), 0);

        QAction *action = m_window->findChild<QAction *>(QStringLiteral("actionImport"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));
        action->trigger();
        ImportWizard *w = nullptr;
        QTRY_VERIFY((w = m_window->findChild<ImportWizard *>(QStringLiteral("importWizard"))) && w->isVisible());
        QCOMPARE(w->options().entity->name, QStringLiteral("contact"));
        w->findChild<QLineEdit *>(QStringLiteral("filePath"))->setText(csv);
        w->next();
        QCOMPARE(w->currentId(), int(ImportWizard::PreviewPage));
        w->next();
        QCOMPARE(w->currentId(), int(ImportWizard::MappingPage));
        w->next();
        QCOMPARE(w->currentId(), int(ImportWizard::DuplicatesPage));
        w->next();
        QCOMPARE(w->currentId(), int(ImportWizard::DryRunPage));
        QTRY_VERIFY_WITH_TIMEOUT(w->currentPage()->isComplete(), 20000);
        w->next();
        QCOMPARE(w->currentId(), int(ImportWizard::RunPage));
        QTRY_VERIFY_WITH_TIMEOUT(w->currentPage()->isComplete(), 20000);
        // The list behind the wizard reloads without being told by the test.
        QTRY_COMPARE(page->model()->totalRows(), 3);
        QCOMPARE(m_store->count(E("contact")), 3);
        w->accept();
    }

    void exportsTheCurrentFilteredView()
    {
        for (const char *name : {"Иванов", "Петров", "Сидоров"})
            QVERIFY(m_store
                        ->create(E("contact"),
                                 W({{"last_name", QString::fromUtf8(name)}, {"first_name", QStringLiteral("Тест")}}))
                        .ok);
        DataEvents::instance()->notify(QStringLiteral("contact"));
        ListPage *page = m_window->listPage(QStringLiteral("contact"));
        QTRY_COMPARE(page->model()->totalRows(), 3);
        page->findChild<QLineEdit *>(QStringLiteral("filterEdit"))->setText(QStringLiteral("Петров"));
        QTRY_COMPARE(page->model()->totalRows(), 1);

        m_window->findChild<QAction *>(QStringLiteral("actionExport"))->trigger();
        ExportDialog *d = nullptr;
        QTRY_VERIFY((d = m_window->findChild<ExportDialog *>(QStringLiteral("exportDialog"))) && d->isVisible());
        auto *onlyView = d->findChild<QCheckBox *>(QStringLiteral("exportOnlyView"));
        QVERIFY(onlyView->isChecked()); // a filtered list offers its view
        auto *format = d->findChild<QComboBox *>(QStringLiteral("exportFormat"));
        QVERIFY(format->findText(QStringLiteral("vCard 4.0")) >= 0); // contacts have vCard
        format->setCurrentIndex(format->findData(1)); // CSV data profile
        const QString file = m_dir.filePath(QStringLiteral("view.csv"));
        d->findChild<QLineEdit *>(QStringLiteral("exportFile"))->setText(file);
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("exportStart")), Qt::LeftButton);
        auto *status = d->findChild<QLabel *>(QStringLiteral("exportStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Exported 1 record")), 20000);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("id,")));
        QVERIFY(lines.at(1).contains(QStringLiteral("Петров")));

        // Everything, when the box is cleared; and a clear message when the file cannot be written.
        onlyView->setChecked(false);
        d->findChild<QLineEdit *>(QStringLiteral("exportFile"))->setText(m_dir.filePath(QStringLiteral("all.csv")));
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("exportStart")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Exported 3 record")), 20000);
        const QString bad = m_dir.filePath(QStringLiteral("no/such/dir/x.csv"));
        d->findChild<QLineEdit *>(QStringLiteral("exportFile"))->setText(bad);
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("exportStart")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Export failed")), 20000);
        QVERIFY2(status->text().contains(bad), qPrintable(status->text()));
        d->reject();
    }

    void excelInWindows1251IsTheRussianDefault()
    {
        QVERIFY(m_store->create(E("contact"), W({{"last_name", QStringLiteral("Ёлкин")}})).ok);
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
        m_window->findChild<QAction *>(QStringLiteral("actionExport"))->trigger();
        QLocale::setDefault(before);
        ExportDialog *d = nullptr;
        QTRY_VERIFY((d = m_window->findChild<ExportDialog *>(QStringLiteral("exportDialog"))) && d->isVisible());
        QCOMPARE(d->findChild<QComboBox *>(QStringLiteral("exportFormat"))->currentData().toInt(), 0);
        QCOMPARE(d->findChild<QComboBox *>(QStringLiteral("exportEncoding"))->currentData().toByteArray(),
                 QByteArray("windows-1251"));
        const QString file = m_dir.filePath(QStringLiteral("excel.csv"));
        d->findChild<QLineEdit *>(QStringLiteral("exportFile"))->setText(file);
        QVERIFY(d->start());
        QTRY_VERIFY_WITH_TIMEOUT(!d->isRunning(), 20000);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.contains("\xa8\xeb\xea\xe8\xed")); // "Ёлкин" in windows-1251
        QCOMPARE(bytes.count("\r\n"), 2); // header and one row, CRLF
        d->reject();
    }

    void conflictsViewRestoresTheLostValue()
    {
        // Two replicas edit the same phone without seeing each other; merging both ways
        // leaves the same conflict record on each (as in tst_store).
        Store &a = *m_store;
        Store b;
        QString error;
        QVERIFY(b.open(m_dir.filePath(QStringLiteral("other%1.db").arg(m_n)), &error));
        const EntityDef &c = E("contact");
        const int phone = c.fieldIndex(u"phone");
        const WriteResult r
            = a.create(c, W({{"last_name", QStringLiteral("Зайцев")}, {"phone", QStringLiteral("+7 900 000-00-01")}}));
        QVERIFY(r.ok);
        const Record base = a.get(c, r.id);
        QList<RemoteField> all;
        for (int i = 0; i < c.fields.size(); ++i) {
            if (!base.clocks.clock(i).isZero())
                all.append({i, base.text(c.fields.at(i).name), base.clocks.clock(i), Clock()});
        }
        b.merge(c, r.id, all);
        QVERIFY(a.update(c, r.id, W({{"phone", QStringLiteral("+7 900 000-00-02")}})).ok);
        QVERIFY(b.update(c, r.id, W({{"phone", QStringLiteral("+7 900 000-00-03")}})).ok);
        const Record eb = b.get(c, r.id);
        a.merge(c, r.id, {{phone, eb.text(u"phone"), eb.clocks.clock(phone), eb.clocks.prev(phone)}});
        const QString winner = a.get(c, r.id).text(u"phone");
        const QString loser = winner == QStringLiteral("+7 900 000-00-02") ? QStringLiteral("+7 900 000-00-03")
                                                                           : QStringLiteral("+7 900 000-00-02");

        // The status bar counts it (the sync controller's count), as a link to the view.
        DataEvents::instance()->notify(QStringLiteral("conflict"));
        auto *status = m_window->findChild<QLabel *>(QStringLiteral("syncStatus"));
        QTRY_VERIFY2(status->text().contains(QStringLiteral("1 conflict")), qPrintable(status->text()));
        m_window->findChild<QAction *>(QStringLiteral("actionConflicts"))->trigger();
        ConflictsView *v = nullptr;
        QTRY_VERIFY((v = m_window->findChild<ConflictsView *>(QStringLiteral("conflictsView"))) && v->isVisible());
        QAbstractItemModelTester tester(v->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(v->model()->rowCount(), 1);
        const auto cell = [v](int column) {
            return v->model()->index(0, column).data().toString();
        };
        QVERIFY2(cell(ConflictsView::RecordColumn).contains(QStringLiteral("Зайцев")), qPrintable(cell(0)));
        QVERIFY2(cell(ConflictsView::CurrentColumn).contains(winner.right(5)),
                 qPrintable(cell(ConflictsView::CurrentColumn)));
        QVERIFY2(cell(ConflictsView::OtherColumn).contains(loser.right(5)),
                 qPrintable(cell(ConflictsView::OtherColumn)));
        QVERIFY(!cell(ConflictsView::CurrentByColumn).isEmpty());
        QVERIFY(!cell(ConflictsView::OtherByColumn).isEmpty());
        QVERIFY(!v->findChild<QLabel *>(QStringLiteral("conflictsEmpty"))->isVisible());

        // One click puts the other value back and the conflict leaves the list.
        QTest::mouseClick(v->findChild<QPushButton *>(QStringLiteral("restoreOther")), Qt::LeftButton);
        QTRY_COMPARE(v->model()->rowCount(), 0);
        QCOMPARE(a.get(c, r.id).text(u"phone"), loser);
        QVERIFY(v->findChild<QLabel *>(QStringLiteral("conflictsEmpty"))->isVisible());
        QTRY_VERIFY2(!status->text().contains(QStringLiteral("conflict")), qPrintable(status->text()));

        // One undo brings back both the value and the conflict.
        m_window->undoStack()->undo();
        QTRY_COMPARE(v->model()->rowCount(), 1);
        QCOMPARE(a.get(c, r.id).text(u"phone"), winner);

        // Keep current: the value stays, the conflict is resolved.
        QTest::mouseClick(v->findChild<QPushButton *>(QStringLiteral("keepCurrent")), Qt::LeftButton);
        QTRY_COMPARE(v->model()->rowCount(), 0);
        QCOMPARE(a.get(c, r.id).text(u"phone"), winner);
        ListQuery q;
        q.entity = &E("conflict");
        const QList<Record> conflicts = a.list(q, &error);
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.first().text(u"resolved"), QStringLiteral("true"));
    }

    void statusBarCountsPendingChangesAndConflicts()
    {
        auto *status = m_window->findChild<QLabel *>(QStringLiteral("syncStatus"));
        QVERIFY(status);
        QTRY_VERIFY(status->text().contains(QStringLiteral("Sync is off")));
        QAction *syncNow = m_window->findChild<QAction *>(QStringLiteral("actionSyncNow"));
        QCOMPARE(syncNow->shortcut(), QKeySequence(Qt::Key_F5));
        QVERIFY(!syncNow->isEnabled()); // nothing to sync with yet
        QVERIFY(m_store->create(E("contact"), W({{"last_name", QStringLiteral("Новиков")}})).ok);
        DataEvents::instance()->notify(QStringLiteral("contact"));
        QTRY_VERIFY2(status->text().contains(QStringLiteral("change(s) to send")), qPrintable(status->text()));
        QVERIFY(!status->text().contains(QStringLiteral("conflict")));
    }

    void accountIsRememberedWithoutThePassword()
    {
        m_window->findChild<QAction *>(QStringLiteral("actionAccount"))->trigger();
        SettingsDialog *d = nullptr;
        QTRY_VERIFY((d = m_window->findChild<SettingsDialog *>(QStringLiteral("settingsDialog"))) && d->isVisible());
        d->findChild<QLineEdit *>(QStringLiteral("syncServer"))->setText(QStringLiteral("not a server"));
        d->findChild<QLineEdit *>(QStringLiteral("syncLogin"))->setText(QStringLiteral("anna"));
        d->findChild<QLineEdit *>(QStringLiteral("syncPassword"))->setText(QStringLiteral("s3cret-pass"));
        d->accept();
        QVERIFY(d->isVisible()); // a bad address is named, nothing saved
        QVERIFY(d->findChild<QLabel *>(QStringLiteral("accountError"))->isVisible());
        QCOMPARE(Settings::instance().get(Settings::Key::SyncServer).toString(), QString());
        // A closed port: the login attempt fails as a network failure, and says so.
        d->findChild<QLineEdit *>(QStringLiteral("syncServer"))->setText(QStringLiteral("http://127.0.0.1:9"));
        d->accept();
        QTRY_VERIFY(!m_window->findChild<SettingsDialog *>(QStringLiteral("settingsDialog")));
        QVERIFY(m_window->syncController()->isConfigured());
        QCOMPARE(Settings::instance().get(Settings::Key::SyncServer).toString(), QStringLiteral("http://127.0.0.1:9"));
        QCOMPARE(Settings::instance().get(Settings::Key::SyncLogin).toString(), QStringLiteral("anna"));
        auto *status = m_window->findChild<QLabel *>(QStringLiteral("syncStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Offline")), 30000);
        // When the server wants a password, the app asks for it without echoing it.
        emit m_window->syncController()->passwordNeeded(QStringLiteral("Log in to 127.0.0.1 to sync"));
        QInputDialog *prompt = nullptr;
        QTRY_VERIFY((prompt = m_window->findChild<QInputDialog *>(QStringLiteral("syncPasswordPrompt")))
                    && prompt->isVisible());
        QCOMPARE(prompt->textEchoMode(), QLineEdit::Password);
        QVERIFY(prompt->labelText().contains(QStringLiteral("anna")));
        prompt->setTextValue(QStringLiteral("s3cret-again"));
        prompt->accept();
        QTRY_VERIFY(!m_window->findChild<QInputDialog *>(QStringLiteral("syncPasswordPrompt")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->syncController()->isSyncing(), 30000);
        QVERIFY(status->text().contains(QStringLiteral("Offline")));
        Settings::instance().sync();
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(QStringLiteral("s3cret")), qPrintable(key));
        QFile file(settings.fileName());
        if (file.open(QIODevice::ReadOnly))
            QVERIFY(!file.readAll().contains("s3cret"));
        Settings::instance().set(Settings::Key::SyncServer, QString());
        Settings::instance().set(Settings::Key::SyncLogin, QString());
    }

    void twoWindowsSyncThroughTheServer()
    {
        // The real gamix-server on loopback; two app windows on two databases, one user.
        const QStringList storage {QStringLiteral("--data"), m_dir.filePath(QStringLiteral("server.sqlite"))};
        QVERIFY(!synckit::addUser(storage, QStringLiteral("anna"), QStringLiteral("sales"), QStringLiteral("Москва"),
                                  QStringLiteral("пароль-анны"))
                     .isEmpty());
        synckit::Server server;
        QVERIFY(server.start(storage, m_dir.filePath(QStringLiteral("server.log"))));
        Store otherStore;
        QString error;
        QVERIFY(otherStore.open(m_dir.filePath(QStringLiteral("b%1.db").arg(m_n)), &error));
        MainWindow other(&otherStore);
        other.show();
        other.setSection(MainWindow::Contacts);

        const QString id
            = m_store
                  ->create(E("contact"),
                           W({{"last_name", QStringLiteral("Ёлкина")}, {"phone", QStringLiteral("+7 900 000-00-01")}}))
                  .id;
        QVERIFY(!id.isEmpty());
        DataEvents::instance()->notify(QStringLiteral("contact"));
        logIn(*m_window, server.url());
        logIn(other, server.url());
        // The contact made in the first window arrives in the second window's list.
        QTRY_COMPARE_WITH_TIMEOUT(other.listPage(QStringLiteral("contact"))->model()->totalRows(), 1, 20000);
        QCOMPARE(otherStore.get(E("contact"), id).text(u"last_name"), QStringLiteral("Ёлкина"));

        // Both edit the phone offline; after both sync, the conflict shows in the second.
        QVERIFY(m_store->update(E("contact"), id, W({{"phone", QStringLiteral("+7 900 000-00-02")}})).ok);
        QVERIFY(otherStore.update(E("contact"), id, W({{"phone", QStringLiteral("+7 900 000-00-03")}})).ok);
        syncNow(*m_window);
        syncNow(other);
        auto *status = other.findChild<QLabel *>(QStringLiteral("syncStatus"));
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QStringLiteral("1 conflict")), qPrintable(status->text()),
                                  20000);
        QVERIFY(status->text().contains(QStringLiteral("Online")));
        QVERIFY(status->text().contains(QStringLiteral("last sync")));
        Settings::instance().set(Settings::Key::SyncServer, QString());
        Settings::instance().set(Settings::Key::SyncLogin, QString());
    }

private:
    // Sync > Account…, as a user fills it in; waits for the first sync to end well.
    void logIn(MainWindow &window, const QString &url)
    {
        QSignalSpy done(window.syncController(), &SyncController::syncFinished);
        window.findChild<QAction *>(QStringLiteral("actionAccount"))->trigger();
        SettingsDialog *d = nullptr;
        QTRY_VERIFY((d = window.findChild<SettingsDialog *>(QStringLiteral("settingsDialog"))) && d->isVisible());
        d->findChild<QLineEdit *>(QStringLiteral("syncServer"))->setText(url);
        d->findChild<QLineEdit *>(QStringLiteral("syncLogin"))->setText(QStringLiteral("anna"));
        d->findChild<QLineEdit *>(QStringLiteral("syncPassword"))->setText(QStringLiteral("пароль-анны"));
        d->accept();
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 20000);
        QVERIFY2(done.last().at(0).toBool(), qPrintable(done.last().at(1).toString()));
    }
    void syncNow(MainWindow &window)
    {
        QSignalSpy done(window.syncController(), &SyncController::syncFinished);
        QAction *action = window.findChild<QAction *>(QStringLiteral("actionSyncNow"));
        QTRY_VERIFY(action->isEnabled());
        action->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 20000);
        QVERIFY2(done.last().at(0).toBool(), qPrintable(done.last().at(1).toString()));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<MainWindow> m_window;
    int m_n = 0;
};

QTEST_MAIN(TestIntegration)
#include "tst_integration.moc"
