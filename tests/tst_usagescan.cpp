// Which Workers' build triggers use each build token: the parsers on their own, then
// UsageScanService against DemoApiServer over loopback, with the requests counted on the
// server's side.

#include "ApiFixture.h"
#include "AwaitResult.h"
#include "api/ApiCall.h"
#include "api/EnvelopeParser.h"
#include "api/UsageScanService.h"
#include "demo/DemoTokenGenerator.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Fault = DemoApiServer::Fault;

class TestUsageScan : public QObject
{
    Q_OBJECT

    static Envelope envelope(const QByteArray &result)
    {
        return EnvelopeParser::interpretResponse(200, R"({"success":true,"errors":[],"result":)" + result + "}").value();
    }

    static DemoTrigger triggerOn(const BuildToken &token, const QString &name, const QString &deletedOn = {})
    {
        return {name, QUuid::createUuidV5(QUuid(), token.uuid.toString() + name).toString(QUuid::WithoutBraces), token.uuid,
                {u"main"_s}, deletedOn};
    }

    static DemoWorker worker(int index, bool usesBuilds, const QList<DemoTrigger> &triggers = {})
    {
        return {u"worker-%1"_s.arg(index), QString::number(index).rightJustified(32, u'a'), usesBuilds, triggers};
    }

    static int requestsEndingWith(const DemoApiServer &server, const QString &pathEnd)
    {
        int count = 0;
        for (const DemoApiServer::Request &request : server.requests())
            count += request.path.endsWith(pathEnd) ? 1 : 0;
        return count;
    }

    static QStringList labelsOf(const QList<TriggerUse> &uses)
    {
        QStringList labels;
        for (const TriggerUse &use : uses)
            labels << use.label();
        labels.sort();
        return labels;
    }

    static bool noCallLeft(ApiFixture &f) { return f.client.findChildren<ApiCall *>().isEmpty(); }

    // Releases the held replies one at a time until `count` were written.
    static bool releaseOneByOne(ApiFixture &f, int count)
    {
        for (int i = 0; i < count; ++i) {
            if (!QTest::qWaitFor([&f] { return f.server.heldReplyCount() == 1; }, 10000))
                return false;
            f.server.releaseHeldReplies();
        }
        return true;
    }

private slots:
    void theParsersNameAWrongField_data()
    {
        QTest::addColumn<int>("parser");
        QTest::addColumn<QByteArray>("result");
        QTest::addColumn<QString>("field");
        QTest::newRow("a tag that is a number") << 0 << QByteArray(R"([{"id":"a","tag":"b"},{"id":"c","tag":5}])") << u"result[1].tag"_s;
        QTest::newRow("a Worker without a name") << 0 << QByteArray(R"([{"tag":"b"}])") << u"result[0].id"_s;
        QTest::newRow("Workers in an object") << 0 << QByteArray(R"({"id":"a"})") << u"result"_s;
        QTest::newRow("builds as a list") << 1 << QByteArray(R"({"builds":[]})") << u"result.builds"_s;
        QTest::newRow("a build that is a string") << 1 << QByteArray(R"({"builds":{"abc":"x"}})") << u"result.builds.abc"_s;
        QTest::newRow("a branch that is a number") << 2 << QByteArray(R"([{"branch_includes":["main",3]}])") << u"result[0].branch_includes[1]"_s;
        QTest::newRow("deleted_on a boolean") << 2 << QByteArray(R"([{"deleted_on":true}])") << u"result[0].deleted_on"_s;
        QTest::newRow("a token uuid that is a number") << 2 << QByteArray(R"([{"build_token_uuid":1}])") << u"result[0].build_token_uuid"_s;
    }
    void theParsersNameAWrongField()
    {
        QFETCH(int, parser);
        QFETCH(QByteArray, result);
        QFETCH(QString, field);
        const Envelope e = envelope(result);
        const ApiError error = parser == 0   ? EnvelopeParser::parseWorkers(e).error()
                               : parser == 1 ? EnvelopeParser::parseLatestBuildTags(e).error()
                                             : EnvelopeParser::parseTriggers(e).error();
        QCOMPARE(error.kind(), ApiError::Kind::Malformed);
        QVERIFY2(error.detail().contains(u"\u201c"_s + field + u"\u201d"_s), qPrintable(error.detail()));
    }

