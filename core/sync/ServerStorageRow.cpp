#include "ServerStorageRow.h"

#include "schema/FieldCodec.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <charconv>

namespace gamix {

namespace {

bool nameLess(const StoredField &a, QStringView name)
{
    return a.change.name < name;
}

} // namespace

const StoredField *StoredFields::find(QStringView name) const
{
    const auto it = std::lower_bound(list.cbegin(), list.cend(), name, nameLess);
    return it != list.cend() && it->change.name == name ? &*it : nullptr;
}

void StoredFields::put(const StoredField &field)
{
    const auto it = std::lower_bound(list.begin(), list.end(), QStringView(field.change.name), nameLess);
    if (it != list.end() && it->change.name == field.change.name)
        *it = field;
    else
        list.insert(it, field);
}

QString StoredFields::text(const char *name) const
{
    const StoredField *f = find(QString::fromLatin1(name));
    return f ? f->change.text : QString();
}

qint64 StoredFields::maxSeq() const
{
    qint64 seq = 0;
    for (const StoredField &f : list)
        seq = std::max(seq, f.q);
    return seq;
}

StoredFields StoredFields::parse(const QString &json)
{
    return parse(json.toUtf8());
}

StoredFields StoredFields::parse(const QByteArray &utf8)
{
    StoredFields out;
    const QJsonObject o = QJsonDocument::fromJson(utf8).object();
    out.list.reserve(o.size());
    // QJsonObject iterates its keys sorted, which is the order `list` keeps.
    for (auto it = o.begin(); it != o.end(); ++it) {
        StoredField f;
        ChangeSetJson::fieldFromJson(QString(), it.key(), it.value(), &f.change);
        f.change.name = it.key();
        const QJsonObject fo = it.value().toObject();
        f.q = qint64(fo.value(QLatin1String("q")).toDouble());
        f.upstream = fo.value(QLatin1String("u")).toInt() == 1;
        const QJsonValue b = fo.value(QLatin1String("b"));
        if (b.isObject()) {
            const QJsonObject bo = b.toObject();
            f.hasBase = true;
            f.base.hlc = bo.value(QLatin1String("hlc")).toString().toULongLong();
            Clock::siteFromHex(bo.value(QLatin1String("site")).toString(), &f.base.site);
        }
        out.list.append(f);
    }
    return out;
}

namespace {

template<typename Int> void appendNumber(QByteArray &out, Int n)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    out.append(buf, r.ptr - buf);
}

} // namespace

void StoredFields::writeJson(QByteArray *stored, QByteArray *wire) const
{
    // Each field's change-set form is written once, into `wire` (or a scratch buffer), and
    // copied from there into `stored` with q, u and b put before its closing brace.
    QByteArray scratch;
    QByteArray &out = wire ? *wire : scratch;
    if (stored) {
        stored->reserve(stored->size() + list.size() * 110);
        *stored += '{';
    }
    if (wire) {
        wire->reserve(wire->size() + list.size() * 96);
        *wire += '{';
    }
    for (int i = 0; i < list.size(); ++i) {
        const StoredField &f = list.at(i);
        if (!wire)
            scratch.clear();
        else if (i > 0)
            *wire += ',';
        const qsizetype start = out.size();
        ChangeSetJson::appendString(out, f.change.name);
        out += ':';
        ChangeSetJson::appendField(out, f.change);
        if (stored) {
            if (i > 0)
                *stored += ',';
            stored->append(out.constData() + start, out.size() - start - 1); // without '}': q and u go inside
            *stored += ",\"q\":";
            appendNumber(*stored, f.q);
            if (f.upstream)
                *stored += ",\"u\":1";
            if (f.hasBase) {
                *stored += ",\"b\":{\"hlc\":\"";
                appendNumber(*stored, f.base.hlc);
                *stored += "\",\"site\":\"";
                *stored += f.base.siteHex().toLatin1();
                *stored += "\"}";
            }
            *stored += '}';
        }
    }
    if (stored)
        *stored += '}';
    if (wire)
        *wire += '}';
}

QByteArray StoredFields::storedJson() const
{
    QByteArray out;
    writeJson(&out, nullptr);
    return out;
}

QByteArray StoredFields::wireJson() const
{
    QByteArray out;
    writeJson(nullptr, &out);
    return out;
}

QString StoredFields::soloSite() const
{
    if (list.isEmpty())
        return QString();
    const SiteId site = list.first().change.clock.site;
    for (const StoredField &f : list) {
        // A forced field goes to its own site too: that replica holds a newer, refused value.
        if (f.change.clock.site != site || !f.change.force.isZero())
            return QString();
    }
    return list.first().change.clock.siteHex();
}

} // namespace gamix
