// libFuzzer target for what a server says about waiting: any Ratelimit header (the first
// line) and Retry-After value (the rest) must give a wait within the cap, or a refusal, and
// never an overflow (UBSan watches), a negative wait or a hang.

#include "api/RateLimitGate.h"
#include "api/RetryPolicy.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype lineEnd = input.indexOf('\n');
    const QByteArray ratelimit = lineEnd < 0 ? input : input.left(lineEnd);
    const QByteArray retryAfter = lineEnd < 0 ? QByteArray() : input.mid(lineEnd + 1);
    const RetryPolicy policy;

    RateLimitGate gate;
    gate.update(ratelimit);
    ApiError limited(ApiError::Kind::RateLimited, QString(), 429);
    if (const std::optional<int> seconds = RetryPolicy::retryAfterSeconds(retryAfter)) {
        limited.setRetryAfterSeconds(*seconds);
        gate.holdFor(std::chrono::seconds(*seconds));
    }
    const std::optional<std::chrono::milliseconds> delay = policy.delayBefore(1, 0, limited);
    if (delay && (delay->count() < 0 || *delay > policy.maxRetryAfter))
        __builtin_trap();
    for (int request = 0; request < 4; ++request) {
        const auto wait = gate.reserve(delay.value_or(std::chrono::milliseconds(0)), policy.maxRetryAfter);
        if (wait && (wait->count() < 0 || *wait > policy.maxRetryAfter))
            __builtin_trap();
    }
    return 0;
}
