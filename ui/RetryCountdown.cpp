#include "RetryCountdown.h"

#include "api/ApiError.h"

#include <QStatusBar>

RetryCountdown::RetryCountdown(QStatusBar *statusBar) : QObject(statusBar), m_statusBar(statusBar)
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &RetryCountdown::showRemaining);
}

void RetryCountdown::start(const ApiError &reason, qint64 delayMs, int attempt, int maxAttempts)
{
    m_deadline = QDeadlineTimer(delayMs);
    // A 429's waits are counted apart from the attempts (RetryPolicy), so no number for it.
    const bool rateLimited = reason.kind() == ApiError::Kind::RateLimited;
    m_reason = rateLimited ? tr("Rate limited by Cloudflare")
                           : tr("%1 (attempt %2 of %3)").arg(reason.summary()).arg(attempt).arg(maxAttempts);
    m_next = rateLimited ? tr("Rate limited by Cloudflare: asked again")
                         : tr("%1: attempt %2 of %3").arg(reason.summary()).arg(attempt + 1).arg(maxAttempts);
    showRemaining();
    m_tick.start();
}

void RetryCountdown::stop()
{
    m_tick.stop();
}

void RetryCountdown::showRemaining()
{
    if (!m_deadline.hasExpired()) {
        const qint64 seconds = (m_deadline.remainingTime() + 999) / 1000; // never "0 s" before the end
        m_statusBar->showMessage(tr("%1, retrying in %2 s \u2014 Esc cancels").arg(m_reason).arg(seconds));
        return;
    }
    // Sent again: how long the new attempt has waited, until it ends (stop()).
    const qint64 waitedMs = QDeadlineTimer::current().deadline() - m_deadline.deadline();
    m_statusBar->showMessage(tr("%1, waiting %2 s \u2014 Esc cancels").arg(m_next).arg(waitedMs / 1000));
}
