// TokenVerifier against DemoApiServer over loopback, and its parser on bodies the demo server
// never sends.

#include "ApiFixture.h"
#include "AwaitResult.h"
#include "api/TokenVerifier.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Kind = ApiError::Kind;
using Fault = DemoApiServer::Fault;

namespace {

QStringList pathsOf(const QList<DemoApiServer::Request> &requests)
{
    QStringList paths;
    for (const DemoApiServer::Request &request : requests)
        paths.append(request.path);
    return paths;
}

Credentials credentialsFor(const QString &tokenOrKey, bool globalApiKey)
{
    return globalApiKey ? Credentials::fromGlobalApiKey(DemoApiServer::email(), tokenOrKey)
                        : Credentials::fromApiToken(tokenOrKey);
}

ApiResult<TokenCheck> parse(const QByteArray &body)
{
    const ApiResult<Envelope> envelope = EnvelopeParser::interpretResponse(200, body);
    if (!envelope.ok())
        return envelope.error();
    return TokenVerifier::parseTokenCheck(envelope.value());
}

const QString UserVerify = u"/client/v4/user/tokens/verify"_s;

QString accountVerify(const QString &accountId)
{
    return u"/client/v4/accounts/"_s + accountId + u"/tokens/verify"_s;
}

} // namespace

