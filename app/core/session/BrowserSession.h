#pragma once

#include "../api/BuildTokensService.h"

class BuildTokenTableModel;

#include <QObject>
#include <QPointer>

#include <optional>

// What the browser lists now: the account, the page shown, the request in flight. The rows
// themselves live in the model it fills. The GUI, the CLI and the tests drive this same
// object. A newer request cancels the older, and a late reply never replaces a newer page;
// a failed request for the same listing leaves the rows as they were, but rows never stay
// under another account's name: changing the account, or clear(), empties the model at once.
class BrowserSession : public QObject
{
    Q_OBJECT

public:
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
    void reload() { loadPage(m_shownPage); }
    void firstPage() { loadPage(1); }
    void previousPage() { loadPage(targetPage() - 1); }
    void nextPage() { loadPage(targetPage() + 1); }
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

    // "Page 2 of 25 · 1,234 tokens", or what is known of that without result_info.
    QString summary() const;

    bool canGoBack() const { return targetPage() > 1; }
    bool canGoForward() const;
    bool canGoLast() const;

signals:
    void busyChanged(bool busy);
    void pageLoaded();
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
    PageInfo m_info;        // of the page shown
    qsizetype m_shownCount = 0; // rows the page shown came with
};
