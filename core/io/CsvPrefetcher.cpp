#include "CsvPrefetcher.h"

#include "CsvReader.h"

namespace gamix {

CsvPrefetcher::CsvPrefetcher(CsvReader &reader)
    : m_reader(reader)
{
    for (Chunk &c : m_chunks)
        m_free.push_back(&c);
    m_thread = std::thread([this] { work(); });
}

CsvPrefetcher::~CsvPrefetcher()
{
    finish();
}

void CsvPrefetcher::finish()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void CsvPrefetcher::work()
{
    for (;;) {
        Chunk *c = nullptr;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stop || !m_free.empty(); });
            if (m_stop)
                return;
            c = m_free.front();
            m_free.pop_front();
        }
        c->count = 0;
        c->last = false;
        while (c->count < kChunkRows) {
            Item &it = c->items[size_t(c->count)];
            const bool ok = m_reader.readRow(it.row);
            it.ragged = !ok && m_reader.error() == CsvReader::Error::RaggedRow;
            if (!ok && !it.ragged) {
                c->last = true;
                break;
            }
            it.line = m_reader.lineNumber();
            it.message = it.ragged ? m_reader.errorString() : QString();
            ++c->count;
        }
        m_bytes.store(m_reader.bytePosition());
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_full.push_back(c);
        }
        m_changed.notify_all();
        if (c->last)
            return;
    }
}

const CsvPrefetcher::Item *CsvPrefetcher::next()
{
    for (;;) {
        if (m_current && m_index < m_current->count)
            return &m_current->items[size_t(m_index++)];
        if (m_current && m_current->last)
            return nullptr;
        std::unique_lock<std::mutex> lock(m_mutex);
        if (m_current) {
            m_free.push_back(m_current);
            m_current = nullptr;
            m_changed.notify_all();
        }
        m_changed.wait(lock, [this] { return m_stop || !m_full.empty(); });
        if (m_full.empty())
            return nullptr; // stopped
        m_current = m_full.front();
        m_full.pop_front();
        m_index = 0;
    }
}

} // namespace gamix
