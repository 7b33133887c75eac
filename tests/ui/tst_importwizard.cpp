// The import wizard as a user drives it: file -> detected reading -> mapping (edited,
// saved) -> dry run -> import with progress, and Cancel during a large import.
#include "import/ImportWizard.h"
#include "store/Store.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace gamix;

class TestImportWizard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString newDatabase()
    {
        const QString path = m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_n));
        Store s;
        QString error;
        if (!s.open(path, &error))
            qFatal("%s", qPrintable(error));
        return path;
    }
    qint64 count(const QString &db, const char *entity)
    {
        Store s;
        QString error;
        s.open(db, &error);
        return s.count(*Schema::instance().entity(QString::fromLatin1(entity)));
    }
    QComboBox *mappingCombo(ImportWizard &w, const QString &header)
    {
        auto *table = w.findChild<QTableWidget *>(QStringLiteral("mapping"));
        for (int i = 0; i < table->rowCount(); ++i) {
            if (table->item(i, 0)->text() == header)
                return qobject_cast<QComboBox *>(table->cellWidget(i, 2));
        }
        return nullptr;
    }
    void toMapping(ImportWizard &w, const QString &file)
    {
        w.findChild<QLineEdit *>(QStringLiteral("filePath"))->setText(file);
        QVERIFY(w.currentPage()->isComplete());
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::PreviewPage));
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::MappingPage));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    }

    void importsAnOutlookFileStepByStep()
    {
        const QString db = newDatabase();
        ImportWizard w(db);
        QSignalSpy imported(&w, &ImportWizard::imported);
        w.show();
        w.findChild<QLineEdit *>(QStringLiteral("filePath"))
            ->setText(QStringLiteral(GAMIX_TEST_DATA_DIR "/import/outlook_ru.csv"));
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::PreviewPage));
        const QString readAs = w.findChild<QLabel *>(QStringLiteral("readAs"))->text();
        QVERIFY2(readAs.contains(QStringLiteral("windows-1251")), qPrintable(readAs));
        QVERIFY(readAs.contains(QStringLiteral("Outlook")));
        auto *preview = w.findChild<QTableWidget *>(QStringLiteral("preview"));
        QCOMPARE(preview->rowCount(), 2);
        QCOMPARE(preview->item(0, 3)->text(), QStringLiteral("Иванов"));

        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::MappingPage));
        QComboBox *position = mappingCombo(w, QStringLiteral("Должность"));
        QVERIFY(position);
        QCOMPARE(position->currentData().toString(), QStringLiteral("position"));
        position->setCurrentIndex(position->findData(QStringLiteral("-"))); // the user ignores it

        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::DuplicatesPage));
        QCOMPARE(w.findChild<QComboBox *>(QStringLiteral("onDuplicate"))->currentData().toInt(),
                 int(OnDuplicate::Skip)); // the default
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::DryRunPage));
        auto *summary = w.findChild<QLabel *>(QStringLiteral("dryRunSummary"));
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(QStringLiteral("2 new")), 20000);
        QTRY_VERIFY(w.currentPage()->isComplete());
        QCOMPARE(count(db, "contact"), 0); // the dry run wrote nothing

        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::RunPage));
        QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 20000);
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("result"))->text().contains(QStringLiteral("2 created")));
        QCOMPARE(imported.count(), 1);
        QCOMPARE(count(db, "contact"), 2);
        Store s;
        QString error;
        QVERIFY(s.open(db, &error));
        ListQuery q;
        q.entity = Schema::instance().entity(u"contact");
        q.where.append({QStringLiteral("last_name"), QStringLiteral("Иванов")});
        const Record ivan = s.list(q, &error).value(0);
        QCOMPARE(ivan.text(u"position"), QString()); // the edited mapping was used
        QCOMPARE(ivan.text(u"mobile"), QStringLiteral("8 (916) 123-45-67"));
    }

    void aSavedMappingComesBackForTheSameColumns()
    {
        const QString file = QStringLiteral(GAMIX_TEST_DATA_DIR "/import/bitrix24_contacts.csv");
        {
            ImportWizard w(newDatabase());
            w.show();
            toMapping(w, file);
            QComboBox *comment = mappingCombo(w, QStringLiteral("Комментарий"));
            comment->setCurrentIndex(comment->findData(QStringLiteral("tags")));
            w.findChild<QPushButton *>(QStringLiteral("saveMapping"))->click();
        }
        ImportWizard w(newDatabase());
        w.show();
        toMapping(w, file);
        QCOMPARE(mappingCombo(w, QStringLiteral("Комментарий"))->currentData().toString(), QStringLiteral("tags"));
        QCOMPARE(mappingCombo(w, QStringLiteral("Имя"))->currentData().toString(), QStringLiteral("first_name"));
    }

    void vCardGoesStraightToTheCheck()
    {
        const QString db = newDatabase();
        ImportWizard w(db);
        w.show();
        w.findChild<QLineEdit *>(QStringLiteral("filePath"))
            ->setText(QStringLiteral(GAMIX_TEST_DATA_DIR "/import/contacts.vcf"));
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::DuplicatesPage));
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::DryRunPage));
        QTRY_VERIFY_WITH_TIMEOUT(
            w.findChild<QLabel *>(QStringLiteral("dryRunSummary"))->text().contains(QStringLiteral("3 new")), 20000);
        w.next();
        QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 20000);
        QCOMPARE(count(db, "contact"), 3);
    }

    void updateReplacesTheCheckedFieldsOnly()
    {
        const QString db = newDatabase();
        {
            Store s;
            QString error;
            QVERIFY(s.open(db, &error));
            QVERIFY(s.create(*Schema::instance().entity(u"contact"),
                             {{QStringLiteral("last_name"), QStringLiteral("Орлов")},
                              {QStringLiteral("email"), QStringLiteral("orlov@mail.ru")},
                              {QStringLiteral("email2"), QStringLiteral("o@home.ru")},
                              {QStringLiteral("position"), QStringLiteral("Менеджер")},
                              {QStringLiteral("city"), QStringLiteral("Тула")}})
                        .ok);
        }
        const QString csv = m_dir.filePath(QStringLiteral("update.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            // Found by the record's second address.
            f.write("Фамилия;Email;Должность;Город;Телефон\nОрлов-Новый;O@HOME.RU;Директор;Омск;+7 495 000-00-01\n");
        }
        ImportWizard w(db);
        w.show();
        toMapping(w, csv);
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::DuplicatesPage));
        auto *onDuplicate = w.findChild<QComboBox *>(QStringLiteral("onDuplicate"));
        auto *fields = w.findChild<QListWidget *>(QStringLiteral("updateFields"));
        QVERIFY(!fields->isEnabled()); // only with "update"
        onDuplicate->setCurrentIndex(onDuplicate->findData(int(OnDuplicate::Update)));
        QVERIFY(fields->isEnabled());
        bool checked = false;
        for (int i = 0; i < fields->count(); ++i) {
            if (fields->item(i)->data(Qt::UserRole).toString() == u"position") {
                QCOMPARE(fields->item(i)->text(), QStringLiteral("Position"));
                fields->item(i)->setCheckState(Qt::Checked);
                checked = true;
            }
        }
        QVERIFY(checked);
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::DryRunPage));
        auto *summary = w.findChild<QLabel *>(QStringLiteral("dryRunSummary"));
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(QStringLiteral("1 to update")), 20000);
        auto *problems = w.findChild<QTableWidget *>(QStringLiteral("problems"));
        QCOMPARE(problems->rowCount(), 1);
        const QString why = problems->item(0, 2)->text();
        QVERIFY2(why.contains(QStringLiteral("replaces position")) && why.contains(QStringLiteral("fills phone")),
                 qPrintable(why));
        w.next();
        QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 20000);
        QCOMPARE(count(db, "contact"), 1);
        Store s;
        QString error;
        QVERIFY(s.open(db, &error));
        ListQuery q;
        q.entity = Schema::instance().entity(u"contact");
        const Record r = s.list(q, &error).value(0);
        QCOMPARE(r.text(u"position"), QStringLiteral("Директор")); // checked: replaced
        QCOMPARE(r.text(u"city"), QStringLiteral("Тула")); // not checked: kept
        QCOMPARE(r.text(u"last_name"), QStringLiteral("Орлов"));
        QCOMPARE(r.text(u"phone"), QStringLiteral("+7 495 000-00-01")); // empty: filled
    }

    void rejectedVCardsGoToAVCardFile()
    {
        const QString vcf = m_dir.filePath(QStringLiteral("cards.vcard")); // not .vcf: recognised all the same
        {
            QFile f(vcf);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Good;Anna;;;\r\nEMAIL:anna@x.ru\r\nEND:VCARD\r\n"
                    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Bad;Boris;;;\r\nBDAY:1990-13-45\r\nEND:VCARD\r\n");
        }
        const QString db = newDatabase();
        ImportWizard w(db);
        w.show();
        w.findChild<QLineEdit *>(QStringLiteral("filePath"))->setText(vcf);
        w.next();
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::DryRunPage));
        QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 20000);
        auto *problems = w.findChild<QTableWidget *>(QStringLiteral("problems"));
        QCOMPARE(problems->rowCount(), 1);
        QCOMPARE(problems->item(0, 0)->text(), QStringLiteral("6"));
        QVERIFY(problems->item(0, 2)->text().startsWith(QStringLiteral("BDAY on line 9")));
        w.next();
        QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 20000);
        const QString rejects = m_dir.filePath(QStringLiteral("cards-rejected.vcf"));
        QVERIFY2(w.findChild<QLabel *>(QStringLiteral("result"))->text().contains(rejects),
                 qPrintable(w.findChild<QLabel *>(QStringLiteral("result"))->text()));
        QFile f(rejects);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray card = f.readAll();
        QVERIFY(card.startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Bad;Boris;;;\r\n"));
        QVERIFY(!card.contains("Anna"));
        QCOMPARE(count(db, "contact"), 1);
    }

    void cancelKeepsWhatWasImportedAndRerunContinues()
    {
        const int rows = 30000;
        const QString csv = m_dir.filePath(QStringLiteral("large.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray text = "Фамилия;Имя;Email;Компания\n";
            for (int i = 0; i < rows; ++i)
                text += "Фамилия" + QByteArray::number(i) + ";Имя;u" + QByteArray::number(i) + "@x.ru;ООО "
                    + QByteArray::number(i % 50) + "\n";
            f.write(text);
        }
        const QString db = newDatabase();
        ImportWizard w(db);
        w.show();
        toMapping(w, csv);
        w.next(); // duplicates: skip
        w.next();
        QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 120000);
        w.next();
        QCOMPARE(w.currentId(), int(ImportWizard::RunPage));
        auto *progress = w.findChild<QProgressBar *>(QStringLiteral("progress"));
        QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, 60000);
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("rate"))->text().contains(QStringLiteral("rows/s")));
        w.findChild<QPushButton *>(QStringLiteral("cancelImport"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(w.currentPage()->isComplete(), 60000);
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("result"))->text().contains(QStringLiteral("Stopped")));
        const qint64 partial = count(db, "contact");
        QVERIFY2(partial > 0 && partial < rows, QByteArray::number(partial).constData());

        ImportWizard again(db);
        again.show();
        toMapping(again, csv);
        again.next(); // duplicates: skip
        again.next();
        QTRY_VERIFY_WITH_TIMEOUT(again.currentPage()->isComplete(), 120000);
        again.next();
        QTRY_VERIFY_WITH_TIMEOUT(again.currentPage()->isComplete(), 120000);
        QVERIFY(again.findChild<QLabel *>(QStringLiteral("result"))
                    ->text()
                    .contains(QStringLiteral("%1 created, 0 updated, %2 skipped").arg(rows - partial).arg(partial)));
        QCOMPARE(count(db, "contact"), qint64(rows));
    }
};

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
