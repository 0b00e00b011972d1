// Jobs against DemoApiServer over loopback: a job keeps the credentials it started with, and
// one gate per credential identity makes every client of that user wait out a 429.

#include "ApiFixture.h"
#include "AwaitResult.h"
#include "api/AccountsService.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Fault = DemoApiServer::Fault;

class TestJobs : public QObject
{
    Q_OBJECT

private slots:
    void aJobKeepsTheCredentialsItStartedWith()
    {
        ApiFixture f;
        const QString other = u"a-second-user-token"_s;
        f.server.acceptApiToken(other);
        f.server.setExtraAccountCount(117); // three pages of accounts
        f.server.setHoldReplies(true);
        AccountsService service(&f.client);

        AccountsJob *job = service.listAll();
        const auto result = resultOf(job);
        QTRY_COMPARE(f.server.heldReplyCount(), 1);
        f.client.setCredentials(Credentials::fromApiToken(other)); // another profile chosen
        f.server.setHoldReplies(false);
        f.server.releaseHeldReplies();
        QTRY_VERIFY(result->has_value());
        QVERIFY((*result)->ok());
        QCOMPARE((*result)->value().size(), 120);
        QCOMPARE(f.server.requests().size(), 3);
        for (const DemoApiServer::Request &request : f.server.requests())
            QCOMPARE(request.header("authorization"), "Bearer " + DemoApiServer::apiToken().toUtf8());

        // The next job takes the client as it is now.
        QVERIFY(awaitJob(service.listAll()).value().ok());
        QCOMPARE(f.server.requests().last().header("authorization"), "Bearer " + other.toUtf8());
    }

    void cancelEndsAJobOnce()
    {
        ApiFixture f;
        f.server.setHoldReplies(true);
        PageJob *job = f.service.fetchPage(DemoApiServer::accountId(), 1, 10);
        QSignalSpy finished(job, &Job::finished);
        QTRY_COMPARE(f.server.heldReplyCount(), 1);
        job->cancel();
        job->cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(job->result().error().kind(), ApiError::Kind::Canceled);
        QTRY_COMPARE(f.server.abortedCount(), 1);
    }

    void oneRateLimitHoldsEveryClientOfThatUser()
    {
        ApiFixture f;
        const QString otherUser = u"another-users-token"_s;
        f.server.acceptApiToken(otherUser);
        f.server.setRetryAfterSeconds(1);
        f.server.setFault(Fault::RateLimited, 1);
        const auto limited = f.fetchPage(1, 10); // the fixture's client does not retry
        QVERIFY(limited && !limited->ok());
        QCOMPARE(limited->error().kind(), ApiError::Kind::RateLimited);
        const qint64 limitedAt = f.server.requests().last().receivedMs;

        // A second client of the same user, made after the 429: it waits out Retry-After.
        ApiClient sameUser(&f.network);
        sameUser.setBaseUrl(f.server.baseUrl());
        sameUser.setCredentials(f.client.credentials());
        sameUser.setRetryPolicy(RetryPolicy::never());
        // A client of another user is not held.
        ApiClient otherClient(&f.network);
        otherClient.setBaseUrl(f.server.baseUrl());
        otherClient.setCredentials(Credentials::fromApiToken(otherUser));
        BuildTokensService sameService(&sameUser);
        BuildTokensService otherService(&otherClient);
        const auto held = resultOf(sameService.fetchPage(DemoApiServer::accountId(), 2, 10));
        const auto other = awaitJob(otherService.fetchPage(DemoApiServer::accountId(), 3, 10));
        QVERIFY(other && other->ok());
        QVERIFY(!held->has_value()); // the other user's page came first
        QTRY_VERIFY_WITH_TIMEOUT(held->has_value(), 5000);
        QVERIFY((*held)->ok());
        const QList<DemoApiServer::Request> &requests = f.server.requests();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(1).query.queryItemValue(u"page"_s), u"3"_s);
        QCOMPARE(requests.at(2).query.queryItemValue(u"page"_s), u"2"_s);
        QVERIFY2(requests.at(2).receivedMs - limitedAt >= 1000,
                 qPrintable(QString::number(requests.at(2).receivedMs - limitedAt)));
    }
};

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
