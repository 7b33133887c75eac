#pragma once
// Who may read and write what (DESIGN.md §4 "Visibility"): admin all; manager office;
// sales office for companies and contacts, own for leads, deals, tasks and notes.
// Pipelines, stages, users and offices are visible to all and written by admins only.
// A relay (an office server's account) sees its office's records and those of no office,
// or everything when it has no office.
// The server enforces it on every push and pull.

#include <QString>
#include <QVariantList>

namespace gamix {

struct SyncUser
{
    QString id;
    QString login;
    QString role; // admin | manager | sales | relay (an office server's service account)
    QString officeId;
    bool disabled = false;
};

namespace Access {

bool isShared(const QString &entity); // pipeline, stage, user, office
bool isOfficeShared(const QString &entity); // company, contact (office scope for sales)
bool canSee(const SyncUser &user, const QString &visEntity, const QString &ownerId, const QString &officeId);
bool canWriteEntity(const SyncUser &user, const QString &entity);
// The SQL condition over gx_record's vis_entity/owner_id/office_id for this user.
QString sqlFilter(const SyncUser &user, QVariantList *binds);

} // namespace Access

} // namespace gamix
