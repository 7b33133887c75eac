// libFuzzer target for ChangeSetReader, the server's hand-written reader of push bodies
// (untrusted input from the network). Beyond "no crash, no leak, no UB" it checks the
// reader's promise: whenever it answers, the slow way (QJsonDocument and
// RecordChange::fromJson) accepts the same body and gives the same records, field by
// field, and the same other members.
#include "sync/ChangeSet.h"
#include "sync/ChangeSetReader.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

using namespace gamix;

namespace {

bool sameField(const FieldChange &a, const FieldChange &b)
{
    return a.name == b.name && a.text == b.text && a.clock == b.clock && a.prev == b.prev && a.force == b.force;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<RecordChange> fast;
    QJsonObject members;
    if (!ChangeSetReader::read(input, &fast, &members))
        return 0; // it gave up: the slow way decides, nothing to compare
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(input, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        std::abort(); // answered for a body that is not JSON
    QJsonObject object = doc.object();
    const QJsonArray slowRecords = object.take(QLatin1String("records")).toArray();
    if (object != members || slowRecords.size() != fast.size())
        std::abort();
    for (qsizetype i = 0; i < fast.size(); ++i) {
        RecordChange slow;
        QString error;
        if (!RecordChange::fromJson(slowRecords.at(i).toObject(), &slow, &error))
            std::abort(); // answered for a record the slow way refuses
        const RecordChange &f = fast.at(i);
        if (slow.entity != f.entity || slow.id != f.id || slow.fields.size() != f.fields.size())
            std::abort();
        for (qsizetype k = 0; k < f.fields.size(); ++k) {
            if (!sameField(slow.fields.at(k), f.fields.at(k)))
                std::abort();
        }
    }
    return 0;
}
