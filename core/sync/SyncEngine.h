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

    Replica &m_replica;
    QStringList m_rejected;
    QString m_error;
    int m_applied = 0;
    int m_purged = 0;
    bool m_epochReset = false;
};

} // namespace gamix
