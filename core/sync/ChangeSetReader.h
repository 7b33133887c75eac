#pragma once
// A fast reader of the bodies that carry change sets (a push body, a pull page):
// `{..., "records": [{entity, id, fields: {name: {v, hlc, site, prev}}}, ...], ...}`,
// straight from the UTF-8 text into RecordChange, without a QJsonDocument tree (parsing
// and freeing that tree was about a fifth of the server's push and of a client's pull).
// It only answers for the common, well-formed case and gives up on anything else (any
// JSON it does not expect, an invalid record, a number where a string is usual,
// duplicate keys, ...): the caller then parses the body the slow way, which stays the
// authority for errors. When it answers, the result is the one the slow way gives
// (RecordChange::fromJson over QJsonDocument), fields in the same (sorted) order.

#include "ChangeSet.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace gamix {

class ChangeSetReader
{
public:
    // True when `json` is an object with a "records" array of valid change sets: fills
    // `records` and `members` (every other member of the object, e.g. batch_id, next,
    // more, purge). False: nothing decided, parse it the slow way.
    static bool read(const QByteArray &json, QList<RecordChange> *records, QJsonObject *members);
};

} // namespace gamix
