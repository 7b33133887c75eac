#include "SyncNextStep.h"

namespace gamix {

namespace {
constexpr int kMaxClockRetries = 3;
}

AfterPush nextAfterPush(SyncEngine::Step step)
{
    switch (step) {
    case SyncEngine::Step::Continue:
    case SyncEngine::Step::Done:
        return AfterPush::SendNext;
    case SyncEngine::Step::RestartPush:
        return AfterPush::ClockRefused;
    case SyncEngine::Step::AuthFailed:
        return AfterPush::Relogin;
    case SyncEngine::Step::Failed:
        break;
    }
    return AfterPush::Fail;
}

AfterPull nextAfterPull(SyncEngine::Step step, bool repush)
{
    switch (step) {
    case SyncEngine::Step::Continue:
        return AfterPull::NextPage;
    case SyncEngine::Step::Done:
        return repush ? AfterPull::Repush : AfterPull::FollowUps;
    case SyncEngine::Step::AuthFailed:
        return AfterPull::Relogin;
    case SyncEngine::Step::RestartPush: // a pull never asks for it; treated as a failure
    case SyncEngine::Step::Failed:
        break;
    }
    return AfterPull::Fail;
}

bool clockRetryLeft(int *retries)
{
    return ++*retries <= kMaxClockRetries;
}

} // namespace gamix
