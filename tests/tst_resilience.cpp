// Retries, rate limits, timeouts and hostile bodies, against DemoApiServer's faults on
// loopback; what was retried is counted on the server side, and waits are checked against
// the server's own clock.

#include "ApiFixture.h"
#include "AwaitResult.h"
#include "api/RateLimitGate.h"
#include "api/RetryPolicy.h"
#include "model/BuildTokenTableModel.h"
#include "session/BrowserSession.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <limits>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Fault = DemoApiServer::Fault;
using Kind = ApiError::Kind;

class TestResilience : public QObject
{
    Q_OBJECT

private:
    static RetryPolicy fastRetries()
    {
        RetryPolicy policy;
        policy.baseDelay = 20ms;
        policy.maxDelay = 100ms;
        return policy;
    }

    // Every ApiCall of the fixture's client has finished and been deleted.
    static bool noCallLeft(ApiFixture &f)
    {
        return f.client.findChildren<ApiCall *>().isEmpty();
    }

private slots:
    void backoffGrowsWithJitterAndStops()
    {
        RetryPolicy policy;
        policy.jitter = false;
        const ApiError server = ApiError::fromResponse(503, {});
        QCOMPARE(policy.delayBefore(1, 0, server), std::optional(500ms));
        QCOMPARE(policy.delayBefore(2, 0, server), std::optional(1000ms));
        QVERIFY(!policy.delayBefore(3, 0, server)); // three attempts in all
        policy.jitter = true;
        for (int i = 0; i < 50; ++i) {
            const auto delay = policy.delayBefore(2, 0, server);
            QVERIFY(delay && *delay >= 500ms && *delay <= 1000ms);
        }
        policy.baseDelay = 5s;
        policy.jitter = false;
        QCOMPARE(policy.delayBefore(2, 0, server), std::optional(std::chrono::milliseconds(policy.maxDelay)));
    }

    void whatIsRetried_data()
    {
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<bool>("retried");
        QTest::newRow("503") << ApiError::fromResponse(503, {}) << true;
        QTest::newRow("timeout") << ApiError(Kind::Timeout, QString()) << true;
        QTest::newRow("connection refused") << ApiError(Kind::Network, QString()) << true;
        QTest::newRow("401") << ApiError::fromResponse(401, {}) << false;
        QTest::newRow("403") << ApiError::fromResponse(403, {}) << false;
        QTest::newRow("404") << ApiError::fromResponse(404, {}) << false;
        QTest::newRow("400") << ApiError::fromResponse(400, {}) << false;
        QTest::newRow("malformed") << ApiError(Kind::Malformed, QString()) << false;
        QTest::newRow("tls") << ApiError(Kind::Tls, QString()) << false;
        QTest::newRow("redirect") << ApiError(Kind::RedirectRefused, QString()) << false;
        QTest::newRow("canceled") << ApiError(Kind::Canceled, QString()) << false;
    }
    void whatIsRetried()
    {
        QFETCH(ApiError, error);
        QFETCH(bool, retried);
        QCOMPARE(RetryPolicy().delayBefore(1, 0, error).has_value(), retried);
    }

    void rateLimitWaitsAsAskedWithinACap()
    {
        const RetryPolicy policy;
        ApiError limited = ApiError::fromResponse(429, {});
        QVERIFY(!policy.delayBefore(1, 0, limited)); // no Retry-After: the block lasts minutes
        limited.setRetryAfterSeconds(7);
        QCOMPARE(policy.delayBefore(1, 0, limited), std::optional(std::chrono::milliseconds(7s)));
        QVERIFY(!policy.delayBefore(4, 3, limited)); // three waits at most
        limited.setRetryAfterSeconds(300);
        QVERIFY(!policy.delayBefore(1, 0, limited));
    }

