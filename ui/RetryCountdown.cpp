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
    m_reason = reason.kind() == ApiError::Kind::RateLimited
                   ? tr("Rate limited by Cloudflare")
                   : tr("%1 (attempt %2 of %3)").arg(reason.summary()).arg(attempt).arg(maxAttempts);
    showRemaining();
    m_tick.start();
}

void RetryCountdown::stop()
{
    m_tick.stop();
}

void RetryCountdown::showRemaining()
{
    if (m_deadline.hasExpired()) {
        m_tick.stop();
        m_statusBar->showMessage(tr("%1, retrying now\u2026").arg(m_reason));
        return;
    }
    const qint64 seconds = (m_deadline.remainingTime() + 999) / 1000; // never "0 s" before the end
    m_statusBar->showMessage(tr("%1, retrying in %2 s \u2014 Esc cancels").arg(m_reason).arg(seconds));
}
