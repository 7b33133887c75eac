#include "CliDuplicates.h"

#include "store/Store.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gamix {

namespace {

bool openExisting(Store &store, const QString &dbPath, QTextStream &err)
{
    QString error;
    if (!QFileInfo::exists(dbPath)) {
        err << QCoreApplication::translate("Cli",
                                           "there is no database at %1 (create one with: gamix-cli --db %1 init)")
                   .arg(dbPath)
            << Qt::endl;
        return false;
    }
    if (!store.open(dbPath, &error)) {
        err << error << Qt::endl;
        return false;
    }
    return true;
}

} // namespace

int runCliDuplicates(const QStringList &args, const QString &dbPath, bool json, QTextStream &out, QTextStream &err)
{
    if (!args.isEmpty()) {
        err << QCoreApplication::translate("Cli", "usage: duplicates") << Qt::endl;
        return 2;
    }
    Store store;
    if (!openExisting(store, dbPath, err))
        return 1;
    const QList<DuplicateFlag> flags = store.duplicateFlags();
    if (json) {
        QJsonArray arr;
        for (const DuplicateFlag &f : flags) {
            const Record a = store.get(*f.entity, f.firstId), b = store.get(*f.entity, f.secondId);
            arr.append(QJsonObject {{QStringLiteral("id"), f.id},
                                    {QStringLiteral("entity"), f.entity->name},
                                    {QStringLiteral("first"), a.toJson()},
                                    {QStringLiteral("second"), b.toJson()}});
        }
        out << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented));
    } else {
        for (const DuplicateFlag &f : flags) {
            const Record a = store.get(*f.entity, f.firstId), b = store.get(*f.entity, f.secondId);
            out << f.entity->name << u' ' << f.firstId << QStringLiteral(" “") << a.displayName()
                << QStringLiteral("” = ") << f.secondId << QStringLiteral(" “") << b.displayName()
                << QStringLiteral("”") << Qt::endl;
        }
    }
    return 0;
}

int runCliMerge(const QStringList &args, const QString &dbPath, bool json, QTextStream &out, QTextStream &err)
{
    const EntityDef *entity = args.size() == 3 ? Schema::instance().entity(args.at(0)) : nullptr;
    if (!entity) {
        err << QCoreApplication::translate("Cli", "usage: merge ENTITY KEEP_ID OTHER_ID") << Qt::endl;
        return 2;
    }
    Store store;
    if (!openExisting(store, dbPath, err))
        return 1;
    const WriteResult w = store.mergeRecords(*entity, args.at(1), args.at(2));
    if (!w.ok) {
        err << w.errorText() << Qt::endl;
        return 1;
    }
    if (json)
        out << QString::fromUtf8(QJsonDocument(store.get(*entity, w.id).toJson()).toJson(QJsonDocument::Indented));
    else
        out << w.id << Qt::endl;
    return 0;
}

} // namespace gamix
