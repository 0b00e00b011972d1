#include "RateLimitGate.h"

#include <QRegularExpression>

#include <algorithm>

RateLimitGate::RateLimitGate()
{
    m_clock.start();
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

std::chrono::milliseconds RateLimitGate::reserve()
{
    // Spaced from the last request sent, with the spacing the latest answer asked for.
    const qint64 now = m_clock.elapsed();
    const qint64 start = m_lastStartMs < 0 ? now : std::max(now, m_lastStartMs + m_spacingMs);
    m_lastStartMs = start;
    return std::chrono::milliseconds(start - now);
}
