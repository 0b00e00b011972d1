// The fake API itself, spoken to with raw requests: the client never sends what this checks
// is refused.

#include "demo/DemoApiServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

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

    RawReply get(const QString &pathAndQuery, const QList<QPair<QByteArray, QByteArray>> &headers)
    {
        QNetworkRequest request(QUrl(m_server.baseUrl().toString() + pathAndQuery));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        std::unique_ptr<QNetworkReply> reply(m_network.get(request));
        if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, 10000))
            return {};
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                QJsonDocument::fromJson(reply->readAll()).object(), reply->rawHeader("Retry-After")};
    }

    RawReply getTokens(const QString &query)
    {
        return get(u"/accounts/"_s + DemoApiServer::accountId() + u"/builds/tokens"_s + query,
                   {{"Authorization", "Bearer " + DemoApiServer::apiToken().toUtf8()}});
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
        QTest::addColumn<QString>("query");
        QTest::newRow("page 0") << u"?page=0"_s;
        QTest::newRow("page -1") << u"?page=-1"_s;
        QTest::newRow("page text") << u"?page=two"_s;
        QTest::newRow("per_page 0") << u"?per_page=0"_s;
        QTest::newRow("per_page 201") << u"?per_page=201"_s;
        QTest::newRow("per_page empty") << u"?per_page="_s;
    }
    void refusesOutOfRangeParameters()
    {
        QFETCH(QString, query);
        const RawReply reply = getTokens(query);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.body.value(u"success"_s).toBool(true), false);
        QCOMPARE(firstErrorCode(reply), 12002);
    }

    void checksCredentials_data()
    {
        QTest::addColumn<QByteArray>("header1");
        QTest::addColumn<QByteArray>("value1");
        QTest::addColumn<QByteArray>("header2");
        QTest::addColumn<QByteArray>("value2");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        const QByteArray email = DemoApiServer::email().toUtf8();
        const QByteArray key = DemoApiServer::globalApiKey().toUtf8();
        QTest::newRow("no headers") << QByteArray() << QByteArray() << QByteArray() << QByteArray() << 400 << 9106;
        QTest::newRow("not bearer") << QByteArray("Authorization") << QByteArray("Token abc") << QByteArray() << QByteArray() << 400 << 6003;
        QTest::newRow("wrong token") << QByteArray("Authorization") << QByteArray("Bearer nope") << QByteArray() << QByteArray() << 401 << 1000;
        QTest::newRow("token without access") << QByteArray("Authorization") << ("Bearer " + DemoApiServer::apiTokenWithoutBuildsAccess().toUtf8()) << QByteArray() << QByteArray() << 403 << 10000;
        QTest::newRow("wrong key") << QByteArray("X-Auth-Email") << email << QByteArray("X-Auth-Key") << QByteArray("nope") << 403 << 9103;
        QTest::newRow("global key") << QByteArray("X-Auth-Email") << email << QByteArray("X-Auth-Key") << key << 200 << 0;
    }
    void checksCredentials()
    {
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
        const RawReply reply = get(u"/accounts/"_s + DemoApiServer::accountId() + u"/builds/tokens"_s, headers);
        QCOMPARE(reply.status, status);
        if (code != 0)
            QCOMPARE(firstErrorCode(reply), code);
        else
            QCOMPARE(reply.body.value(u"success"_s).toBool(), true);
    }

    void unknownAccountIs7003()
    {
        const RawReply reply = get(u"/accounts/0000/builds/tokens"_s, {{"Authorization", "Bearer " + DemoApiServer::apiToken().toUtf8()}});
        QCOMPARE(reply.status, 404);
        QCOMPARE(firstErrorCode(reply), 7003);
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

    void recordsWhatWasSent()
    {
        m_server.clearRequests();
        getTokens(u"?page=2&per_page=10"_s);
        QCOMPARE(m_server.requests().size(), 1);
        const DemoApiServer::Request &request = m_server.requests().first();
        QCOMPARE(request.path, u"/client/v4/accounts/"_s + DemoApiServer::accountId() + u"/builds/tokens"_s);
        QCOMPARE(request.query.queryItemValue(u"per_page"_s), u"10"_s);
        QCOMPARE(request.header("authorization"), "Bearer " + DemoApiServer::apiToken().toUtf8());
    }
};

QTEST_GUILESS_MAIN(TestDemoApiServer)
#include "tst_demoapiserver.moc"
