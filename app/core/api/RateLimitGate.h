#pragma once

#include <QByteArray>
#include <QElapsedTimer>

#include <chrono>
#include <memory>
#include <optional>

// Slows requests down before Cloudflare's limit rather than after it. Every response may
// carry `Ratelimit: "default";r=<remaining>;t=<seconds to reset>`; when few requests remain,
// the rest are spread over the time left, so a tool that pages a large account does not run
// into the five-minute block that a 429 starts (the limit is shared with the dashboard).
// Cloudflare counts per user, so there is one gate per credential identity, shared by every
// client and job using those credentials: a 429's Retry-After holds all of them.
class RateLimitGate
{
public:
    // Below this many remaining requests, spacing starts.
    static constexpr int SlowDownBelow = 50;

    RateLimitGate();

    // The gate of `identity` (a digest of the credentials and the API host), made on first
    // use and kept while a client or call holds it.
    static std::shared_ptr<RateLimitGate> forIdentity(const QByteArray &identity);

    void update(const QByteArray &ratelimitHeader);
    // No request starts before `wait` from now (a 429's Retry-After).
    void holdFor(std::chrono::milliseconds wait);
    // How long a request that wants to start after `delay` must wait; reserves its slot, so
    // each caller gets its own. Past `cap` nothing is reserved and nullopt says so: a server
    // may ask for years (t=999999999), and a wait longer than the app would wait for a
    // Retry-After is reported instead of sat out.
    std::optional<std::chrono::milliseconds> reserve(std::chrono::milliseconds delay, std::chrono::milliseconds cap);

private:
    QElapsedTimer m_clock;
    qint64 m_spacingMs = 0;
    qint64 m_lastStartMs = -1; // none yet
    qint64 m_heldUntilMs = 0;
};
