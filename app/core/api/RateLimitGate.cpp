#include "RateLimitGate.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

RateLimitGate::RateLimitGate()
{
    m_clock.start();
}

std::shared_ptr<RateLimitGate> RateLimitGate::forIdentity(const QByteArray &identity)
{
    static QHash<QByteArray, std::weak_ptr<RateLimitGate>> gates;
    std::shared_ptr<RateLimitGate> gate = gates.value(identity).lock();
    if (!gate) {
        // Drop the entries of identities nobody uses any more before adding one.
        gates.removeIf([](const auto &entry) { return entry.value().expired(); });
        gate = std::make_shared<RateLimitGate>();
        gates.insert(identity, gate);
    }
    return gate;
}

void RateLimitGate::holdFor(std::chrono::milliseconds wait)
{
    m_heldUntilMs = std::max(m_heldUntilMs, m_clock.elapsed() + qint64(wait.count()));
}

void RateLimitGate::update(const QByteArray &ratelimitHeader)
{
    if (ratelimitHeader.isEmpty())
        return;
    static const QRegularExpression remainingPattern(QStringLiteral(R"(\br=(\d{1,9}))"));
    static const QRegularExpression resetPattern(QStringLiteral(R"(\bt=(\d{1,9}))"));
    const QString value = QString::fromLatin1(ratelimitHeader);
    const QRegularExpressionMatch remaining = remainingPattern.match(value);
    const QRegularExpressionMatch reset = resetPattern.match(value);
    if (!remaining.hasMatch() || !reset.hasMatch())
        return; // a header we do not understand changes nothing
    const qint64 left = remaining.captured(1).toLongLong();
    const qint64 resetMs = reset.captured(1).toLongLong() * 1000;
    m_spacingMs = left >= SlowDownBelow ? 0 : resetMs / (left + 1);
}

std::optional<std::chrono::milliseconds> RateLimitGate::reserve(std::chrono::milliseconds delay, std::chrono::milliseconds cap)
{
    // Spaced from the last request sent, with the spacing the latest answer asked for, and
    // never while a 429 holds the gate.
    const qint64 now = m_clock.elapsed();
    const qint64 wanted = std::max(now + qint64(delay.count()), m_heldUntilMs);
    const qint64 start = m_lastStartMs < 0 ? wanted : std::max(wanted, m_lastStartMs + m_spacingMs);
    if (start - now > qint64(cap.count()))
        return std::nullopt;
    m_lastStartMs = start;
    return std::chrono::milliseconds(start - now);
}
