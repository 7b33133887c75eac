#pragma once
// Writes contacts as vCard 3.0 (RFC 2426) or 4.0 (RFC 6350): name, company, position,
// phones (work / cell), emails, birthday (a birthday without a year, stored with year
// 1604, as --MMDD in 4.0 and with Apple's X-APPLE-OMIT-YEAR in 3.0), city, tags, notes,
// Telegram, UID and REV. UTF-8, CRLF, lines folded at 75 octets.

#include <QString>

class QIODevice;

namespace gamix {

struct Record;

class VCardWriter
{
public:
    VCardWriter(QIODevice *device, int version);
    void write(const Record &contact, const QString &companyName);
    bool finish(QString *error);

    // The vCard text of one contact (for the tests and drag and drop).
    static QByteArray card(const Record &contact, const QString &companyName, int version);

private:
    QIODevice *m_device;
    int m_version;
    bool m_failed = false;
};

} // namespace gamix
