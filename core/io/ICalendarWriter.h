#pragma once
// Writes tasks as an iCalendar (RFC 5545) calendar of VTODO components: an all-day task
// as DUE;VALUE=DATE (the same day in every time zone), a timed one in UTC, done as
// STATUS:COMPLETED, priority 1/5/9, the reminder as a VALARM. Hand-written: the format is
// small, and libical is not on every build machine.

#include <QString>

class QIODevice;

namespace gamix {

struct Record;

class ICalendarWriter
{
public:
    explicit ICalendarWriter(QIODevice *device);
    void write(const Record &task);
    bool finish(QString *error); // writes END:VCALENDAR

    static QByteArray todo(const Record &task);

private:
    QIODevice *m_device;
    bool m_failed = false;
};

} // namespace gamix