    void theParsersReadTheContractsExamples()
    {
        const auto workers = EnvelopeParser::parseWorkers(envelope(R"([{"id":"my-worker","tag":"1a2b","tags":null,"routes":null}])"));
        QVERIFY(workers.ok());
        QCOMPARE(workers.value().size(), 1);
        QCOMPARE(workers.value().first().name, u"my-worker"_s);
        QCOMPARE(workers.value().first().tag, u"1a2b"_s);

        const auto tags = EnvelopeParser::parseLatestBuildTags(envelope(R"({"builds":{"1a2b":{"status":"stopped"},"3c4d":{}}})"));
        QVERIFY(tags.ok());
        QCOMPARE(tags.value(), (QSet<QString>{u"1a2b"_s, u"3c4d"_s}));
        QVERIFY(EnvelopeParser::parseLatestBuildTags(envelope(R"({"builds":{}})")).value().isEmpty());
        QVERIFY(EnvelopeParser::parseLatestBuildTags(envelope("null")).value().isEmpty());

        const auto triggers = EnvelopeParser::parseTriggers(envelope(
            R"([{"trigger_uuid":"f47a","trigger_name":"Deploy production","build_token_uuid":"182b",
                 "branch_includes":["main","release"],"deleted_on":null},
                {"trigger_name":"old","build_token_uuid":"9d2f","deleted_on":"2026-03-01T12:00:00Z"}])"));
        QVERIFY2(triggers.ok(), qPrintable(triggers.error().toText()));
        QCOMPARE(triggers.value().size(), 2);
        const BuildTrigger &live = triggers.value().first();
        QCOMPARE(live.uuid, u"f47a"_s);
        QCOMPARE(live.name, u"Deploy production"_s);
        QCOMPARE(live.buildTokenUuid, u"182b"_s);
        QCOMPARE(live.branchIncludes, (QStringList{u"main"_s, u"release"_s}));
        QVERIFY(live.deletedOn.isEmpty());
        QCOMPARE(triggers.value().last().deletedOn, u"2026-03-01T12:00:00Z"_s);
    }

    void theRequestCounts()
    {
        QCOMPARE(UsageScanService::requestsFor(0, 0), 1);
        QCOMPARE(UsageScanService::requestsFor(20, 3), 1 + 1 + 3);
        QCOMPARE(UsageScanService::requestsFor(21, 3), 1 + 2 + 3);
        QCOMPARE(UsageScanService::requestsFor(150, 30), 39);
        QCOMPARE(UsageScanService::requestsAtMostFor(150), 1 + 8 + 150);
    }

    // The issue's figures: 10 build tokens, 150 Workers of which 30 use Builds.
    void theIssuesCountOfRequests()
    {
        ApiFixture f;
        f.server.setTokenCount(10);
        const QList<BuildToken> tokens = f.server.tokens();
        QList<DemoWorker> workers;
        for (int i = 0; i < 150; ++i) {
            const bool builds = i % 5 == 2;
            workers << worker(i, builds, builds ? QList<DemoTrigger>{triggerOn(tokens.at((i / 5) % 10), u"production"_s)}
                                                : QList<DemoTrigger>{});
        }
        f.server.setWorkers(workers);
        UsageScanService service(&f.client);
        f.server.clearRequests();

        UsageJob *job = service.scan(DemoApiServer::accountId());
        QSignalSpy progress(job, &Job::progress);
        const auto result = awaitJob(job);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error().toText()));
        const UsageReport &report = result->value();
        QCOMPARE(report.workers, 150);
        QCOMPARE(report.workersWithBuilds, 30);
        QCOMPARE(report.requests, 39);
        QCOMPARE(f.server.requests().size(), 39);
        QCOMPARE(requestsEndingWith(f.server, u"/workers/scripts"_s), 1);
        QCOMPARE(requestsEndingWith(f.server, u"/builds/builds/latest"_s), 8);
        QCOMPARE(requestsEndingWith(f.server, u"/triggers"_s), 30);
        QSet<QString> asked;
        for (const DemoApiServer::Request &request : f.server.requests()) {
            if (!request.path.endsWith(u"/latest"_s))
                continue;
            const QStringList ids = request.query.queryItemValue(u"external_script_ids"_s, QUrl::FullyDecoded).split(u',');
            QVERIFY(ids.size() <= UsageScanService::LatestBatch);
            for (const QString &id : ids)
                asked.insert(id);
        }
        QCOMPARE(asked.size(), 150); // every Worker once
        for (const BuildToken &token : tokens) // the 30 triggers, three a build token
            QCOMPARE(report.byBuildToken.value(token.uuid).size(), 3);

        // progress: the bound once the Workers are in, then the exact count, reached at the end.
        QCOMPARE(progress.size(), 39);
        QCOMPARE(progress.first().at(0).toLongLong(), 1);
        QCOMPARE(progress.first().at(1).toLongLong(), UsageScanService::requestsAtMostFor(150));
        QCOMPARE(progress.at(8).at(1).toLongLong(), 39); // after the last batch
        QCOMPARE(progress.last().at(0).toLongLong(), 39);
        QCOMPARE(progress.last().at(1).toLongLong(), 39);
    }

    void whoUsesWhat()
    {
        ApiFixture f;
        f.server.setTokenCount(4);
        const QList<BuildToken> t = f.server.tokens();
        f.server.setWorkers({worker(1, true, {triggerOn(t.at(0), u"production"_s), triggerOn(t.at(1), u"preview"_s)}),
                             worker(2, true, {triggerOn(t.at(0), u"preview"_s), triggerOn(t.at(2), u"old"_s, u"2026-01-01T00:00:00Z"_s)}),
                             worker(3, false), // triggers of a Worker that is not in builds/latest are never asked for
                             worker(4, false, {triggerOn(t.at(3), u"production"_s)})});
        UsageScanService service(&f.client);
        f.server.clearRequests();
        const auto result = awaitJob(service.scan(DemoApiServer::accountId()));
        QVERIFY(result && result->ok());
        const UsageReport &report = result->value();
        QCOMPARE(labelsOf(report.byBuildToken.value(t.at(0).uuid)), (QStringList{u"worker-1/production"_s, u"worker-2/preview"_s}));
        QCOMPARE(labelsOf(report.byBuildToken.value(t.at(1).uuid)), QStringList{u"worker-1/preview"_s});
        QVERIFY(!report.byBuildToken.contains(t.at(2).uuid)); // only a deleted trigger
        QVERIFY(!report.byBuildToken.contains(t.at(3).uuid)); // a Worker without Builds
        const TriggerUse use = report.byBuildToken.value(t.at(1).uuid).first();
        QCOMPARE(use.workerTag, worker(1, true).tag);
        QCOMPARE(use.branches, QStringList{u"main"_s});
        QVERIFY(!use.triggerUuid.isEmpty());
        QCOMPARE(report.requests, UsageScanService::requestsFor(4, 2));
        QCOMPARE(f.server.requests().size(), 4);
    }

    // The demo's own Workers: some build tokens used twice, most once, some by none, one
    // only by a deleted trigger.
    void theDemoAccountsWorkers()
    {
        ApiFixture f;
        f.server.setTokenCount(10);
        const QList<BuildToken> tokens = f.server.tokens();
        UsageScanService service(&f.client);
        f.server.clearRequests();
        const auto result = awaitJob(service.scan(DemoApiServer::accountId()));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error().toText()));
        const UsageReport &report = result->value();
        QCOMPARE(report.workers, 40);
        QCOMPARE(report.workersWithBuilds, 8);
        QCOMPARE(report.requests, UsageScanService::requestsFor(40, 8));
        QCOMPARE(f.server.requests().size(), report.requests);
        QList<int> uses;
        for (const BuildToken &token : tokens)
            uses << int(report.byBuildToken.value(token.uuid).size());
        QCOMPARE(uses, (QList<int>{2, 2, 1, 1, 1, 1, 1, 1, 0, 0}));
        // Token 8's only trigger is deleted.
        bool deletedSeen = false;
        for (const DemoWorker &worker : DemoTokenGenerator::workersFor(DemoApiServer::accountId(), tokens)) {
            for (const DemoTrigger &trigger : worker.triggers)
                deletedSeen |= trigger.buildTokenUuid == tokens.at(8).uuid && !trigger.deletedOn.isEmpty();
        }
        QVERIFY(deletedSeen);
        for (const TriggerUse &use : report.byBuildToken.value(tokens.at(0).uuid))
            QVERIFY2(use.label().endsWith(u"/production"_s) || use.label().endsWith(u"/preview"_s), qPrintable(use.label()));
    }

    // More than 20 tags is refused by the server: the contract's limit is real there.
    void theServerRefusesMoreThanTwentyTags()
    {
        ApiFixture f;
        QStringList tags;
        for (int i = 0; i < 21; ++i)
            tags << QString::number(i).rightJustified(32, u'a');
        ApiCall *call = f.client.get(u"accounts/"_s + DemoApiServer::accountId() + u"/builds/builds/latest"_s,
                                     QUrlQuery{{u"external_script_ids"_s, tags.join(u',')}});
        std::optional<ApiResult<Envelope>> answer;
        connect(call, &ApiCall::finished, call, [&answer, call] { answer = call->result(); });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
        QVERIFY(!answer->ok());
        QCOMPARE(answer->error().httpStatus(), 400);
        QVERIFY2(answer->error().toText().contains(u"at most 20"_s), qPrintable(answer->error().toText()));
    }

    // A tag from the server goes into a request only when it has an id's shape.
    void aTagThatIsNoIdIsNeverInARequest()
    {
        ApiFixture f;
        f.server.setTokenCount(2);
        const BuildToken token = f.server.tokens().first();
        DemoWorker sneaky = worker(1, true, {triggerOn(token, u"production"_s)});
        sneaky.tag = u"../../../user/tokens"_s;
        f.server.setWorkers({sneaky, worker(2, true, {triggerOn(token, u"preview"_s)})});
        UsageScanService service(&f.client);
        f.server.clearRequests();
        const auto result = awaitJob(service.scan(DemoApiServer::accountId()));
        QVERIFY(result && result->ok());
        QCOMPARE(result->value().workers, 2);
        QCOMPARE(result->value().workersWithBuilds, 1);
        QCOMPARE(labelsOf(result->value().byBuildToken.value(token.uuid)), QStringList{u"worker-2/preview"_s});
        for (const DemoApiServer::Request &request : f.server.requests()) {
            QVERIFY2(!request.path.contains(u".."_s), qPrintable(request.path));
            QVERIFY2(!request.query.toString(QUrl::FullyDecoded).contains(u".."_s), qPrintable(request.query.toString()));
        }
        QCOMPARE(f.server.requests().size(), 3);
    }

    void aBadAccountIdFailsWithoutARequest()
    {
        ApiFixture f;
        UsageScanService service(&f.client);
        f.server.clearRequests();
        const auto result = awaitJob(service.scan(u"../accounts"_s));
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), ApiError::Kind::InvalidRequest);
        QCOMPARE(f.server.requests().size(), 0);
    }

    void anUnknownAccountFailsTheJob()
    {
        ApiFixture f;
        UsageScanService service(&f.client);
        const auto result = awaitJob(service.scan(u"ffffffffffffffffffffffffffffffff"_s));
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().httpStatus(), 404);
    }

    // A failure after the Workers and the batch, at the first Worker's triggers.
    void aFailureMidScanFailsTheJob()
    {
        ApiFixture f;
        f.server.setTokenCount(2);
        const BuildToken token = f.server.tokens().first();
        f.server.setWorkers({worker(1, true, {triggerOn(token, u"production"_s)}), worker(2, true, {triggerOn(token, u"preview"_s)})});
        UsageScanService service(&f.client);
        f.server.clearRequests();
        f.server.setHoldReplies(true);
        UsageJob *job = service.scan(DemoApiServer::accountId());
        const auto result = resultOf(job);
        QVERIFY(releaseOneByOne(f, 1)); // the Workers
        QVERIFY(QTest::qWaitFor([&f] { return f.server.heldReplyCount() == 1; }, 10000)); // the batch
        f.server.setFault(Fault::ServerError, 1); // for the request after it
        f.server.setHoldReplies(false);
        f.server.releaseHeldReplies();
        QTRY_VERIFY(result->has_value());
        QVERIFY(!(*result)->ok());
        QCOMPARE((*result)->error().httpStatus(), 503);
        QCOMPARE(f.server.requests().size(), 3);
    }

    void cancelDuringTheScanLeavesNothingInFlight()
    {
        ApiFixture f;
        f.server.setTokenCount(2);
        const BuildToken token = f.server.tokens().first();
        f.server.setWorkers({worker(1, true, {triggerOn(token, u"production"_s)}), worker(2, true, {triggerOn(token, u"preview"_s)})});
        UsageScanService service(&f.client);
        f.server.clearRequests();
        f.server.setHoldReplies(true);
        UsageJob *job = service.scan(DemoApiServer::accountId());
        const auto result = resultOf(job);
        QVERIFY(releaseOneByOne(f, 2)); // the Workers, the batch
        QVERIFY(QTest::qWaitFor([&f] { return f.server.heldReplyCount() == 1; }, 10000)); // the first triggers
        job->cancel();
        QVERIFY(result->has_value());
        QCOMPARE((*result)->error().kind(), ApiError::Kind::Canceled);
        QVERIFY(QTest::qWaitFor([&f] { return noCallLeft(f) && f.server.abortedCount() == 1; }, 10000));
        f.server.setHoldReplies(false);
        QCOMPARE(f.server.releaseHeldReplies(), 0); // its client is gone
        QCOMPARE(f.server.requests().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestUsageScan)
#include "tst_usagescan.moc"
