#include "ApiFixture.h"
#include "AwaitResult.h"

#include <QPointer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Kind = ApiError::Kind;
using Fault = DemoApiServer::Fault;

class TestBuildTokensService : public QObject
{
    Q_OBJECT

private slots:
    void everyPageComesBackOnceInOrder_data()
    {
        QTest::addColumn<int>("perPage");
        QTest::newRow("per_page 50") << 50;
        QTest::newRow("per_page 200") << 200;
    }
    void everyPageComesBackOnceInOrder()
    {
        QFETCH(int, perPage);
        ApiFixture f;
        f.server.setTokenCount(1234);
        const int expectedPages = (1234 + perPage - 1) / perPage;

        QStringList uuids;
        int page = 1;
        for (;; ++page) {
            const auto result = f.fetchPage(page, perPage);
            QVERIFY(result);
            QVERIFY2(result->ok(), qPrintable(result->error().toText()));
            const BuildTokenPage &p = result->value();
            QCOMPARE(p.info.page, page);
            QCOMPARE(p.info.perPage, perPage);
            QCOMPARE(p.info.totalCount, 1234);
            QCOMPARE(p.info.totalPages, expectedPages);
            QCOMPARE(p.info.count, p.tokens.size());
            uuids += uuidsOf(p.tokens);
            if (page >= *p.info.totalPages)
                break;
        }
        QCOMPARE(page, expectedPages);
        QCOMPARE(uuids, uuidsOf(f.server.tokens()));
        QCOMPARE(QSet<QString>(uuids.begin(), uuids.end()).size(), 1234);

        // The server saw each page exactly once, in order.
        QCOMPARE(f.server.requests().size(), expectedPages);
        for (int i = 0; i < expectedPages; ++i) {
            QCOMPARE(f.server.requests().at(i).query.queryItemValue(u"page"_s), QString::number(i + 1));
            QCOMPARE(f.server.requests().at(i).query.queryItemValue(u"per_page"_s), QString::number(perPage));
        }
    }

    void badParametersAreNeverSent_data()
    {
        QTest::addColumn<QString>("account");
        QTest::addColumn<int>("page");
        QTest::addColumn<int>("perPage");
        const QString account = DemoApiServer::accountId();
        QTest::newRow("per_page 0") << account << 1 << 0;
        QTest::newRow("per_page -5") << account << 1 << -5;
        QTest::newRow("per_page 201") << account << 1 << 201;
        QTest::newRow("page 0") << account << 0 << 50;
        QTest::newRow("empty account") << QString() << 1 << 50;
        QTest::newRow("account with a slash") << u"abc/../../user"_s << 1 << 50;
        QTest::newRow("account with a query") << u"abc?x=1"_s << 1 << 50;
        // "$" matches before a final newline: the whole string must match.
        QTest::newRow("account with a newline at the end") << u"ok\n"_s << 1 << 50;
        QTest::newRow("account with a newline inside") << u"ok\nok"_s << 1 << 50;
    }
    void badParametersAreNeverSent()
    {
        QFETCH(QString, account);
        QFETCH(int, page);
        QFETCH(int, perPage);
        ApiFixture f;
        const QPointer<PageJob> job = f.service.fetchPage(account, page, perPage);
        const auto result = awaitJob(job.data());
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), Kind::InvalidRequest);
        QVERIFY(!result->error().detail().isEmpty());
        QTRY_VERIFY(job.isNull()); // gone without a request of its own
        QVERIFY(f.server.requests().isEmpty());
    }

    void perPageBoundsAreSent()
    {
        ApiFixture f;
        for (int perPage : {1, 200}) {
            const auto result = f.fetchPage(1, perPage);
            QVERIFY(result && result->ok());
            QCOMPARE(result->value().tokens.size(), perPage);
        }
    }

    void errorClassesReachTheCaller_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("account");
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("says");
        const QString token = DemoApiServer::apiToken();
        const QString account = DemoApiServer::accountId();
        QTest::newRow("invalid token") << u"wrong"_s << account << Fault::None << Kind::Auth << 401 << u"1000: Invalid API Token"_s;
        QTest::newRow("token without Workers CI Read") << DemoApiServer::apiTokenWithoutBuildsAccess() << account << Fault::None << Kind::Auth << 403 << u"Workers CI Read"_s;
        QTest::newRow("wrong account") << token << u"ffffffffffffffffffffffffffffffff"_s << Fault::None << Kind::NotFound << 404 << u"7003"_s;
        QTest::newRow("rate limited") << token << account << Fault::RateLimited << Kind::RateLimited << 429 << u"Try again in 7 s"_s;
        QTest::newRow("server error") << token << account << Fault::ServerError << Kind::Server << 503 << u"10013"_s;
        QTest::newRow("proxy html on 502") << token << account << Fault::BadGateway << Kind::Server << 502 << u"HTML"_s;
        QTest::newRow("captive portal html") << token << account << Fault::HtmlPage << Kind::Malformed << 200 << u"HTML"_s;
        QTest::newRow("truncated body") << token << account << Fault::TruncatedJson << Kind::Malformed << 200 << u"truncated"_s;
        QTest::newRow("not the envelope") << token << account << Fault::NotEnvelope << Kind::Malformed << 200 << u"envelope"_s;
        QTest::newRow("wrong type") << token << account << Fault::WrongType << Kind::Malformed << 200 << u"result_info.total_count"_s;
    }
    void errorClassesReachTheCaller()
    {
        QFETCH(QString, token);
        QFETCH(QString, account);
        QFETCH(Fault, fault);
        QFETCH(Kind, kind);
        QFETCH(int, status);
        QFETCH(QString, says);
        ApiFixture f;
        f.client.setCredentials(Credentials::fromApiToken(token));
        f.server.setRetryAfterSeconds(7);
        f.server.setFault(fault);
        const auto result = f.fetchPage(account, 1, 50);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), kind);
        QCOMPARE(result->error().httpStatus(), status);
        QVERIFY2(result->error().toText().contains(says), qPrintable(result->error().toText()));
        QCOMPARE(f.server.requests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBuildTokensService)
#include "tst_buildtokensservice.moc"
