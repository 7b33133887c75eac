#pragma once
// Hybrid logical clocks and per-field clock sets (DESIGN.md §3).
// A clock is (hlc, site_id): 48 bits of wall-clock milliseconds and a 16-bit counter, plus
// the 16-byte id of the replica that stamped it. Order is (hlc, site_id).

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>
#include <cstdint>
#include <functional>

namespace gamix {

using SiteId = std::array<quint8, 16>;

struct Clock
{
    quint64 hlc = 0;
    SiteId site {};

    bool isZero() const { return hlc == 0; }
    QString siteHex() const;
    static bool siteFromHex(QStringView hex, SiteId *site);
    qint64 wallMs() const { return qint64(hlc >> 16); }

    friend bool operator==(const Clock &a, const Clock &b) { return a.hlc == b.hlc && a.site == b.site; }
    friend bool operator!=(const Clock &a, const Clock &b) { return !(a == b); }
    friend bool operator<(const Clock &a, const Clock &b) { return a.hlc != b.hlc ? a.hlc < b.hlc : a.site < b.site; }
    friend bool operator>(const Clock &a, const Clock &b) { return b < a; }
};

// The clocks of one record's fields, stored with the row as a compact blob: fields stamped
// by the same write with the same `prev` share one 56-byte group (a bit mask of fields),
// so creating a record costs one group, not one clock per field.
class ClockSet
{
public:
    static ClockSet fromBlob(const QByteArray &blob);
    QByteArray toBlob() const;

    Clock clock(int field) const;
    Clock prev(int field) const;
    void set(int field, const Clock &clock, const Clock &prev);
    quint64 maxHlc() const;
    quint64 stampedMask() const;
    bool isEmpty() const { return m_groups.isEmpty(); }

private:
    struct Group
    {
        quint64 mask = 0;
        Clock clock;
        Clock prev;
    };
    QList<Group> m_groups;
};

// The hybrid logical clock of one replica. Not thread-safe: it belongs to the write path,
// which runs one transaction at a time.
class Hlc
{
public:
    void setLast(quint64 last) { m_last = last; }
    quint64 last() const { return m_last; }
    // Offset added to the wall clock, measured against a server that said our clock is off.
    void setOffsetMs(qint64 offset) { m_offsetMs = offset; }
    qint64 offsetMs() const { return m_offsetMs; }

    quint64 tick(); // a local event
    void observe(quint64 remote); // a received stamp: never go below it
    static quint64 pack(qint64 wallMs, quint16 counter) { return (quint64(wallMs) << 16) | counter; }

    // Where wall-clock milliseconds come from: the system clock unless set. A simulation
    // gives each replica its own source (skewed, stepping, or moved backwards) so runs
    // replay exactly; an empty function restores the system clock.
    using TimeSource = std::function<qint64()>;
    void setTimeSource(TimeSource source) { m_wall = std::move(source); }
    void setWallClockForTest(qint64 (*wall)()) { m_wall = wall ? TimeSource(wall) : TimeSource(); }
    // The source's current time, without the measured offset.
    qint64 wallMs() const;

private:
    qint64 wallNow() const;
    quint64 m_last = 0;
    qint64 m_offsetMs = 0;
    TimeSource m_wall;
};

// The merge rule's two judgements, shared by the local store and the server storage
// (DESIGN.md §3).
// A change is concurrent with the stored value when its author had not seen that value:
// the stored clock is newer than the change's prev. One site's writes are sequential.
bool isConcurrentEdit(const Clock &local, const Clock &remote, const Clock &remotePrev);
// The prev a local write records: the clock it overwrites, except that a run of edits by
// the same site keeps the base its author started from. Without that, a site editing a
// field twice would send prev = its own first edit, and a replica holding another site's
// concurrent value (older than that first edit, newer than the base) would miss the
// conflict and silently drop the other value.
Clock prevForLocalWrite(const Clock &current, const Clock &currentPrev, const SiteId &site);

// UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits; time-ordered and unique
// across replicas.
QString newUuidV7();
// A name-based id (UUIDv8 layout over SHA-256) for records every replica must derive the
// same way, such as conflict records.
QString derivedUuid(const QByteArray &name);

SiteId newSiteId();

} // namespace gamix
