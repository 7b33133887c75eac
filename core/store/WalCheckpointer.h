#pragma once
// Checkpoints a SQLite database's write-ahead log from a thread of its own. SQLite's
// automatic checkpoint runs inside the commit that leaves the WAL past 1,000 pages, on
// the committing thread: for a sync that commits a few MB per page of records that was
// most of each commit (7 % of a 100k pull on the client, a tenth of a push on the
// server). Attached connections get a WAL hook instead; past kCheckpointPages it wakes
// the thread, which runs a PASSIVE checkpoint on its own connection (it never blocks a
// writer or a reader). Past kInlinePages (the thread cannot keep up) the committing
// connection checkpoints itself, as SQLite would. Used by the local Store and the server.

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace gamix {

class WalCheckpointer
{
public:
    static constexpr int kCheckpointPages = 1000;
    static constexpr int kInlinePages = 64000;

    explicit WalCheckpointer(const QString &path);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Replaces `conn`'s automatic checkpoint with this one; detach before closing it.
    void attach(sqlite3 *conn);
    static void detach(sqlite3 *conn);
    // Waits for a checkpoint in progress and ends the thread (a later commit past the
    // line starts it again): before a TRUNCATE checkpoint of its own, or closing.
    void stop();

private:
    static int walHook(void *self, sqlite3 *conn, const char *, int pages);
    void request();
    void loop();

    QString m_path;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_wanted = false;
    bool m_stop = false;
    bool m_final = false;
    std::thread m_thread;
};

} // namespace gamix
