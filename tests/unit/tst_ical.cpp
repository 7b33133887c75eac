// iCalendar export of tasks: VTODO, all-day tasks as DUE;VALUE=DATE, timed ones in UTC.
#include "io/ExportJob.h"
#include "io/VCardFormat.h"
#include "store/Store.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gamix;

class TestICalendar : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void tasksAsVTodo()
    {
        QTemporaryDir dir;
        Store s;
        QString error;
        QVERIFY(s.open(dir.filePath(QStringLiteral("t.sqlite")), &error));
        const EntityDef &task = *Schema::instance().entity(u"task");
        const QString allDay = s.create(task,
                                        {{QStringLiteral("title"), QStringLiteral("Позвонить, уточнить; заказ")},
                                         {QStringLiteral("due_at"), QStringLiteral("2026-12-01")},
                                         {QStringLiteral("notes"), QStringLiteral("строка 1\nстрока 2")}})
                                   .id;
        const QString timed = s.create(task,
                                       {{QStringLiteral("title"), QStringLiteral("Встреча")},
                                        {QStringLiteral("due_at"), QStringLiteral("2026-12-01T09:30:00Z")},
                                        {QStringLiteral("remind_at"), QStringLiteral("2026-12-01T09:00:00Z")},
                                        {QStringLiteral("priority"), QStringLiteral("high")},
                                        {QStringLiteral("done"), QStringLiteral("true")}})
                                  .id;
        QVERIFY(!allDay.isEmpty() && !timed.isEmpty());
        ExportOptions o;
        o.entity = &task;
        o.file = dir.filePath(QStringLiteral("tasks.ics"));
        o.format = ExportOptions::Format::ICalendar;
        ExportJob job(s, o);
        QVERIFY2(job.run(&error), qPrintable(error));
        QCOMPARE(job.rowsWritten(), 2);
        QFile f(o.file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        QVERIFY(bytes.endsWith("END:VCALENDAR\r\n"));
        QCOMPARE(bytes.count("BEGIN:VTODO"), 2);
        const QList<ContentLine> lines = VCardFormat::parse(bytes);
        QStringList values;
        for (const ContentLine &l : lines)
            values << l.name + u'=' + l.value;
        QVERIFY(values.contains(QStringLiteral("UID=") + allDay));
        QVERIFY(values.contains(QStringLiteral("SUMMARY=Позвонить\\, уточнить\\; заказ")));
        QVERIFY(bytes.contains("DUE;VALUE=DATE:20261201\r\n"));
        QVERIFY(bytes.contains("DUE:20261201T093000Z\r\n"));
        QVERIFY(bytes.contains("TRIGGER;VALUE=DATE-TIME:20261201T090000Z\r\n"));
        QVERIFY(bytes.contains("STATUS:COMPLETED\r\n"));
        QVERIFY(bytes.contains("STATUS:NEEDS-ACTION\r\n"));
        QVERIFY(bytes.contains("PRIORITY:1\r\n"));
        QVERIFY(values.contains(QStringLiteral("DESCRIPTION=строка 1\\nстрока 2")));
        QVERIFY(bytes.contains("DTSTAMP:"));
    }
};

QTEST_GUILESS_MAIN(TestICalendar)
#include "tst_ical.moc"
