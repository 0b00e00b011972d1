#pragma once

#include "api/UsageScanService.h"

#include <QHash>
#include <QObject>
#include <QPointer>

struct AppCore;
class QProgressDialog;
class QWidget;

// File → Scan Usage…: which Workers' triggers use each build token. A scan costs a request
// per Worker that uses Builds, so it is asked for, never automatic: it first says what it
// will spend, then runs with a progress bar and Cancel, and gives the rows their Used by.
class UsageScan : public QObject
{
    Q_OBJECT

public:
    // `core` outlives this; dialogs open over `window`.
    UsageScan(AppCore *core, QWidget *window);

    // Asks, then scans the account listed.
    void start();
    bool isRunning() const { return m_job != nullptr; }

signals:
    void runningChanged(bool running);
    // The rows have their Used by.
    void scanned();
    void statusMessage(const QString &text, int timeoutMs);

private:
    void run();
    // What the scan will spend, in words: from the account's last scan when there was one.
    QString costText() const;

    AppCore *m_core;
    QWidget *m_window;
    QPointer<QProgressDialog> m_progress;
    QPointer<UsageJob> m_job;
    QHash<QString, int> m_workersByAccount; // from each account's last scan
};
