#pragma once
// Reads a CsvReader on a worker thread ahead of its consumer, so decoding and parsing the
// next rows overlaps the database writes of the current ones (an import then uses two
// cores). Memory stays bounded: at most kChunks chunks of kChunkRows rows are in flight,
// and their buffers are reused.
//
//     reader.readRow(header);             // the reader is the worker's from here on
//     CsvPrefetcher rows(reader);
//     while (const CsvPrefetcher::Item *it = rows.next()) { ... it->row, it->line ... }
//     rows.finish();                      // joined: reader.error() may be read again

#include "CsvRow.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace gamix {

class CsvReader;

class CsvPrefetcher
{
public:
    struct Item
    {
        CsvRow row;
        qint64 line = 0; // physical line where the record began
        bool ragged = false; // CsvReader::Error::RaggedRow: `message` says why
        QString message;
    };

    explicit CsvPrefetcher(CsvReader &reader);
    ~CsvPrefetcher(); // stops the worker and waits for it
    CsvPrefetcher(const CsvPrefetcher &) = delete;
    CsvPrefetcher &operator=(const CsvPrefetcher &) = delete;

    // The next row, or nullptr at the end of the data or at a final reader error. Valid
    // until the next call.
    const Item *next();
    // Stops the worker and waits for it; afterwards the reader belongs to the caller again.
    void finish();
    // Bytes the reader has consumed (for progress).
    qint64 bytePosition() const { return m_bytes.load(); }

private:
    static constexpr int kChunkRows = 256;
    static constexpr int kChunks = 8;
    struct Chunk
    {
        std::vector<Item> items = std::vector<Item>(kChunkRows);
        int count = 0;
        bool last = false; // the reader had nothing more after these
    };

    void work();

    CsvReader &m_reader;
    std::vector<Chunk> m_chunks = std::vector<Chunk>(kChunks);
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Chunk *> m_free;
    std::deque<Chunk *> m_full;
    bool m_stop = false;
    Chunk *m_current = nullptr;
    int m_index = 0;
    std::atomic<qint64> m_bytes {0};
    std::thread m_thread;
};

} // namespace gamix
