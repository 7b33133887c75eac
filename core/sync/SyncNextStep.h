#pragma once
// What a sync driver does after SyncEngine has handled a push or pull answer. SyncClient
// (desktop/CLI over HTTP) and UpstreamRelay (an office server's link to its upstream) drive
// the same login/push/pull steps; this is the one place that maps SyncEngine::Step to the
// next action, so the two cannot drift. Transport, pipelining (SyncClient builds push
// batches ahead and asks for pull pages ahead; the relay does neither) and the follow-ups
// after a pull (author names; directory and sites) stay in each driver.

#include "SyncEngine.h"

namespace gamix {

enum class AfterPush {
    SendNext, // send the next batch (the engine says when none is left)
    ClockRefused, // the server refused our clocks as ahead; retry while clockRetryLeft()
    Relogin, // the token was refused: log in again, then send again
    Fail, // stop with SyncEngine::lastError()
};
AfterPush nextAfterPush(SyncEngine::Step step);

enum class AfterPull {
    NextPage, // ask for the next page
    Repush, // pull done, but the server was restored: push everything again
    FollowUps, // pull done: the driver's follow-ups, then the round is over
    Relogin, // the token was refused: log in again, then ask again
    Fail, // stop with SyncEngine::lastError()
};
// `repush`: the engine saw the server's epoch change and the driver may push again.
AfterPull nextAfterPull(SyncEngine::Step step, bool repush);

// Counts one refusal of our clocks; false once the limit (3 retries per round) is passed.
bool clockRetryLeft(int *retries);

} // namespace gamix