class TestTokenVerifier : public QObject
{
    Q_OBJECT

private slots:
    void reportsWhatTheServerSays_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<bool>("globalApiKey");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QDateTime>("expiresOn");
        QTest::addColumn<bool>("accountOwned");
        QTest::addColumn<bool>("usable");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QStringList>("paths");
        const QString account = DemoApiServer::accountId();
        const QDateTime none;
        QTest::newRow("active with expiry") << DemoApiServer::apiToken() << false << u"active"_s
            << QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC) << false << true
            << u"Active API token, expires 1 Jan 2030"_s << QStringList{UserVerify};
        QTest::newRow("active without expiry") << DemoApiServer::apiTokenWithoutBuildsAccess() << false << u"active"_s
            << none << false << true << u"Active API token, no expiry date"_s << QStringList{UserVerify};
        QTest::newRow("expired") << DemoApiServer::expiredApiToken() << false << u"expired"_s
            << QDateTime(QDate(2024, 6, 30), QTime(0, 0), Qt::UTC) << false << false
            << u"Expired API token (expired on 30 Jun 2024)"_s << QStringList{UserVerify};
        QTest::newRow("account-owned") << DemoApiServer::accountOwnedApiToken() << false << u"active"_s
            << none << true << false
            << u"This is an account-owned API token: the Builds API accepts only user API tokens. "
               "Create a user API token with Workers CI Read."_s
            << QStringList{UserVerify, accountVerify(account)};
        QTest::newRow("Global API Key") << DemoApiServer::globalApiKey() << true << u"active"_s
            << none << false << true << u"Global API Key accepted"_s << QStringList{u"/client/v4/accounts"_s};
    }
    void reportsWhatTheServerSays()
    {
        QFETCH(QString, secret);
        QFETCH(bool, globalApiKey);
        QFETCH(QString, status);
        QFETCH(QDateTime, expiresOn);
        QFETCH(bool, accountOwned);
        QFETCH(bool, usable);
        QFETCH(QString, summary);
        QFETCH(QStringList, paths);
        ApiFixture f;
        f.client.setCredentials(credentialsFor(secret, globalApiKey));
        TokenVerifier verifier(&f.client);

        const auto result = awaitJob(verifier.verify(DemoApiServer::accountId()));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error().toText()));
        const TokenCheck &check = result->value();
        QCOMPARE(check.status, status);
        QCOMPARE(check.expiresOn, expiresOn);
        QCOMPARE(check.accountOwned, accountOwned);
        QCOMPARE(check.globalApiKey, globalApiKey);
        QCOMPARE(check.isUsable(), usable);
        QCOMPARE(check.summary(), summary);
        QCOMPARE(check.tokenId.size(), globalApiKey ? 0 : 32);
        QCOMPARE(pathsOf(f.server.requests()), paths);
        if (globalApiKey)
            QCOMPARE(f.server.requests().first().query.queryItemValue(u"per_page"_s), u"5"_s);
    }

    void failuresReachTheCaller_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<bool>("globalApiKey");
        QTest::addColumn<QString>("account");
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("says");
        QTest::addColumn<int>("requests");
        const QString account = DemoApiServer::accountId();
        const QString token = DemoApiServer::apiToken();
        QTest::newRow("wrong token, both endpoints refuse") << u"wrong"_s << false << account << Fault::None << Kind::Auth << 401 << u"1000: Invalid API Token"_s << 2;
        QTest::newRow("wrong token, no account to ask") << u"wrong"_s << false << QString() << Fault::None << Kind::Auth << 401 << u"1000"_s << 1;
        QTest::newRow("account id that cannot go into a path") << u"wrong"_s << false << u"../user"_s << Fault::None << Kind::Auth << 401 << u"1000"_s << 1;
        QTest::newRow("account-owned token of another account") << DemoApiServer::accountOwnedApiToken() << false << DemoApiServer::stagingAccountId() << Fault::None << Kind::Auth << 401 << u"1000"_s << 2;
        QTest::newRow("account-owned token, unknown account") << DemoApiServer::accountOwnedApiToken() << false << u"ffffffffffffffffffffffffffffffff"_s << Fault::None << Kind::Auth << 401 << u"1000"_s << 2;
        QTest::newRow("wrong Global API Key") << u"wrong"_s << true << account << Fault::None << Kind::Auth << 403 << u"9103"_s << 1;
        QTest::newRow("malformed verify body") << token << false << account << Fault::WrongType << Kind::Malformed << 200 << u"\u201cresult\u201d should be an object"_s << 1;
        QTest::newRow("server error is not an auth failure") << token << false << account << Fault::ServerError << Kind::Server << 503 << u"10013"_s << 1;
        QTest::newRow("rate limited Global API Key") << DemoApiServer::globalApiKey() << true << account << Fault::RateLimited << Kind::RateLimited << 429 << u"971"_s << 1;
    }
    void failuresReachTheCaller()
    {
        QFETCH(QString, secret);
        QFETCH(bool, globalApiKey);
        QFETCH(QString, account);
        QFETCH(Fault, fault);
        QFETCH(Kind, kind);
        QFETCH(int, status);
        QFETCH(QString, says);
        QFETCH(int, requests);
        ApiFixture f;
        f.client.setCredentials(credentialsFor(secret, globalApiKey));
        f.server.setFault(fault);
        TokenVerifier verifier(&f.client);

        const auto result = awaitJob(verifier.verify(account));
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), kind);
        QCOMPARE(result->error().httpStatus(), status);
        QVERIFY2(result->error().toText().contains(says), qPrintable(result->error().toText()));
        QCOMPARE(f.server.requests().size(), requests);
    }

    void cancelStopsTheAccountCheck()
    {
        ApiFixture f;
        f.client.setCredentials(Credentials::fromApiToken(DemoApiServer::accountOwnedApiToken()));
        f.server.setLatency(std::chrono::milliseconds(200));
        TokenVerifier verifier(&f.client);

        TokenCheckJob *job = verifier.verify(DemoApiServer::accountId());
        QSignalSpy finished(job, &Job::finished);
        QTRY_COMPARE(f.server.requests().size(), 1);
        job->cancel();
        QCOMPARE(finished.size(), 1); // at once, not when the server answers
        QCOMPARE(job->result().error().kind(), Kind::Canceled);
        QTRY_COMPARE(f.server.abortedCount(), 1); // the request was abandoned: no answer to go on from
        QCOMPARE(f.server.requests().size(), 1);
    }

    void parsesWhatTheSchemaAllows_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("tokenId");
        QTest::addColumn<QDateTime>("expiresOn");
        QTest::addColumn<QString>("summary");
        // Cloudflare's documented example.
        QTest::newRow("verify message 10000 is not an error")
            << QByteArray(R"({"errors":[],"messages":[{"code":10000,"message":"This API Token is valid and active"}],"success":true,"result":{"id":"f267e341f3dd4697bd3b9f71dd96247f","status":"active"}})")
            << u"active"_s << u"f267e341f3dd4697bd3b9f71dd96247f"_s << QDateTime() << u"Active API token, no expiry date"_s;
        QTest::newRow("no id, nulls") << QByteArray(R"({"success":true,"result":{"status":"disabled","id":null,"expires_on":null}})")
            << u"disabled"_s << QString() << QDateTime() << u"Disabled API token"_s;
        QTest::newRow("unknown status kept") << QByteArray("{\"success\":true,\"result\":{\"status\":\"revoked (exposed)\"}}")
            << u"revoked (exposed)"_s << QString() << QDateTime() << u"API token status: revoked (exposed)"_s;
        QTest::newRow("fractional seconds") << QByteArray(R"({"success":true,"result":{"status":"expired","expires_on":"2014-03-01T12:21:02.0000Z"}})")
            << u"expired"_s << QString() << QDateTime(QDate(2014, 3, 1), QTime(12, 21, 2), Qt::UTC)
            << u"Expired API token (expired on 1 Mar 2014)"_s;
    }
    void parsesWhatTheSchemaAllows()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, status);
        QFETCH(QString, tokenId);
        QFETCH(QDateTime, expiresOn);
        QFETCH(QString, summary);
        const ApiResult<TokenCheck> check = parse(body);
        QVERIFY2(check.ok(), qPrintable(check.error().toText()));
        QCOMPARE(check.value().status, status);
        QCOMPARE(check.value().tokenId, tokenId);
        QCOMPARE(check.value().expiresOn, expiresOn);
        QCOMPARE(check.value().summary(), summary);
        QCOMPARE(check.value().isUsable(), status == u"active"_s);
    }

    void wrongTypesNameTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("status is a number") << QByteArray(R"({"success":true,"result":{"status":1}})") << u"result.status"_s;
        QTest::newRow("status is missing") << QByteArray(R"({"success":true,"result":{"id":"abc"}})") << u"result.status"_s;
        QTest::newRow("id is a number") << QByteArray(R"({"success":true,"result":{"status":"active","id":7}})") << u"result.id"_s;
        QTest::newRow("expires_on is a number") << QByteArray(R"({"success":true,"result":{"status":"active","expires_on":1893456000}})") << u"result.expires_on"_s;
        QTest::newRow("expires_on is not a date") << QByteArray(R"({"success":true,"result":{"status":"active","expires_on":"soon"}})") << u"result.expires_on"_s;
        QTest::newRow("result is an array") << QByteArray(R"({"success":true,"result":[]})") << u"\u201cresult\u201d"_s;
        QTest::newRow("result is missing") << QByteArray(R"({"success":true})") << u"\u201cresult\u201d"_s;
    }
    void wrongTypesNameTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const ApiResult<TokenCheck> check = parse(body);
        QVERIFY(!check.ok());
        QCOMPARE(check.error().kind(), Kind::Malformed);
        QCOMPARE(check.error().httpStatus(), 200);
        QVERIFY2(check.error().detail().contains(field), qPrintable(check.error().detail()));
    }
};

QTEST_GUILESS_MAIN(TestTokenVerifier)
#include "tst_tokenverifier.moc"
