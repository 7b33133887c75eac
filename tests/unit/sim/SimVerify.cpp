// The checks after quiescence (the list is in tst_sync_simulation.cpp's first comment):
// every replica holds what its user may see with the central server's values, the latest
// accepted write everywhere, a conflict record for every concurrent overwrite, and
// duplicate imports flagged and merged.

#include "SimWorld.h"

#include "sync/Access.h"
#include "sync/ServerStorage.h"

#include <QSqlQuery>
#include <QtTest>

namespace gamix::sim {

void SimWorld::verify(quint32 seed)
{
    // 1. Every replica holds exactly the records its user may see (DESIGN.md §4), with the
    // central server's values and clocks; nothing it may not see (a lead reassigned away is
    // gone). Who may see what comes from the central server's final rows through Access; a
    // client of an office server sees only what that office's relay account sees.
    const Dump central = dumpServer(*m_servers[0]->storage);
    struct Placement
    {
        QString visEntity, owner, office;
    };
    QHash<QString, Placement> placement; // "entity|id"
    {
        QSqlDatabase db = m_servers[0]->db->connection();
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT entity, id, vis_entity, owner_id, office_id FROM gx_record")));
        while (q.next())
            placement.insert(q.value(0).toString() + u'|' + q.value(1).toString(),
                             Placement {q.value(2).toString(), q.value(3).toString(), q.value(4).toString()});
    }
    // Records the central server lacks because their writes were not accepted (a sales user's
    // record made for another user, refused): the server removes them from their author too.
    QHash<QString, SiteId> refusedRecords; // "entity|id" -> the site that made it
    for (auto it = m_writes.begin(); it != m_writes.end(); ++it) {
        const QString rec = it.key().section(u'|', 0, 1);
        if (placement.contains(rec))
            continue;
        for (const Write &w : it.value()) {
            if (!accepted(it.key(), w))
                refusedRecords.insert(rec, it.value().first().clock.site);
        }
    }
    auto maySee = [&](const SyncUser &u, const SyncUser *relay, const QString &rec) {
        // Conflict records: by their own row, which takes the place of the record they are
        // about (a reassignment moves them with it).
        const Placement p = placement.value(rec);
        return Access::canSee(u, p.visEntity, p.owner, p.office)
            && (!relay || Access::canSee(*relay, p.visEntity, p.owner, p.office));
    };
    int recordsSeen = 0;
    auto checkReplica
        = [&](const QString &name, const Dump &d, const SyncUser &u, const SyncUser *relay, const SiteId &site) {
              int shown = 0;
              auto fail = [&](const QString &what) {
                  if (shown++ < 10)
                      qWarning().noquote() << name << u.login << u.role << what;
              };
              QSet<QString> seen;
              for (auto it = central.begin(); it != central.end(); ++it) {
                  const QString rec = it.key().section(u'|', 0, 1);
                  if (!maySee(u, relay, rec))
                      continue;
                  seen.insert(rec);
                  // Conflict records too: they follow the record they are about into the views it
                  // enters, and leave the views it leaves.
                  if (d.value(it.key()) != it.value())
                      fail(it.key() + QStringLiteral(" central ") + it.value() + QStringLiteral(" here ")
                           + d.value(it.key()));
              }
              recordsSeen += int(seen.size());
              for (auto it = d.begin(); it != d.end(); ++it) {
                  const QString rec = it.key().section(u'|', 0, 1);
                  if (!placement.contains(rec)) {
                      // Not even a refused record of its own making: the server's removal took it.
                      fail(QStringLiteral("holds a record the central server lacks: ") + it.key() + u' ' + it.value()
                           + (refusedRecords.value(rec) == site ? QStringLiteral(" (refused, made here)") : QString()));
                      for (const Write &w : m_writes.value(it.key()))
                          qWarning().noquote() << "  write" << w.text << clockKey(w.clock) << accepted(it.key(), w);
                  } else if (!seen.contains(rec)) {
                      fail(QStringLiteral("holds a record it may not see: ") + it.key() + u' ' + it.value());
                  }
              }
              return shown == 0;
          };
    for (int o = 1; o <= 2; ++o) {
        ServerNode &office = *m_servers[size_t(o)];
        QVERIFY2(checkReplica(office.name, dumpServer(*office.storage), office.relay, nullptr, SiteId {}),
                 qPrintable(office.name));
    }
    for (auto &c : m_clients) {
        QVERIFY2(checkReplica(c->name, dumpStore(*c->store), c->user, c->server->upstream ? &c->server->relay : nullptr,
                              c->store->siteId()),
                 qPrintable(c->name));
    }

    // 2. The value everywhere is the latest write; nothing accepted is lost.
    // "key|hlc/site" of every write some later author had seen: another site's write that
    // named it as prev, or a later write of the same site (one site's edits are sequential,
    // and a run of them names the base its author started from as prev).
    QSet<QString> seenClocks;
    for (auto it = m_writes.begin(); it != m_writes.end(); ++it) {
        for (const Write &w : it.value()) {
            seenClocks.insert(it.key() + u'|' + QString::number(w.prev.hlc) + u'/' + w.prev.siteHex());
            for (const Write &later : it.value()) {
                if (later.clock.site == w.clock.site && later.clock > w.clock) {
                    seenClocks.insert(it.key() + u'|' + QString::number(w.clock.hlc) + u'/' + w.clock.siteHex());
                    break;
                }
            }
        }
    }
    int concurrentLosses = 0;
    for (auto it = m_writes.begin(); it != m_writes.end(); ++it) {
        // Only accepted writes count: one a server refused (its author adopted the server's value)
        // or one overwritten on its machine before it was sent is no one's latest.
        QList<Write> ws;
        for (const Write &w : it.value()) {
            if (accepted(it.key(), w))
                ws << w;
        }
        if (ws.isEmpty() || refusedRecords.contains(it.key().section(u'|', 0, 1))) {
            if (central.contains(it.key())) {
                qWarning().noquote() << "central" << central.value(it.key());
                for (const Write &w : it.value())
                    qWarning().noquote() << "  write" << w.text << clockKey(w.clock) << "prev" << clockKey(w.prev);
            }
            QVERIFY2(!central.contains(it.key()), qPrintable(it.key()));
            continue;
        }
        const Write *latest = &ws.first();
        for (const Write &w : ws) {
            if (w.clock > latest->clock)
                latest = &w;
        }
        const QString expected
            = latest->text + u'@' + QString::number(latest->clock.hlc) + u'/' + latest->clock.siteHex();
        if (central.value(it.key()) != expected) {
            for (const Write &w : it.value())
                qWarning().noquote() << it.key() << "write" << w.text << clockKey(w.clock) << "prev" << clockKey(w.prev)
                                     << "accepted" << accepted(it.key(), w) << "refused somewhere"
                                     << m_refused.contains(it.key() + u'|' + clockKey(w.clock));
        }
        QCOMPARE(central.value(it.key()), expected);

        // 3. Every write overwritten by an author who had not seen it left a conflict record.
        const QStringList parts = it.key().split(u'|');
        if (parts.at(2) == u"deleted")
            continue;
        for (const Write &w : ws) {
            if (&w == latest || w.text == latest->text)
                continue;
            if (seenClocks.contains(it.key() + u'|' + QString::number(w.clock.hlc) + u'/' + w.clock.siteHex()))
                continue;
            bool sameValueSeen = false;
            for (const Write &y : ws) {
                if (y.text == w.text
                    && seenClocks.contains(it.key() + u'|' + QString::number(y.clock.hlc) + u'/' + y.clock.siteHex()))
                    sameValueSeen = true;
            }
            if (sameValueSeen)
                continue;
            ++concurrentLosses;
            bool found = false;
            for (auto c = central.begin(); c != central.end() && !found; ++c) {
                if (!c.key().startsWith(QStringLiteral("conflict|")) || !c.key().endsWith(QStringLiteral("|lost_site")))
                    continue;
                if (!c.value().startsWith(w.clock.siteHex()))
                    continue;
                const QString base = c.key().left(c.key().size() - 9);
                auto text = [&](const char *f) {
                    const QString v = central.value(base + QLatin1String(f));
                    return v.left(v.lastIndexOf(u'@'));
                };
                found
                    = text("record_id") == parts.at(1) && text("field") == parts.at(2) && text("lost_value") == w.text;
            }
            if (!found) {
                // The story of the field, to read the failure without a debugger.
                auto show = [](const Clock &c) {
                    return QString(QString::number(c.hlc >> 16) + u'.' + QString::number(c.hlc & 0xffff) + u'/'
                                   + c.siteHex().left(6));
                };
                for (const Write &x : ws)
                    qWarning().noquote() << "write" << x.text << show(x.clock) << "prev" << show(x.prev);
                for (auto c = central.begin(); c != central.end(); ++c) {
                    if (c.key().startsWith(QStringLiteral("conflict|")) && c.key().endsWith(u"|record_id")
                        && c.value().startsWith(parts.at(1))) {
                        const QString base = c.key().left(c.key().size() - 9);
                        qWarning().noquote() << "conflict" << central.value(base + QStringLiteral("field")) << "kept"
                                             << central.value(base + QStringLiteral("kept_value"))
                                             << central.value(base + QStringLiteral("kept_site")) << "lost"
                                             << central.value(base + QStringLiteral("lost_value"))
                                             << central.value(base + QStringLiteral("lost_site"));
                    }
                }
            }
            QVERIFY2(found,
                     qPrintable(QStringLiteral("no conflict record for the lost write %1 = %2").arg(it.key(), w.text)));
        }
    }
    // 4. Duplicate imports that met were flagged, and some were merged.
    int flags = 0;
    for (auto it = central.begin(); it != central.end(); ++it)
        flags += it.key().startsWith(QStringLiteral("conflict|")) && it.key().endsWith(QStringLiteral("|field"))
            && it.value().startsWith(QStringLiteral("(duplicate)@"));
    QVERIFY2(flags > 0 && m_merges > 0, "duplicate imports must meet and be merged");
    qInfo("seed %u: %d writes, %lld fields, %d concurrent overwrites, all recorded; %d duplicate flags, %d merges "
          "(%d task references repointed); %d reassignments, %lld refused field writes (%lld records refused "
          "outright); %d records checked across replicas",
          seed, m_ops, qint64(m_writes.size()), concurrentLosses, flags, m_merges, m_repointed, m_reassigns,
          qint64(m_refused.size()), qint64(refusedRecords.size()), recordsSeen);
}

} // namespace gamix::sim
