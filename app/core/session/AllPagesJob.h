#pragma once

#include "../api/BuildTokensService.h"

#include <QList>
#include <QSet>

#include <map>
#include <optional>

// What a finished all-pages run did.
struct AllPagesSummary
{
    qint64 pages = 0;      // pages answered
    qint64 tokens = 0;     // distinct tokens handed out
    qint64 duplicates = 0; // tokens that came again on a later page (the list moved while paging)
    std::optional<qint64> totalCount; // what page 1 said, when it said it
};

// Every page of an account's build tokens: page 1 at 200 a page, then the pages after it
// `concurrency` at a time, handed out in page order as soon as each is next, so that a
// window can show them and the CLI can write them without holding the account. The run
// stops at total_pages, else at total_count, else at a short page; an empty page always
// ends it. A token seen on an earlier page is handed out once. A page that fails after its
// retries ends the run with that error; canceling ends it too; both abort the requests in
// flight, and the pages handed out until then stay handed out. The rate-limit gate of the
// credentials is shared by every request, so a 429 on one page holds back the others.
class AllPagesJob : public ResultJob<AllPagesSummary>
{
    Q_OBJECT

public:
    static constexpr int PerPage = BuildTokensService::MaxPerPage;
    // Qt opens at most six HTTP/1.1 connections to one host: more would only queue.
    static constexpr int DefaultConcurrency = 6;
    static constexpr int MinConcurrency = 1;
    static constexpr int MaxConcurrency = 16;

    // Starts at once; a bad account id or a concurrency outside 1..16 fails it from the
    // event loop without sending anything.
    AllPagesJob(const ApiClient &client, const QString &accountId, int concurrency, QObject *parent);

    QString accountId() const { return m_accountId; }
    // Known once page 1 has come: total_pages, else derived from total_count.
    std::optional<qint64> totalPages() const { return m_totalPages; }
    std::optional<qint64> totalCount() const { return m_summary.totalCount; }
    qint64 pagesDone() const { return m_summary.pages; }
    qint64 tokensDone() const { return m_summary.tokens; }

signals:
    // The tokens of `page` not handed out before, pages in order, each page once (page 1
    // too when it is empty).
    void pageReady(const QList<BuildToken> &tokens, qint64 page);

private:
    void request(qint64 page);
    void onPage(qint64 page, const ApiResult<BuildTokenPage> &result);
    void handOutReady();
    QList<BuildToken> unseen(const QList<BuildToken> &tokens);
    bool mayRequest(qint64 page) const;

    QString m_accountId;
    int m_concurrency;
    std::optional<qint64> m_totalPages;
    qint64 m_nextToRequest = 1;
    qint64 m_nextToHandOut = 1;
    int m_inFlight = 0;
    bool m_reachedEnd = false; // a short or empty page was handed out: none follows it
    std::map<qint64, QList<BuildToken>> m_arrived; // answered, waiting for an earlier page
    // The uuids handed out (IdText: no string a uuid), which the CLI keeps for a whole
    // account while it lets the tokens go.
    QSet<IdText> m_seen;
    AllPagesSummary m_summary;
};
