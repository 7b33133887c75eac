#pragma once
// One server record's field states in memory (ServerStorage), and the text forms saved with
// it in gx_record: `fields` (per field the change-set form plus `q`, the server sequence of
// its last change, `"u":1` when it came from an upstream server, and `force` while its value
// went back in time: ChangeSet.h), `wire` (the change-set
// fields object a pull sends: spliced into the page as text, never parsed or rebuilt) and
// `solo_site` (the one site that stamped every field: a pull leaves out a replica's own
// records by this column instead of parsing them).

#include "ChangeSet.h"
#include "Replica.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace gamix {

struct StoredField
{
    FieldChange change;
    qint64 q = -1; // -1: changed by the merge in progress, numbered when the record is saved
    bool upstream = false;
    // On a server that relays upstream: the value was written over one of this server's own
    // values that its upstream never received (a chain of edits collapsed here). The prev to
    // relay is then that chain's base, the value the chain's first author saw: relaying the
    // last author's prev would tell the upstream that a value it holds was seen when nobody
    // in the chain saw it, and a concurrent overwrite there would leave no conflict record.
    // Stored as "b"; never on the wire to clients.
    bool hasBase = false;
    Clock base;

    FieldState state() const { return FieldState {change.text, change.clock, change.prev}; }
};

struct StoredFields
{
    QList<StoredField> list; // sorted by name (the order the former QJsonObject form had)

    bool isEmpty() const { return list.isEmpty(); }
    const StoredField *find(QStringView name) const;
    // Inserts or replaces the field of the same name.
    void put(const StoredField &field);
    // The field's canonical text, "" when absent.
    QString text(const char *name) const;
    qint64 maxSeq() const;

    // The `fields` column (written by every version of the server in this form).
    static StoredFields parse(const QString &json);
    static StoredFields parse(const QByteArray &utf8);
    QByteArray storedJson() const;
    QByteArray wireJson() const;
    // Both in one pass (each field's change-set form is written once): what a save stores.
    void writeJson(QByteArray *stored, QByteArray *wire) const;
    // The site hex of every field's clock when they are all the same and none is forced, else "".
    QString soloSite() const;
};

} // namespace gamix
