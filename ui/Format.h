#pragma once
// How stored values look on screen: money in roubles for the UI locale, dates and times in
// local short form, enum values and seed stage names translated. One place, so a list, a
// form and the board never disagree.

#include "schema/Schema.h"

#include <QCoreApplication>
#include <QString>
#include <QVariant>

namespace gamix {

class Store;

class Format
{
    Q_DECLARE_TR_FUNCTIONS(Format)
public:
    static QString money(qint64 minorUnits, const QString &currency = QStringLiteral("RUB"));
    static QString date(const QString &isoDate);
    static QString dateTime(const QString &isoUtc);
    static QString due(const QString &dueAt); // date alone for all-day tasks
    static QString enumLabel(const FieldDef &field, const QString &value);
    static QString stageName(const QString &seedName);
    // Display text of a stored value. References are resolved through the store.
    static QString value(const FieldDef &field, const QVariant &stored, Store *store = nullptr);
    // A link (tel:, mailto:, t.me) for phone, email and Telegram values; empty otherwise.
    static QString linkUrl(const FieldDef &field, const QString &text);
};

} // namespace gamix
