#include "AllPagesJob.h"

#include "../api/PageMath.h"

AllPagesJob::AllPagesJob(const ApiClient &client, const QString &accountId, int concurrency, QObject *parent)
    : ResultJob<AllPagesSummary>(client, parent), m_accountId(accountId), m_concurrency(concurrency)
{
    if (const QString problem = BuildTokensService::checkAccountId(accountId); !problem.isEmpty()) {
        failLater(ApiError(ApiError::Kind::InvalidRequest, problem));
    } else if (concurrency < MinConcurrency || concurrency > MaxConcurrency) {
        failLater(ApiError(ApiError::Kind::InvalidRequest, tr("Requests at once must be from %1 to %2, not %3.")
                                                                .arg(MinConcurrency).arg(MaxConcurrency).arg(concurrency)));
    } else {
        request(1);
    }
}

bool AllPagesJob::mayRequest(qint64 page) const
{
    if (m_reachedEnd || m_inFlight >= m_concurrency || page > PageMath::LastPage)
        return false;
    // Pages answered ahead of a slow one wait in memory: keep that to a few pages.
    if (page - m_nextToHandOut >= 2 * qint64(m_concurrency))
        return false;
    if (m_totalPages)
        return page <= *m_totalPages;
    // Without totals only a full page says there may be another: one page at a time.
    return page == m_nextToHandOut && m_inFlight == 0;
}

void AllPagesJob::request(qint64 page)
{
    Q_ASSERT(page == m_nextToRequest);
    ++m_nextToRequest;
    ++m_inFlight;
    BuildTokensService::getPage(this, m_accountId, int(page), PerPage,
                                [this, page](const ApiResult<BuildTokenPage> &result) { onPage(page, result); });
}

void AllPagesJob::onPage(qint64 page, const ApiResult<BuildTokenPage> &result)
{
    --m_inFlight;
    if (!result.ok())
        return fail(result.error()); // aborts the other pages in flight
    if (page == 1) {
        const PageInfo &info = result.value().info;
        m_summary.totalCount = info.totalCount;
        m_totalPages = PageMath::totalPages(info, PerPage);
    }
    m_arrived.emplace(page, result.value().tokens);
    handOutReady();
    if (isFinished())
        return;
    while (mayRequest(m_nextToRequest))
        request(m_nextToRequest);
    if (m_inFlight == 0)
        finish(m_summary); // every page asked for was handed out, and none is left to ask for
}

void AllPagesJob::handOutReady()
{
    for (auto it = m_arrived.find(m_nextToHandOut); it != m_arrived.end(); it = m_arrived.find(m_nextToHandOut)) {
        const QList<BuildToken> tokens = std::move(it->second);
        m_arrived.erase(it);
        const qint64 page = m_nextToHandOut++;
        // Nothing follows an empty page, whatever the totals said (the list shrank, or they lie).
        m_reachedEnd = tokens.isEmpty() || (m_totalPages ? page >= *m_totalPages : tokens.size() < PerPage);
        ++m_summary.pages;
        const QList<BuildToken> fresh = unseen(tokens);
        m_summary.tokens += fresh.size();
        m_summary.duplicates += tokens.size() - fresh.size();
        emit pageReady(fresh, page);
        if (isFinished())
            return; // a receiver canceled the run
        emit progress(m_summary.pages, m_totalPages ? qMax(*m_totalPages, m_summary.pages) : -1);
        if (m_reachedEnd)
            return finish(m_summary); // aborts what was asked for past the end
    }
}

QList<BuildToken> AllPagesJob::unseen(const QList<BuildToken> &tokens)
{
    QList<BuildToken> fresh;
    fresh.reserve(tokens.size());
    for (const BuildToken &token : tokens) {
        if (token.uuid.isEmpty()) {
            fresh.append(token); // nothing to know it again by: the model keeps these too
            continue;
        }
        const qsizetype before = m_seen.size();
        m_seen.insert(token.uuid);
        if (m_seen.size() > before)
            fresh.append(token);
    }
    return fresh;
}
