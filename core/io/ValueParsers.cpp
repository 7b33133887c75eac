#include "ValueParsers.h"

#include "schema/FieldCodec.h"
#include "store/CaseFold.h"

#include <QDateTime>
#include <QTimeZone>

namespace gamix {

namespace ValueParsers {

namespace {

bool isSpaceLike(QChar c)
{
    return c.isSpace() || c == QChar(0x00A0) || c == QChar(0x202F) || c == QChar(0x2009);
}

// Splits "12.05.1980" / "1980-05-12" / "5/12/80" into three digit runs and the separator.
bool splitDate(QStringView s, int parts[3], int lengths[3], QChar *sep)
{
    int n = 0;
    int value = 0;
    int len = 0;
    QChar separator;
    for (qsizetype i = 0; i <= s.size(); ++i) {
        const QChar c = i < s.size() ? s.at(i) : QChar();
        if (i < s.size() && c >= u'0' && c <= u'9') {
            if (++len > 4)
                return false;
            value = value * 10 + (c.unicode() - u'0');
            continue;
        }
        if (len == 0 || n >= 3)
            return false;
        parts[n] = value;
        lengths[n] = len;
        ++n;
        value = 0;
        len = 0;
        if (i == s.size())
            break;
        if (c != u'.' && c != u'-' && c != u'/')
            return false;
        if (!separator.isNull() && separator != c)
            return false;
        separator = c;
    }
    *sep = separator;
    return n == 3;
}

int fullYear(int year, int length)
{
    if (length > 2)
        return year;
    // Two-digit years: the next ten years count as this century, the rest as the last.
    const int now = QDate::currentDate().year();
    const int century = now / 100 * 100;
    return century + year > now + 10 ? century - 100 + year : century + year;
}

// Where the date ends and a time begins ("2025-09-28T10:00", "28.09.2025 10:00:00").
qsizetype dateEnd(QStringView s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (isSpaceLike(c) || c == u'T' || c == u',')
            return i;
    }
    return s.size();
}

bool parseTime(QStringView s, QTime *time, int *offsetSeconds, bool *hasOffset)
{
    *hasOffset = false;
    QStringView t = s.trimmed();
    if (t.isEmpty())
        return false;
    // Offset or Z at the end.
    if (t.endsWith(u'Z') || t.endsWith(u'z')) {
        *hasOffset = true;
        *offsetSeconds = 0;
        t.chop(1);
    } else {
        const qsizetype sign = std::max(t.lastIndexOf(u'+'), t.lastIndexOf(u'-'));
        if (sign > 0) {
            QString off = t.mid(sign + 1).toString().remove(u':');
            bool ok = false;
            const int v = off.toInt(&ok);
            if (ok && (off.size() == 4 || off.size() == 2)) {
                const int h = off.size() == 4 ? v / 100 : v;
                const int m = off.size() == 4 ? v % 100 : 0;
                *offsetSeconds = (h * 3600 + m * 60) * (t.at(sign) == u'-' ? -1 : 1);
                *hasOffset = true;
                t = t.left(sign);
            }
        }
    }
    t = t.trimmed();
    int pm = -1; // -1: 24-hour clock
    const QString lower = t.toString().toLower();
    if (lower.endsWith(QLatin1String("am")) || lower.endsWith(QLatin1String("pm"))) {
        pm = lower.endsWith(QLatin1String("pm")) ? 1 : 0;
        t = t.left(t.size() - 2).trimmed();
    }
    int values[3] = {0, 0, 0};
    int n = 0;
    int ms = 0;
    qsizetype i = 0;
    for (; i < t.size() && n < 3; ++n) {
        int v = 0;
        int len = 0;
        while (i < t.size() && t.at(i).isDigit() && len < 3) {
            v = v * 10 + t.at(i).digitValue();
            ++i;
            ++len;
        }
        if (len == 0)
            return false;
        values[n] = v;
        if (i < t.size() && t.at(i) == u':')
            ++i;
        else
            break;
    }
    ++n;
    if (i < t.size() && (t.at(i) == u'.' || t.at(i) == u',')) {
        ++i;
        int digits = 0;
        while (i < t.size() && t.at(i).isDigit()) {
            if (digits < 3)
                ms = ms * 10 + t.at(i).digitValue();
            ++digits;
            ++i;
        }
        while (digits > 0 && digits < 3) {
            ms *= 10;
            ++digits;
        }
    }
    if (i != t.size() || n < 2)
        return false;
    int hour = values[0];
    if (pm >= 0) {
        if (hour < 1 || hour > 12)
            return false;
        hour = hour % 12 + (pm ? 12 : 0);
    }
    *time = QTime(hour, values[1], values[2], ms);
    return time->isValid();
}

} // namespace

QString unwrapExcel(QStringView cell)
{
    if (cell.size() >= 3 && cell.startsWith(QLatin1String("=\"")) && cell.endsWith(u'"'))
        return cell.mid(2, cell.size() - 3).toString();
    if (cell.size() >= 2 && cell.at(0) == u'\'') {
        const QChar c = cell.at(1);
        if (c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r')
            return cell.mid(1).toString();
    }
    return cell.toString();
}

QDate parseDate(QStringView input, const DateOptions &options, bool *empty)
{
    if (empty)
        *empty = false;
    const QStringView text = input.trimmed();
    if (text.isEmpty()) {
        if (empty)
            *empty = true;
        return {};
    }
    if (!options.userFormat.isEmpty()) {
        const QString s = text.toString();
        QDate d = QDate::fromString(s, options.userFormat);
        if (!d.isValid())
            d = QDateTime::fromString(s, options.userFormat).date();
        if (d.isValid())
            return d;
    }
    // No year: vCard's --MMDD / --MM-DD, Google's --MM-dd.
    if (text.startsWith(QLatin1String("--"))) {
        QString digits = text.mid(2).toString().remove(u'-');
        if (digits.size() == 4)
            return QDate(kNoYear, digits.left(2).toInt(), digits.mid(2).toInt());
        return {};
    }
    const QStringView datePart = text.left(dateEnd(text));
    // yyyyMMdd (vCard 3 basic format).
    if (datePart.size() == 8) {
        bool allDigits = true;
        for (QChar c : datePart)
            allDigits = allDigits && c.isDigit();
        if (allDigits) {
            return QDate(datePart.left(4).toInt(), datePart.mid(4, 2).toInt(), datePart.mid(6, 2).toInt());
        }
    }
    int p[3];
    int len[3];
    QChar sep;
    if (!splitDate(datePart, p, len, &sep))
        return {};
    int y = 0, m = 0, d = 0;
    if (len[0] >= 3) {
        y = p[0];
        m = p[1];
        d = p[2];
    } else {
        y = fullYear(p[2], len[2]);
        bool dayFirst = sep != u'/';
        if (sep == u'/') {
            if (options.slashOrder == SlashOrder::DayFirst)
                dayFirst = true;
            else if (options.slashOrder == SlashOrder::Auto && p[0] > 12)
                dayFirst = true;
        }
        d = dayFirst ? p[0] : p[1];
        m = dayFirst ? p[1] : p[0];
    }
    if (d == 0 && m == 0) { // Outlook writes 0.0.00 / 0/0/00 for "no date"
        if (empty)
            *empty = true;
        return {};
    }
    return QDate(y, m, d);
}

QString parseDateTime(QStringView input, const DateOptions &options, bool *dateOnly)
{
    if (dateOnly)
        *dateOnly = false;
    const QStringView text = input.trimmed();
    if (text.isEmpty())
        return {};
    if (!options.userFormat.isEmpty()) {
        const QDateTime dt = QDateTime::fromString(text.toString(), options.userFormat);
        if (dt.isValid())
            return FieldCodec::toIsoUtc(dt);
    }
    DateOptions plain = options;
    plain.userFormat.clear();
    const QDate date = parseDate(text, plain);
    if (!date.isValid()) {
        if (!options.userFormat.isEmpty()) {
            const QDate d = QDate::fromString(text.toString(), options.userFormat);
            if (d.isValid()) {
                if (dateOnly)
                    *dateOnly = true;
                return d.toString(Qt::ISODate);
            }
        }
        return {};
    }
    qsizetype end = dateEnd(text);
    QStringView rest = text.mid(end);
    while (!rest.isEmpty() && (isSpaceLike(rest.at(0)) || rest.at(0) == u'T' || rest.at(0) == u','))
        rest = rest.mid(1);
    if (rest.isEmpty()) {
        if (dateOnly)
            *dateOnly = true;
        return date.toString(Qt::ISODate);
    }
    QTime time;
    int offset = 0;
    bool hasOffset = false;
    if (!parseTime(rest, &time, &offset, &hasOffset))
        return {};
    const QDateTime dt
        = hasOffset ? QDateTime(date, time, Qt::OffsetFromUTC, offset) : QDateTime(date, time, Qt::LocalTime);
    return FieldCodec::toIsoUtc(dt);
}

QString normaliseAmount(QStringView input)
{
    const QStringView text = input.trimmed();
    QString s;
    s.reserve(text.size());
    bool negative = false;
    for (QChar c : text) {
        if (c.isDigit() && c.unicode() < 128)
            s.append(c);
        else if (c == u'.' || c == u',')
            s.append(c);
        else if (c == u'-' || c == QChar(0x2212))
            negative = s.isEmpty() ? true : negative;
        else if (isSpaceLike(c) || c == u'\'' || c == u'+')
            continue;
        else if (c.isLetter() || c.category() == QChar::Symbol_Currency)
            continue; // "руб.", "RUB", "₽", "$"
        else
            return text.toString();
    }
    while (!s.isEmpty() && !s.back().isDigit())
        s.chop(1); // "руб." leaves a trailing dot
    if (s.isEmpty())
        return text.toString();
    const qsizetype lastDot = s.lastIndexOf(u'.');
    const qsizetype lastComma = s.lastIndexOf(u',');
    qsizetype decimal = -1;
    if (lastDot >= 0 && lastComma >= 0) {
        decimal = std::max(lastDot, lastComma);
    } else {
        const QChar sepChar = lastDot >= 0 ? u'.' : u',';
        const qsizetype last = std::max(lastDot, lastComma);
        // One separator followed by exactly three digits groups thousands ("1,234", "12.000");
        // amounts do not have three decimals.
        if (last >= 0 && s.count(sepChar) == 1 && s.size() - last - 1 != 3)
            decimal = last;
    }
    QString out;
    out.reserve(s.size() + 1);
    if (negative)
        out.append(u'-');
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c.isDigit())
            out.append(c);
        else if (i == decimal)
            out.append(u'.');
    }
    return out;
}

