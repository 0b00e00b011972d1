#include "api/EnvelopeParser.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Kind = ApiError::Kind;

class TestEnvelopeParser : public QObject
{
    Q_OBJECT

private:
    static ApiResult<BuildTokenPage> parsePage(int status, const QByteArray &body)
    {
        const ApiResult<Envelope> envelope = EnvelopeParser::interpretResponse(status, body);
        if (!envelope.ok())
            return envelope.error();
        return EnvelopeParser::parseBuildTokenPage(envelope.value());
    }

private slots:
    void documentedExampleParsesAsSuccess()
    {
        QFile file(QStringLiteral(BTB_TEST_DATA "/list-build-tokens.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray body = file.readAll();

        const ApiResult<Envelope> envelope = EnvelopeParser::interpretResponse(200, body);
        QVERIFY2(envelope.ok(), qPrintable(envelope.error().toText()));
        // The placeholder error 12000 beside success:true is kept, not treated as failure.
        QCOMPARE(envelope.value().errors, (QList<ApiMessage>{{12000, u"Not found"_s}}));

        const ApiResult<BuildTokenPage> page = EnvelopeParser::parseBuildTokenPage(envelope.value());
        QVERIFY(page.ok());
        QCOMPARE(page.value().tokens.size(), 1);
        const BuildToken &token = page.value().tokens.first();
        QCOMPARE(token.name, u"My Build Token"_s);
        QCOMPARE(token.uuid, u"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"_s);
        QCOMPARE(token.cloudflareTokenId, u"cf-token-123"_s);
        QCOMPARE(token.ownerType, u"user"_s);
        QVERIFY(token.unknownFields.isEmpty()); // nothing beyond the four known fields
        const PageInfo &info = page.value().info;
        QCOMPARE(info.count, 25);
        QCOMPARE(info.page, 1);
        QCOMPARE(info.perPage, 50);
        QCOMPARE(info.totalCount, 150);
        QCOMPARE(info.totalPages, 3);
    }

    void unknownFieldsAreKeptAndKnownOnesAreNot()
    {
        const ApiResult<BuildTokenPage> page = parsePage(
            200, R"({"success":true,"errors":[],"messages":[],"result":[{"build_token_uuid":"u1","created_on":"2026-01-02",
                     "scopes":["a"]},{"build_token_name":"n"}]})");
        QVERIFY(page.ok());
        const BuildToken &first = page.value().tokens.at(0);
        QCOMPARE(first.uuid, u"u1"_s);
        QCOMPARE(first.unknownFields.keys(), (QStringList{u"created_on"_s, u"scopes"_s}));
        QCOMPARE(first.unknownFields.value(u"scopes"_s).toArray().first().toString(), u"a"_s);
        QVERIFY(page.value().tokens.at(1).unknownFields.isEmpty());
    }

    void emptyAndNullResults_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty array") << QByteArray(R"({"success":true,"errors":[],"result":[],"result_info":{"total_count":0}})");
        QTest::newRow("null result") << QByteArray(R"({"success":true,"errors":[],"result":null})");
        QTest::newRow("no result") << QByteArray(R"({"success":true})");
    }
    void emptyAndNullResults()
    {
        QFETCH(QByteArray, body);
        const ApiResult<BuildTokenPage> page = parsePage(200, body);
        QVERIFY2(page.ok(), qPrintable(page.error().toText()));
        QVERIFY(page.value().tokens.isEmpty());
    }

    void missingOptionalFieldsAreEmpty()
    {
        const ApiResult<BuildTokenPage> page = parsePage(200, R"({"success":true,"result":[{},{"build_token_uuid":"u-1","owner_type":null}]})");
        QVERIFY2(page.ok(), qPrintable(page.error().toText()));
        QCOMPARE(page.value().tokens.size(), 2);
        QVERIFY(page.value().tokens[0].name.isEmpty());
        QVERIFY(page.value().tokens[0].uuid.isEmpty());
        QCOMPARE(page.value().tokens[1].uuid, u"u-1"_s);
        QVERIFY(page.value().tokens[1].ownerType.isEmpty());
        const PageInfo &info = page.value().info;
        QVERIFY(!info.page && !info.perPage && !info.count && !info.totalCount && !info.totalPages);
    }

    void unknownOwnerTypeIsKept()
    {
        const ApiResult<BuildTokenPage> page = parsePage(200, R"({"success":true,"result":[{"owner_type":"account"}]})");
        QVERIFY(page.ok());
        QCOMPARE(page.value().tokens[0].ownerType, u"account"_s);
    }

    void wrongTypesNameTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("name is a number") << QByteArray(R"({"success":true,"result":[{"build_token_name":5}]})") << u"result[0].build_token_name"_s;
        QTest::newRow("uuid is an object") << QByteArray(R"({"success":true,"result":[{},{"build_token_uuid":{}}]})") << u"result[1].build_token_uuid"_s;
        QTest::newRow("token id is bool") << QByteArray(R"({"success":true,"result":[{"cloudflare_token_id":true}]})") << u"result[0].cloudflare_token_id"_s;
        QTest::newRow("owner is array") << QByteArray(R"({"success":true,"result":[{"owner_type":[]}]})") << u"result[0].owner_type"_s;
        QTest::newRow("item is a string") << QByteArray(R"({"success":true,"result":[{},"x"]})") << u"result[1]"_s;
        QTest::newRow("result is an object") << QByteArray(R"({"success":true,"result":{}})") << u"\u201cresult\u201d"_s;
        QTest::newRow("result_info is array") << QByteArray(R"({"success":true,"result":[],"result_info":[]})") << u"result_info"_s;
        QTest::newRow("total_count is text") << QByteArray(R"({"success":true,"result":[],"result_info":{"total_count":"many"}})") << u"result_info.total_count"_s;
        QTest::newRow("page is fractional") << QByteArray(R"({"success":true,"result":[],"result_info":{"page":1.5}})") << u"result_info.page"_s;
        QTest::newRow("count is negative") << QByteArray(R"({"success":true,"result":[],"result_info":{"count":-1}})") << u"result_info.count"_s;
        QTest::newRow("huge total_count") << QByteArray(R"({"success":true,"result":[],"result_info":{"total_count":1e20}})") << u"result_info.total_count"_s;
        QTest::newRow("success is text") << QByteArray(R"({"success":"true","result":[]})") << u"success"_s;
        QTest::newRow("errors is object") << QByteArray(R"({"success":true,"errors":{},"result":[]})") << u"errors"_s;
        QTest::newRow("error code is text") << QByteArray(R"({"success":false,"errors":[{"code":"x"}]})") << u"errors[0].code"_s;
    }
    void wrongTypesNameTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const ApiResult<BuildTokenPage> page = parsePage(200, body);
        QVERIFY(!page.ok());
        QCOMPARE(page.error().kind(), Kind::Malformed);
        QVERIFY2(page.error().detail().contains(field), qPrintable(page.error().detail()));
    }

    void bigButExactNumbersParse()
    {
        const ApiResult<BuildTokenPage> page = parsePage(200, R"({"success":true,"result":[],"result_info":{"total_pages":1000000000,"total_count":9007199254740992}})");
        QVERIFY2(page.ok(), qPrintable(page.error().toText()));
        QCOMPARE(page.value().info.totalPages, 1000000000);
        QCOMPARE(page.value().info.totalCount, Q_INT64_C(9007199254740992));
    }

    void notAnEnvelope_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty body") << QByteArray() << u"empty"_s;
        QTest::newRow("whitespace body") << QByteArray(" \r\n") << u"empty"_s;
        QTest::newRow("html page") << QByteArray("<!DOCTYPE html><html><body>Sign in</body></html>") << u"HTML"_s;
        // A plain literal: moc misreads a raw one with unbalanced brackets.
        QTest::newRow("truncated") << QByteArray("{\"success\":true,\"result\":[{\"build_token_na") << u"truncated"_s;
        QTest::newRow("not json") << QByteArray("upstream connect error") << u"not valid JSON"_s;
        QTest::newRow("top-level array") << QByteArray("[]") << u"envelope"_s;
        QTest::newRow("no success field") << QByteArray(R"({"result":[]})") << u"success"_s;
        QTest::newRow("invalid UTF-8") << QByteArray("{\"success\":true,\"result\":[{\"build_token_name\":\"\xff\xfe\"}]}") << u"UTF-8"_s;
        QTest::newRow("deep nesting") << (QByteArray(5000, '[') + QByteArray(5000, ']')) << u"not valid JSON"_s;
    }
    void notAnEnvelope()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, says);
        const ApiResult<Envelope> envelope = EnvelopeParser::interpretResponse(200, body);
        QVERIFY(!envelope.ok());
        QCOMPARE(envelope.error().kind(), Kind::Malformed);
        QCOMPARE(envelope.error().httpStatus(), 200);
        QVERIFY2(envelope.error().toText().contains(says), qPrintable(envelope.error().toText()));
    }

    void failureStatusesAndCodes_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<qint64>("firstCode");
        QTest::newRow("success false on 200") << 200 << QByteArray(R"({"success":false,"errors":[{"code":12345,"message":"odd"}]})") << Kind::Api << qint64(12345);
        QTest::newRow("7003 on 200") << 200 << QByteArray(R"({"success":false,"errors":[{"code":7003,"message":"Could not route"}]})") << Kind::NotFound << qint64(7003);
        QTest::newRow("7003 on 400") << 400 << QByteArray(R"({"success":false,"errors":[{"code":7003,"message":"Could not route"}]})") << Kind::NotFound << qint64(7003);
        QTest::newRow("401 invalid token") << 401 << QByteArray(R"({"success":false,"errors":[{"code":1000,"message":"Invalid API Token"}]})") << Kind::Auth << qint64(1000);
        QTest::newRow("403 auth error") << 403 << QByteArray(R"({"success":false,"errors":[{"code":10000,"message":"Authentication error"}]})") << Kind::Auth << qint64(10000);
        QTest::newRow("400 missing headers") << 400 << QByteArray(R"({"success":false,"errors":[{"code":9106,"message":"Missing X-Auth-Key, X-Auth-Email or Authorization headers"}]})") << Kind::Auth << qint64(9106);
        QTest::newRow("404 not found") << 404 << QByteArray(R"({"success":false,"errors":[{"code":12000,"message":"Not found"}]})") << Kind::NotFound << qint64(12000);
        QTest::newRow("429") << 429 << QByteArray(R"({"success":false,"errors":[{"code":971,"message":"Please wait"}]})") << Kind::RateLimited << qint64(971);
        QTest::newRow("503") << 503 << QByteArray(R"({"success":false,"errors":[{"code":10013,"message":"unavailable"}]})") << Kind::Server << qint64(10013);
        QTest::newRow("400 bad body") << 400 << QByteArray(R"({"success":false,"errors":[{"code":12002,"message":"Invalid request body"}]})") << Kind::BadRequest << qint64(12002);
        QTest::newRow("502 html from a proxy") << 502 << QByteArray("<html><body>Bad gateway</body></html>") << Kind::Server << qint64(-1);
        QTest::newRow("401 empty body") << 401 << QByteArray() << Kind::Auth << qint64(-1);
        QTest::newRow("200 success true, 500 status") << 500 << QByteArray(R"({"success":true,"result":[]})") << Kind::Server << qint64(-1);
    }
    void failureStatusesAndCodes()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(Kind, kind);
        QFETCH(qint64, firstCode);
        const ApiResult<Envelope> envelope = EnvelopeParser::interpretResponse(status, body);
        QVERIFY(!envelope.ok());
        const ApiError &error = envelope.error();
        QCOMPARE(error.kind(), kind);
        QCOMPARE(error.httpStatus(), status == 200 ? 200 : status);
        if (firstCode >= 0) {
            QVERIFY(!error.errors().isEmpty());
            QCOMPARE(error.errors().first().code, firstCode);
            QVERIFY(error.toText().contains(QString::number(firstCode)));
            QVERIFY(error.toText().contains(error.errors().first().message));
        } else {
            QVERIFY(error.errors().isEmpty());
        }
        QVERIFY(error.summary().contains(QString::number(status)));
    }

    void stringMessagesInErrorsAreKept()
    {
        const ApiResult<Envelope> envelope = EnvelopeParser::interpretResponse(400, R"({"success":false,"errors":["plain words"]})");
        QVERIFY(!envelope.ok());
        QCOMPARE(envelope.error().errors(), (QList<ApiMessage>{{0, u"plain words"_s}}));
        QVERIFY(envelope.error().toText().contains(u"plain words"_s));
    }
};

QTEST_GUILESS_MAIN(TestEnvelopeParser)
#include "tst_envelopeparser.moc"
