// AccountsService against DemoApiServer over loopback, and its parser on bodies the demo
// server never sends.

#include "ApiFixture.h"
#include "AwaitResult.h"
#include "api/AccountsService.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Kind = ApiError::Kind;
using Fault = DemoApiServer::Fault;

// For QCOMPARE's message on a mismatch.
char *toString(const Account &account)
{
    return QTest::toString(account.id + u" \u201c"_s + account.name + u'\u201d');
}


class TestAccountsService : public QObject
{
    Q_OBJECT

private slots:
    void everyAccountComesBackOnceInOrder_data()
    {
        QTest::addColumn<int>("extraAccounts");
        QTest::addColumn<bool>("sendsTotals");
        QTest::addColumn<int>("expectedRequests");
        // Three named accounts come first: 117 more make 120, three pages of 50 (the last short).
        QTest::newRow("120 accounts, totals") << 117 << true << 3;
        QTest::newRow("120 accounts, no totals: stops at the short page") << 117 << false << 3;
        QTest::newRow("100 accounts, no totals: stops at the empty page") << 97 << false << 3;
        QTest::newRow("50 accounts, totals: one full page") << 47 << true << 1;
        QTest::newRow("3 accounts, totals") << 0 << true << 1;
        QTest::newRow("3 accounts, no totals") << 0 << false << 1;
    }
    void everyAccountComesBackOnceInOrder()
    {
        QFETCH(int, extraAccounts);
        QFETCH(bool, sendsTotals);
        QFETCH(int, expectedRequests);
        ApiFixture f;
        f.server.setExtraAccountCount(extraAccounts);
        f.server.setSendsTotals(sendsTotals);
        AccountsService service(&f.client);

        const auto result = awaitJob(service.listAll());
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error().toText()));
        QCOMPARE(result->value().size(), extraAccounts + 3);
        QCOMPARE(result->value(), f.server.accounts());
        QCOMPARE(result->value().first().name, u"Demo Company"_s);

        QCOMPARE(f.server.requests().size(), expectedRequests);
        for (int i = 0; i < expectedRequests; ++i) {
            const DemoApiServer::Request &request = f.server.requests().at(i);
            QCOMPARE(request.path, u"/client/v4/accounts"_s);
            QCOMPARE(request.query.queryItemValue(u"page"_s), QString::number(i + 1));
            QCOMPARE(request.query.queryItemValue(u"per_page"_s), QString::number(AccountsService::PerPage));
        }
    }

    void stopsAtThePageCap()
    {
        ApiFixture f;
        // One page more than the cap allows.
        f.server.setExtraAccountCount(AccountsService::MaxPages * AccountsService::PerPage);
        AccountsService service(&f.client);

        const auto result = awaitJob(service.listAll());
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), Kind::Malformed);
        QVERIFY2(result->error().detail().contains(QString::number(AccountsService::MaxPages)),
                 qPrintable(result->error().detail()));
        QCOMPARE(f.server.requests().size(), AccountsService::MaxPages);
    }

    void firstErrorEndsIt_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("failingPage");
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("says");
        const QString token = DemoApiServer::apiToken();
        QTest::newRow("invalid token") << u"wrong"_s << 1 << Fault::None << Kind::Auth << 401 << u"1000: Invalid API Token"_s;
        QTest::newRow("account-owned token") << DemoApiServer::accountOwnedApiToken() << 1 << Fault::None << Kind::Auth << 401 << u"1000"_s;
        QTest::newRow("expired token") << DemoApiServer::expiredApiToken() << 1 << Fault::None << Kind::Auth << 401 << u"9109"_s;
        QTest::newRow("malformed second page") << token << 2 << Fault::WrongType << Kind::Malformed << 200 << u"result_info.total_count"_s;
        QTest::newRow("truncated second page") << token << 2 << Fault::TruncatedJson << Kind::Malformed << 200 << u"truncated"_s;
        QTest::newRow("server error on the last page") << token << 3 << Fault::ServerError << Kind::Server << 503 << u"10013"_s;
    }
    void firstErrorEndsIt()
    {
        QFETCH(QString, token);
        QFETCH(int, failingPage);
        QFETCH(Fault, fault);
        QFETCH(Kind, kind);
        QFETCH(int, status);
        QFETCH(QString, says);
        ApiFixture f;
        f.client.setCredentials(Credentials::fromApiToken(token));
        f.server.setExtraAccountCount(117);
        // Answers come late, so the fault can be switched on between two pages.
        f.server.setLatency(std::chrono::milliseconds(200));
        AccountsService service(&f.client);

        const QPointer<AccountsJob> job = service.listAll();
        QTRY_COMPARE(f.server.requests().size(), failingPage - 1);
        f.server.setFault(fault, 1);
        const auto result = awaitJob(job.data());
        QVERIFY(result);

        QVERIFY(!result->ok());
        QCOMPARE(result->error().kind(), kind);
        QCOMPARE(result->error().httpStatus(), status);
        QVERIFY2(result->error().toText().contains(says), qPrintable(result->error().toText()));
        QTRY_VERIFY(job.isNull()); // gone, and nothing of it left to send another page
        QCOMPARE(f.server.requests().size(), failingPage);
    }

    void cancelStopsIt()
    {
        ApiFixture f;
        f.server.setExtraAccountCount(117);
        f.server.setLatency(std::chrono::milliseconds(200));
        AccountsService service(&f.client);

        AccountsJob *job = service.listAll();
        QSignalSpy progress(job, &Job::progress);
        QSignalSpy finished(job, &Job::finished);
        QTRY_COMPARE(f.server.requests().size(), 2);
        QCOMPARE(progress.size(), 1);
        QCOMPARE(progress.first().at(0).toLongLong(), 1); // page 1 of ...
        QCOMPARE(progress.first().at(1).toLongLong(), 3); // ... 120 accounts, 50 a page
        job->cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(job->result().error().kind(), ApiError::Kind::Canceled);
        QTRY_COMPARE(f.server.abortedCount(), 1); // page 2 was abandoned: no page 3 can follow
        QCOMPARE(f.server.requests().size(), 2);
    }

    void wrongTypesNameTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("id is a number") << QByteArray(R"({"success":true,"result":[{"id":5,"name":"A"}]})") << u"result[0].id"_s;
        QTest::newRow("id is missing") << QByteArray(R"({"success":true,"result":[{"id":"a1"},{"name":"B"}]})") << u"result[1].id"_s;
        QTest::newRow("name is an object") << QByteArray(R"({"success":true,"result":[{"id":"a1","name":{}}]})") << u"result[0].name"_s;
        QTest::newRow("item is a string") << QByteArray(R"({"success":true,"result":["a1"]})") << u"result[0]"_s;
        QTest::newRow("result is an object") << QByteArray(R"({"success":true,"result":{"id":"a1"}})") << u"\u201cresult\u201d should be an array of accounts"_s;
    }
    void wrongTypesNameTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const ApiResult<Envelope> envelope = EnvelopeParser::interpretResponse(200, body);
        QVERIFY(envelope.ok());
        const ApiResult<QList<Account>> accounts = EnvelopeParser::parseAccounts(envelope.value());
        QVERIFY(!accounts.ok());
        QCOMPARE(accounts.error().kind(), Kind::Malformed);
        QCOMPARE(accounts.error().httpStatus(), 200);
        QVERIFY2(accounts.error().detail().contains(field), qPrintable(accounts.error().detail()));
    }

    void missingNameAndExtraFieldsAreFine()
    {
        const ApiResult<Envelope> envelope = EnvelopeParser::interpretResponse(
            200, R"({"success":true,"result":[{"id":"a1","type":"enterprise","settings":{}},{"id":"b2","name":null}]})");
        QVERIFY(envelope.ok());
        const ApiResult<QList<Account>> accounts = EnvelopeParser::parseAccounts(envelope.value());
        QVERIFY2(accounts.ok(), qPrintable(accounts.error().toText()));
        QCOMPARE(accounts.value(), (QList<Account>{{u"a1"_s, QString()}, {u"b2"_s, QString()}}));
    }
};

QTEST_GUILESS_MAIN(TestAccountsService)
#include "tst_accountsservice.moc"
