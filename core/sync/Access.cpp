#include "Access.h"

namespace gamix {

namespace Access {

bool isShared(const QString &entity)
{
    return entity == u"pipeline" || entity == u"stage" || entity == u"user" || entity == u"office";
}

bool isOfficeShared(const QString &entity)
{
    return entity == u"company" || entity == u"contact";
}

bool canSee(const SyncUser &user, const QString &visEntity, const QString &ownerId, const QString &officeId)
{
    if (user.role == u"admin" || isShared(visEntity))
        return true;
    // An office server's account: its office's records and those of no office; all when it has no office.
    if (user.role == u"relay")
        return user.officeId.isEmpty() || officeId.isEmpty() || officeId == user.officeId;
    if (user.role == u"manager")
        return !user.officeId.isEmpty() && officeId == user.officeId;
    if (ownerId == user.id)
        return true;
    // Unassigned records of the office (web-form leads) are the office's to pick up.
    if (!user.officeId.isEmpty() && officeId == user.officeId && (isOfficeShared(visEntity) || ownerId.isEmpty()))
        return true;
    return false;
}

bool canWriteEntity(const SyncUser &user, const QString &entity)
{
    return !isShared(entity) || user.role == u"admin" || user.role == u"relay";
}

QString sqlFilter(const SyncUser &user, QVariantList *binds)
{
    if (user.role == u"admin" || (user.role == u"relay" && user.officeId.isEmpty()))
        return QStringLiteral("1 = 1");
    const QString shared = QStringLiteral("vis_entity IN ('pipeline', 'stage', 'user', 'office')");
    if (user.role == u"relay") {
        binds->append(user.officeId);
        return QStringLiteral("(") + shared + QStringLiteral(" OR office_id IS NULL OR office_id = ?)");
    }
    if (user.role == u"manager") {
        binds->append(user.officeId);
        return QStringLiteral("(") + shared + QStringLiteral(" OR office_id = ?)");
    }
    binds->append(user.id);
    binds->append(user.officeId);
    return QStringLiteral("(") + shared
        + QStringLiteral(" OR owner_id = ? OR (office_id = ? AND (vis_entity IN ('company', 'contact') "
                         "OR owner_id IS NULL)))");
}

} // namespace Access

} // namespace gamix
