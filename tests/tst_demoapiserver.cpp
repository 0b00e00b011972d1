// The fake API itself, spoken to with raw requests: the client never sends what this checks
// is refused.

#include "demo/DemoApiServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

struct RawReply
{
    int status = 0;
    QJsonObject body;
    QByteArray retryAfter;
};

} // namespace

class TestDemoApiServer : public QObject
{
    Q_OBJECT

private:
    DemoApiServer m_server;
    QNetworkAccessManager m_network;

    // Sends a request and returns without waiting for its answer.
    std::unique_ptr<QNetworkReply> send(const QString &pathAndQuery, const QList<QPair<QByteArray, QByteArray>> &headers)
    {
        QNetworkRequest request(QUrl(m_server.baseUrl().toString() + pathAndQuery));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        return std::unique_ptr<QNetworkReply>(m_network.get(request));
    }

    std::unique_ptr<QNetworkReply> sendForTokens(const QString &query = QString())
    {
        return send(tokensPath() + query, {{"Authorization", bearer(DemoApiServer::apiToken())}});
    }

    RawReply get(const QString &pathAndQuery, const QList<QPair<QByteArray, QByteArray>> &headers)
    {
        const std::unique_ptr<QNetworkReply> reply = send(pathAndQuery, headers);
        if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, 10000))
            return {};
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                QJsonDocument::fromJson(reply->readAll()).object(), reply->rawHeader("Retry-After")};
    }

    // With the demo's API token.
    RawReply getWithToken(const QString &pathAndQuery)
    {
        return get(pathAndQuery, {{"Authorization", bearer(DemoApiServer::apiToken())}});
    }

    RawReply getTokens(const QString &query) { return getWithToken(tokensPath() + query); }
    RawReply getAccounts(const QString &query) { return getWithToken(u"/accounts"_s + query); }

    static QString tokensPath(const QString &accountId = DemoApiServer::accountId())
    {
        return u"/accounts/"_s + accountId + u"/builds/tokens"_s;
    }

    static QByteArray bearer(const QString &token)
    {
        return "Bearer " + token.toUtf8();
    }

    static qint64 firstErrorCode(const RawReply &reply)
    {
        return reply.body.value(u"errors"_s).toArray().at(0).toObject().value(u"code"_s).toInteger();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        QCOMPARE(m_server.baseUrl().host(), u"127.0.0.1"_s);
        m_server.setTokenCount(123);
    }

    void pagesLikeTheRealApi()
    {
        const RawReply first = getTokens(u"?page=1&per_page=50"_s);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.body.value(u"success"_s).toBool(), true);
        QCOMPARE(first.body.value(u"result"_s).toArray().size(), 50);
        const QJsonObject info = first.body.value(u"result_info"_s).toObject();
        QCOMPARE(info.value(u"page"_s).toInt(), 1);
        QCOMPARE(info.value(u"per_page"_s).toInt(), 50);
        QCOMPARE(info.value(u"count"_s).toInt(), 50);
        QCOMPARE(info.value(u"total_count"_s).toInt(), 123);
        QCOMPARE(info.value(u"total_pages"_s).toInt(), 3);

        const RawReply last = getTokens(u"?page=3&per_page=50"_s);
        QCOMPARE(last.body.value(u"result"_s).toArray().size(), 23);
        QCOMPARE(last.body.value(u"result"_s).toArray().at(0).toObject().value(u"build_token_uuid"_s).toString(),
                 m_server.tokens().at(100).uuid);

        const RawReply beyond = getTokens(u"?page=4&per_page=50"_s);
        QCOMPARE(beyond.status, 200);
        QVERIFY(beyond.body.value(u"result"_s).toArray().isEmpty());

        const RawReply defaults = getTokens(QString());
        QCOMPARE(defaults.body.value(u"result_info"_s).toObject().value(u"per_page"_s).toInt(), 50);
    }

    void refusesOutOfRangeParameters_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        const QString buildTokens = tokensPath();
        QTest::newRow("page 0") << buildTokens << u"?page=0"_s;
        QTest::newRow("page -1") << buildTokens << u"?page=-1"_s;
        QTest::newRow("page text") << buildTokens << u"?page=two"_s;
        QTest::newRow("per_page 0") << buildTokens << u"?per_page=0"_s;
        QTest::newRow("per_page 201") << buildTokens << u"?per_page=201"_s;
        QTest::newRow("per_page empty") << buildTokens << u"?per_page="_s;
        QTest::newRow("accounts: per_page 4") << u"/accounts"_s << u"?per_page=4"_s;
        QTest::newRow("accounts: per_page 51") << u"/accounts"_s << u"?per_page=51"_s;
        QTest::newRow("accounts: per_page text") << u"/accounts"_s << u"?per_page=many"_s;
        QTest::newRow("accounts: page 0") << u"/accounts"_s << u"?page=0"_s;
    }
    void refusesOutOfRangeParameters()
    {
        QFETCH(QString, path);
        QFETCH(QString, query);
        const RawReply reply = getWithToken(path + query);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.body.value(u"success"_s).toBool(true), false);
        QCOMPARE(firstErrorCode(reply), 12002);
    }

    void checksCredentials_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("header1");
        QTest::addColumn<QByteArray>("value1");
        QTest::addColumn<QByteArray>("header2");
        QTest::addColumn<QByteArray>("value2");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        const QByteArray email = DemoApiServer::email().toUtf8();
        const QByteArray key = DemoApiServer::globalApiKey().toUtf8();
        const QString buildTokens = tokensPath();
        // The same checks on both listing routes, but for the one permission only builds need.
        for (const QString &path : {buildTokens, u"/accounts"_s}) {
            const auto row = [&path](const char *name) -> QTestData & {
                return QTest::addRow("%s %s", qPrintable(path), name);
            };
            row("no headers") << path << QByteArray() << QByteArray() << QByteArray() << QByteArray() << 400 << 9106;
            row("not bearer") << path << QByteArray("Authorization") << QByteArray("Token abc") << QByteArray() << QByteArray() << 400 << 6003;
            row("wrong token") << path << QByteArray("Authorization") << QByteArray("Bearer nope") << QByteArray() << QByteArray() << 401 << 1000;
            row("expired token") << path << QByteArray("Authorization") << bearer(DemoApiServer::expiredApiToken()) << QByteArray() << QByteArray() << 401 << 9109;
            row("account-owned token") << path << QByteArray("Authorization") << bearer(DemoApiServer::accountOwnedApiToken()) << QByteArray() << QByteArray() << 401 << 1000;
            row("wrong key") << path << QByteArray("X-Auth-Email") << email << QByteArray("X-Auth-Key") << QByteArray("nope") << 403 << 9103;
            row("global key") << path << QByteArray("X-Auth-Email") << email << QByteArray("X-Auth-Key") << key << 200 << 0;
            row("token") << path << QByteArray("Authorization") << bearer(DemoApiServer::apiToken()) << QByteArray() << QByteArray() << 200 << 0;
        }
        QTest::newRow("builds need Workers CI Read") << buildTokens << QByteArray("Authorization") << bearer(DemoApiServer::apiTokenWithoutBuildsAccess()) << QByteArray() << QByteArray() << 403 << 10000;
        QTest::newRow("accounts need no permission") << u"/accounts"_s << QByteArray("Authorization") << bearer(DemoApiServer::apiTokenWithoutBuildsAccess()) << QByteArray() << QByteArray() << 200 << 0;
    }
    void checksCredentials()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, header1);
        QFETCH(QByteArray, value1);
        QFETCH(QByteArray, header2);
        QFETCH(QByteArray, value2);
        QFETCH(int, status);
        QFETCH(int, code);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!header1.isEmpty())
            headers.append({header1, value1});
        if (!header2.isEmpty())
            headers.append({header2, value2});
        const RawReply reply = get(path, headers);
        QCOMPARE(reply.status, status);
        if (code != 0)
            QCOMPARE(firstErrorCode(reply), code);
        else
            QCOMPARE(reply.body.value(u"success"_s).toBool(), true);
    }

    void unknownAccountIs7003()
    {
        const RawReply reply = getWithToken(tokensPath(u"0000"_s));
        QCOMPARE(reply.status, 404);
        QCOMPARE(firstErrorCode(reply), 7003);
    }

    void listsAccountsLikeTheRealApi()
    {
        m_server.setExtraAccountCount(117);
        const auto reset = qScopeGuard([this] { m_server.setExtraAccountCount(0); });

        const RawReply defaults = getAccounts(QString());
        QCOMPARE(defaults.status, 200);
        const QJsonArray firstPage = defaults.body.value(u"result"_s).toArray();
        QCOMPARE(firstPage.size(), 20);
        QCOMPARE(firstPage.at(0).toObject(), (QJsonObject{{u"id"_s, DemoApiServer::accountId()},
                                                          {u"name"_s, u"Demo Company"_s},
                                                          {u"type"_s, u"standard"_s}}));
        QCOMPARE(firstPage.at(1).toObject().value(u"name"_s).toString(), u"Demo Staging"_s);
        QCOMPARE(firstPage.at(2).toObject().value(u"name"_s).toString(), u"Demo Sandbox"_s);
        QCOMPARE(firstPage.at(3).toObject().value(u"name"_s).toString(), u"Demo Account 4"_s);
        const QJsonObject info = defaults.body.value(u"result_info"_s).toObject();
        QCOMPARE(info.value(u"per_page"_s).toInt(), 20);
        QCOMPARE(info.value(u"total_count"_s).toInt(), 120);
        QCOMPARE(info.value(u"total_pages"_s).toInt(), 6);

        const RawReply last = getAccounts(u"?page=3&per_page=50"_s);
        const QJsonArray lastPage = last.body.value(u"result"_s).toArray();
        QCOMPARE(lastPage.size(), 20);
        QCOMPARE(lastPage.at(0).toObject().value(u"id"_s).toString(), m_server.accounts().at(100).id);
        QCOMPARE(m_server.accounts().at(100).name, u"Demo Account 101"_s);
        QCOMPARE(last.body.value(u"result_info"_s).toObject().value(u"total_pages"_s).toInt(), 3);

        QStringList ids;
        for (const Account &account : m_server.accounts())
            ids.append(account.id);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 120);
        QVERIFY(std::all_of(ids.begin(), ids.end(), [](const QString &id) { return id.size() == 32; }));
    }

    void eachAccountHasItsOwnBuildTokens()
    {
        const RawReply staging = getWithToken(tokensPath(DemoApiServer::stagingAccountId()));
        QCOMPARE(staging.status, 200);
        const QJsonArray stagingTokens = staging.body.value(u"result"_s).toArray();
        QCOMPARE(stagingTokens.size(), 12);
        QCOMPARE(staging.body.value(u"result_info"_s).toObject().value(u"total_count"_s).toInt(), 12);
        QStringList mainUuids;
        for (const BuildToken &token : m_server.tokens())
            mainUuids.append(token.uuid);
        for (const QJsonValue &token : stagingTokens)
            QVERIFY(!mainUuids.contains(token.toObject().value(u"build_token_uuid"_s).toString()));

        const RawReply sandbox = getWithToken(tokensPath(DemoApiServer::sandboxAccountId()));
        QCOMPARE(sandbox.status, 200);
        QVERIFY(sandbox.body.value(u"result"_s).toArray().isEmpty());
        QCOMPARE(sandbox.body.value(u"result_info"_s).toObject().value(u"total_count"_s).toInt(), 0);
    }

    void verifiesTokens_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<bool>("globalKeyHeaders");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("tokenStatus");
        QTest::addColumn<QString>("expiresOn");
        const QString user = u"/user/tokens/verify"_s;
        const QString main = u"/accounts/"_s + DemoApiServer::accountId() + u"/tokens/verify"_s;
        const QString staging = u"/accounts/"_s + DemoApiServer::stagingAccountId() + u"/tokens/verify"_s;
        const QString unknown = u"/accounts/ffffffffffffffffffffffffffffffff/tokens/verify"_s;
        const QByteArray token = bearer(DemoApiServer::apiToken());
        const QByteArray accountOwned = bearer(DemoApiServer::accountOwnedApiToken());
        const QByteArray expired = bearer(DemoApiServer::expiredApiToken());
        QTest::newRow("user: token") << user << token << false << 200 << 0 << u"active"_s << u"2030-01-01T00:00:00Z"_s;
        QTest::newRow("user: token without builds access") << user << bearer(DemoApiServer::apiTokenWithoutBuildsAccess()) << false << 200 << 0 << u"active"_s << QString();
        QTest::newRow("user: expired token") << user << expired << false << 200 << 0 << u"expired"_s << u"2024-06-30T00:00:00Z"_s;
        QTest::newRow("user: account-owned token") << user << accountOwned << false << 401 << 1000 << QString() << QString();
        QTest::newRow("user: wrong token") << user << QByteArray("Bearer nope") << false << 401 << 1000 << QString() << QString();
        QTest::newRow("user: not bearer") << user << QByteArray("Token abc") << false << 400 << 6003 << QString() << QString();
        QTest::newRow("user: no auth") << user << QByteArray() << false << 400 << 9106 << QString() << QString();
        QTest::newRow("user: Global API Key") << user << QByteArray() << true << 400 << 9106 << QString() << QString();
        QTest::newRow("account: account-owned token") << main << accountOwned << false << 200 << 0 << u"active"_s << QString();
        QTest::newRow("account: user token") << main << token << false << 401 << 1000 << QString() << QString();
        QTest::newRow("account: expired user token") << main << expired << false << 401 << 1000 << QString() << QString();
        QTest::newRow("account: Global API Key") << main << QByteArray() << true << 400 << 9106 << QString() << QString();
        QTest::newRow("account: token of another account") << staging << accountOwned << false << 401 << 1000 << QString() << QString();
        QTest::newRow("account: unknown account") << unknown << accountOwned << false << 404 << 7003 << QString() << QString();
    }
    void verifiesTokens()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, authorization);
        QFETCH(bool, globalKeyHeaders);
        QFETCH(int, status);
        QFETCH(int, code);
        QFETCH(QString, tokenStatus);
        QFETCH(QString, expiresOn);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        if (globalKeyHeaders)
            headers += {{"X-Auth-Email", DemoApiServer::email().toUtf8()}, {"X-Auth-Key", DemoApiServer::globalApiKey().toUtf8()}};
        const RawReply reply = get(path, headers);
        QCOMPARE(reply.status, status);
        if (code != 0) {
            QCOMPARE(firstErrorCode(reply), code);
            return;
        }
        QCOMPARE(reply.body.value(u"success"_s).toBool(), true);
        const QJsonObject result = reply.body.value(u"result"_s).toObject();
        QCOMPARE(result.value(u"status"_s).toString(), tokenStatus);
        QCOMPARE(result.value(u"expires_on"_s).toString(), expiresOn);
        QCOMPARE(result.contains(u"expires_on"_s), !expiresOn.isEmpty());
        QCOMPARE(result.value(u"id"_s).toString().size(), 32);
        if (tokenStatus == u"active"_s) {
            const QJsonObject message = reply.body.value(u"messages"_s).toArray().at(0).toObject();
            QCOMPARE(message.value(u"code"_s).toInt(), 10000);
            QCOMPARE(message.value(u"message"_s).toString(), u"This API Token is valid and active"_s);
        }
    }

    void everyRouteRecordsAndTakesFaults_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("accounts") << u"/accounts"_s;
        QTest::newRow("user verify") << u"/user/tokens/verify"_s;
        QTest::newRow("account verify") << u"/accounts/"_s + DemoApiServer::accountId() + u"/tokens/verify"_s;
        QTest::newRow("build tokens") << tokensPath();
    }
    void everyRouteRecordsAndTakesFaults()
    {
        QFETCH(QString, path);
        m_server.clearRequests();
        m_server.setFault(DemoApiServer::Fault::ServerError, 1);
        const RawReply reply = getWithToken(path);
        QCOMPARE(reply.status, 503);
        QCOMPARE(firstErrorCode(reply), 10013);
        QCOMPARE(m_server.requests().size(), 1);
        QCOMPARE(m_server.requests().first().path, u"/client/v4"_s + path);
        QCOMPARE(m_server.requests().first().header("Authorization"), bearer(DemoApiServer::apiToken()));
    }

    void faultsApplyAsManyTimesAsAsked()
    {
        m_server.setRetryAfterSeconds(7);
        m_server.setFault(DemoApiServer::Fault::RateLimited, 2);
        const RawReply first = getTokens(QString());
        QCOMPARE(first.status, 429);
        QCOMPARE(first.retryAfter, QByteArray("7"));
        QCOMPARE(getTokens(QString()).status, 429);
        QCOMPARE(getTokens(QString()).status, 200);
    }

    void aGzipBombIsSmallAndUnpacksToTheRealPage()
    {
        m_server.setFault(DemoApiServer::Fault::GzipBomb, 2);
        // Asking for gzip by hand keeps Qt from unpacking it: the bytes as they came.
        const std::unique_ptr<QNetworkReply> packed =
            send(tokensPath(), {{"Authorization", bearer(DemoApiServer::apiToken())}, {"Accept-Encoding", "gzip"}});
        QVERIFY(QTest::qWaitFor([&packed] { return packed->isFinished(); }, 10000));
        QCOMPARE(packed->rawHeader("Content-Encoding"), QByteArray("gzip"));
        const QByteArray wire = packed->readAll();
        QVERIFY(wire.startsWith("\x1f\x8b")); // gzip's magic number
        QVERIFY2(wire.size() < 100 * 1024, QByteArray::number(wire.size()).constData());

        // Unpacked without Qt's safety check, it is the real page followed by 50 MiB of spaces.
        QNetworkRequest request(QUrl(m_server.baseUrl().toString() + tokensPath()));
        request.setRawHeader("Authorization", bearer(DemoApiServer::apiToken()));
        request.setDecompressedSafetyCheckThreshold(-1);
        const std::unique_ptr<QNetworkReply> unpacked(m_network.get(request));
        QVERIFY(QTest::qWaitFor([&unpacked] { return unpacked->isFinished(); }, 30000));
        QCOMPARE(unpacked->error(), QNetworkReply::NoError);
        const QByteArray body = unpacked->readAll();
        QVERIFY(body.size() > 50 * 1024 * 1024);
        const QJsonObject page = QJsonDocument::fromJson(body).object();
        QCOMPARE(page.value(u"result"_s).toArray().size(), 50);
        QCOMPARE(page.value(u"result"_s).toArray().at(0).toObject().value(u"build_token_uuid"_s).toString(),
                 m_server.tokens().at(0).uuid);
    }

    void heldRepliesWaitForRelease()
    {
        const int answered = m_server.answeredCount();
        const int aborted = m_server.abortedCount();
        QCOMPARE(getTokens(QString()).status, 200);
        QCOMPARE(m_server.answeredCount(), answered + 1);

        m_server.setHoldReplies(true);
        const auto stopHolding = qScopeGuard([this] { m_server.setHoldReplies(false); });
        QSignalSpy held(&m_server, &DemoApiServer::replyHeld);
        QSignalSpy written(&m_server, &DemoApiServer::replyWritten);
        const std::unique_ptr<QNetworkReply> first = sendForTokens(u"?page=1"_s);
        const std::unique_ptr<QNetworkReply> second = sendForTokens(u"?page=2"_s);
        QVERIFY(QTest::qWaitFor([this] { return m_server.heldReplyCount() == 2; }, 10000));
        QCOMPARE(held.size(), 2);
        // Nothing was written, so nothing can be on its way.
        QCOMPARE(m_server.answeredCount(), answered + 1);
        QVERIFY(written.isEmpty());
        QVERIFY(!first->isFinished() && !second->isFinished());

        QCOMPARE(m_server.releaseHeldReplies(), 2);
        QCOMPARE(m_server.heldReplyCount(), 0);
        QCOMPARE(m_server.answeredCount(), answered + 3);
        QCOMPARE(written.size(), 2);
        QVERIFY(QTest::qWaitFor([&] { return first->isFinished() && second->isFinished(); }, 10000));
        QCOMPARE(first->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(second->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject secondPage = QJsonDocument::fromJson(second->readAll()).object();
        QCOMPARE(secondPage.value(u"result_info"_s).toObject().value(u"page"_s).toInt(), 2);
        QCOMPARE(m_server.abortedCount(), aborted);
        QCOMPARE(m_server.releaseHeldReplies(), 0);
    }

    void repliesAreHeldAfterTheLatency()
    {
        m_server.setLatency(std::chrono::milliseconds(50));
        m_server.setHoldReplies(true);
        const auto reset = qScopeGuard([this] {
            m_server.setHoldReplies(false);
            m_server.setLatency(std::chrono::milliseconds(0));
        });
        const int answered = m_server.answeredCount();
        QSignalSpy held(&m_server, &DemoApiServer::replyHeld);
        const std::unique_ptr<QNetworkReply> reply = sendForTokens();
        QVERIFY(held.wait(10000));
        QCOMPARE(m_server.heldReplyCount(), 1);
        QCOMPARE(m_server.answeredCount(), answered);
        QCOMPARE(m_server.releaseHeldReplies(), 1);
        QVERIFY(QTest::qWaitFor([&reply] { return reply->isFinished(); }, 10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    }

    void aClientGoneWhileHeldIsCountedAtOnce()
    {
        m_server.setHoldReplies(true);
        const auto stopHolding = qScopeGuard([this] { m_server.setHoldReplies(false); });
        const int answered = m_server.answeredCount();
        const int aborted = m_server.abortedCount();
        QSignalSpy abortedSpy(&m_server, &DemoApiServer::requestAborted);
        const std::unique_ptr<QNetworkReply> reply = sendForTokens();
        QVERIFY(QTest::qWaitFor([this] { return m_server.heldReplyCount() == 1; }, 10000));
        reply->abort(); // closes its connection
        QVERIFY(abortedSpy.wait(10000)); // before any release
        QCOMPARE(m_server.abortedCount(), aborted + 1);
        QCOMPARE(m_server.heldReplyCount(), 0);
        QCOMPARE(m_server.releaseHeldReplies(), 0);
        QCOMPARE(m_server.abortedCount(), aborted + 1); // not counted twice
        QCOMPARE(m_server.answeredCount(), answered);
    }

    void aClientGoneWhileDelayedIsCountedAtOnce()
    {
        // Far longer than the wait below: the count must come from the closed connection.
        m_server.setLatency(std::chrono::milliseconds(60000));
        const auto reset = qScopeGuard([this] { m_server.setLatency(std::chrono::milliseconds(0)); });
        const int answered = m_server.answeredCount();
        const int aborted = m_server.abortedCount();
        const qsizetype before = m_server.requests().size();
        const std::unique_ptr<QNetworkReply> reply = sendForTokens();
        QVERIFY(QTest::qWaitFor([&] { return m_server.requests().size() == before + 1; }, 10000));
        reply->abort();
        QVERIFY(QTest::qWaitFor([&] { return m_server.abortedCount() == aborted + 1; }, 10000));
        QCOMPARE(m_server.answeredCount(), answered);
    }

    void recordsWhatWasSent()
    {
        m_server.clearRequests();
        getTokens(u"?page=2&per_page=10"_s);
        QCOMPARE(m_server.requests().size(), 1);
        const DemoApiServer::Request &request = m_server.requests().first();
        QCOMPARE(request.path, u"/client/v4"_s + tokensPath());
        QCOMPARE(request.query.queryItemValue(u"per_page"_s), u"10"_s);
        QCOMPARE(request.header("authorization"), bearer(DemoApiServer::apiToken()));
    }
};

QTEST_GUILESS_MAIN(TestDemoApiServer)
#include "tst_demoapiserver.moc"
