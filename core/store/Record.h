#pragma once
// One record as read from the local store: stored values by field index (see Schema), plus
// the bookkeeping columns.

#include "Clock.h"
#include "schema/Schema.h"

#include <QJsonObject>
#include <QList>
#include <QVariant>

namespace gamix {

struct Record
{
    const EntityDef *entity = nullptr;
    qint64 rowid = 0;
    QString id;
    QList<QVariant> values; // by field index; null = empty
    QString updatedAt;
    qint64 seq = 0;
    ClockSet clocks;

    bool isValid() const { return entity != nullptr; }
    bool isDeleted() const;
    QVariant value(QStringView field) const;
    QString text(QStringView field) const; // canonical text ("" for empty)
    QString displayName() const;
    // Keys: id, every field name, created_at, updated_at, owner_id, office_id. Empty = null.
    QJsonObject toJson() const;
};

} // namespace gamix
