#pragma once
// The client half of the protocol, independent of the transport: builds push batches
// from a Replica's local changes (persisting each batch before it is sent, so a resend
// after a crash carries the same id and is answered, not applied twice), handles the
// answers (adopting the server's value for refused fields), and applies pull pages with
// their cursor in one transaction. SyncClient drives it over HTTP; the simulation test
// drives it in process. Also used by an office server towards its upstream.

#include "Replica.h"

#include <QByteArray>
#include <QStringList>

namespace gamix {

class SyncEngine
{
public:
    explicit SyncEngine(Replica &replica);

    enum class Step { Continue, Done, Failed, AuthFailed, RestartPush };

    // Push. Call beginPush() once per round, then nextPushBody() / handlePush() until Done.
    void beginPush();
    // The body to POST to /v1/push; empty when nothing is left (the round is then complete).
    QByteArray nextPushBody(int maxRecords = 500);

    // A push batch built ahead: SyncClient builds batch N+1 while the server merges batch N.
    // Its body is written then to the spare one of two slots (`slot`), not yet pending; it
    // becomes the pending batch when it is sent (takePushBody), by a small commit that moves
    // the cursor and names its slot. The contract stays: a batch id is stored before its body
    // leaves, and only the pending batch is sent again after a crash.
    struct PushBatch
    {
        QByteArray body; // empty: nothing to send after `from`
        qint64 from = -1; // the push cursor it was built after
        qint64 next = 0; // the push cursor once it is answered
        int records = 0;
        QString slot; // the slot holding `body` ("1" or "2"), empty when not written
    };
    // The batch after `cursor` (pendingNext() while a batch is in flight), written to the
    // spare slot (not pending yet).
    PushBatch buildPushBatch(qint64 cursor, int maxRecords);
    // Where the batch in flight ends, i.e. where the next one starts.
    qint64 pendingNext();
    struct PushBody
    {
        QByteArray body; // empty when nothing is left (the round is then complete)
        int records = -1; // -1: a pending batch sent again (after a crash), count unknown
        bool fromAhead = false; // `ahead` was taken
    };
    // nextPushBody(), taking `ahead` (and clearing it) when it was built from the current
    // push cursor and no batch is pending; a stale `ahead` is dropped.
    PushBody takePushBody(int maxRecords, PushBatch *ahead);
    Step handlePush(int status, const QByteArray &body);

    // Pull. The query for GET /v1/pull, then handlePull() with the cursor it was built for.
    qint64 pullCursor();
    QString pullQuery(int limit = 1000);
    Step handlePull(int status, const QByteArray &body, qint64 requestedSince);

    // After login: the server's epoch. A different one than remembered means the server was
    // restored: pull everything again and push everything the server may lack.
    void noteEpoch(const QString &epoch);

    QStringList rejected() const { return m_rejected; } // one line per refused field
    QString lastError() const { return m_error; }
    int applied() const { return m_applied; }
    int purged() const { return m_purged; } // records removed from view or erased
    // True once this report saw the server's epoch change (cursors were reset): the
    // caller pushes again so the restored server gets what it lacks.
    bool epochReset() const { return m_epochReset; }
    void clearReport();

private:
    void resetForNewEpoch();
    // Writes the cursor move of an answered batch that takePushBody() has not written yet.
    void settleAnswer();
    QString pendingBody();
    QString spareSlot();

    Replica &m_replica;
    QStringList m_rejected;
    QString m_error;
    int m_applied = 0;
    int m_purged = 0;
    bool m_epochReset = false;
    // The batch in flight was answered (handlePush, 200) and the push cursor moves to
    // m_answeredNext: written by the next takePushBody() in the transaction that stores the
    // next pending batch (one commit per batch instead of two), or by settleAnswer() before
    // anything else reads the push state. Until then the database still holds the answered
    // batch as pending: a crash in between sends it again, and the server answers it.
    bool m_answered = false;
    QString m_answeredNext;
};

} // namespace gamix
