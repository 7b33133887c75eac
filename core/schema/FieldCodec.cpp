#include "FieldCodec.h"

#include "RussianIds.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUuid>

#include <cstdio>

namespace gamix::FieldCodec {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Validation", text);
}

QString fail(const FieldDef &field, const char *message, const QString &value)
{
    return tr(message).arg(field.name, value);
}

bool parseDate(QStringView text, QDate *date)
{
    static const char *const formats[] = {"yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"};
    for (const char *fmt : formats) {
        const QDate d = QDate::fromString(text.toString(), QString::fromLatin1(fmt));
        if (d.isValid()) {
            *date = d;
            return true;
        }
    }
    return false;
}

bool parseDateTime(QStringView text, QDateTime *dt)
{
    QString s = text.toString();
    QDateTime parsed = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(s, Qt::ISODate);
    if (!parsed.isValid()) {
        static const char *const formats[]
            = {"dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"};
        for (const char *fmt : formats) {
            parsed = QDateTime::fromString(s, QString::fromLatin1(fmt));
            if (parsed.isValid())
                break;
        }
    }
    if (!parsed.isValid())
        return false;
    *dt = parsed;
    return true;
}

bool isUuid(QStringView text)
{
    return text.size() == 36 && !QUuid::fromString(text).isNull();
}

} // namespace

QString toIsoUtc(const QDateTime &dt)
{
    return isoUtcFromMs(dt.toMSecsSinceEpoch());
}

QString isoUtcFromHlc(quint64 hlc)
{
    return isoUtcFromMs(qint64(hlc >> 16));
}

QString isoUtcFromMs(qint64 ms)
{
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    qint64 secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    qint64 days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    const qint64 sod = secs - days * 86400;
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const int year = int(yoe + era * 400 + (month <= 2 ? 1 : 0));
    char buf[24];
    const int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, int(sod / 3600),
                                int(sod / 60 % 60), int(sod % 60));
    return QString::fromLatin1(buf, n);
}

bool parseMoney(QStringView text, qint64 *minorUnits)
{
    QString s;
    s.reserve(text.size());
    for (QChar c : text) {
        if (c.isSpace() || c == QChar(0x00A0) || c == QChar(0x202F) || c == u'\'')
            continue;
        s.append(c == u',' ? u'.' : c);
    }
    if (s.isEmpty())
        return false;
    bool negative = false;
    if (s.startsWith(u'-')) {
        negative = true;
        s.remove(0, 1);
    }
    const qsizetype dot = s.indexOf(u'.');
    QString whole = dot < 0 ? s : s.left(dot);
    QString frac = dot < 0 ? QString() : s.mid(dot + 1);
    if (frac.size() > 2 || (whole.isEmpty() && frac.isEmpty()))
        return false;
    for (QChar c : QString(whole + frac)) {
        if (!c.isDigit() || c.unicode() > 127)
            return false;
    }
    if (whole.size() > 15)
        return false;
    while (frac.size() < 2)
        frac.append(u'0');
    const qint64 value = (whole.isEmpty() ? 0 : whole.toLongLong()) * 100 + frac.toLongLong();
    *minorUnits = negative ? -value : value;
    return true;
}

QString formatMoney(qint64 minorUnits)
{
    const bool negative = minorUnits < 0;
    const quint64 v = negative ? quint64(-minorUnits) : quint64(minorUnits);
    QString s = QString::number(v / 100) + u'.' + QStringLiteral("%1").arg(v % 100, 2, 10, QLatin1Char('0'));
    return negative ? u'-' + s : s;
}

