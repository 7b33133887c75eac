#include "VCardWriter.h"

#include "VCardFormat.h"
#include "ValueParsers.h"
#include "store/Record.h"

#include <QCoreApplication>
#include <QDate>
#include <QIODevice>

namespace gamix {

VCardWriter::VCardWriter(QIODevice *device, int version)
    : m_device(device)
    , m_version(version == 4 ? 4 : 3)
{ }

QByteArray VCardWriter::card(const Record &r, const QString &companyName, int version)
{
    using VCardFormat::escape;
    using VCardFormat::foldLine;
    const bool v4 = version == 4;
    QByteArray out;
    auto line = [&](const QString &text) {
        out += foldLine(text);
    };
    auto text = [&](const char *field) {
        return r.text(QString::fromLatin1(field));
    };
    line(QStringLiteral("BEGIN:VCARD"));
    line(v4 ? QStringLiteral("VERSION:4.0") : QStringLiteral("VERSION:3.0"));
    line(QStringLiteral("UID:urn:uuid:") + r.id);
    line(QStringLiteral("N:") + escape(text("last_name")) + u';' + escape(text("first_name")) + u';'
         + escape(text("middle_name")) + QStringLiteral(";;"));
    line(QStringLiteral("FN:") + escape(r.displayName()));
    if (!companyName.isEmpty())
        line(QStringLiteral("ORG:") + escape(companyName));
    if (!text("position").isEmpty())
        line(QStringLiteral("TITLE:") + escape(text("position")));
    if (!text("phone").isEmpty())
        line((v4 ? QStringLiteral("TEL;TYPE=work,voice;VALUE=text:") : QStringLiteral("TEL;TYPE=WORK,VOICE:"))
             + escape(text("phone")));
    if (!text("mobile").isEmpty())
        line((v4 ? QStringLiteral("TEL;TYPE=cell;VALUE=text:") : QStringLiteral("TEL;TYPE=CELL:"))
             + escape(text("mobile")));
    for (const char *f : {"email", "email2"}) {
        if (!text(f).isEmpty())
            line((v4 ? QStringLiteral("EMAIL:") : QStringLiteral("EMAIL;TYPE=INTERNET:")) + escape(text(f)));
    }
    const QDate birthday = QDate::fromString(text("birthday"), Qt::ISODate);
    if (birthday.isValid()) {
        if (birthday.year() == ValueParsers::kNoYear)
            line(v4 ? QStringLiteral("BDAY:--") + birthday.toString(QStringLiteral("MMdd"))
                    : QStringLiteral("BDAY;X-APPLE-OMIT-YEAR=1604:") + birthday.toString(Qt::ISODate));
        else
            line(QStringLiteral("BDAY:")
                 + birthday.toString(v4 ? QStringLiteral("yyyyMMdd") : QStringLiteral("yyyy-MM-dd")));
    }
    if (!text("city").isEmpty())
        line(QStringLiteral("ADR;TYPE=WORK:;;;") + escape(text("city")) + QStringLiteral(";;;"));
    if (!text("telegram").isEmpty())
        line(QStringLiteral("X-TELEGRAM:") + escape(text("telegram")));
    if (!text("tags").isEmpty()) {
        QStringList tags;
        for (const QString &t : text("tags").split(u','))
            tags << escape(t.trimmed());
        line(QStringLiteral("CATEGORIES:") + tags.join(u','));
    }
    if (!text("notes").isEmpty())
        line(QStringLiteral("NOTE:") + escape(text("notes")));
    if (!r.updatedAt.isEmpty()) {
        QString rev = r.updatedAt;
        rev.remove(u'-').remove(u':');
        line(QStringLiteral("REV:") + rev);
    }
    line(QStringLiteral("END:VCARD"));
    return out;
}

void VCardWriter::write(const Record &contact, const QString &companyName)
{
    if (m_failed)
        return;
    const QByteArray bytes = card(contact, companyName, m_version);
    m_failed = m_device->write(bytes) != bytes.size();
}

bool VCardWriter::finish(QString *error)
{
    if (m_failed)
        *error = m_device->errorString();
    return !m_failed;
}

} // namespace gamix
