#pragma once

#include <QDeadlineTimer>
#include <QObject>
#include <QString>
#include <QTimer>

class ApiError;
class QStatusBar;

// While a failed request waits to be sent again, the status bar says why and counts the
// seconds down ("…, retrying in 3 s — Esc cancels"), then how long the new attempt has
// waited ("Network error: attempt 2 of 3, waiting 12 s — Esc cancels") until it ends.
class RetryCountdown : public QObject
{
    Q_OBJECT

public:
    explicit RetryCountdown(QStatusBar *statusBar);

    // The request failed with `reason` on attempt `attempt` of `maxAttempts` and goes again
    // in `delayMs`. A countdown already running starts over.
    void start(const ApiError &reason, qint64 delayMs, int attempt, int maxAttempts);
    // The request ended (answered, failed or canceled): the count stops, the message stays
    // until the next one replaces it.
    void stop();
    bool isActive() const { return m_tick.isActive(); }

private:
    void showRemaining();

    QStatusBar *m_statusBar;
    QTimer m_tick;
    QDeadlineTimer m_deadline;
    QString m_reason;
    QString m_next;
};
