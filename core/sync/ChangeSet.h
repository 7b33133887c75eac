#pragma once
// The change set that travels between replicas (DESIGN.md §4): changes grouped by record,
// `{entity, id, fields: {name: {v, hlc, site, prev}}}`. `v` is the field's JSON form
// (FieldCodec::toJson: null when empty), `hlc` a decimal string (64 bits do not fit a
// JSON double), `site` 32 hex digits, `prev` the clock the author saw, as
// `{hlc, site}`, omitted when zero (a field written for the first time).
//
// `force` (`{hlc, site}`, omitted when zero), only in pull pages of an office server: the
// office took this value back from its upstream, which refused the office's newer one
// (forbidden/invalid), so its clock may be older than what the office's clients hold. A
// receiver whose own clock for the field is at most `force` takes value and clock as
// given (last-writer-wins would ignore the older clock and keep the refused value
// forever), unless its own value there is not pushed yet (its push will be judged): see
// MergeRule::decide. When its clock is `force` itself, its value is the refused one and it
// keeps it as a conflict record (the record the office made, same id). `force` is the
// highest clock the office held for the field since the force began, so a receiver whose
// clock is newer holds a write the office had not judged yet (a pull page delivered late)
// and keeps it; an accepted write older than `force` stays forced, and the first accepted
// write newer than it ends the force. A server ignores `force` in pushes (a client cannot
// force) and never relays it upstream; an office of an office honours it from its upstream
// and passes it on to its own clients.

#include "store/Clock.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace gamix {

enum class FieldStatus { Accepted, Superseded, Forbidden, Invalid };
QString fieldStatusName(FieldStatus status);
bool fieldStatusFromName(QStringView name, FieldStatus *status);

struct FieldChange
{
    QString name;
    QString text; // canonical text form (FieldCodec::toText); "" is empty (null)
    Clock clock;
    Clock prev;
    Clock force; // see the file's header; zero: none
};

struct RecordChange
{
    QString entity;
    QString id;
    QList<FieldChange> fields;

    QJsonObject toJson() const;
    // The same object as compact JSON text, appended to `out` (no QJsonObject in between:
    // building 100k records through QJsonDocument was a third of a push's client time).
    void appendJson(QByteArray &out) const;
    // false (with a message) when the object is not a record change.
    static bool fromJson(const QJsonObject &object, RecordChange *out, QString *error);
    const FieldChange *field(QStringView name) const;
};

namespace ChangeSetJson {
QJsonObject clockToJson(const Clock &clock);
bool clockFromJson(const QJsonValue &value, Clock *clock);
QJsonObject fieldToJson(const QString &entity, const FieldChange &field);
bool fieldFromJson(const QString &entity, const QString &name, const QJsonValue &value, FieldChange *out);
// `s` as a JSON string literal (quotes included), UTF-8.
void appendString(QByteArray &out, QStringView s);
// {"v":...,"hlc":"...","site":"...","prev":{...},"force":{...}}: the text form of fieldToJson().
void appendField(QByteArray &out, const FieldChange &field);
// A decimal string or a JSON number.
bool hlcFromJson(const QJsonValue &value, quint64 *hlc);
} // namespace ChangeSetJson

} // namespace gamix
