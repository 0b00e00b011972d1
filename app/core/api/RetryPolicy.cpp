#include "RetryPolicy.h"

#include <QRandomGenerator>

#include <algorithm>

using namespace std::chrono;

bool RetryPolicy::isTransient(const ApiError &error)
{
    switch (error.kind()) {
    case ApiError::Kind::Server:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Network:
        return true;
    default:
        return false;
    }
}

std::optional<int> RetryPolicy::retryAfterSeconds(const QByteArray &header)
{
    bool isNumber = false;
    const int seconds = header.trimmed().toInt(&isNumber);
    if (!isNumber || seconds < 0)
        return std::nullopt;
    return seconds;
}

std::optional<milliseconds> RetryPolicy::delayBefore(int attemptsMade, int rateLimitWaits, const ApiError &error) const
{
    if (error.kind() == ApiError::Kind::RateLimited) {
        const int retryAfter = error.retryAfterSeconds();
        if (retryAfter < 0 || seconds(retryAfter) > maxRetryAfter || rateLimitWaits >= maxRateLimitWaits)
            return std::nullopt;
        return seconds(retryAfter);
    }
    if (!isTransient(error) || attemptsMade - rateLimitWaits >= maxAttempts)
        return std::nullopt;
    const int exponent = std::clamp(attemptsMade - rateLimitWaits - 1, 0, 20);
    const milliseconds full = std::min<milliseconds>(maxDelay, baseDelay * (1LL << exponent));
    if (!jitter)
        return full;
    // "Equal jitter": at least half the backoff, so the wait still grows.
    const qint64 half = full.count() / 2;
    return milliseconds(half + qint64(QRandomGenerator::global()->bounded(quint64(half + 1))));
}

RetryPolicy RetryPolicy::never()
{
    RetryPolicy policy;
    policy.maxAttempts = 1;
    policy.maxRateLimitWaits = 0;
    return policy;
}
