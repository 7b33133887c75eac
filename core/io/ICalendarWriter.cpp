#include "ICalendarWriter.h"

#include "VCardFormat.h"
#include "store/Record.h"

#include <QDateTime>
#include <QIODevice>

namespace gamix {

namespace {

// "2026-12-01T09:30:00Z" -> "20261201T093000Z"
QString basicUtc(const QString &iso)
{
    const QDateTime dt = QDateTime::fromString(iso, Qt::ISODate);
    if (!dt.isValid())
        return {};
    return dt.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

} // namespace

ICalendarWriter::ICalendarWriter(QIODevice *device)
    : m_device(device)
{
    const QByteArray head = VCardFormat::foldLine(QStringLiteral("BEGIN:VCALENDAR"))
        + VCardFormat::foldLine(QStringLiteral("VERSION:2.0"))
        + VCardFormat::foldLine(QStringLiteral("PRODID:-//Gamix//Gamix CRM//EN"))
        + VCardFormat::foldLine(QStringLiteral("CALSCALE:GREGORIAN"));
    m_failed = m_device->write(head) != head.size();
}

QByteArray ICalendarWriter::todo(const Record &r)
{
    using VCardFormat::escape;
    QByteArray out;
    auto line = [&](const QString &text) {
        out += VCardFormat::foldLine(text);
    };
    line(QStringLiteral("BEGIN:VTODO"));
    line(QStringLiteral("UID:") + r.id);
    const QString stamp = basicUtc(r.updatedAt);
    line(
        QStringLiteral("DTSTAMP:")
        + (stamp.isEmpty() ? QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")) : stamp));
    line(QStringLiteral("SUMMARY:") + escape(r.text(u"title")));
    const QString due = r.text(u"due_at");
    if (due.size() == 10) // a date alone: an all-day task
        line(QStringLiteral("DUE;VALUE=DATE:") + QString(due).remove(u'-'));
    else if (!due.isEmpty() && !basicUtc(due).isEmpty())
        line(QStringLiteral("DUE:") + basicUtc(due));
    const bool done = r.text(u"done") == u"true";
    line(done ? QStringLiteral("STATUS:COMPLETED") : QStringLiteral("STATUS:NEEDS-ACTION"));
    if (done)
        line(QStringLiteral("PERCENT-COMPLETE:100"));
    const QString priority = r.text(u"priority");
    line(QStringLiteral("PRIORITY:") + (priority == u"high" ? u'1' : priority == u"low" ? u'9' : u'5'));
    if (!r.text(u"notes").isEmpty())
        line(QStringLiteral("DESCRIPTION:") + escape(r.text(u"notes")));
    const QString remind = basicUtc(r.text(u"remind_at"));
    if (!remind.isEmpty()) {
        line(QStringLiteral("BEGIN:VALARM"));
        line(QStringLiteral("ACTION:DISPLAY"));
        line(QStringLiteral("DESCRIPTION:") + escape(r.text(u"title")));
        line(QStringLiteral("TRIGGER;VALUE=DATE-TIME:") + remind);
        line(QStringLiteral("END:VALARM"));
    }
    line(QStringLiteral("END:VTODO"));
    return out;
}

void ICalendarWriter::write(const Record &task)
{
    if (m_failed)
        return;
    const QByteArray bytes = todo(task);
    m_failed = m_device->write(bytes) != bytes.size();
}

bool ICalendarWriter::finish(QString *error)
{
    const QByteArray tail = VCardFormat::foldLine(QStringLiteral("END:VCALENDAR"));
    if (!m_failed)
        m_failed = m_device->write(tail) != tail.size();
    if (m_failed)
        *error = m_device->errorString();
    return !m_failed;
}

} // namespace gamix
