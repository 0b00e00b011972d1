#include "BrowserSession.h"

#include "../api/PageMath.h"
#include "../model/BuildTokenTableModel.h"
#include "../Translations.h"

#include <QLocale>

#include <algorithm>

BrowserSession::BrowserSession(BuildTokensService *service, BuildTokenTableModel *rows, QObject *parent)
    : QObject(parent), m_service(service), m_rows(rows)
{
}

BrowserSession::~BrowserSession()
{
    ++m_generation;
    if (m_inFlight)
        m_inFlight->cancel();
}

void BrowserSession::setAccountId(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    clear();
}

void BrowserSession::clear()
{
    ++m_generation; // a reply on its way belongs to the listing being forgotten
    if (m_inFlight)
        m_inFlight->cancel();
    m_rows->clear();
    m_info = {};
    m_shownCount = 0;
    m_shownPage = 1;
    m_hasPage = false;
    m_mode = Mode::Paged;
    m_allPagesComplete = false;
    setInFlight(nullptr);
    emit cleared();
}

bool BrowserSession::setPerPage(int perPage)
{
    if (perPage < BuildTokensService::MinPerPage || perPage > BuildTokensService::MaxPerPage)
        return false;
    if (perPage == m_perPage)
        return true;
    const qint64 firstRow = m_mode == Mode::AllPages ? 0 : PageMath::firstRowOf(targetPage(), m_perPage);
    m_perPage = perPage;
    if (m_hasPage)
        loadPage(PageMath::pageOfRow(firstRow, perPage)); // a size of page asks for pages: all-pages mode ends
    return true;
}

std::optional<qint64> BrowserSession::totalPages() const
{
    return PageMath::totalPages(m_info, m_shownPerPage);
}

QString BrowserSession::tokensText(qint64 tokens)
{
    return tr("%1 tokens", nullptr, Translations::numerus(tokens)).arg(QLocale().toString(tokens));
}

QString BrowserSession::summary() const
{
    if (m_mode == Mode::AllPages)
        return allPagesSummary();
    if (!m_hasPage)
        return tr("No tokens loaded");
    const QLocale locale;
    const auto total = totalPages();
    const QString page = total ? tr("Page %1 of %2").arg(locale.toString(m_shownPage), locale.toString(qMax<qint64>(1, *total)))
                               : tr("Page %1").arg(locale.toString(m_shownPage));
    QString count;
    if (const auto tokens = totalCount())
        count = tokensText(*tokens);
    else
        count = tr("%1 on this page").arg(locale.toString(m_shownCount));
    // Two parts joined by a pattern, so a translation may order or separate them its way.
    return tr("%1 \u00b7 %2", "the page, then how many tokens").arg(page, count);
}

QString BrowserSession::allPagesSummary() const
{
    const QLocale locale;
    QString pages;
    if (isBusy()) {
        pages = m_allPagesTotal >= 0 ? tr("All pages: %1 of %2 loaded").arg(locale.toString(m_allPagesDone), locale.toString(m_allPagesTotal))
                                     : tr("All pages: %1 loaded").arg(locale.toString(m_allPagesDone));
    } else if (m_allPagesComplete) {
        pages = tr("All pages");
    } else {
        pages = m_allPagesTotal >= 0 ? tr("All pages: stopped after %1 of %2").arg(locale.toString(m_allPagesDone), locale.toString(m_allPagesTotal))
                                     : tr("All pages: stopped after %1").arg(locale.toString(m_allPagesDone));
    }
    return tr("%1 \u00b7 %2", "the page, then how many tokens").arg(pages, tokensText(m_rows->rowCount()));
}

void BrowserSession::nextPage()
{
    if (targetPage() < PageMath::LastPage)
        loadPage(targetPage() + 1);
}

bool BrowserSession::canGoForward() const
{
    // Totals may claim 2^53 pages; past INT_MAX there is no page to ask for.
    if (!m_hasPage || m_mode == Mode::AllPages || targetPage() == PageMath::LastPage)
        return false;
    if (const auto total = totalPages())
        return targetPage() < *total;
    // Without totals, page on while pages come back full, as Cloudflare's SDKs do.
    return m_shownCount >= m_shownPerPage;
}

bool BrowserSession::canGoLast() const
{
    const auto total = totalPages();
    return m_hasPage && m_mode == Mode::Paged && total && targetPage() < PageMath::lastNameablePage(*total);
}

bool BrowserSession::canGoBack() const
{
    // From all pages, the first page is a step back to paging.
    return m_mode == Mode::AllPages ? m_hasPage : targetPage() > 1;
}

