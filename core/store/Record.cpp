#include "Record.h"

#include "schema/FieldCodec.h"

namespace gamix {

bool Record::isDeleted() const
{
    return entity && values.value(entity->deletedIndex()).toLongLong() != 0;
}

QVariant Record::value(QStringView field) const
{
    const int i = entity ? entity->fieldIndex(field) : -1;
    return i < 0 ? QVariant() : values.value(i);
}

QString Record::text(QStringView field) const
{
    const int i = entity ? entity->fieldIndex(field) : -1;
    return i < 0 ? QString() : FieldCodec::toText(entity->fields.at(i), values.value(i));
}

QString Record::displayName() const
{
    if (!entity)
        return QString();
    if (entity->name == u"contact") {
        QStringList parts;
        for (const char *f : {"last_name", "first_name", "middle_name"}) {
            const QString t = text(QString::fromLatin1(f));
            if (!t.isEmpty())
                parts << t;
        }
        if (!parts.isEmpty())
            return parts.join(u' ');
        const QString email = text(u"email");
        return email.isEmpty() ? text(u"phone") : email;
    }
    const QString name = text(entity->displayField);
    return name.isEmpty() ? id : name;
}

QJsonObject Record::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    for (int i = 0; i < entity->fields.size(); ++i) {
        const FieldDef &f = entity->fields.at(i);
        if (f.name == QLatin1String(kDeletedField))
            continue;
        o.insert(f.name, FieldCodec::toJson(f, values.value(i)));
    }
    o.insert(QStringLiteral("updated_at"), updatedAt.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(updatedAt));
    return o;
}

} // namespace gamix
