#include "ChangeSet.h"

#include "schema/FieldCodec.h"

#include <QCoreApplication>

#include <cstring>

namespace gamix {

QString fieldStatusName(FieldStatus status)
{
    switch (status) {
    case FieldStatus::Accepted:
        return QStringLiteral("accepted");
    case FieldStatus::Superseded:
        return QStringLiteral("superseded");
    case FieldStatus::Forbidden:
        return QStringLiteral("forbidden");
    case FieldStatus::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

bool fieldStatusFromName(QStringView name, FieldStatus *status)
{
    static const FieldStatus all[]
        = {FieldStatus::Accepted, FieldStatus::Superseded, FieldStatus::Forbidden, FieldStatus::Invalid};
    for (FieldStatus s : all) {
        if (fieldStatusName(s) == name) {
            *status = s;
            return true;
        }
    }
    return false;
}

namespace ChangeSetJson {

bool hlcFromJson(const QJsonValue &value, quint64 *hlc)
{
    if (value.isString()) {
        bool ok = false;
        *hlc = value.toString().toULongLong(&ok);
        return ok;
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d < 0 || d > 9007199254740992.0)
            return false;
        *hlc = quint64(d);
        return true;
    }
    return false;
}

QJsonObject clockToJson(const Clock &clock)
{
    return QJsonObject {{QStringLiteral("hlc"), QString::number(clock.hlc)}, {QStringLiteral("site"), clock.siteHex()}};
}

bool clockFromJson(const QJsonValue &value, Clock *clock)
{
    *clock = Clock();
    if (value.isUndefined() || value.isNull())
        return true;
    const QJsonObject o = value.toObject();
    return hlcFromJson(o.value(QLatin1String("hlc")), &clock->hlc)
        && Clock::siteFromHex(o.value(QLatin1String("site")).toString(), &clock->site);
}

QJsonObject fieldToJson(const QString &, const FieldChange &field)
{
    QJsonObject o;
    o.insert(QStringLiteral("v"), field.text.isEmpty() ? QJsonValue() : QJsonValue(field.text));
    o.insert(QStringLiteral("hlc"), QString::number(field.clock.hlc));
    o.insert(QStringLiteral("site"), field.clock.siteHex());
    if (!field.prev.isZero())
        o.insert(QStringLiteral("prev"), clockToJson(field.prev));
    if (!field.force.isZero())
        o.insert(QStringLiteral("force"), clockToJson(field.force));
    return o;
}

bool fieldFromJson(const QString &, const QString &name, const QJsonValue &value, FieldChange *out)
{
    if (!value.isObject())
        return false;
    const QJsonObject o = value.toObject();
    out->name = name;
    out->text = FieldCodec::textFromJson(o.value(QLatin1String("v")));
    return hlcFromJson(o.value(QLatin1String("hlc")), &out->clock.hlc)
        && Clock::siteFromHex(o.value(QLatin1String("site")).toString(), &out->clock.site)
        && clockFromJson(o.value(QLatin1String("prev")), &out->prev)
        && clockFromJson(o.value(QLatin1String("force")), &out->force);
}

void appendString(QByteArray &out, QStringView s)
{
    static const char hex[] = "0123456789abcdef";
    // Names and ids are plain ASCII: written straight through, without a UTF-8 copy.
    bool plain = true;
    for (const QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() >= 0x7f || c == u'"' || c == u'\\') {
            plain = false;
            break;
        }
    }
    if (plain) {
        const qsizetype at = out.size();
        out.resize(at + s.size() + 2);
        char *p = out.data() + at;
        *p++ = '"';
        for (const QChar c : s)
            *p++ = char(c.unicode());
        *p = '"';
        return;
    }
    const QByteArray utf8 = s.toUtf8();
    out += '"';
    const char *begin = utf8.constData();
    const char *run = begin;
    const char *end = begin + utf8.size();
    for (const char *p = begin; p != end; ++p) {
        const uchar c = uchar(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p - run);
        run = p + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    out.append(run, end - run);
    out += '"';
}

namespace {

// Digits and hex written in place (no QString or QByteArray per clock: a save and a push
// body write two clocks per field).
void appendClock(QByteArray &out, const Clock &clock)
{
    static const char hex[] = "0123456789abcdef";
    char buf[96];
    char *p = buf;
    std::memcpy(p, "\"hlc\":\"", 7);
    p += 7;
    char digits[20];
    int n = 0;
    quint64 v = clock.hlc;
    do {
        digits[n++] = char('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *p++ = digits[--n];
    std::memcpy(p, "\",\"site\":\"", 10);
    p += 10;
    for (const quint8 b : clock.site) {
        *p++ = hex[b >> 4];
        *p++ = hex[b & 0xf];
    }
    *p++ = '"';
    out.append(buf, p - buf);
}

} // namespace

void appendField(QByteArray &out, const FieldChange &field)
{
    out += "{\"v\":";
    if (field.text.isEmpty())
        out += "null";
    else
        appendString(out, field.text);
    out += ',';
    appendClock(out, field.clock);
    if (!field.prev.isZero()) {
        out += ",\"prev\":{";
        appendClock(out, field.prev);
        out += '}';
    }
    if (!field.force.isZero()) {
        out += ",\"force\":{";
        appendClock(out, field.force);
        out += '}';
    }
    out += '}';
}

} // namespace ChangeSetJson

void RecordChange::appendJson(QByteArray &out) const
{
    out += "{\"entity\":";
    ChangeSetJson::appendString(out, entity);
    out += ",\"id\":";
    ChangeSetJson::appendString(out, id);
    out += ",\"fields\":{";
    for (int i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        ChangeSetJson::appendString(out, fields.at(i).name);
        out += ':';
        ChangeSetJson::appendField(out, fields.at(i));
    }
    out += "}}";
}

QJsonObject RecordChange::toJson() const
{
    QJsonObject f;
    for (const FieldChange &c : fields)
        f.insert(c.name, ChangeSetJson::fieldToJson(entity, c));
    return QJsonObject {{QStringLiteral("entity"), entity}, {QStringLiteral("id"), id}, {QStringLiteral("fields"), f}};
}

bool RecordChange::fromJson(const QJsonObject &object, RecordChange *out, QString *error)
{
    out->entity = object.value(QLatin1String("entity")).toString();
    out->id = object.value(QLatin1String("id")).toString().toLower();
    out->fields.clear();
    if (out->entity.isEmpty() || out->id.isEmpty() || out->id.size() > 64) {
        *error = QCoreApplication::translate("Sync", "a record without entity or id");
        return false;
    }
    const QJsonValue fv = object.value(QLatin1String("fields"));
    if (!fv.isObject()) {
        *error = QCoreApplication::translate("Sync", "%1 %2: fields must be an object").arg(out->entity, out->id);
        return false;
    }
    const QJsonObject fo = fv.toObject();
    for (auto it = fo.begin(); it != fo.end(); ++it) {
        FieldChange c;
        if (!ChangeSetJson::fieldFromJson(out->entity, it.key(), it.value(), &c)) {
            *error = QCoreApplication::translate("Sync", "%1 %2: field %3 is not {v, hlc, site, prev}")
                         .arg(out->entity, out->id, it.key());
            return false;
        }
        out->fields.append(c);
    }
    return true;
}

const FieldChange *RecordChange::field(QStringView name) const
{
    for (const FieldChange &c : fields) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

} // namespace gamix
