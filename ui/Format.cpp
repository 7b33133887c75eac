#include "Format.h"

#include "schema/FieldCodec.h"
#include "schema/PhoneNumber.h"
#include "store/Store.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>

namespace gamix {

QString Format::money(qint64 minorUnits, const QString &currency)
{
    const QLocale locale;
    const QString symbol = currency.isEmpty() || currency == u"RUB" ? QStringLiteral("₽") : currency;
    const int decimals = minorUnits % 100 == 0 ? 0 : 2;
    return locale.toCurrencyString(double(minorUnits) / 100.0, symbol, decimals);
}

QString Format::date(const QString &isoDate)
{
    const QDate d = QDate::fromString(isoDate.left(10), Qt::ISODate);
    return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : isoDate;
}

QString Format::dateTime(const QString &isoUtc)
{
    QDateTime dt = QDateTime::fromString(isoUtc, Qt::ISODate);
    if (!dt.isValid())
        return isoUtc;
    return QLocale().toString(dt.toLocalTime(), QLocale::ShortFormat);
}

QString Format::due(const QString &dueAt)
{
    return dueAt.size() <= 10 ? date(dueAt) : dateTime(dueAt);
}

QString Format::enumLabel(const FieldDef &field, const QString &value)
{
    Q_UNUSED(field)
    static const struct
    {
        const char *value;
        const char *label;
    } labels[] = {{"new", QT_TRANSLATE_NOOP("Format", "New")},
                  {"working", QT_TRANSLATE_NOOP("Format", "Working")},
                  {"converted", QT_TRANSLATE_NOOP("Format", "Converted")},
                  {"lost", QT_TRANSLATE_NOOP("Format", "Lost")},
                  {"open", QT_TRANSLATE_NOOP("Format", "Open")},
                  {"won", QT_TRANSLATE_NOOP("Format", "Won")},
                  {"normal", QT_TRANSLATE_NOOP("Format", "Normal")},
                  {"high", QT_TRANSLATE_NOOP("Format", "High")},
                  {"low", QT_TRANSLATE_NOOP("Format", "Low")},
                  {"note", QT_TRANSLATE_NOOP("Format", "Note")},
                  {"call", QT_TRANSLATE_NOOP("Format", "Call")},
                  {"email", QT_TRANSLATE_NOOP("Format", "Email")},
                  {"meeting", QT_TRANSLATE_NOOP("Format", "Meeting")},
                  {"sales", QT_TRANSLATE_NOOP("Format", "Sales")},
                  {"manager", QT_TRANSLATE_NOOP("Format", "Manager")},
                  {"admin", QT_TRANSLATE_NOOP("Format", "Administrator")}};
    for (const auto &l : labels) {
        if (value == QLatin1String(l.value))
            return tr(l.label);
    }
    return value;
}

QString Format::stageName(const QString &seedName)
{
    // The seed pipeline and stages have English names in every replica; show them
    // translated. Listed here so lupdate finds them.
    static const char *const seedNames[]
        = {QT_TRANSLATE_NOOP("Stage", "Sales"),       QT_TRANSLATE_NOOP("Stage", "New"),
           QT_TRANSLATE_NOOP("Stage", "Qualified"),   QT_TRANSLATE_NOOP("Stage", "Proposal"),
           QT_TRANSLATE_NOOP("Stage", "Negotiation"), QT_TRANSLATE_NOOP("Stage", "Closing")};
    Q_UNUSED(seedNames)
    return QCoreApplication::translate("Stage", seedName.toUtf8().constData());
}

QString Format::value(const FieldDef &field, const QVariant &stored, Store *store)
{
    if (stored.isNull())
        return QString();
    switch (field.type) {
    case FieldType::Money:
        return money(stored.toLongLong());
    case FieldType::Date:
        return date(stored.toString());
    case FieldType::DateTime:
        return dateTime(stored.toString());
    case FieldType::DueDate:
        return due(stored.toString());
    case FieldType::Bool:
        return stored.toLongLong() ? tr("Yes") : QString();
    case FieldType::Percent:
        return QLocale().toString(stored.toLongLong()) + u'%';
    case FieldType::Integer:
        return QLocale().toString(stored.toLongLong());
    case FieldType::Enum:
        return enumLabel(field, stored.toString());
    case FieldType::Reference: {
        if (!store)
            return stored.toString();
        const EntityDef *target = Schema::instance().entity(field.refEntity);
        if (!target)
            return stored.toString();
        const Record r = store->get(*target, stored.toString());
        if (!r.isValid())
            return QString();
        return target->name == u"stage" ? stageName(r.displayName()) : r.displayName();
    }
    default:
        return FieldCodec::toText(field, stored);
    }
}

QString Format::linkUrl(const FieldDef &field, const QString &text)
{
    if (text.isEmpty())
        return QString();
    switch (field.type) {
    case FieldType::Phone: {
        const QString e164 = phoneToE164(text);
        return QStringLiteral("tel:") + (e164.isEmpty() ? text : e164);
    }
    case FieldType::Email:
        return QStringLiteral("mailto:") + text;
    case FieldType::Telegram: {
        QString handle = text;
        if (handle.startsWith(u'@'))
            handle.remove(0, 1);
        if (handle.contains(u'/'))
            handle = handle.section(u'/', -1);
        return QStringLiteral("https://t.me/") + handle;
    }
    case FieldType::Url:
        return text.contains(QStringLiteral("://")) ? text : QStringLiteral("https://") + text;
    default:
        return QString();
    }
}

} // namespace gamix