QString emailKey(QStringView email)
{
    QStringView e = email.trimmed();
    if (e.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
        e = e.mid(7);
    return CaseFold::fold(e);
}

namespace {

QString boolText(QStringView text)
{
    const QString t = text.trimmed().toString().toLower();
    static const QStringList yes
        = {QStringLiteral("да"), QStringLiteral("yes"), QStringLiteral("y"),      QStringLiteral("true"),
           QStringLiteral("1"),  QStringLiteral("x"),   QStringLiteral("истина"), QStringLiteral("вкл"),
           QStringLiteral("on"), QStringLiteral("✓"),   QStringLiteral("+")};
    static const QStringList no = {QStringLiteral("нет"),   QStringLiteral("no"),  QStringLiteral("n"),
                                   QStringLiteral("false"), QStringLiteral("0"),   QStringLiteral("ложь"),
                                   QStringLiteral("выкл"),  QStringLiteral("off"), QStringLiteral("-")};
    if (yes.contains(t))
        return QStringLiteral("true");
    if (no.contains(t))
        return QStringLiteral("false");
    return t;
}

QString enumText(const FieldDef &field, QStringView text)
{
    const QString t = text.trimmed().toString().toLower();
    struct Word
    {
        const char16_t *word;
        const char *value;
    };
    static const Word words[] = {
        {u"новый", "new"},
        {u"новая", "new"},
        {u"в работе", "working"},
        {u"в обработке", "working"},
        {u"сконвертирован", "converted"},
        {u"конвертирован", "converted"},
        {u"проиграна", "lost"},
        {u"потерян", "lost"},
        {u"некачественный лид", "lost"},
        {u"закрыто и не реализовано", "lost"},
        {u"успешно реализовано", "won"},
        {u"выиграна", "won"},
        {u"открыта", "open"},
        {u"в работе", "open"},
        {u"высокий", "high"},
        {u"высокая", "high"},
        {u"низкий", "low"},
        {u"низкая", "low"},
        {u"обычный", "normal"},
        {u"обычная", "normal"},
        {u"средний", "normal"},
        {u"medium", "normal"},
        {u"звонок", "call"},
        {u"встреча", "meeting"},
        {u"письмо", "email"},
        {u"заметка", "note"},
    };
    for (const QString &v : field.enumValues) {
        if (v == t)
            return v;
    }
    for (const Word &w : words) {
        const QString value = QString::fromLatin1(w.value);
        if (t == QStringView(w.word) && field.enumValues.contains(value))
            return value;
    }
    return text.trimmed().toString();
}

QString tagsText(QStringView text)
{
    QString s = text.toString();
    s.replace(QLatin1String(" ::: "), QLatin1String(","));
    s.replace(u';', u',');
    QStringList tags;
    for (const QString &part : s.split(u',')) {
        const QString t = part.trimmed();
        // Google's system groups are not user labels.
        if (t.isEmpty() || t.startsWith(QLatin1String("* ")) || t == u"System Group: My Contacts")
            continue;
        tags << t;
    }
    return tags.join(u',');
}

} // namespace

QString toFieldText(const FieldDef &field, QStringView cell, const DateOptions &options)
{
    switch (field.type) {
    case FieldType::LongText:
        return options.excelGuards ? unwrapExcel(cell) : cell.toString();
    case FieldType::Date: {
        bool empty = false;
        const QDate d = parseDate(cell, options, &empty);
        if (d.isValid())
            return d.toString(Qt::ISODate);
        return empty ? QString() : cell.trimmed().toString();
    }
    case FieldType::DateTime: {
        bool empty = false;
        if (parseDate(cell, options, &empty).isNull() && empty)
            return {};
        const QString iso = parseDateTime(cell, options);
        return iso.isEmpty() ? cell.trimmed().toString() : iso;
    }
    case FieldType::DueDate: {
        bool empty = false;
        if (parseDate(cell, options, &empty).isNull() && empty)
            return {};
        const QString iso = parseDateTime(cell, options);
        return iso.isEmpty() ? cell.trimmed().toString() : iso;
    }
    case FieldType::Money:
        return normaliseAmount(options.excelGuards ? unwrapExcel(cell.trimmed()) : cell.trimmed().toString());
    case FieldType::Bool:
        return boolText(cell);
    case FieldType::Enum:
        return enumText(field, cell);
    case FieldType::Tags:
        return tagsText(cell);
    case FieldType::Email: {
        QStringView e = cell.trimmed();
        if (e.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
            e = e.mid(7);
        return e.toString();
    }
    case FieldType::Integer:
    case FieldType::Percent: {
        QString s = cell.trimmed().toString();
        s.remove(u'%');
        s.remove(u' ');
        s.remove(QChar(0x00A0));
        return s;
    }
    default:
        return options.excelGuards ? unwrapExcel(cell.trimmed()) : cell.trimmed().toString();
    }
}

} // namespace ValueParsers

} // namespace gamix
