#pragma once

#include "../api/TokenHealthService.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

class BrowserSession;

// The health of the rows listed: when asked, and, once made automatic, after every listing
// while the credentials may read API tokens (once a check learns they may not, only when
// asked). An automatic check speaks only when it finds something wrong. An
// account's results are kept for five minutes and given to the rows of a later listing of
// it; forget() (a Refresh, another profile) drops them. A failed check leaves the rows as
// they were and says so: it never turns a good list into a failure.
class HealthChecker : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::minutes CacheLifetime{5};
    // Rows given a finished check's health in one event-loop turn.
    static constexpr int RowsATurn = 25000;

    // `service` and `session` outlive this.
    HealthChecker(TokenHealthService *service, BrowserSession *session, QObject *parent = nullptr);

    // Checks every row shown now, whatever the cache holds.
    void check();
    // Whether a listing is checked when it comes (the app's main() turns this on; off, only
    // check() does).
    void setAutomatic(bool automatic) { m_automatic = automatic; }
    void cancel();
    // Drops the results kept, and what was learnt about the permission.
    void forget();
    // A check runs, or the rows are taking what it found.
    bool isBusy() const { return m_job != nullptr || m_applyTimer.isActive(); }
    // The last check found the credentials may not read API tokens.
    bool permissionMissing() const { return m_permissionMissing; }
    // For tests: the clock the cache's age is read from (milliseconds, steady).
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

signals:
    void busyChanged(bool busy);
    // The rows have a new health (from a check, or the cache).
    void checked();
    // A passing message for the status bar; `timeoutMs` 0 keeps it until the next.
    void statusMessage(const QString &text, int timeoutMs);

private:
    struct Cached
    {
        qint64 atMs = 0;
        HealthReport report;
    };
    void onListed();
    void start(const QList<IdText> &ids, bool asked);
    void onFinished(HealthJob *job, const QString &accountId);
    // Gives the rows what a check found a part an event-loop turn (100,000 rows at once held
    // the GUI thread 50 ms); then the check is over.
    void applyNextPart();
    void stopApplying();
    void announce();
    QList<IdText> idsShown() const;
    // What the rows' health comes to; empty when all is well and `evenWhenFine` is false.
    QString verdictSummary(bool evenWhenFine) const;

    TokenHealthService *m_service;
    BrowserSession *m_session;
    QPointer<HealthJob> m_job;
    HealthById m_applying; // of a finished check, while the rows take it
    int m_appliedRows = 0;
    QTimer m_applyTimer;
    QHash<QString, Cached> m_cache; // by account id
    bool m_permissionMissing = false;
    bool m_automatic = false;
    bool m_asked = false; // the check running was asked for: it says what it does
    std::function<qint64()> m_clock;
};