bool parse(const FieldDef &field, const QString &rawText, QVariant *value, QString *error)
{
    const QString text = field.type == FieldType::LongText ? rawText : rawText.trimmed();
    if (text.trimmed().isEmpty()) {
        *value = QVariant();
        return true;
    }
    switch (field.type) {
    case FieldType::Text:
    case FieldType::LongText:
    case FieldType::Url:
    case FieldType::Phone:
        *value = text;
        return true;
    case FieldType::Email: {
        static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
        if (!re.match(text).hasMatch()) {
            *error = fail(field, QT_TRANSLATE_NOOP("Validation", "%1: “%2” is not an email address"), text);
            return false;
        }
        *value = text;
        return true;
    }
    case FieldType::Telegram: {
        static const QRegularExpression re(QStringLiteral("^(?:@|(?:https?://)?t\\.me/)?([A-Za-z0-9_]{4,32})$"));
        const auto m = re.match(text);
        if (!m.hasMatch()) {
            *error = fail(field, QT_TRANSLATE_NOOP("Validation", "%1: “%2” is not a Telegram username"), text);
            return false;
        }
        *value = QString(u'@' + m.captured(1));
        return true;
    }
    case FieldType::Date: {
        QDate d;
        if (!parseDate(text, &d)) {
            *error = fail(
                field, QT_TRANSLATE_NOOP("Validation", "%1: “%2” is not a date (use YYYY-MM-DD or DD.MM.YYYY)"), text);
            return false;
        }
        *value = d.toString(Qt::ISODate);
        return true;
    }
    case FieldType::DateTime: {
        QDateTime dt;
        if (!parseDateTime(text, &dt)) {
            *error = fail(
                field, QT_TRANSLATE_NOOP("Validation", "%1: “%2” is not a date and time (use YYYY-MM-DDTHH:MM)"), text);
            return false;
        }
        *value = toIsoUtc(dt);
        return true;
    }
    case FieldType::DueDate: {
        QDate d;
        if (parseDate(text, &d)) {
            *value = d.toString(Qt::ISODate); // all-day: the same calendar day everywhere
            return true;
        }
        QDateTime dt;
        if (!parseDateTime(text, &dt)) {
            *error = fail(field, QT_TRANSLATE_NOOP("Validation", "%1: “%2” is not a date or a date and time"), text);
            return false;
        }
        *value = toIsoUtc(dt);
        return true;
    }
    case FieldType::Bool: {
        const QString t = text.toLower();
        static const QStringList yes = {QStringLiteral("true"), QStringLiteral("1"), QStringLiteral("yes"),
                                        QStringLiteral("да"),   QStringLiteral("y"), QStringLiteral("x")};
        static const QStringList no = {QStringLiteral("false"), QStringLiteral("0"), QStringLiteral("no"),
                                       QStringLiteral("нет"), QStringLiteral("n")};
        if (yes.contains(t)) {
            *value = qint64(1);
            return true;
        }
        if (no.contains(t)) {
            *value = qint64(0);
            return true;
        }
        *error = fail(field, QT_TRANSLATE_NOOP("Validation", "%1: “%2” is not yes or no (use true or false)"), text);
        return false;
    }
    case FieldType::Integer:
    case FieldType::Percent: {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        if (!ok) {
            *error = fail(field, QT_TRANSLATE_NOOP("Validation", "%1: “%2” is not a whole number"), text);
            return false;
        }
        if (field.type == FieldType::Percent && (n < 0 || n > 100)) {
            *error = fail(field, QT_TRANSLATE_NOOP("Validation", "%1: “%2” is not a percentage from 0 to 100"), text);
            return false;
        }
        *value = n;
        return true;
    }
    case FieldType::Money: {
        qint64 minor = 0;
        if (!parseMoney(text, &minor)) {
            *error
                = fail(field,
                       QT_TRANSLATE_NOOP("Validation",
                                         "%1: “%2” is not an amount of money (at most two decimals, e.g. 150000.50)"),
                       text);
            return false;
        }
        *value = minor;
        return true;
    }
    case FieldType::Currency: {
        const QString c = text.toUpper();
        static const QRegularExpression re(QStringLiteral("^[A-Z]{3}$"));
        if (!re.match(c).hasMatch()) {
            *error = fail(field, QT_TRANSLATE_NOOP("Validation", "%1: “%2” is not a currency code (e.g. RUB)"), text);
            return false;
        }
        *value = c;
        return true;
    }
    case FieldType::Enum: {
        for (const QString &v : field.enumValues) {
            if (v.compare(text, Qt::CaseInsensitive) == 0) {
                *value = v;
                return true;
            }
        }
        *error = QCoreApplication::translate("Validation", "%1: “%2” is not one of: %3")
                     .arg(field.name, text, field.enumValues.join(QStringLiteral(", ")));
        return false;
    }
    case FieldType::Reference:
        if (!isUuid(text)) {
            *error = fail(field, QT_TRANSLATE_NOOP("Validation", "%1: “%2” is not a record id"), text);
            return false;
        }
        *value = text.toLower();
        return true;
    case FieldType::Inn:
        if (!isValidInn(text)) {
            *error = fail(field,
                          QT_TRANSLATE_NOOP("Validation",
                                            "%1: “%2” is not a valid INN (10 or 12 digits with correct check digits)"),
                          text);
            return false;
        }
        *value = text;
        return true;
    case FieldType::Kpp:
        if (!isValidKpp(text)) {
            *error = fail(field, QT_TRANSLATE_NOOP("Validation", "%1: “%2” is not a valid KPP (9 characters)"), text);
            return false;
        }
        *value = text;
        return true;
    case FieldType::Ogrn:
        if (!isValidOgrn(text)) {
            *error
                = fail(field,
                       QT_TRANSLATE_NOOP("Validation",
                                         "%1: “%2” is not a valid OGRN (13 or 15 digits with a correct check digit)"),
                       text);
            return false;
        }
        *value = text;
        return true;
    case FieldType::Tags: {
        QStringList tags;
        const QStringList parts = text.split(u',');
        for (const QString &p : parts) {
            const QString t = p.trimmed();
            if (!t.isEmpty() && !tags.contains(t))
                tags << t;
        }
        *value = tags.join(QStringLiteral(", "));
        return true;
    }
    }
    *value = text;
    return true;
}

QString toText(const FieldDef &field, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QString();
    switch (field.type) {
    case FieldType::Money:
        return formatMoney(value.toLongLong());
    case FieldType::Bool:
        return value.toLongLong() ? QStringLiteral("true") : QStringLiteral("false");
    case FieldType::Integer:
    case FieldType::Percent:
        return QString::number(value.toLongLong());
    default:
        return value.toString();
    }
}

QJsonValue toJson(const FieldDef &field, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (field.type) {
    case FieldType::Bool:
        return QJsonValue(value.toLongLong() != 0);
    case FieldType::Integer:
    case FieldType::Percent:
        return QJsonValue(value.toLongLong());
    default:
        return QJsonValue(toText(field, value));
    }
}

QString textFromJson(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d, 'f', 2);
    }
    case QJsonValue::String:
        return value.toString();
    default:
        return QString();
    }
}

} // namespace gamix::FieldCodec
