#pragma once

#include "../api/BuildTokensService.h"
#include "AllPagesJob.h"

class BuildTokenTableModel;

#include <QObject>
#include <QPointer>

#include <optional>
#include <utility>

// What the browser lists now: the account, one page or all of them, the request in flight.
// The rows themselves live in the model it fills. The GUI, the CLI and the tests drive this
// same object. A newer request cancels the older, and a late reply never replaces a newer page;
// a failed request for the same listing leaves the rows as they were, but rows never stay
// under another account's name: changing the account, or clear(), empties the model at once.
class BrowserSession : public QObject
{
    Q_OBJECT

public:
    enum class Mode {
        Paged,    // one page at a time
        AllPages, // every page of the account in one table (AllPagesJob)
    };

    // `rows` (outliving the session) receives each page's tokens.
    BrowserSession(BuildTokensService *service, BuildTokenTableModel *rows, QObject *parent = nullptr);
    ~BrowserSession() override;

    BuildTokensService *service() const { return m_service; }

    // A different account cancels the request in flight, empties the rows and starts again
    // at page 1 with the next load.
    void setAccountId(const QString &accountId);
    // Forgets the listing (rows, page, totals) and cancels the request in flight, keeping
    // the account: the credentials it was listed with are gone (another profile).
    void clear();
    QString accountId() const { return m_accountId; }

    // False, and nothing changes, outside 1..200. With a page shown, loads the page that
    // holds its first row at the new size.
    bool setPerPage(int perPage);
    int perPage() const { return m_perPage; }

    void loadPage(int page);
    // Every page of the account, appended as they come; paging (loadPage) ends the mode.
    // Cancel or a failure keeps the rows loaded so far.
    void loadAllPages();
    // Pages asked for at once by loadAllPages (AllPagesJob's bounds).
    void setConcurrency(int concurrency);
    int concurrency() const { return m_concurrency; }
    Mode mode() const { return m_mode; }
    // Whether the rows are every page the account has (all-pages mode, run to its end).
    bool hasAllPages() const { return m_mode == Mode::AllPages && m_allPagesComplete; }
    // Pages in the rows of the all-pages run, and the pages it takes (-1 while unknown).
    std::pair<qint64, qint64> allPagesProgress() const { return {m_allPagesDone, m_allPagesTotal}; }
    void reload();
    void firstPage() { loadPage(1); }
    void previousPage() { loadPage(targetPage() - 1); } // loadPage clamps to page 1
    void nextPage(); // never past the last page a page number (an int) can name
    void lastPage();
    void cancel();

    bool isBusy() const { return m_inFlight != nullptr; }
    bool hasPage() const { return m_hasPage; }
    int page() const { return m_shownPage; } // of the rows shown
    int requestedPage() const { return targetPage(); } // in flight, else shown
    BuildTokenTableModel *rows() const { return m_rows; }
    const PageInfo &pageInfo() const { return m_info; }
    // From result_info: total_pages, else derived from total_count; nullopt when neither came.
    std::optional<qint64> totalPages() const;
    std::optional<qint64> totalCount() const { return m_info.totalCount; }

    // "Page 2 of 25 · 1,234 tokens", or what is known of that without result_info;
    // "All pages · 1,234 tokens" in all-pages mode.
    QString summary() const;
    // "1 token", "1,234 tokens".
    static QString tokensText(qint64 tokens);

    bool canGoBack() const;
    bool canGoForward() const;
    bool canGoLast() const;

signals:
    void busyChanged(bool busy);
    // A page, or in all-pages mode the last page, was loaded.
    void pageLoaded();
    // All-pages mode: `done` pages of `total` (-1 while unknown) are in the rows.
    void progress(qint64 done, qint64 total);
    void failed(const ApiError &error);
    // The request in flight failed with `reason` and is sent again after `delayMs`
    // (Retry-After on a 429, backoff otherwise); cancel() still stops it.
    void retrying(const ApiError &reason, qint64 delayMs, int attempt);
    // The listing was forgotten (another account or profile): a filter or selection made for
    // it does not carry over.
    void cleared();
    // Navigation state changed (a page arrived, a request started or ended, the listing was
    // cleared).
    void stateChanged();

private:
    int targetPage() const { return m_inFlight ? m_requestedPage : m_shownPage; }
    void onPage(quint64 generation, int page, int perPage, const ApiResult<BuildTokenPage> &result);
    void setInFlight(Job *job);
    // Starts the job of a new request: older replies are dropped, the older job canceled.
    quint64 beginRequest();
    QString allPagesSummary() const;
    void onAllPagesFinished(quint64 generation, AllPagesJob *job);

    BuildTokensService *m_service;
    BuildTokenTableModel *m_rows;
    QString m_accountId;
    int m_perPage = BuildTokensService::DefaultPerPage;
    QPointer<Job> m_inFlight;
    // Bumped by every new request and cancel: a reply of an older generation is dropped.
    quint64 m_generation = 0;
    int m_requestedPage = 1;
    int m_shownPage = 1;
    int m_shownPerPage = BuildTokensService::DefaultPerPage;
    bool m_hasPage = false;
    Mode m_mode = Mode::Paged;
    int m_concurrency = AllPagesJob::DefaultConcurrency;
    // Of the all-pages run, shown or in flight:
    bool m_allPagesComplete = false; // it ran to the last page
    bool m_runHasRows = false;       // its page 1 replaced the rows shown before
    qint64 m_allPagesDone = 0;       // pages in the rows
    qint64 m_allPagesTotal = -1;     // pages it will take, -1 while unknown
    PageInfo m_info;        // of the page shown
    qsizetype m_shownCount = 0; // rows the page shown came with
};
