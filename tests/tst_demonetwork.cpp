// The demo API in-process: DemoNetworkAccessManager answers the demo origin as an HTTP server
// would, so the client stack (ApiClient, ApiCall, the envelope, errors, Ratelimit) runs
// unchanged, and leaves every other URL to Qt.

#include "AwaitResult.h"

#include "api/ApiClient.h"
#include "api/BuildTokensService.h"
#include "demo/DemoApi.h"
#include "demo/DemoNetworkAccessManager.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

QNetworkRequest demoRequest(const QString &path, const QString &token = DemoApi::apiToken())
{
    QNetworkRequest request(QUrl(DemoNetworkAccessManager::baseUrl().toString() + path));
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    return request;
}

} // namespace

class TestDemoNetwork : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_api = std::make_unique<DemoApi>();
        m_network = std::make_unique<DemoNetworkAccessManager>(m_api.get());
        m_client = std::make_unique<ApiClient>(m_network.get());
        m_client->setBaseUrl(DemoNetworkAccessManager::baseUrl());
        m_client->setCredentials(Credentials::fromApiToken(DemoApi::apiToken()));
    }

    void cleanup()
    {
        m_client.reset();
        m_network.reset();
        m_api.reset();
    }

    void baseUrlPassesTheClientsPolicy()
    {
        QCOMPARE(ApiClient::checkBaseUrl(DemoNetworkAccessManager::baseUrl()), QString());
        QCOMPARE(DemoNetworkAccessManager::baseUrl().host(), u"demo.invalid"_s);
    }

    void replyCarriesStatusHeadersAndBody()
    {
        m_api->setRatelimit(7, 60);
        std::unique_ptr<QNetworkReply> reply(
            m_network->get(demoRequest(u"/accounts/%1/builds/tokens?page=2&per_page=5"_s.arg(DemoApi::accountId()))));
        QSignalSpy metaData(reply.get(), &QNetworkReply::metaDataChanged);
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(!reply->isFinished()); // never inside get()
        QVERIFY(finished.wait(5000));
        QCOMPARE(metaData.size(), 1);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray(), QByteArray("OK"));
        QCOMPARE(reply->rawHeader("Content-Type"), QByteArray("application/json"));
        QCOMPARE(reply->rawHeader("Ratelimit"), QByteArray("\"default\";r=7;t=60"));
        const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        QCOMPARE(reply->bytesAvailable(), announced);
        const QJsonObject envelope = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(reply->bytesAvailable(), 0);
        QCOMPARE(envelope.value(u"success"_s).toBool(), true);
        QCOMPARE(envelope.value(u"result"_s).toArray().size(), 5);
        QCOMPARE(envelope.value(u"result_info"_s).toObject().value(u"page"_s).toInt(), 2);
    }

    void pagesThroughTheClient()
    {
        m_api->setTokenCount(7);
        BuildTokensService service(m_client.get());
        const auto first = awaitJob(service.fetchPage(DemoApi::accountId(), 1, 5));
        QVERIFY(first && first->ok());
        QCOMPARE(first->value().tokens.size(), 5);
        QCOMPARE(first->value().info.totalPages, 2);
        QCOMPARE(first->value().tokens.first().uuid, m_api->tokens().at(0).uuid);
        const auto second = awaitJob(service.fetchPage(DemoApi::accountId(), 2, 5));
        QVERIFY(second && second->ok());
        QCOMPARE(second->value().tokens.size(), 2);
        QCOMPARE(second->value().tokens.last().uuid, m_api->tokens().at(6).uuid);
    }

    // Pages are made as they are asked for; all the tokens when all are asked for. Either way
    // a page is the same, in Demo Company and in Demo Staging.
    void aPageIsTheSameMadeAloneOrWithAll()
    {
        const auto page = [](const DemoApi &api, const QString &account, int number) {
            DemoApi::Request request{DemoApi::basePath() + u"/accounts/%1/builds/tokens"_s.arg(account),
                                     QUrlQuery(u"page=%1&per_page=7"_s.arg(number)), {{"Authorization", "Bearer " + DemoApi::apiToken().toUtf8()}}};
            const DemoApi::Reply reply = api.answer(request);
            return reply.status == 200 ? reply.body : QByteArray();
        };
        DemoApi lazy(40);
        DemoApi made(40);
        QCOMPARE(made.tokens().size(), 40); // makes them all
        for (const QString &account : {DemoApi::accountId(), DemoApi::stagingAccountId()}) {
            for (int number : {1, 3, 6, 7}) {
                const QByteArray answer = page(lazy, account, number);
                QVERIFY(!answer.isEmpty());
                QCOMPARE(answer, page(made, account, number));
            }
        }
        const auto ids = [](const QList<BuildToken> &tokens) {
            QStringList ids;
            for (const BuildToken &token : tokens)
                ids << token.uuid.toString() + u' ' + token.name + u' ' + token.cloudflareTokenId.toString();
            return ids;
        };
        QCOMPARE(lazy.tokenCount(), 40);
        QCOMPARE(ids(lazy.tokens()), ids(made.tokens()));
        lazy.setTokenCount(3);
        QCOMPARE(lazy.tokenCount(), 3);
        QCOMPARE(ids(lazy.tokens()), ids(made.tokens().mid(0, 3)));
    }

    void refusalReachesApiError_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("networkError");
        QTest::newRow("no Workers CI Read") << DemoApi::apiTokenWithoutBuildsAccess() << 403 << 10000
                                            << int(QNetworkReply::ContentAccessDenied);
        QTest::newRow("unknown token") << u"not-a-demo-token"_s << 401 << 1000
                                       << int(QNetworkReply::AuthenticationRequiredError);
    }

    void refusalReachesApiError()
    {
        QFETCH(QString, token);
        QFETCH(int, status);
        QFETCH(int, code);
        QFETCH(int, networkError);
        // The reply as Qt's HTTP backend would give it: the error for the status, the body kept.
        std::unique_ptr<QNetworkReply> reply(
            m_network->get(demoRequest(u"/accounts/%1/builds/tokens"_s.arg(DemoApi::accountId()), token)));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(int(reply->error()), networkError);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
        QVERIFY(reply->readAll().contains(QByteArray("\"code\":" + QByteArray::number(code))));

        m_client->setCredentials(Credentials::fromApiToken(token));
        BuildTokensService service(m_client.get());
        const auto result = awaitJob(service.fetchPage(DemoApi::accountId(), 1, 5));
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), ApiError::Kind::Auth);
        QCOMPARE(result->error().httpStatus(), status);
        QCOMPARE(result->error().errors().value(0).code, code);
    }

    void latencyIsWaitedWithoutBlocking()
    {
        m_api->setLatency(200ms);
        QElapsedTimer clock;
        clock.start();
        std::unique_ptr<QNetworkReply> reply(m_network->get(demoRequest(u"/accounts"_s)));
        QVERIFY(clock.elapsed() < 100); // get() came back at once
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QCoreApplication::processEvents(); // what is due now runs; the answer is not
        QVERIFY(!reply->isFinished());
        QCOMPARE(reply->bytesAvailable(), 0);
        QVERIFY(finished.wait(5000));
        QVERIFY(clock.elapsed() >= 200); // a precise timer: never early
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    }

    void abortEndsTheReplyAsQtDoes()
    {
        m_api->setLatency(10s);
        std::unique_ptr<QNetworkReply> reply(m_network->get(demoRequest(u"/accounts"_s)));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QSignalSpy errors(reply.get(), &QNetworkReply::errorOccurred);
        reply->abort();
        QCOMPARE(finished.size(), 1); // at once, as Qt's abort() does
        QCOMPARE(errors.size(), 1);
        QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);
        QVERIFY(!reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid());
        reply->abort(); // once only
        QCOMPARE(finished.size(), 1);
    }

    void cancelOfAJobLeavesNothingRunning()
    {
        m_api->setLatency(10s);
        BuildTokensService service(m_client.get());
        PageJob *job = service.fetchPage(DemoApi::accountId(), 1, 5);
        const auto result = resultOf(job);
        QTest::qWait(50);
        job->cancel();
        QTRY_VERIFY(result->has_value());
        QCOMPARE((*result)->error().kind(), ApiError::Kind::Canceled);
    }

    void transferTimeoutCancelsTheReply()
    {
        m_api->setLatency(10s);
        QNetworkRequest request = demoRequest(u"/accounts"_s);
        request.setTransferTimeout(100);
        std::unique_ptr<QNetworkReply> reply(m_network->get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);

        RetryPolicy once;
        once.maxAttempts = 1;
        m_client->setRetryPolicy(once);
        m_client->setTransferTimeout(100ms);
        BuildTokensService service(m_client.get());
        const auto result = awaitJob(service.fetchPage(DemoApi::accountId(), 1, 5));
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), ApiError::Kind::Timeout);
    }

    void otherUrlsAreNotIntercepted()
    {
        // Nothing listens on port 1 of loopback: the request goes out and is refused there.
        std::unique_ptr<QNetworkReply> reply(m_network->get(QNetworkRequest(QUrl(u"http://127.0.0.1:1/client/v4/accounts"_s))));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->error(), QNetworkReply::ConnectionRefusedError);
        QVERIFY(!reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid());
    }

    void unknownPathAnswers404WithAnEnvelope()
    {
        std::unique_ptr<QNetworkReply> reply(m_network->get(demoRequest(u"/zones"_s)));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->error(), QNetworkReply::ContentNotFoundError);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        QVERIFY(reply->readAll().contains("\"code\":7000"));
    }

private:
    std::unique_ptr<DemoApi> m_api;
    std::unique_ptr<DemoNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_client;
};

QTEST_GUILESS_MAIN(TestDemoNetwork)
#include "tst_demonetwork.moc"
