#pragma once

#include <QTimer>
#include <QWidget>

class Actions;
class ActiveProfile;
class BrowserSession;
class QAction;
class QComboBox;
class QLabel;
class QProgressBar;
class QSpinBox;
class QToolButton;

// First / Previous / Next / Last, a page box, rows per page, Load All Pages, "page X of Y · N
// tokens" (or "All pages · N tokens"), and a busy indicator with Cancel (pages done of all
// pages while loading them all) once a load has taken BusyDelayMs, all driving and following
// one BrowserSession.
class PaginationBar : public QWidget
{
    Q_OBJECT

public:
    static const QList<int> &perPageChoices(); // 10, 25, 50, 100, 200
    // A load that ends sooner shows no busy indicator: one that came and went in a blink was
    // noise (the summary already says "Loading page 2…", and Esc stops it at once), and each
    // appearance laid out the whole window again.
    static constexpr int BusyDelayMs = 250;

    // Drives `session` through the registry's page and Cancel actions, and enables them;
    // busy and Cancel also while `active` waits for the keychain.
    PaginationBar(BrowserSession *session, ActiveProfile *active, const Actions *actions, QWidget *parent = nullptr);

private:
    void refresh();
    void showBusy(bool shown);
    static QString pagesDone(int done, int of); // "49 of 500"
    void onPerPageActivated(int index);

    BrowserSession *m_session;
    ActiveProfile *m_active;
    QAction *m_first;
    QAction *m_previous;
    QAction *m_next;
    QAction *m_last;
    QAction *m_cancel;
    QLabel *m_pageLabel;
    QSpinBox *m_pageBox;
    QLabel *m_ofPagesLabel;
    QComboBox *m_perPageBox;
    QLabel *m_summaryLabel;
    QProgressBar *m_busyIndicator;
    QToolButton *m_cancelButton;
    QTimer m_busyDelay;
};
