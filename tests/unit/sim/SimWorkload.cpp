// The simulation's workload: what each role writes (creates, edits, deletes, restores,
// reassignments, duplicate imports and their merges), noting every write for verify().

#include "SimWorld.h"

#include <QtTest>

namespace gamix::sim {

QList<FieldWrite> SimWorld::ownership(const ClientNode &c, const EntityDef &e, bool reassign)
{
    // Owner and office of a new record, or of a reassignment, as each role would choose them.
    const bool shared = e.name == u"company" || e.name == u"contact";
    const SyncUser &u = c.user;
    auto anyOffice = [&]() {
        const int k = int(m_rng.bounded(3));
        return k == 2 ? QString() : m_officeIds.at(k);
    };
    QString owner, office;
    if (u.role == u"admin") {
        owner = m_userIds.at(int(m_rng.bounded(qsizetype(m_userIds.size()))));
        office = officeOf(owner);
        if (office.isEmpty() || (shared && m_rng.bounded(3) == 0))
            office = anyOffice(); // companies and contacts also move between offices
    } else if (u.role == u"manager") {
        QStringList staff;
        for (const SyncUser &x : m_users) {
            if (x.officeId == u.officeId)
                staff << x.id;
        }
        owner = staff.at(int(m_rng.bounded(qsizetype(staff.size()))));
        office = u.officeId;
    } else {
        // Sales: their own records; now and then someone else's, which the server refuses.
        owner
            = reassign || m_rng.bounded(10) == 0 ? m_userIds.at(int(m_rng.bounded(qsizetype(m_userIds.size())))) : u.id;
        office = u.officeId;
    }
    if (reassign && shared && u.role == u"admin" && m_rng.bounded(2))
        return {FieldWrite {QStringLiteral("office_id"), office}};
    return {FieldWrite {QStringLiteral("owner_id"), owner}, FieldWrite {QStringLiteral("office_id"), office}};
}

void SimWorld::randomWrite(ClientNode &c)
{
    static const QStringList words {QStringLiteral("Иван"),  QStringLiteral("Мария"), QStringLiteral("Пётр"),
                                    QStringLiteral("Ольга"), QStringLiteral("Анна"),  QStringLiteral("Павел")};
    static const QStringList cities {QStringLiteral("Москва"), QStringLiteral("Казань"), QStringLiteral("Тверь")};
    Store &s = *c.store;
    const EntityDef &contact = *Schema::instance().entity(u"contact");
    const EntityDef &company = *Schema::instance().entity(u"company");
    const int op = int(m_rng.bounded(100));
    auto word = [&]() {
        return words.at(int(m_rng.bounded(qsizetype(words.size()))));
    };
    if (op >= 5 && op < 10 && !m_records.isEmpty()) {
        // A task about a contact this replica sees: a reference a merge must repoint.
        const EntityDef &task = *Schema::instance().entity(u"task");
        const auto [entityName, contactId] = m_records.at(int(m_rng.bounded(qsizetype(m_records.size()))));
        if (entityName != u"contact" || !s.get(contact, contactId).isValid())
            return;
        const WriteResult w = s.create(task,
                                       QList<FieldWrite> {FieldWrite {QStringLiteral("title"), word()},
                                                          FieldWrite {QStringLiteral("contact_id"), contactId}}
                                           + ownership(c, task, false),
                                       newId());
        QVERIFY2(w.ok, qPrintable(w.errorText()));
        noteWrites(task, w.id, Record(), s.get(task, w.id, true));
        m_records.append({task.name, w.id});
        ++m_ops;
        return;
    }
    if (op < 22 || m_records.isEmpty()) {
        const bool isCompany = op < 5;
        const bool isSale = op >= 10 && op < 14; // a lead or a deal
        const EntityDef &e = isCompany ? company
            : isSale                   ? *Schema::instance().entity(op % 2 ? u"lead" : u"deal")
                                       : contact;
        QList<FieldWrite> fields = ownership(c, e, false);
        if (isCompany)
            fields << FieldWrite {QStringLiteral("name"), word() + QStringLiteral(" ООО")};
        else if (isSale)
            fields << FieldWrite {QStringLiteral("title"), word()};
        else
            fields << FieldWrite {QStringLiteral("first_name"), word()}
                   << FieldWrite {QStringLiteral("email"), QStringLiteral("p%1@example.ru").arg(m_rng.bounded(300))};
        const WriteResult w = s.create(e, fields, newId());
        QVERIFY2(w.ok, qPrintable(w.errorText()));
        noteWrites(e, w.id, Record(), s.get(e, w.id, true));
        m_records.append({e.name, w.id});
        ++m_ops;
        return;
    }
    const auto [entityName, id] = m_records.at(int(m_rng.bounded(qsizetype(m_records.size()))));
    const EntityDef &e = *Schema::instance().entity(entityName);
    const Record before = s.get(e, id, true);
    if (!before.isValid()) {
        if (op < 40 && entityName == u"contact") {
            // A duplicate import: the same person typed in on another machine.
            const WriteResult w = s.create(
                contact,
                {FieldWrite {QStringLiteral("first_name"), word()},
                 FieldWrite {QStringLiteral("email"), QStringLiteral("p%1@example.ru").arg(m_rng.bounded(300))}},
                newId());
            QVERIFY(w.ok);
            noteWrites(contact, w.id, Record(), s.get(contact, w.id, true));
            m_records.append({contact.name, w.id});
            ++m_ops;
        }
        return; // this replica has not seen it yet
    }
    WriteResult w;
    if (op < 70) {
        QList<FieldWrite> fields;
        if (entityName == u"company")
            fields << FieldWrite {m_rng.bounded(2) ? QStringLiteral("name") : QStringLiteral("city"),
                                  m_rng.bounded(2) ? word() : cities.at(int(m_rng.bounded(3)))};
        else if (entityName == u"task" || entityName == u"lead" || entityName == u"deal")
            fields << FieldWrite {m_rng.bounded(2) ? QStringLiteral("title") : QStringLiteral("notes"), word()};
        else
            fields << FieldWrite {m_rng.bounded(2) ? QStringLiteral("city") : QStringLiteral("last_name"),
                                  m_rng.bounded(2) ? word() : cities.at(int(m_rng.bounded(3)))};
        if (before.isDeleted())
            return;
        w = s.update(e, id, fields);
    } else if (op < 80) {
        w = s.remove(e, id);
    } else if (op < 88) {
        w = s.restore(e, id);
    } else if (op < 92 && !s.duplicateFlags().isEmpty()) {
        // A user merges a pair flagged when duplicate imports met through sync.
        const DuplicateFlag f = s.duplicateFlags().first();
        const bool keepFirst = m_rng.bounded(2) == 0;
        const QString keep = keepFirst ? f.firstId : f.secondId, other = keepFirst ? f.secondId : f.firstId;
        const Record keepBefore = s.get(*f.entity, keep, true), otherBefore = s.get(*f.entity, other, true);
        const EntityDef &task = *Schema::instance().entity(u"task");
        QList<Record> tasksBefore;
        SqliteStmt st = s.db().prepare(QStringLiteral("SELECT id FROM task WHERE contact_id IN (?1, ?2)"));
        st.bind(1, keep).bind(2, other);
        while (st.step())
            tasksBefore << s.get(task, st.text(0), true);
        const WriteResult m = s.mergeRecords(*f.entity, keep, other);
        QVERIFY2(m.ok, qPrintable(m.errorText()));
        const QString gone = m.id == keep ? other : keep;
        for (const Record &t : tasksBefore) {
            const Record after = s.get(task, t.id, true);
            noteWrites(task, t.id, t, after);
            if (!after.isDeleted()) {
                QCOMPARE(after.text(u"contact_id"), m.id); // repointed
                ++m_repointed;
            }
        }
        noteWrites(*f.entity, keep, keepBefore, s.get(*f.entity, keep, true));
        noteWrites(*f.entity, other, otherBefore, s.get(*f.entity, other, true));
        QCOMPARE(s.get(*f.entity, gone, true).text(u"merged_into"), m.id);
        ++m_merges;
        ++m_ops;
        return;
    } else {
        if (before.isDeleted())
            return;
        // A reassignment: the record leaves some views and enters others.
        w = s.update(e, id, ownership(c, e, true));
        m_reassigns += w.ok;
    }
    if (!w.ok)
        return;
    noteWrites(e, id, before, s.get(e, id, true));
    ++m_ops;
}

} // namespace gamix::sim
