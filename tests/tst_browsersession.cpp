#include "ApiFixture.h"
#include "model/BuildTokenTableModel.h"
#include "session/BrowserSession.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <limits>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using Kind = ApiError::Kind;

class TestBrowserSession : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ApiFixture> f;
    std::unique_ptr<BuildTokenTableModel> rows;
    std::unique_ptr<QAbstractItemModelTester> tester; // the rows stay a valid model throughout
    std::unique_ptr<BrowserSession> session;

    QStringList expectedUuids(int page, int perPage) const
    {
        return uuidsOf(f->server.tokens().mid((page - 1) * perPage, perPage));
    }

    bool waitUntilIdle()
    {
        return QTest::qWaitFor([this] { return !session->isBusy(); }, 10000);
    }

private slots:
    void init()
    {
        f = std::make_unique<ApiFixture>();
        f->server.setTokenCount(1234);
        rows = std::make_unique<BuildTokenTableModel>();
        tester = std::make_unique<QAbstractItemModelTester>(rows.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        session = std::make_unique<BrowserSession>(&f->service, rows.get());
        session->setAccountId(DemoApiServer::accountId());
    }
    void cleanup()
    {
        session.reset();
        tester.reset();
        rows.reset();
        f.reset();
    }

    void pagesForwardBackAndToTheEnds()
    {
        QSignalSpy loaded(session.get(), &BrowserSession::pageLoaded);
        QSignalSpy failed(session.get(), &BrowserSession::failed);
        QSignalSpy busy(session.get(), &BrowserSession::busyChanged);
        QVERIFY(!session->canGoForward());

        session->firstPage();
        QVERIFY(session->isBusy());
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(busy.size(), 2);
        QCOMPARE(busy.at(0).at(0).toBool(), true);
        QCOMPARE(busy.at(1).at(0).toBool(), false);
        QCOMPARE(session->page(), 1);
        QCOMPARE(uuidsOf(rows->tokens()), expectedUuids(1, 50));
        QCOMPARE(session->totalPages(), 25);
        QCOMPARE(session->totalCount(), 1234);
        QCOMPARE(session->summary(), u"Page 1 of 25 \u00b7 %1 tokens"_s.arg(QLocale().toString(1234)));
        QVERIFY(!session->canGoBack());
        QVERIFY(session->canGoForward());
        QVERIFY(session->canGoLast());

        session->nextPage();
        QTRY_COMPARE(loaded.size(), 2);
        QCOMPARE(session->page(), 2);
        QCOMPARE(uuidsOf(rows->tokens()), expectedUuids(2, 50));
        QVERIFY(session->canGoBack());

        session->lastPage();
        QTRY_COMPARE(loaded.size(), 3);
        QCOMPARE(session->page(), 25);
        QCOMPARE(rows->tokens().size(), 34);
        QVERIFY(!session->canGoForward());
        QVERIFY(!session->canGoLast());

        session->previousPage();
        QTRY_COMPARE(loaded.size(), 4);
        QCOMPARE(session->page(), 24);
        QCOMPARE(uuidsOf(rows->tokens()), expectedUuids(24, 50));
        QCOMPARE(failed.size(), 0);
    }

    void perPageOutsideTheRangeIsNeverSent()
    {
        QSignalSpy loaded(session.get(), &BrowserSession::pageLoaded);
        QVERIFY(!session->setPerPage(0));
        QVERIFY(!session->setPerPage(201));
        QVERIFY(!session->setPerPage(-1));
        QCOMPARE(session->perPage(), 50);
        QVERIFY(session->setPerPage(200));
        session->firstPage();
        QTRY_COMPARE(loaded.size(), 1);
        for (const DemoApiServer::Request &request : f->server.requests())
            QCOMPARE(request.query.queryItemValue(u"per_page"_s), u"200"_s);
    }

    void changingPerPageKeepsTheFirstRowInView()
    {
        QSignalSpy loaded(session.get(), &BrowserSession::pageLoaded);
        session->loadPage(5); // rows 200..249
        QTRY_COMPARE(loaded.size(), 1);
        QVERIFY(session->setPerPage(100));
        QTRY_COMPARE(loaded.size(), 2);
        QCOMPARE(session->page(), 3); // rows 200..299
        QCOMPARE(rows->tokens().first().uuid, f->server.tokens().at(200).uuid);
        QCOMPARE(session->totalPages(), 13);
    }

    void changingPerPageFarOutStaysWithinAPageNumber()
    {
        QSignalSpy loaded(session.get(), &BrowserSession::pageLoaded);
        QVERIFY(session->setPerPage(200));
        const int lastPage = std::numeric_limits<int>::max();
        session->loadPage(lastPage); // answered empty, but a page like any other
        QTRY_COMPARE(loaded.size(), 1);
        // At 10 a page its first row is on page 20 * (INT_MAX - 1) + 1, which no page number
        // names: the session stays on the last one that does (int(row / 10) + 1 once wrapped
        // to -39, and page 1 was loaded).
        QVERIFY(session->setPerPage(10));
        QTRY_COMPARE(loaded.size(), 2);
        QCOMPARE(session->page(), lastPage);
        QCOMPARE(f->server.requests().last().query.queryItemValue(u"page"_s), QString::number(lastPage));
    }

    void cancelKeepsTheRowsShown()
    {
        QSignalSpy loaded(session.get(), &BrowserSession::pageLoaded);
        QSignalSpy failed(session.get(), &BrowserSession::failed);
        session->firstPage();
        QTRY_COMPARE(loaded.size(), 1);

        f->server.setLatency(std::chrono::milliseconds(1500));
        session->nextPage();
        QTRY_COMPARE(f->server.requests().size(), 2);
        QVERIFY(session->isBusy());
        session->cancel();
        QVERIFY(!session->isBusy());
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().kind(), Kind::Canceled);
        QCOMPARE(session->page(), 1);
        QCOMPARE(uuidsOf(rows->tokens()), expectedUuids(1, 50));
        QCOMPARE(loaded.size(), 1);
    }

    void aNewerRequestWinsOverALateReply()
    {
        QSignalSpy loaded(session.get(), &BrowserSession::pageLoaded);
        QSignalSpy failed(session.get(), &BrowserSession::failed);
        f->server.setHoldReplies(true);
        session->loadPage(2);
        QTRY_COMPARE(f->server.heldReplyCount(), 1);
        session->loadPage(3); // cancels page 2 while the server holds its answer
        QTRY_COMPARE(f->server.abortedCount(), 1); // page 2's client has gone: it can never land
        QTRY_COMPARE(f->server.heldReplyCount(), 1); // page 3's
        QCOMPARE(f->server.releaseHeldReplies(), 1);
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(session->page(), 3);
        QCOMPARE(uuidsOf(rows->tokens()), expectedUuids(3, 50));
        QCOMPARE(failed.size(), 0); // the superseded request is not reported as a failure
    }

    void rapidPagingLandsOnTheLastRequested()
    {
        QSignalSpy loaded(session.get(), &BrowserSession::pageLoaded);
        session->firstPage();
        QTRY_COMPARE(loaded.size(), 1);
        f->server.setLatency(std::chrono::milliseconds(200));
        session->nextPage();
        session->nextPage();
        session->nextPage(); // counts from the page in flight: 2, 3, 4
        QCOMPARE(session->requestedPage(), 4);
        QVERIFY(waitUntilIdle());
        QTRY_COMPARE(loaded.size(), 2);
        QCOMPARE(session->page(), 4);
        QCOMPARE(uuidsOf(rows->tokens()), expectedUuids(4, 50));
    }

    void aFailureKeepsTheRowsShown()
    {
        QSignalSpy loaded(session.get(), &BrowserSession::pageLoaded);
        QSignalSpy failed(session.get(), &BrowserSession::failed);
        session->firstPage();
        QTRY_COMPARE(loaded.size(), 1);
        f->server.setFault(DemoApiServer::Fault::ServerError, 1);
        session->nextPage();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().kind(), Kind::Server);
        QCOMPARE(session->page(), 1);
        QCOMPARE(uuidsOf(rows->tokens()), expectedUuids(1, 50));
        // and the next try goes through
        session->nextPage();
        QTRY_COMPARE(loaded.size(), 2);
        QCOMPARE(session->page(), 2);
    }

    void anotherAccountEmptiesTheRowsAtOnce()
    {
        QSignalSpy loaded(session.get(), &BrowserSession::pageLoaded);
        QSignalSpy failed(session.get(), &BrowserSession::failed);
        session->loadPage(2);
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(rows->rowCount(), 50);

        f->server.setLatency(std::chrono::milliseconds(300));
        session->nextPage(); // in flight when the account changes: never shown
        QTRY_COMPARE(f->server.requests().size(), 2);
        session->setAccountId(u"0000000000000000000000000000dead"_s);
        QCOMPARE(rows->rowCount(), 0);
        QVERIFY(!session->hasPage());
        QVERIFY(!session->isBusy());
        QCOMPARE(session->page(), 1);
        QCOMPARE(session->summary(), u"No tokens loaded"_s);
        QVERIFY(!session->totalCount());

        session->firstPage(); // an account the server does not know: 404
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().kind(), Kind::NotFound);
        QCOMPARE(rows->rowCount(), 0); // the old account's rows did not come back
        QCOMPARE(loaded.size(), 1);
    }

    void clearForgetsTheListingButNotTheAccount()
    {
        QSignalSpy loaded(session.get(), &BrowserSession::pageLoaded);
        session->loadPage(3);
        QTRY_COMPARE(loaded.size(), 1);
        QSignalSpy state(session.get(), &BrowserSession::stateChanged);
        session->clear();
        QVERIFY(state.size() >= 1);
        QCOMPARE(rows->rowCount(), 0);
        QVERIFY(!session->hasPage());
        QCOMPARE(session->accountId(), DemoApiServer::accountId());
        session->reload();
        QTRY_COMPARE(loaded.size(), 2);
        QCOMPARE(session->page(), 1);
        QCOMPARE(uuidsOf(rows->tokens()), expectedUuids(1, 50));
    }

    void withoutTotalsPagesOnWhileFull()
    {
        f->server.setTokenCount(100);
        f->server.setSendsTotals(false);
        QSignalSpy loaded(session.get(), &BrowserSession::pageLoaded);
        session->firstPage();
        QTRY_COMPARE(loaded.size(), 1);
        QVERIFY(!session->totalPages());
        QVERIFY(!session->canGoLast());
        QVERIFY(session->canGoForward()); // a full page: there may be more
        QCOMPARE(session->summary(), u"Page 1 \u00b7 50 on this page"_s);
        session->nextPage();
        QTRY_COMPARE(loaded.size(), 2);
        QVERIFY(session->canGoForward());
        session->nextPage();
        QTRY_COMPARE(loaded.size(), 3);
        QVERIFY(rows->tokens().isEmpty()); // the empty page ends it, as Cloudflare's SDKs do
        QVERIFY(!session->canGoForward());
    }

    void destroyingTheSessionMidRequestIsSafe()
    {
        f->server.setHoldReplies(true);
        session->firstPage();
        QTRY_COMPARE(f->server.heldReplyCount(), 1);
        session.reset(); // takes its job, and so the request, with it
        QTRY_COMPARE(f->server.abortedCount(), 1);
        QCOMPARE(f->server.releaseHeldReplies(), 0);
        QCOMPARE(rows->rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBrowserSession)
#include "tst_browsersession.moc"
