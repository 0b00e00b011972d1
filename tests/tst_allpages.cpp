// AllPagesJob against DemoApiServer: every token once and in order whatever the totals, the
// concurrency and the order the pages are answered in; a list that moves meanwhile; cancel, a
// 429 and a failing page; and BrowserSession's all-pages mode over a sorted, filtered model.

#include "ApiFixture.h"
#include "AppCore.h"
#include "AwaitResult.h"
#include "auth/MemorySecretStore.h"
#include "auth/ProfileStore.h"
#include "demo/DemoTokenGenerator.h"
#include "session/AllPagesJob.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Kind = ApiError::Kind;

namespace {

// What a run handed out, page by page, as a receiver sees it.
struct Received
{
    QList<qint64> pages;
    QList<BuildToken> tokens;
};

std::shared_ptr<Received> receive(AllPagesJob *job)
{
    auto received = std::make_shared<Received>();
    QObject::connect(job, &AllPagesJob::pageReady, job, [received](const QList<BuildToken> &tokens, qint64 page) {
        received->pages.append(page);
        received->tokens.append(tokens);
    });
    return received;
}

QList<qint64> oneTo(qint64 last)
{
    QList<qint64> pages;
    for (qint64 page = 1; page <= last; ++page)
        pages.append(page);
    return pages;
}

int listingRequests(const DemoApiServer &server)
{
    return int(std::count_if(server.requests().begin(), server.requests().end(),
                             [](const DemoApiServer::Request &r) { return r.path.endsWith(u"/builds/tokens"_s); }));
}

} // namespace

class TestAllPages : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ApiFixture> f;

    AllPagesJob *start(int concurrency = AllPagesJob::DefaultConcurrency)
    {
        return new AllPagesJob(f->client, DemoApiServer::accountId(), concurrency, this);
    }

    struct HeldRun
    {
        AllPagesJob *job;
        std::shared_ptr<Received> received;
        std::shared_ptr<std::optional<ApiResult<AllPagesSummary>>> result;
    };
    // A run over `tokens` with every reply held: page 1 is answered (after `beforePage1`), and
    // it returns once `inFlight` later pages are waiting for their answers.
    HeldRun startHeld(int tokens, int concurrency, int inFlight, const std::function<void()> &beforePage1 = {})
    {
        f->server.setTokenCount(tokens);
        f->server.setHoldReplies(true);
        AllPagesJob *job = start(concurrency);
        HeldRun run{job, receive(job), resultOf<AllPagesSummary>(job)};
        if (!QTest::qWaitFor([this] { return f->server.heldReplyCount() == 1; }))
            qFatal("page 1 was never asked for");
        if (beforePage1)
            beforePage1();
        f->server.releaseHeldReplies();
        if (!QTest::qWaitFor([this, inFlight] { return f->server.heldReplyCount() == inFlight; }))
            qFatal("the pages after page 1 were not asked for");
        return run;
    }

