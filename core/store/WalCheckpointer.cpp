#include "WalCheckpointer.h"

#include <sqlite3.h>

namespace gamix {

WalCheckpointer::WalCheckpointer(const QString &path)
    : m_path(path)
{ }

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_final = true; // a commit of another thread racing the owner's close starts nothing
    }
    stop();
}

void WalCheckpointer::attach(sqlite3 *conn)
{
    if (conn)
        sqlite3_wal_hook(conn, &WalCheckpointer::walHook, this);
}

void WalCheckpointer::detach(sqlite3 *conn)
{
    if (conn)
        sqlite3_wal_hook(conn, nullptr, nullptr);
}

int WalCheckpointer::walHook(void *self, sqlite3 *conn, const char *, int pages)
{
    // Called by SQLite after every commit of an attached connection, with the WAL's size.
    if (pages >= kInlinePages)
        sqlite3_wal_checkpoint_v2(conn, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    else if (pages >= kCheckpointPages)
        static_cast<WalCheckpointer *>(self)->request();
    return SQLITE_OK;
}

void WalCheckpointer::request()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_final)
        return;
    m_wanted = true;
    if (!m_thread.joinable()) {
        m_stop = false;
        m_thread = std::thread([this] { loop(); });
    }
    m_wake.notify_one();
}

void WalCheckpointer::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_thread.joinable())
            return;
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
    std::lock_guard<std::mutex> lock(m_mutex);
    m_thread = std::thread();
    m_wanted = false;
}

void WalCheckpointer::loop()
{
    // A plain connection of this thread's own. PASSIVE copies what no reader still needs
    // and never waits; the next writer starts the WAL over once everything was copied.
    sqlite3 *conn = nullptr;
    if (sqlite3_open_v2(m_path.toUtf8().constData(), &conn, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK) {
        sqlite3_close(conn);
        conn = nullptr;
    }
    if (conn)
        sqlite3_busy_timeout(conn, 5000);
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_wanted || m_stop; });
        if (m_stop)
            break;
        m_wanted = false;
        lock.unlock();
        if (conn)
            sqlite3_wal_checkpoint_v2(conn, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        lock.lock();
    }
    lock.unlock();
    sqlite3_close(conn);
}

} // namespace gamix
