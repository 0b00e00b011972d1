#pragma once

#include <QByteArray>
#include <QElapsedTimer>

#include <chrono>

// Slows requests down before Cloudflare's limit rather than after it. Every response may
// carry `Ratelimit: "default";r=<remaining>;t=<seconds to reset>`; when few requests remain,
// the rest are spread over the time left, so a tool that pages a large account does not run
// into the five-minute block that a 429 starts (the limit is shared with the dashboard).
class RateLimitGate
{
public:
    // Below this many remaining requests, spacing starts.
    static constexpr int SlowDownBelow = 50;

    RateLimitGate();

    void update(const QByteArray &ratelimitHeader);
    // How long the next request must wait; reserves its slot, so each caller gets its own.
    std::chrono::milliseconds reserve();

private:
    QElapsedTimer m_clock;
    qint64 m_spacingMs = 0;
    qint64 m_lastStartMs = -1; // none yet
};
