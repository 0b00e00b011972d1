// The health of build tokens' API tokens: the verdict rules on their own, then
// TokenHealthService against DemoApiServer over loopback, with the requests counted on the
// server's side.

#include "ApiFixture.h"
#include "AwaitResult.h"
#include "api/EnvelopeParser.h"
#include "api/TokenHealthService.h"
#include "demo/DemoTokenGenerator.h"
#include "model/EnrichmentText.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Verdict = TokenHealth::Verdict;
using Fault = DemoApiServer::Fault;

namespace QTest {
template<>
char *toString(const Verdict &verdict)
{
    TokenHealth health;
    health.verdict = verdict;
    return QTest::toString(health.id());
}
} // namespace QTest

class TestTokenHealth : public QObject
{
    Q_OBJECT

    static ApiToken tokenWith(const QString &status, const QString &expiresOn = {})
    {
        ApiToken token;
        token.id = u"0123456789abcdef0123456789abcdef"_s;
        token.status = status;
        token.expiresOn = expiresOn;
        return token;
    }

    // An API token of the caller's, active, not one of a build token's.
    static ApiToken otherToken(int index)
    {
        ApiToken token = tokenWith(u"active"_s);
        token.id = QString::number(index).rightJustified(32, u'f');
        return token;
    }

    static QList<IdText> cloudflareIdsOf(const QList<BuildToken> &tokens)
    {
        QList<IdText> ids;
        for (const BuildToken &token : tokens)
            ids << token.cloudflareTokenId;
        return ids;
    }

private slots:
    void verdictFromTheRecord_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("expiresOn");
        QTest::addColumn<Verdict>("verdict");
        QTest::addColumn<QString>("id");
        QTest::newRow("active") << u"active"_s << QString() << Verdict::Active << u"active"_s;
        QTest::newRow("active, expiry ahead") << u"active"_s << u"2999-01-01T00:00:00Z"_s << Verdict::Active << u"active"_s;
        QTest::newRow("active, expiry passed") << u"active"_s << u"2020-01-01T00:00:00Z"_s << Verdict::Expired << u"expired"_s;
        QTest::newRow("disabled") << u"disabled"_s << QString() << Verdict::Disabled << u"disabled"_s;
        QTest::newRow("expired") << u"expired"_s << u"2020-01-01T00:00:00Z"_s << Verdict::Expired << u"expired"_s;
        QTest::newRow("revoked (exposed)") << u"revoked (exposed)"_s << QString() << Verdict::Revoked << u"revoked"_s;
        QTest::newRow("another case") << u"Active"_s << QString() << Verdict::Active << u"active"_s;
        QTest::newRow("a status nobody knows") << u"suspended"_s << QString() << Verdict::Unknown << u"unknown"_s;
        QTest::newRow("no status") << QString() << QString() << Verdict::Unknown << u"unknown"_s;
        QTest::newRow("an unreadable date") << u"active"_s << u"soon"_s << Verdict::Active << u"active"_s;
    }
    void verdictFromTheRecord()
    {
        QFETCH(QString, status);
        QFETCH(QString, expiresOn);
        QFETCH(Verdict, verdict);
        QFETCH(QString, id);
        const TokenHealth health = TokenHealth::of(tokenWith(status, expiresOn), QDateTime::currentDateTimeUtc());
        QCOMPARE(health.verdict, verdict);
        QCOMPARE(health.id(), id);
        QCOMPARE(health.tokenStatus(), status);
        QCOMPARE(health.expiresOn(), expiresOn);
        QVERIFY(!health.title().isEmpty());
        QCOMPARE(health.isUsable(), verdict == Verdict::Active);
        if (verdict == Verdict::Unknown && !status.isEmpty())
            QVERIFY2(health.note.contains(status), qPrintable(health.note));
    }

    void missingAndPermissionSayWhy()
    {
        const TokenHealth missing = TokenHealth::missing();
        QCOMPARE(missing.id(), u"missing"_s);
        QVERIFY(!missing.hasToken);
        QVERIFY(missing.note.contains(u"deleted"_s) && missing.note.contains(u"another member"_s));
        const TokenHealth unknown = TokenHealth::withoutPermission();
        QCOMPARE(unknown.id(), u"unknown"_s);
        QVERIFY(unknown.note.contains(u"API Tokens Read"_s));
    }

    // The pane's text: the server's name with its invisible characters written out and
    // isolated; the verdict and why first.
    void theDetailsTextShowsTheServersWordsAsTheyAre()
    {
        ApiToken token = tokenWith(u"disabled"_s);
        token.name = u"ci\u202Etoken"_s; // a right-to-left override
        token.issuedOn = u"2026-11-02T10:00:00Z"_s;
        token.policies = QStringList{u"Allow: Workers CI Read"_s};
        const QString text = EnrichmentText::health(TokenHealth::of(token, QDateTime::currentDateTimeUtc()));
        const QStringList lines = text.split(u'\n');
        QCOMPARE(lines.first(), u"Disabled"_s);
        QVERIFY2(lines.at(1).contains(u"\u2068ci\\u202etoken\u2069"_s), qPrintable(lines.at(1)));
        QVERIFY(!text.contains(QChar(0x202E)));
        QVERIFY(lines.contains(u"Issued: \u20682026-11-02T10:00:00Z\u2069"_s));
        QVERIFY(lines.contains(u"Policy: \u2068Allow: Workers CI Read\u2069"_s));
        QCOMPARE(EnrichmentText::health(TokenHealth::missing()), u"Missing: "_s + TokenHealth::missing().note.toString());

        QCOMPARE(EnrichmentText::usage({}), u"No live build trigger uses this build token."_s);
        const QString used = EnrichmentText::usage({TriggerUse{u"w"_s, u"t"_s, u"prod"_s, u"u"_s, {u"main"_s, u"release"_s}}});
        QCOMPARE(used, u"Used by Worker \u201c\u2068w\u2069\u201d, trigger \u201c\u2068prod\u2069\u201d (branches: \u2068main\u2069, \u2068release\u2069)"_s);
    }

    void theParserReadsATokenAndNamesAWrongField()
    {
        const auto envelope = [](const QByteArray &result) {
            return EnvelopeParser::interpretResponse(200, R"({"success":true,"errors":[],"result":)" + result + "}").value();
        };
        const ApiResult<ApiToken> token = EnvelopeParser::parseApiToken(envelope(
            R"({"id":"ab","name":"CI","status":"active","last_used_on":"2026-11-02T10:00:00Z",
                "policies":[{"effect":"allow","permission_groups":[{"id":"1","name":"Workers CI Read"},{"id":"2","name":"API Tokens Read"}],"resources":{}},
                            {"effect":"deny","permission_groups":[{"id":"3","name":"DNS Write"}],"resources":{}}]})"));
        QVERIFY2(token.ok(), qPrintable(token.error().toText()));
        QCOMPARE(token.value().name, u"CI"_s);
        QCOMPARE(token.value().lastUsedOn, u"2026-11-02T10:00:00Z"_s);
        QCOMPARE(token.value().policies, (QStringList{u"Allow: Workers CI Read, API Tokens Read"_s, u"Deny: DNS Write"_s}));

        const ApiResult<QList<ApiToken>> wrong = EnvelopeParser::parseApiTokens(envelope(R"([{"id":"ab","expires_on":5}])"));
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().detail().contains(u"result[0].expires_on"_s), qPrintable(wrong.error().detail()));
        QVERIFY(!EnvelopeParser::parseApiTokens(envelope(R"([{"name":"no id"}])")).ok());
        QVERIFY(!EnvelopeParser::parseApiToken(envelope(R"([])")).ok());
    }

    // The demo account's tokens cover every state (DemoTokenGenerator::apiTokensFor).
    void everyVerdictFromTheDemoApi()
    {
        ApiFixture f;
        f.server.setTokenCount(12);
        const QList<BuildToken> tokens = f.server.tokens();
        TokenHealthService service(&f.client);
        f.server.clearRequests();

        const auto result = awaitJob(service.check(cloudflareIdsOf(tokens)));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error().toText()));
        const HealthReport &report = result->value();
        QVERIFY(!report.permissionMissing);
        const QList<Verdict> expected{Verdict::Active,  Verdict::Active,   Verdict::Active,  Verdict::Active,
                                      Verdict::Active,  Verdict::Expired,  Verdict::Disabled, Verdict::Expired,
                                      Verdict::Revoked, Verdict::Missing,  Verdict::Active,  Verdict::Unknown};
        for (int i = 0; i < tokens.size(); ++i) {
            const TokenHealth health = *report.byTokenId.value(tokens.at(i).cloudflareTokenId);
            QCOMPARE(health.verdict, expected.at(i));
        }
        const TokenHealth active = *report.byTokenId.value(tokens.at(0).cloudflareTokenId);
        QVERIFY(active.hasToken);
        QVERIFY(active.token.name.toString().contains(tokens.at(0).name));
        QVERIFY(!active.lastUsedOn().isEmpty());
        QVERIFY(!active.token.policies.isEmpty());
        // Texts records share are kept once (memory at 100,000 records), unchanged: the same
        // date of two fields, the same list of policies of two tokens.
        QCOMPARE(active.token.issuedOn, u"2025-03-01T09:00:00Z"_s);
        QCOMPARE(active.token.modifiedOn, active.token.issuedOn);
        QVERIFY(active.token.modifiedOn.isSharedWith(active.token.issuedOn));
        const TokenHealth second = *report.byTokenId.value(tokens.at(1).cloudflareTokenId);
        QCOMPARE(second.token.policies, active.token.policies);
        QVERIFY(second.token.policies.isSharedWith(active.token.policies));
        QVERIFY(active.token.notBefore.isNull()); // absent stays absent
        QCOMPARE(report.byTokenId.value(tokens.at(7).cloudflareTokenId)->tokenStatus(), u"expired"_s);
        QCOMPARE(report.byTokenId.value(tokens.at(11).cloudflareTokenId)->tokenStatus(), u"suspended"_s);

        // One list page (10 of the 12 are listed), then the two ids it lacked on their own: one
        // found (the list had drifted), one 404.
        QCOMPARE(f.server.requests().size(), 3);
        QCOMPARE(report.requests, 3);
        const DemoApiServer::Request &list = f.server.requests().first();
        QCOMPARE(list.path, u"/client/v4/user/tokens"_s);
        QCOMPARE(list.query.queryItemValue(u"per_page"_s), u"50"_s);
        QCOMPARE(list.query.queryItemValue(u"include_expired"_s), u"true"_s);
        QCOMPARE(list.query.queryItemValue(u"page"_s), u"1"_s);
        QCOMPARE(requestsTo(f.server, u"user/tokens/"_s), 2);
    }

    // The issue's figures: 10 build tokens among 60 API tokens, 2 of them missing.
    void fewRequestsForMany_data()
    {
        QTest::addColumn<int>("apiTokens");
        QTest::addColumn<bool>("sendsTotals");
        QTest::addColumn<int>("listRequests");
        QTest::newRow("60 tokens") << 60 << true << 2;
        QTest::newRow("60 tokens, no total_count") << 60 << false << 2;
        QTest::newRow("50 tokens: total_count ends it") << 50 << true << 1;
        QTest::newRow("50 tokens, no total_count: an empty page ends it") << 50 << false << 2;
        QTest::newRow("120 tokens") << 120 << true << 3;
    }
    void fewRequestsForMany()
    {
        QFETCH(int, apiTokens);
        QFETCH(bool, sendsTotals);
        QFETCH(int, listRequests);
        ApiFixture f;
        f.server.setTokenCount(10);
        f.server.setSendsTotals(sendsTotals);
        const QList<BuildToken> builds = f.server.tokens();
        QList<ApiToken> listed;
        for (int i = 0; i < apiTokens - 8; ++i)
            listed << otherToken(i);
        for (int i = 0; i < 8; ++i) { // spread through the pages
            ApiToken token = tokenWith(u"active"_s);
            token.id = builds.at(i).cloudflareTokenId;
            listed.insert(qMin(listed.size(), qsizetype(i * 7)), token);
        }
        f.server.setApiTokens(listed);
        TokenHealthService service(&f.client);
        f.server.clearRequests();

        const auto result = awaitJob(service.check(cloudflareIdsOf(builds)));
        QVERIFY(result && result->ok());
        const int missing = 2;
        QCOMPARE(requestsTo(f.server, u"user/tokens"_s) - requestsTo(f.server, u"user/tokens/"_s), listRequests);
        QCOMPARE(requestsTo(f.server, u"user/tokens/"_s), missing);
        QVERIFY(f.server.requests().size() <= (apiTokens + 49) / 50 + 1 + missing);
        for (const DemoApiServer::Request &request : f.server.requests()) {
            if (!request.query.hasQueryItem(u"per_page"_s))
                continue;
            const int perPage = request.query.queryItemValue(u"per_page"_s).toInt();
            QVERIFY(perPage >= 5 && perPage <= 50); // the contract's range
        }
        int active = 0;
        for (const auto &health : result->value().byTokenId)
            active += health->verdict == Verdict::Active ? 1 : 0;
        QCOMPARE(active, 8);
        QCOMPARE(result->value().byTokenId.size(), 10);
    }

    void withoutThePermissionEveryHealthIsUnknownAndTheJobSucceeds()
    {
        ApiFixture f;
        f.server.setTokenCount(5);
        f.client.setCredentials(Credentials::fromApiToken(DemoApiServer::apiTokenWithoutTokensRead()));
        QVERIFY(f.fetchPage(1, 50)->ok()); // the token lists build tokens all the same
        TokenHealthService service(&f.client);
        f.server.clearRequests();

        const auto result = awaitJob(service.check(cloudflareIdsOf(f.server.tokens())));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error().toText()));
        QVERIFY(result->value().permissionMissing);
        QCOMPARE(result->value().byTokenId.size(), 5);
        for (const auto &health : result->value().byTokenId) {
            QCOMPARE(health->verdict, Verdict::Unknown);
            QVERIFY(health->note.contains(TokenHealth::requiredPermission()));
        }
        QCOMPARE(f.server.requests().size(), 1); // nothing more is asked once refused
    }

    void aGlobalApiKeyMayReadTokens()
    {
        ApiFixture f;
        f.server.setTokenCount(3);
        f.client.setCredentials(Credentials::fromGlobalApiKey(DemoApiServer::email(), DemoApiServer::globalApiKey()));
        TokenHealthService service(&f.client);
        const auto result = awaitJob(service.check(cloudflareIdsOf(f.server.tokens())));
        QVERIFY(result && result->ok());
        QVERIFY(!result->value().permissionMissing);
        QCOMPARE(result->value().byTokenId.value(f.server.tokens().at(0).cloudflareTokenId)->verdict, Verdict::Active);
    }

    // An id from the server goes into a path only when it has an id's shape.
    void anIdThatIsNoIdIsMissingWithoutARequest()
    {
        ApiFixture f;
        f.server.setApiTokens({});
        TokenHealthService service(&f.client);
        f.server.clearRequests();
        const auto result = awaitJob(service.check({u"../../accounts"_s, QString(), u"abc"_s, u"abc"_s}));
        QVERIFY(result && result->ok());
        QCOMPARE(result->value().byTokenId.value(u"../../accounts"_s)->verdict, Verdict::Missing);
        QCOMPARE(result->value().byTokenId.value(u"abc"_s)->verdict, Verdict::Missing);
        QCOMPARE(result->value().byTokenId.size(), 2);
        for (const DemoApiServer::Request &request : f.server.requests())
            QVERIFY2(!request.path.contains(u".."_s), qPrintable(request.path));
        QCOMPARE(requestsTo(f.server, u"user/tokens/"_s), 1); // "abc" once
    }

    // The ids asked about are the report's keys from the start (no set of them beside it):
    // one record an id however often it is asked, every one of them filled in, the ids no API
    // token can have too.
    void everyIdAskedHasOneRecord()
    {
        ApiFixture f;
        f.server.setTokenCount(12);
        const QList<BuildToken> tokens = f.server.tokens();
        const IdText listed = tokens.at(0).cloudflareTokenId;    // on the list
        const IdText unlisted = tokens.at(10).cloudflareTokenId; // asked about on its own
        const IdText gone = tokens.at(9).cloudflareTokenId;      // 404
        const QList<IdText> ids{listed, unlisted, listed, u"abc"_s, gone, unlisted};
        TokenHealthService service(&f.client);
        const auto result = awaitJob(service.check(ids));
        QVERIFY(result && result->ok());
        const HealthById &byId = result->value().byTokenId;
        QCOMPARE(byId.size(), 4);
        for (auto it = byId.cbegin(); it != byId.cend(); ++it)
            QVERIFY2(it.value(), qPrintable(it.key().toString()));
        QCOMPARE(byId.value(listed)->verdict, Verdict::Active);
        QCOMPARE(byId.value(unlisted)->verdict, Verdict::Active);
        QCOMPARE(byId.value(gone)->verdict, Verdict::Missing);
        QCOMPARE(byId.value(u"abc"_s)->verdict, Verdict::Missing);
        QCOMPARE(byId.value(gone), byId.value(u"abc"_s)); // the missing share one record
        QVERIFY(byId.value(listed)->hasToken);
    }

    void nothingToCheckAnswersWithoutARequest()
    {
        ApiFixture f;
        TokenHealthService service(&f.client);
        f.server.clearRequests();
        const auto result = awaitJob(service.check({}));
        QVERIFY(result && result->ok());
        QVERIFY(result->value().byTokenId.isEmpty());
        QCOMPARE(f.server.requests().size(), 0);
    }

    // The list's requests follow the client's rules: a 429 is waited out, then it goes on.
    void aRateLimitIsWaitedOut()
    {
        ApiFixture f;
        f.client.setRetryPolicy(RetryPolicy()); // the app's own, not the fixture's "never"
        f.server.setTokenCount(3);
        f.server.setRetryAfterSeconds(1);
        f.server.setFault(Fault::RateLimited, 1);
        TokenHealthService service(&f.client);
        f.server.clearRequests();
        const auto result = awaitJob(service.check(cloudflareIdsOf(f.server.tokens())));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error().toText()));
        QCOMPARE(result->value().byTokenId.size(), 3);
        QCOMPARE(f.server.requests().size(), 2);
    }

    // A failure of the list itself fails the job (the caller keeps its rows and says so).
    void aBrokenListFailsTheJob()
    {
        ApiFixture f;
        f.server.setTokenCount(3);
        f.server.setFault(Fault::NotEnvelope);
        TokenHealthService service(&f.client);
        const auto result = awaitJob(service.check(cloudflareIdsOf(f.server.tokens())));
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().kind(), ApiError::Kind::Malformed);
    }
};

QTEST_GUILESS_MAIN(TestTokenHealth)
#include "tst_tokenhealth.moc"