void BrowserSession::lastPage()
{
    if (const auto total = totalPages(); total && *total >= 1)
        loadPage(PageMath::lastNameablePage(*total));
}

quint64 BrowserSession::beginRequest()
{
    const quint64 generation = ++m_generation;
    if (m_inFlight)
        m_inFlight->cancel(); // its reply is of an older generation now, and dropped
    return generation;
}

void BrowserSession::loadPage(int page)
{
    page = qMax(1, page);
    const quint64 generation = beginRequest();
    m_requestedPage = page;
    const int perPage = m_perPage;
    PageJob *job = m_service->fetchPage(m_accountId, page, perPage, this);
    connect(job, &Job::finished, this, [this, job, generation, page, perPage] {
        onPage(generation, page, perPage, job->result());
    });
    setInFlight(job);
}

void BrowserSession::reload()
{
    if (m_mode == Mode::AllPages)
        loadAllPages();
    else
        loadPage(m_shownPage);
}

void BrowserSession::setConcurrency(int concurrency)
{
    m_concurrency = std::clamp(concurrency, AllPagesJob::MinConcurrency, AllPagesJob::MaxConcurrency);
}

void BrowserSession::loadAllPages()
{
    const quint64 generation = beginRequest();
    // The rows shown stay until page 1 of the run replaces them: a run that fails at once
    // leaves the listing as it was.
    m_mode = Mode::AllPages;
    m_allPagesComplete = false;
    m_allPagesDone = 0;
    m_allPagesTotal = -1;
    m_runHasRows = false;
    auto *job = new AllPagesJob(*m_service->client(), m_accountId, m_concurrency, this);
    connect(job, &AllPagesJob::pageReady, this, [this, job](const QList<BuildToken> &tokens) {
        if (job != m_inFlight)
            return;
        if (!m_runHasRows) {
            m_runHasRows = true;
            m_rows->clear();
            m_hasPage = true;
            m_shownPage = 1;
            m_shownPerPage = AllPagesJob::PerPage;
            m_info = {};
            m_info.totalCount = job->totalCount();
            m_info.totalPages = job->totalPages();
            // Up to twice the 100,000 rows the app is made for: a total the server made up
            // must not reserve gigabytes.
            if (const auto total = job->totalCount())
                m_rows->reserve(qMin<qint64>(*total, 200000));
        }
        m_rows->appendTokens(tokens);
    });
    connect(job, &Job::progress, this, [this, job](qint64 done, qint64 total) {
        if (job != m_inFlight)
            return;
        m_allPagesDone = done;
        m_allPagesTotal = total;
        emit progress(done, total);
        emit stateChanged();
    });
    connect(job, &Job::finished, this, [this, job, generation] { onAllPagesFinished(generation, job); });
    setInFlight(job);
}

void BrowserSession::onAllPagesFinished(quint64 generation, AllPagesJob *job)
{
    if (generation != m_generation)
        return;
    ++m_generation;
    const ApiResult<AllPagesSummary> &result = job->result();
    m_allPagesComplete = result.ok();
    if (!m_runHasRows)
        m_mode = Mode::Paged; // nothing of the run is shown: the listing is what it was
    setInFlight(nullptr);
    if (result.ok())
        emit pageLoaded();
    else
        emit failed(result.error());
}

void BrowserSession::cancel()
{
    if (m_inFlight)
        m_inFlight->cancel(); // reports Canceled through onPage while still current
}

void BrowserSession::onPage(quint64 generation, int page, int perPage,
                            const ApiResult<BuildTokenPage> &result)
{
    if (generation != m_generation)
        return;
    ++m_generation;
    if (result.ok()) {
        m_mode = Mode::Paged;
        m_info = result.value().info;
        m_shownCount = result.value().tokens.size();
        m_rows->clear();
        m_rows->appendTokens(result.value().tokens);
        m_shownPage = page;
        m_shownPerPage = perPage;
        m_hasPage = true;
    }
    setInFlight(nullptr);
    if (result.ok())
        emit pageLoaded();
    else
        emit failed(result.error());
}

void BrowserSession::setInFlight(Job *job)
{
    const bool wasBusy = isBusy();
    m_inFlight = job;
    if (job) {
        connect(job, &Job::retrying, this, [this, job](const ApiError &reason, std::chrono::milliseconds delay, int attempt) {
            if (job == m_inFlight)
                emit retrying(reason, delay.count(), attempt);
        });
    }
    if (wasBusy != isBusy())
        emit busyChanged(isBusy());
    emit stateChanged();
}
