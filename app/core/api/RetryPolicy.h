#pragma once

#include "ApiError.h"

#include <QByteArray>

#include <chrono>
#include <optional>

// When a GET that failed is sent again, and after how long: one policy for every service.
// 5xx, timeouts and lost connections are retried with exponential backoff and jitter; a 429
// waits as long as Retry-After asks, within a cap; nothing else is retried (a 4xx will not
// get better by asking again).
struct RetryPolicy
{
    int maxAttempts = 3; // in all, the first included
    std::chrono::milliseconds baseDelay{500};
    std::chrono::milliseconds maxDelay{8000};
    bool jitter = true; // spread clients out so they do not come back all at once
    int maxRateLimitWaits = 3;
    // Cloudflare blocks a user for five minutes once over its limit: waiting longer than this
    // on our own would look like a hang, so such a 429 is reported instead.
    std::chrono::seconds maxRetryAfter{120};

    static bool isTransient(const ApiError &error);
    // A Retry-After header's seconds (the form Cloudflare sends), or nullopt for anything else.
    static std::optional<int> retryAfterSeconds(const QByteArray &header);

    // The wait before sending again, after `attemptsMade` attempts (of which `rateLimitWaits`
    // ended in a 429 that was waited out) and this `error`; nullopt: report the error now.
    std::optional<std::chrono::milliseconds> delayBefore(int attemptsMade, int rateLimitWaits,
                                                         const ApiError &error) const;

    // The same policy with nothing retried: for tests of single attempts.
    static RetryPolicy never();
};
