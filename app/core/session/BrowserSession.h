#pragma once

#include "../api/BuildTokensService.h"

#include <QObject>
#include <QPointer>

#include <optional>

// What the browser shows now: the account, the page and its rows, the request in flight.
// The GUI and the tests drive this same object. A newer request cancels the older, and a
// late reply never replaces a newer page; a failed request leaves the rows as they were.
class BrowserSession : public QObject
{
    Q_OBJECT

public:
    explicit BrowserSession(BuildTokensService *service, QObject *parent = nullptr);
    ~BrowserSession() override;

    BuildTokensService *service() const { return m_service; }

    // Takes effect with the next load; a different account starts again at page 1.
    void setAccountId(const QString &accountId);
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
    const QList<BuildToken> &tokens() const { return m_page.tokens; }
    const PageInfo &pageInfo() const { return m_page.info; }
    // From result_info: total_pages, else derived from total_count; nullopt when neither came.
    std::optional<qint64> totalPages() const;
    std::optional<qint64> totalCount() const { return m_page.info.totalCount; }

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
    // Navigation state changed (a page arrived, a request started or ended).
    void stateChanged();

private:
    int targetPage() const { return m_inFlight ? m_requestedPage : m_shownPage; }
    void onPage(quint64 generation, int page, int perPage, const ApiResult<BuildTokenPage> &result);
    void setInFlight(ApiCall *call);

    BuildTokensService *m_service;
    QString m_accountId;
    int m_perPage = BuildTokensService::DefaultPerPage;
    QPointer<ApiCall> m_inFlight;
    // Bumped by every new request and cancel: a reply of an older generation is dropped.
    quint64 m_generation = 0;
    int m_requestedPage = 1;
    int m_shownPage = 1;
    int m_shownPerPage = BuildTokensService::DefaultPerPage;
    bool m_hasPage = false;
    BuildTokenPage m_page;
};
