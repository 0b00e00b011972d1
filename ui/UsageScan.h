#pragma once

#include "api/UsageScanService.h"

#include <QHash>
#include <QObject>
#include <QPointer>

struct AppCore;
class QAction;
class QProgressDialog;
class QTableView;
class QWidget;

// File → Scan Usage…: which Workers' triggers use each build token. A scan costs a request
// per Worker that uses Builds, so it is asked for, never automatic: it first says what it
// will spend, then runs with a progress bar and Cancel, gives the rows their Used by and
// shows that column in `table` (hidden until then: it needs a scan and the width). It
// triggers on `action`, which it keeps enabled while there are rows and no scan runs.
class UsageScan : public QObject
{
    Q_OBJECT

public:
    // `core` outlives this; dialogs open over `window`, which owns this.
    UsageScan(AppCore *core, QAction *action, QTableView *table, QWidget *window);

    // Asks, then scans the account listed.
    void start();

signals:
    void statusMessage(const QString &text, int timeoutMs);

private:
    void run();
    void enableAction();
    // What the scan will spend, in words: from the account's last scan when there was one.
    QString costText() const;

    AppCore *m_core;
    QAction *m_action;
    QTableView *m_table;
    QWidget *m_window;
    QPointer<QProgressDialog> m_progress;
    QPointer<UsageJob> m_job;
    QHash<QString, int> m_workersByAccount; // from each account's last scan
};