    void serverErrorsAreRetriedUntilTheyPass()
    {
        ApiFixture f;
        f.client.setRetryPolicy(fastRetries());
        f.server.setFault(Fault::ServerError, 2);
        const auto result = f.fetchPage(1, 10);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error().toText()));
        QCOMPARE(f.server.requests().size(), 3);
        QCOMPARE(result->value().tokens.size(), 10);
    }

    void retriesStopAtThreeAttempts_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<Kind>("kind");
        QTest::newRow("503") << Fault::ServerError << Kind::Server;
        QTest::newRow("502 from a proxy") << Fault::BadGateway << Kind::Server;
        QTest::newRow("dropped connection") << Fault::DroppedConnection << Kind::Network;
    }
    void retriesStopAtThreeAttempts()
    {
        QFETCH(Fault, fault);
        QFETCH(Kind, kind);
        ApiFixture f;
        f.client.setRetryPolicy(fastRetries());
        f.server.setFault(fault);
        const auto result = f.fetchPage(1, 10);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), kind);
        QVERIFY2(result->error().toText().contains(u"Gave up after 3 attempts"_s), qPrintable(result->error().toText()));
        // Qt itself sends a request once more when a kept-alive connection closes under it.
        if (fault == Fault::DroppedConnection)
            QVERIFY(f.server.requests().size() >= 3 && f.server.requests().size() <= 6);
        else
            QCOMPARE(f.server.requests().size(), 3);
    }

    void clientErrorsAreNeverRetried_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("account");
        QTest::addColumn<Fault>("fault");
        QTest::newRow("401") << u"wrong"_s << DemoApiServer::accountId() << Fault::None;
        QTest::newRow("403") << DemoApiServer::apiTokenWithoutBuildsAccess() << DemoApiServer::accountId() << Fault::None;
        QTest::newRow("404") << DemoApiServer::apiToken() << u"ffffffffffffffffffffffffffffffff"_s << Fault::None;
        QTest::newRow("html 200") << DemoApiServer::apiToken() << DemoApiServer::accountId() << Fault::HtmlPage;
    }
    void clientErrorsAreNeverRetried()
    {
        QFETCH(QString, token);
        QFETCH(QString, account);
        QFETCH(Fault, fault);
        ApiFixture f;
        f.client.setRetryPolicy(fastRetries());
        f.client.setCredentials(Credentials::fromApiToken(token));
        f.server.setFault(fault);
        const auto result = f.fetchPage(account, 1, 10);
        QVERIFY(result && !result->ok());
        // A retry waits in its call's timer: with the call gone, none can come.
        QVERIFY(QTest::qWaitFor([&f] { return noCallLeft(f); }, 10000));
        QCOMPARE(f.server.requests().size(), 1);
    }

    void rateLimitHonoursRetryAfter()
    {
        ApiFixture f;
        f.client.setRetryPolicy(fastRetries());
        f.server.setRetryAfterSeconds(1);
        f.server.setFault(Fault::RateLimited, 1);
        BuildTokenTableModel rows;
        BrowserSession session(&f.service, &rows);
        session.setAccountId(DemoApiServer::accountId());
        QSignalSpy retrying(&session, &BrowserSession::retrying);
        QSignalSpy loaded(&session, &BrowserSession::pageLoaded);
        session.firstPage();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 5000);
        QCOMPARE(retrying.size(), 1);
        QCOMPARE(retrying.first().at(0).value<ApiError>().kind(), Kind::RateLimited);
        QCOMPARE(retrying.first().at(1).toLongLong(), 1000);
        QCOMPARE(f.server.requests().size(), 2);
        const qint64 waited = f.server.requests().at(1).receivedMs - f.server.requests().at(0).receivedMs;
        QVERIFY2(waited >= 1000, qPrintable(QString::number(waited)));
    }

    void rateLimitBeyondTheCapIsReported()
    {
        ApiFixture f;
        f.client.setRetryPolicy(fastRetries());
        f.server.setRetryAfterSeconds(300);
        f.server.setFault(Fault::RateLimited);
        const auto result = f.fetchPage(1, 10);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), Kind::RateLimited);
        QCOMPARE(result->error().retryAfterSeconds(), 300);
        QVERIFY(result->error().hint().contains(u"300 s"_s));
        QCOMPARE(f.server.requests().size(), 1);
    }

    void cancelDuringTheWaitStopsIt()
    {
        ApiFixture f;
        f.client.setRetryPolicy(fastRetries());
        f.server.setRetryAfterSeconds(2);
        f.server.setFault(Fault::RateLimited);
        BuildTokenTableModel rows;
        BrowserSession session(&f.service, &rows);
        session.setAccountId(DemoApiServer::accountId());
        QSignalSpy retrying(&session, &BrowserSession::retrying);
        QSignalSpy failed(&session, &BrowserSession::failed);
        session.firstPage();
        QTRY_COMPARE(retrying.size(), 1);
        session.cancel();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().kind(), Kind::Canceled);
        // The wait was the call's timer: with the call gone, the retry can never be sent.
        QVERIFY(QTest::qWaitFor([&f] { return noCallLeft(f); }, 10000));
        QCOMPARE(f.server.requests().size(), 1);
    }

    void timeoutsAreRetriedThenReportedAsTimeouts()
    {
        ApiFixture f;
        f.client.setRetryPolicy(fastRetries());
        f.client.setTransferTimeout(150ms);
        f.server.setHoldReplies(true); // no attempt is ever answered
        const auto result = f.fetchPage(1, 10);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), Kind::Timeout);
        QCOMPARE(f.server.requests().size(), 3);
        // Each attempt was given up by the client, which closed its connection.
        QVERIFY(QTest::qWaitFor([&f] { return f.server.abortedCount() == 3; }, 10000));
        QCOMPARE(f.server.answeredCount(), 0);
    }

    void aTricklingBodyTimesOutAsAWhole()
    {
        ApiFixture f;
        f.client.setTransferTimeout(250ms); // never silent that long: a byte every 50 ms
        f.server.setFault(Fault::SlowBody);
        QElapsedTimer clock;
        clock.start();
        const auto result = f.fetchPage(1, 10);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), Kind::Timeout);
        QVERIFY2(result->error().detail().contains(u"still sending"_s), qPrintable(result->error().detail()));
        QVERIFY(clock.elapsed() >= 4 * 250);
        QVERIFY(clock.elapsed() < 5000);
    }

    void oversizedBodyIsCutOff()
    {
        ApiFixture f;
        f.client.setMaxBodyBytes(1024 * 1024);
        f.server.setOversizedBodyBytes(3 * 1024 * 1024);
        f.server.setFault(Fault::OversizedBody);
        const auto result = f.fetchPage(1, 10);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), Kind::Malformed);
        QVERIFY2(result->error().detail().contains(u"larger than 1 MiB"_s), qPrintable(result->error().detail()));
    }

    void defaultCapIsSixteenMiB()
    {
        QCOMPARE(ApiClient::DefaultMaxBodyBytes, 16 * 1024 * 1024);
        ApiFixture f;
        f.client.setMaxBodyBytes(ApiClient::DefaultMaxBodyBytes);
        f.server.setFault(Fault::OversizedBody); // 17 MiB
        const auto result = f.fetchPage(1, 10);
        QVERIFY(result && !result->ok());
        QVERIFY(result->error().detail().contains(u"16 MiB"_s));
    }

    void aGzipBombIsReportedAsOne_data()
    {
        constexpr qint64 MiB = 1024 * 1024;
        QTest::addColumn<qint64>("maxBodyBytes");
        QTest::addColumn<qint64>("spaces");
        QTest::addColumn<QString>("says");
        QTest::newRow("50 MiB, default cap") << ApiClient::DefaultMaxBodyBytes << 50 * MiB << u"within 16 MiB"_s;
        // Below the 10 MiB where Qt's own check starts: it starts at the cap instead.
        QTest::newRow("5 MiB, 1 MiB cap") << MiB << 5 * MiB << u"within 1 MiB"_s;
    }
    void aGzipBombIsReportedAsOne()
    {
        QFETCH(qint64, maxBodyBytes);
        QFETCH(qint64, spaces);
        QFETCH(QString, says);
        ApiFixture f;
        f.client.setRetryPolicy(fastRetries());
        f.client.setMaxBodyBytes(maxBodyBytes);
        f.server.setGzipBombSpaces(spaces);
        f.server.setFault(Fault::GzipBomb); // a thousandth of that on the wire
        const auto result = f.fetchPage(1, 10);
        QVERIFY(result && !result->ok());
        const QString text = result->error().toText();
        QCOMPARE(result->error().kind(), Kind::Malformed);
        // Not "the response body is empty" or "not valid JSON": Qt gave up unpacking it.
        QVERIFY2(text.contains(u"compressed (gzip)"_s) && text.contains(says), qPrintable(text));
        QVERIFY2(!text.contains(u"JSON"_s) && !text.contains(u"empty"_s), qPrintable(text));
        QCOMPARE(f.server.requests().size(), 1); // asked once: it would come back the same
    }

    void aPackedAnswerWithinTheCapIsRead()
    {
        ApiFixture f;
        f.client.setMaxBodyBytes(32 * 1024 * 1024);
        f.server.setGzipBombSpaces(20 * 1024 * 1024); // past Qt's own 10 MiB, within the cap
        f.server.setFault(Fault::GzipBomb);
        const auto result = f.fetchPage(1, 10);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error().toText()));
        QCOMPARE(uuidsOf(result->value().tokens), uuidsOf(f.server.tokens().mid(0, 10)));
    }

    void absurdTotalsAreSafe()
    {
        ApiFixture f;
        f.server.setFault(Fault::HugeTotals);
        BuildTokenTableModel rows;
        BrowserSession session(&f.service, &rows);
        session.setAccountId(DemoApiServer::accountId());
        QSignalSpy loaded(&session, &BrowserSession::pageLoaded);
        session.firstPage();
        QTRY_COMPARE(loaded.size(), 1);
        const qint64 twoToThe53 = 9007199254740992;
        QCOMPARE(session.totalPages(), twoToThe53);
        QCOMPARE(rows.tokens().size(), 50); // the rows as they came, whatever count says
        QVERIFY(session.summary().contains(QLocale().toString(twoToThe53)));
        f.server.setFault(Fault::HugeTotals, 1);
        session.lastPage(); // as far as a page number goes: asked for, answered empty
        QTRY_COMPARE(loaded.size(), 2);
        const int lastPage = std::numeric_limits<int>::max();
        QCOMPARE(session.page(), lastPage);
        QVERIFY(rows.tokens().isEmpty());
        // The page after INT_MAX cannot be named: nothing overflows (UBSan watches), nothing is
        // sent, and Last is not offered either (it would ask for the page shown).
        QVERIFY(!session.canGoForward());
        QVERIFY(!session.canGoLast());
        const qsizetype sent = f.server.requests().size();
        session.nextPage();
        QVERIFY(!session.isBusy());
        QCOMPARE(f.server.requests().size(), sent);
        QCOMPARE(f.server.requests().last().query.queryItemValue(u"page"_s), QString::number(lastPage));
    }

    void whatWaitingCannotMendIsNotRetried_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<ApiError::Kind>("kind");
        QTest::addColumn<QString>("says");
        QTest::newRow("HTTP 999") << Fault::UnknownStatus << ApiError::Kind::Api << u"HTTP 999"_s;
        QTest::newRow("HTTP 407") << Fault::ProxyAuthRequired << ApiError::Kind::Auth << u"proxy"_s;
    }
    void whatWaitingCannotMendIsNotRetried()
    {
        QFETCH(Fault, fault);
        QFETCH(ApiError::Kind, kind);
        QFETCH(QString, says);
        ApiFixture f;
        f.client.setRetryPolicy(fastRetries());
        f.server.setFault(fault);
        const auto result = f.fetchPage(1, 10);
        QVERIFY(result && !result->ok());
        QVERIFY2(result->error().toText().contains(says), qPrintable(result->error().toText()));
        QCOMPARE(result->error().kind(), kind);
        QCOMPARE(f.server.requests().size(), 1); // asked once
    }

    void aRedirectLoopIsCalledOne()
    {
        ApiFixture f;
        f.server.setRedirectTarget(QUrl(u"http://127.0.0.1:%1"_s.arg(f.server.port())));
        f.server.setFault(Fault::Redirect); // every answer sends it back to itself
        const auto result = f.fetchPage(1, 10);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), ApiError::Kind::RedirectRefused);
        QVERIFY2(result->error().detail().contains(u"redirect loop"_s), qPrintable(result->error().detail()));
    }

    void morePageItemsThanAskedForIsMalformed()
    {
        ApiFixture f;
        f.server.setFault(Fault::TooManyItems, 1);
        const auto result = f.fetchPage(1, 50);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), ApiError::Kind::Malformed);
        QVERIFY2(result->error().detail().contains(u"100 items, but only 50"_s), qPrintable(result->error().detail()));
        const auto fine = f.fetchPage(1, 50); // the same page, answered right
        QVERIFY(fine && fine->ok());
        QCOMPARE(fine->value().tokens.size(), 50);
    }

    void fewRemainingRequestsAreSpacedOut()
    {
        ApiFixture f;
        const auto fetched = [&f](int page) {
            const auto result = f.fetchPage(page, 10);
            return result && result->ok();
        };
        f.server.setRatelimit(1, 2); // one left, two seconds to the reset: one request a second
        QVERIFY(fetched(1));
        QVERIFY(fetched(2));
        // Paced from when the client sent the first: its arrival a few ms later is not the mark.
        const qint64 gap = f.server.requests().at(1).receivedMs - f.server.requests().at(0).receivedMs;
        QVERIFY2(gap >= 950, qPrintable(QString::number(gap)));

        f.server.setRatelimit(RateLimitGate::SlowDownBelow + 100, 300); // plenty left: no waiting
        QVERIFY(fetched(3)); // still spaced once: it learns from this answer
        QElapsedTimer clock;
        clock.start();
        QVERIFY(fetched(4));
        QVERIFY(fetched(5));
        QVERIFY2(clock.elapsed() < 900, qPrintable(QString::number(clock.elapsed())));
    }

    void aRatelimitAskingForYearsIsReportedAtOnce()
    {
        ApiFixture f;
        f.server.setRatelimit(0, 999999999); // none left, the reset in 31 years
        QVERIFY(f.fetchPage(1, 10)->ok());
        QElapsedTimer clock;
        clock.start();
        const auto result = f.fetchPage(2, 10);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), ApiError::Kind::RateLimited);
        QVERIFY2(result->error().detail().contains(u"more than 120 s"_s), qPrintable(result->error().detail()));
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(f.server.requests().size(), 1); // nothing was sent
    }

    void aGateWaitCountsDownLikeA429()
    {
        ApiFixture f;
        f.server.setRatelimit(1, 3); // one left, three seconds to the reset: one request each 1.5 s
        QVERIFY(f.fetchPage(1, 10)->ok());
        PageJob *job = f.service.fetchPage(DemoApiServer::accountId(), 2, 10);
        QSignalSpy retrying(job, &Job::retrying);
        const auto result = resultOf(job);
        QTRY_COMPARE(retrying.size(), 1); // before it is sent, not after
        QCOMPARE(f.server.requests().size(), 1);
        QCOMPARE(retrying.first().at(0).value<ApiError>().kind(), ApiError::Kind::RateLimited);
        const auto delay = retrying.first().at(1).value<std::chrono::milliseconds>();
        QVERIFY2(delay >= 1000ms && delay <= 1500ms, qPrintable(QString::number(delay.count())));
        QTRY_VERIFY_WITH_TIMEOUT(result->has_value(), 5000);
        QVERIFY((*result)->ok());
    }

    void ratelimitHeaderParsing()
    {
        const std::chrono::milliseconds cap = RetryPolicy().maxRetryAfter;
        RateLimitGate gate;
        gate.update("\"default\";r=0;t=3");
        QCOMPARE(gate.reserve(0ms, cap), std::optional(0ms)); // the first goes at once
        QVERIFY(*gate.reserve(0ms, cap) >= 2900ms);
        RateLimitGate ignoring;
        ignoring.update("garbage;r=x");
        ignoring.update("");
        QCOMPARE(ignoring.reserve(0ms, cap), std::optional(0ms));
        QCOMPARE(ignoring.reserve(0ms, cap), std::optional(0ms));
        // Years of spacing: not reserved, reported. Within the cap it is still waited out.
        RateLimitGate years;
        years.update("\"default\";r=0;t=999999999");
        QCOMPARE(years.reserve(0ms, cap), std::optional(0ms));
        QCOMPARE(years.reserve(0ms, cap), std::nullopt);
        QCOMPARE(years.reserve(0ms, cap), std::nullopt); // nothing was reserved by the refusals
        RateLimitGate held;
        held.holdFor(std::chrono::seconds(999999999));
        QCOMPARE(held.reserve(0ms, cap), std::nullopt);
    }

    void networkDebugLogsNeverCarryTheSecret()
    {
        ApiFixture f;
        const QString secret = u"log-probe-"_s + QUuid::createUuid().toString(QUuid::Id128);
        f.server.acceptApiToken(secret);
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CLOUDFLARE_API_TOKEN"_s, secret);
        env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true;qt.network.*=true"_s);
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(BTB_CLI_PATH), {u"list"_s, u"--api-base"_s, f.server.baseUrl().toString(),
                                                 u"--account"_s, DemoApiServer::accountId(), u"--per-page"_s, u"2"_s});
        QVERIFY(QTest::qWaitFor([&cli] { return cli.state() == QProcess::NotRunning; }, 30000));
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray logs = cli.readAllStandardError();
        QVERIFY(logs.contains("qt.")); // the debug categories did print
        QVERIFY(!logs.contains(secret.toUtf8()));
        QVERIFY(!cli.readAllStandardOutput().contains(secret.toUtf8()));
        QCOMPARE(f.server.requests().last().header("Authorization"), "Bearer " + secret.toUtf8());
    }
};

QTEST_GUILESS_MAIN(TestResilience)
#include "tst_resilience.moc"
