#include "Clock.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QtEndian>

namespace gamix {

namespace {

constexpr int kGroupSize = 8 + 8 + 16 + 8 + 16;
constexpr char kBlobVersion = 1;

void putClock(char *p, const Clock &c)
{
    qToLittleEndian<quint64>(c.hlc, p);
    memcpy(p + 8, c.site.data(), 16);
}

Clock getClock(const char *p)
{
    Clock c;
    c.hlc = qFromLittleEndian<quint64>(p);
    memcpy(c.site.data(), p + 8, 16);
    return c;
}

// 8-4-4-4-12 lower-case hex, written in place (one allocation).
QString formatUuid(const quint8 *b)
{
    static constexpr char16_t digits[] = u"0123456789abcdef";
    QString out(36, Qt::Uninitialized);
    char16_t *p = reinterpret_cast<char16_t *>(out.data());
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *p++ = u'-';
        *p++ = digits[b[i] >> 4];
        *p++ = digits[b[i] & 0x0F];
    }
    return out;
}

// Random bytes for ids from the system generator, fetched a few kilobytes at a time: one
// system call per ~400 ids instead of one per id (an import mints one per row). The bytes
// are the system generator's own, so ids stay as unpredictable and as unique across
// replicas as before. Per thread, so no lock.
void randomBytes(quint8 *out, size_t n)
{
    thread_local std::array<quint32, 1024> pool;
    thread_local size_t used = sizeof(pool); // bytes of `pool` consumed
    if (used + n > sizeof(pool)) {
        QRandomGenerator::system()->fillRange(pool.data(), qsizetype(pool.size()));
        used = 0;
    }
    memcpy(out, reinterpret_cast<const quint8 *>(pool.data()) + used, n);
    used += n;
}

} // namespace

QString Clock::siteHex() const
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(site.data()), 16).toHex());
}

bool Clock::siteFromHex(QStringView hex, SiteId *site)
{
    if (hex.size() != 32)
        return false;
    const QByteArray bytes = QByteArray::fromHex(hex.toLatin1());
    if (bytes.size() != 16)
        return false;
    memcpy(site->data(), bytes.constData(), 16);
    return true;
}

ClockSet ClockSet::fromBlob(const QByteArray &blob)
{
    ClockSet set;
    if (blob.isEmpty() || blob.at(0) != kBlobVersion)
        return set;
    const char *p = blob.constData() + 1;
    const qsizetype n = (blob.size() - 1) / kGroupSize;
    set.m_groups.reserve(n);
    for (qsizetype i = 0; i < n; ++i, p += kGroupSize) {
        Group g;
        g.mask = qFromLittleEndian<quint64>(p);
        g.clock = getClock(p + 8);
        g.prev = getClock(p + 32);
        set.m_groups.append(g);
    }
    return set;
}

QByteArray ClockSet::toBlob() const
{
    QByteArray blob(1 + m_groups.size() * kGroupSize, Qt::Uninitialized);
    blob[0] = kBlobVersion;
    char *p = blob.data() + 1;
    for (const Group &g : m_groups) {
        qToLittleEndian<quint64>(g.mask, p);
        putClock(p + 8, g.clock);
        putClock(p + 32, g.prev);
        p += kGroupSize;
    }
    return blob;
}

Clock ClockSet::clock(int field) const
{
    const quint64 bit = quint64(1) << field;
    for (const Group &g : m_groups) {
        if (g.mask & bit)
            return g.clock;
    }
    return Clock();
}

Clock ClockSet::prev(int field) const
{
    const quint64 bit = quint64(1) << field;
    for (const Group &g : m_groups) {
        if (g.mask & bit)
            return g.prev;
    }
    return Clock();
}

void ClockSet::set(int field, const Clock &clock, const Clock &prev)
{
    const quint64 bit = quint64(1) << field;
    for (qsizetype i = m_groups.size() - 1; i >= 0; --i) {
        Group &g = m_groups[i];
        if (g.mask & bit) {
            g.mask &= ~bit;
            if (!g.mask)
                m_groups.removeAt(i);
        }
    }
    for (Group &g : m_groups) {
        if (g.clock == clock && g.prev == prev) {
            g.mask |= bit;
            return;
        }
    }
    m_groups.append(Group {bit, clock, prev});
}

quint64 ClockSet::maxHlc() const
{
    quint64 m = 0;
    for (const Group &g : m_groups)
        m = std::max(m, g.clock.hlc);
    return m;
}

quint64 ClockSet::stampedMask() const
{
    quint64 m = 0;
    for (const Group &g : m_groups)
        m |= g.mask;
    return m;
}

qint64 Hlc::wallMs() const
{
    return m_wall ? m_wall() : QDateTime::currentMSecsSinceEpoch();
}

qint64 Hlc::wallNow() const
{
    return wallMs() + m_offsetMs;
}

quint64 Hlc::tick()
{
    const quint64 wall = pack(wallNow(), 0);
    // When the wall clock went backwards (or another replica is ahead), keep counting
    // from the last stamp so clocks stay strictly increasing.
    m_last = wall > m_last ? wall : m_last + 1;
    return m_last;
}

void Hlc::observe(quint64 remote)
{
    if (remote > m_last)
        m_last = remote;
}

bool isConcurrentEdit(const Clock &local, const Clock &remote, const Clock &remotePrev)
{
    return !local.isZero() && local.site != remote.site && local > remotePrev;
}

Clock prevForLocalWrite(const Clock &current, const Clock &currentPrev, const SiteId &site)
{
    return !current.isZero() && current.site == site ? currentPrev : current;
}

QString newUuidV7()
{
    quint8 b[16];
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    for (int i = 0; i < 6; ++i)
        b[i] = quint8(ms >> (40 - 8 * i));
    randomBytes(b + 6, 10);
    b[6] = quint8(0x70 | (b[6] & 0x0F));
    b[8] = quint8(0x80 | (b[8] & 0x3F));
    return formatUuid(b);
}

QString derivedUuid(const QByteArray &name)
{
    const QByteArray h = QCryptographicHash::hash(name, QCryptographicHash::Sha256);
    quint8 b[16];
    memcpy(b, h.constData(), 16);
    b[6] = quint8(0x80 | (b[6] & 0x0F));
    b[8] = quint8(0x80 | (b[8] & 0x3F));
    return formatUuid(b);
}

SiteId newSiteId()
{
    SiteId s;
    quint32 r[4];
    QRandomGenerator::system()->fillRange(r, 4);
    memcpy(s.data(), r, 16);
    return s;
}

} // namespace gamix