private slots:
    void init() { f = std::make_unique<ApiFixture>(); }
    void cleanup() { f.reset(); }

    void everyTokenOnceInOrder_data()
    {
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("concurrency");
        QTest::addColumn<bool>("sendsTotals");
        QTest::addColumn<int>("requests");
        for (int concurrency : {1, 6}) {
            for (int total : {0, 1, 199, 200, 201, 1234}) {
                // One request a page at 200 a page, and none for an empty page after the last.
                const int pages = qMax(1, (total + 199) / 200);
                QTest::addRow("%d tokens, %d at once", total, concurrency) << total << concurrency << true << pages;
            }
        }
        // Without totals only a short page ends the run: a full last page costs one more.
        QTest::addRow("no totals, 201") << 201 << 6 << false << 2;
        QTest::addRow("no totals, 400") << 400 << 6 << false << 3;
        QTest::addRow("no totals, 0") << 0 << 6 << false << 1;
    }
    void everyTokenOnceInOrder()
    {
        QFETCH(int, total);
        QFETCH(int, concurrency);
        QFETCH(bool, sendsTotals);
        QFETCH(int, requests);
        f->server.setTokenCount(total);
        f->server.setSendsTotals(sendsTotals);
        AllPagesJob *job = start(concurrency);
        const auto received = receive(job);
        QSignalSpy progress(job, &Job::progress);
        const auto result = awaitJob(job);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error().toText()));
        QCOMPARE(uuidsOf(received->tokens), uuidsOf(f->server.tokens()));
        QCOMPARE(received->pages, oneTo(requests));
        QCOMPARE(listingRequests(f->server), requests);
        for (const DemoApiServer::Request &request : f->server.requests())
            QCOMPARE(request.query.queryItemValue(u"per_page"_s), u"200"_s);
        QCOMPARE(result->value().pages, requests);
        QCOMPARE(result->value().tokens, total);
        QCOMPARE(result->value().duplicates, 0);
        QCOMPARE(progress.size(), requests);
        QCOMPARE(progress.last().at(0).toLongLong(), requests);
        QCOMPARE(progress.last().at(1).toLongLong(), sendsTotals ? requests : -1);
    }

    void atMostConcurrencyRequestsInFlight()
    {
        const auto [job, received, result] = startHeld(4000, 3, 3); // 20 pages
        QCOMPARE(listingRequests(f->server), 4); // page 1, then three at once
        f->server.setHoldReplies(false);
        f->server.releaseHeldReplies();
        QTRY_VERIFY(result->has_value());
        QVERIFY((*result)->ok());
        QCOMPARE(uuidsOf(received->tokens), uuidsOf(f->server.tokens()));
    }

    void pagesAnsweredOutOfOrderComeOutInOrder()
    {
        const auto [job, received, result] = startHeld(1234, 6, 6); // 7 pages
        QCOMPARE(received->pages, QList<qint64>{1});
        // Page 7 first, page 2 last: nothing can be handed out before page 2.
        QCOMPARE(f->server.releaseHeldReplies(DemoApiServer::ReleaseOrder::NewestFirst, 5), 5);
        // Once the client has taken in those five, only page 2's request is left, and nothing
        // past page 1 has been handed out.
        QTRY_COMPARE(job->findChildren<ApiCall *>().size(), 1);
        QVERIFY(!result->has_value());
        QCOMPARE(received->pages, QList<qint64>{1});
        f->server.releaseHeldReplies();
        QTRY_VERIFY(result->has_value());
        QVERIFY((*result)->ok());
        QCOMPARE(received->pages, oneTo(7));
        QCOMPARE(uuidsOf(received->tokens), uuidsOf(f->server.tokens()));
    }

    void aTokenAddedMidwayIsKeptOnce()
    {
        f->server.setTokenCount(1234);
        const QList<BuildToken> before = f->server.tokens();
        AllPagesJob *job = start(1);
        const auto received = receive(job);
        connect(job, &AllPagesJob::pageReady, this, [this](const QList<BuildToken> &, qint64 page) {
            if (page == 1) // a token is added at the top: every later page moves down by one
                f->server.setTokens(DemoTokenGenerator::generate(1235).mid(1234) + f->server.tokens());
        });
        const auto result = awaitJob(job);
        QVERIFY(result && result->ok());
        QCOMPARE(uuidsOf(received->tokens), uuidsOf(before)); // page 2 repeated one: kept once
        QCOMPARE(result->value().duplicates, 1);
    }

    void aTokenRemovedMidwayLeavesNoDuplicate()
    {
        f->server.setTokenCount(1234);
        const QList<BuildToken> before = f->server.tokens();
        AllPagesJob *job = start(6);
        const auto received = receive(job);
        connect(job, &AllPagesJob::pageReady, this, [this](const QList<BuildToken> &, qint64 page) {
            if (page == 1)
                f->server.setTokens(f->server.tokens().mid(1)); // every later page moves up by one
        });
        const auto result = awaitJob(job);
        QVERIFY(result && result->ok());
        const QStringList uuids = uuidsOf(received->tokens);
        QCOMPARE(QSet<QString>(uuids.begin(), uuids.end()).size(), uuids.size());
        // Offset paging cannot see the token that moved onto an earlier page: it is the one missed.
        QStringList expected = uuidsOf(before);
        expected.removeAt(200);
        QCOMPARE(uuids, expected);
    }

    void cancelKeepsWhatCameAndLeavesNothingRunning()
    {
        const auto [job, received, result] = startHeld(1234, 6, 6);
        job->cancel();
        QVERIFY(result->has_value()); // at once, not when the server answers
        QCOMPARE((*result)->error().kind(), Kind::Canceled);
        QCOMPARE(received->tokens.size(), 200);
        QTRY_COMPARE(f->server.abortedCount(), 6); // every page in flight was abandoned
        QCOMPARE(f->server.heldReplyCount(), 0);
        QCOMPARE(listingRequests(f->server), 7);
        QTRY_VERIFY(f->client.findChildren<ApiCall *>().isEmpty());
    }

    void aRateLimitOnOnePageHoldsTheOthers()
    {
        RetryPolicy waitsOutRateLimits = RetryPolicy::never();
        waitsOutRateLimits.maxRateLimitWaits = 1;
        f->client.setRetryPolicy(waitsOutRateLimits);
        f->server.setRetryAfterSeconds(1);
        // 20 pages; the first page after page 1 meets a 429.
        const auto [job, received, result] = startHeld(4000, 6, 6, [this] { f->server.setFault(DemoApiServer::Fault::RateLimited, 1); });
        QSignalSpy retrying(job, &Job::retrying);
        QCOMPARE(f->server.releaseHeldReplies(DemoApiServer::ReleaseOrder::OldestFirst, 1), 1); // the 429
        QTRY_COMPARE(retrying.size(), 1);
        QCOMPARE(retrying.first().at(0).value<ApiError>().kind(), Kind::RateLimited);
        const qint64 limitedAt = f->server.requests().at(1).receivedMs;
        const qsizetype sentBefore = f->server.requests().size();
        f->server.setHoldReplies(false);
        f->server.releaseHeldReplies(); // five pages answered: more may be asked, but not before Retry-After
        QTRY_VERIFY_WITH_TIMEOUT(result->has_value(), 10000);
        QVERIFY2((*result)->ok(), qPrintable((*result)->error().toText()));
        QCOMPARE(uuidsOf(received->tokens), uuidsOf(f->server.tokens()));
        const QList<DemoApiServer::Request> &requests = f->server.requests();
        QVERIFY(requests.size() - sentBefore >= 2); // the page that met the 429, and later pages
        for (qsizetype i = sentBefore; i < requests.size(); ++i)
            QVERIFY2(requests.at(i).receivedMs - limitedAt >= 990, qPrintable(QString::number(requests.at(i).receivedMs - limitedAt)));
    }

    void aFailingPageEndsTheRunAndKeepsTheRows()
    {
        f->server.setTokenCount(1234);
        AllPagesJob *job = start(1);
        const auto received = receive(job);
        connect(job, &AllPagesJob::pageReady, this, [this](const QList<BuildToken> &, qint64 page) {
            if (page == 1)
                f->server.setFault(DemoApiServer::Fault::ServerError);
        });
        const auto result = awaitJob(job);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), Kind::Server);
        QCOMPARE(received->pages, QList<qint64>{1});
        QCOMPARE(received->tokens.size(), 200);
        QCOMPARE(listingRequests(f->server), 2); // nothing was asked after the failure
    }

    void badArgumentsSendNothing_data()
    {
        QTest::addColumn<QString>("account");
        QTest::addColumn<int>("concurrency");
        QTest::addRow("no concurrency") << DemoApiServer::accountId() << 0;
        QTest::addRow("too many at once") << DemoApiServer::accountId() << 17;
        QTest::addRow("account id with a slash") << u"abc/def"_s << 6;
    }
    void badArgumentsSendNothing()
    {
        QFETCH(QString, account);
        QFETCH(int, concurrency);
        const auto result = awaitJob(new AllPagesJob(f->client, account, concurrency, this));
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), Kind::InvalidRequest);
        QVERIFY(f->server.requests().isEmpty());
    }

    // The session's all-pages mode in the app's own wiring (AppCore): the table model and a
    // sorted, filtered proxy stay valid while pages are appended, the proxy is sorted once
    // after the last page is in, and paging again leaves the mode.
    void sessionModeOverASortedFilteredTable()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        MemorySecretStore secrets;
        ProfileStore profiles(&settings, &secrets);
        AppCore core(&profiles, &settings);
        core.client.setBaseUrl(f->server.baseUrl());
        core.client.setCredentials(f->client.credentials());
        core.client.setRetryPolicy(RetryPolicy::never());
        QAbstractItemModelTester rowsTester(&core.rows, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(&core.filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        f->server.setTokenCount(1234);
        core.filter.sort(0, Qt::DescendingOrder);
        core.filter.setFilterText(u"staging"_s);
        BrowserSession &session = core.session;
        session.setAccountId(DemoApiServer::accountId());
        QSignalSpy loaded(&session, &BrowserSession::pageLoaded);
        QSignalSpy progress(&session, &BrowserSession::progress);

        session.loadAllPages();
        QCOMPARE(session.mode(), BrowserSession::Mode::AllPages);
        QTRY_COMPARE(loaded.size(), 1);
        QVERIFY(session.hasAllPages());
        QCOMPARE(progress.size(), 7);
        QCOMPARE(core.rows.rowCount(), 1234);
        QCOMPARE(uuidsOf(core.rows.tokens()), uuidsOf(f->server.tokens()));
        QCOMPARE(session.summary(), u"All pages \u00b7 1,234 tokens"_s);
        QVERIFY(!session.canGoForward() && !session.canGoLast());
        QVERIFY(session.canGoBack()); // to page 1, paged
        int staging = 0;
        for (const BuildToken &token : f->server.tokens())
            staging += BuildTokenFilterModel::matches(token, u"staging"_s) ? 1 : 0;
        QCOMPARE(core.filter.rowCount(), staging);
        QTRY_VERIFY(core.filter.dynamicSortFilter()); // in an event-loop turn after the last page's
        const QCollator names = BuildTokenFilterModel::textCollator(true);
        for (int row = 1; row < core.filter.rowCount(); ++row)
            QVERIFY(names.compare(core.filter.token(row - 1).name, core.filter.token(row).name) >= 0);

        // F5 loads every page again; paging leaves the mode.
        session.reload();
        QCOMPARE(session.mode(), BrowserSession::Mode::AllPages);
        QVERIFY(!core.filter.dynamicSortFilter()); // sorted once, at the end
        QTRY_COMPARE(loaded.size(), 2);
        QCOMPARE(core.rows.rowCount(), 1234);
        session.firstPage();
        QTRY_COMPARE(loaded.size(), 3);
        QCOMPARE(session.mode(), BrowserSession::Mode::Paged);
        QCOMPARE(core.rows.rowCount(), 50);
    }

    void sessionCancelKeepsTheRowsSoFar()
    {
        BuildTokenTableModel rows;
        QAbstractItemModelTester tester(&rows, QAbstractItemModelTester::FailureReportingMode::QtTest);
        BrowserSession session(&f->service, &rows);
        session.setAccountId(DemoApiServer::accountId());
        f->server.setTokenCount(1234);
        session.firstPage();
        QTRY_COMPARE(rows.rowCount(), 50);

        f->server.setHoldReplies(true);
        session.loadAllPages();
        QTRY_COMPARE(f->server.heldReplyCount(), 1);
        QCOMPARE(rows.rowCount(), 50); // the page shown stays until page 1 of the run replaces it
        f->server.releaseHeldReplies();
        QTRY_COMPARE(f->server.heldReplyCount(), 6);
        QCOMPARE(rows.rowCount(), 200);
        QCOMPARE(session.summary(), u"All pages: 1 of 7 loaded \u00b7 200 tokens"_s);
        QSignalSpy failed(&session, &BrowserSession::failed);
        session.cancel();
        QCOMPARE(failed.size(), 1);
        QVERIFY(!session.isBusy());
        QCOMPARE(rows.rowCount(), 200);
        QVERIFY(!session.hasAllPages());
        QCOMPARE(session.summary(), u"All pages: stopped after 1 of 7 \u00b7 200 tokens"_s);
        QTRY_COMPARE(f->server.abortedCount(), 6);

        // Another account: the rows go at once, and the mode with them.
        session.setAccountId(DemoApiServer::stagingAccountId());
        QCOMPARE(rows.rowCount(), 0);
        QCOMPARE(session.mode(), BrowserSession::Mode::Paged);
    }

    void aPageFailingMidwayKeepsTheRowsAndSaysWhy()
    {
        BuildTokenTableModel rows;
        BrowserSession session(&f->service, &rows);
        session.setAccountId(DemoApiServer::accountId());
        session.setConcurrency(1);
        f->server.setTokenCount(1234);
        connect(&session, &BrowserSession::progress, this, [this](qint64 done) {
            if (done == 2)
                f->server.setFault(DemoApiServer::Fault::BadGateway);
        });
        QSignalSpy failed(&session, &BrowserSession::failed);
        session.loadAllPages();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).value<ApiError>().kind(), Kind::Server);
        QCOMPARE(rows.rowCount(), 400);
        QCOMPARE(session.mode(), BrowserSession::Mode::AllPages);
        QVERIFY(!session.hasAllPages());
        QCOMPARE(session.summary(), u"All pages: stopped after 2 of 7 \u00b7 400 tokens"_s);
    }

    void aRunThatFailsAtOnceLeavesTheListingAsItWas()
    {
        BuildTokenTableModel rows;
        BrowserSession session(&f->service, &rows);
        session.setAccountId(DemoApiServer::accountId());
        f->server.setTokenCount(120);
        session.loadPage(2);
        QTRY_COMPARE(rows.rowCount(), 50);
        f->server.setFault(DemoApiServer::Fault::ServerError, 1);
        QSignalSpy failed(&session, &BrowserSession::failed);
        session.loadAllPages();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(session.mode(), BrowserSession::Mode::Paged);
        QCOMPARE(session.page(), 2);
        QCOMPARE(uuidsOf(rows.tokens()), uuidsOf(f->server.tokens().mid(50, 50)));
    }
};

QTEST_GUILESS_MAIN(TestAllPages)
#include "tst_allpages.moc"
