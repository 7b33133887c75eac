#pragma once
// A compact multi-map from a 64-bit hash to rowids, for ImportResolver's side index of
// unindexed dedupe columns. A bulk import of a million contacts puts some 2.5 million keys
// in it: QMultiHash spends about 65 bytes on each (a span entry plus a heap-allocated
// chain node), this table 16 bytes per slot at most 70 % full (linear probing in one
// array, equal keys in the same probe run). The subset of QMultiHash's interface that
// ImportResolver uses: insert, constFind, constEnd, and iterators over equal keys.

#include <QtGlobal>

#include <vector>

namespace gamix {

class RowidMultiMap
{
    struct Slot
    {
        quint64 key = 0; // 0: empty (a key of 0 is stored as 1)
        qint64 rowid = 0;
    };

public:
    class const_iterator
    {
    public:
        quint64 key() const { return m_key; }
        qint64 value() const { return m_map->m_slots[m_pos].rowid; }
        const_iterator &operator++()
        {
            m_pos = m_map->probe(m_key, m_pos + 1);
            return *this;
        }
        bool operator==(const const_iterator &o) const { return m_pos == o.m_pos; }
        bool operator!=(const const_iterator &o) const { return m_pos != o.m_pos; }

    private:
        friend class RowidMultiMap;
        const_iterator(const RowidMultiMap *map, size_t pos, quint64 key)
            : m_map(map)
            , m_pos(pos)
            , m_key(key)
        { }
        const RowidMultiMap *m_map;
        size_t m_pos;
        quint64 m_key;
    };

    void insert(quint64 key, qint64 rowid)
    {
        if ((m_size + 1) * 10 > m_slots.size() * 7)
            grow();
        place(stored(key), rowid);
        ++m_size;
    }
    const_iterator constFind(quint64 key) const { return const_iterator(this, probe(key, start(stored(key))), key); }
    const_iterator constEnd() const { return const_iterator(this, npos, 0); }
    size_t size() const { return m_size; }
    void clear()
    {
        m_slots = std::vector<Slot>();
        m_size = 0;
    }

private:
    static constexpr size_t npos = ~size_t(0);
    static quint64 stored(quint64 key) { return key ? key : 1; }
    size_t start(quint64 storedKey) const
    {
        return m_slots.empty() ? 0 : size_t((storedKey * 0x9E3779B97F4A7C15ull) >> m_shift);
    }
    // The first slot at or after `from` (in probe order from the key's start) holding `key`,
    // or npos when the probe run ends first.
    size_t probe(quint64 key, size_t from) const
    {
        if (m_slots.empty())
            return npos;
        const quint64 k = stored(key);
        const size_t mask = m_slots.size() - 1;
        for (size_t i = from & mask;; i = (i + 1) & mask) {
            if (m_slots[i].key == 0)
                return npos;
            if (m_slots[i].key == k)
                return i;
        }
    }
    void place(quint64 storedKey, qint64 rowid)
    {
        const size_t mask = m_slots.size() - 1;
        size_t i = start(storedKey);
        while (m_slots[i].key != 0)
            i = (i + 1) & mask;
        m_slots[i] = Slot {storedKey, rowid};
    }
    void grow()
    {
        std::vector<Slot> old;
        old.swap(m_slots);
        const size_t capacity = old.empty() ? 1024 : old.size() * 2;
        m_slots.assign(capacity, Slot());
        m_shift = 64;
        for (size_t c = capacity; c > 1; c >>= 1)
            --m_shift;
        for (const Slot &s : old) {
            if (s.key != 0)
                place(s.key, s.rowid);
        }
    }

    std::vector<Slot> m_slots; // size is a power of two
    int m_shift = 64; // 64 - log2(size)
    size_t m_size = 0;
};

} // namespace gamix
