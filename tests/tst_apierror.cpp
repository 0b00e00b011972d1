#include "api/ApiError.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Kind = ApiError::Kind;

class TestApiError : public QObject
{
    Q_OBJECT

private slots:
    void hintsForTheCommonCases_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<qint64>("code");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("hint");
        QTest::newRow("401") << 401 << qint64(1000) << Kind::Auth << u"Workers CI Read"_s;
        QTest::newRow("403") << 403 << qint64(10000) << Kind::Auth << u"account-owned"_s;
        QTest::newRow("404") << 404 << qint64(7003) << Kind::NotFound << u"account ID"_s;
        QTest::newRow("7003 on 400") << 400 << qint64(7003) << Kind::NotFound << u"account ID"_s;
        QTest::newRow("429") << 429 << qint64(971) << Kind::RateLimited << u"1,200 requests per 5 minutes"_s;
        QTest::newRow("502") << 502 << qint64(0) << Kind::Server << u"Try again"_s;
    }
    void hintsForTheCommonCases()
    {
        QFETCH(int, status);
        QFETCH(qint64, code);
        QFETCH(Kind, kind);
        QFETCH(QString, hint);
        const ApiError error = ApiError::fromResponse(status, {{code, u"message"_s}});
        QCOMPARE(error.kind(), kind);
        QVERIFY2(error.hint().contains(hint), qPrintable(error.hint()));
        QVERIFY(error.toText().contains(error.hint()));
        QVERIFY(error.toText().startsWith(error.summary()));
    }

    void retryAfterIsShown()
    {
        ApiError error = ApiError::fromResponse(429, {});
        QVERIFY(!error.hint().contains(u"42"_s));
        error.setRetryAfterSeconds(42);
        QCOMPARE(error.retryAfterSeconds(), 42);
        QVERIFY2(error.hint().contains(u"42 s"_s), qPrintable(error.hint()));
    }

    void transportErrorsHaveNoStatus()
    {
        const ApiError timeout(Kind::Timeout, u"No complete answer from example.com"_s);
        QCOMPARE(timeout.httpStatus(), 0);
        QVERIFY(!timeout.summary().contains(u"HTTP"_s));
        QVERIFY(timeout.toText().contains(u"example.com"_s));
        QVERIFY(!timeout.hint().isEmpty());
        QVERIFY(ApiError(Kind::Network, u"refused"_s).hint().contains(u"proxy"_s));
        QVERIFY(!ApiError().isError());
    }

    void everyEntryIsListed()
    {
        const ApiError error = ApiError::fromResponse(400, {{6003, u"Invalid request headers"_s}, {6111, u"Invalid format for Authorization header"_s}});
        QCOMPARE(error.kind(), Kind::Auth);
        const QString text = error.toText();
        QVERIFY(text.contains(u"6003: Invalid request headers"_s));
        QVERIFY(text.contains(u"6111: Invalid format for Authorization header"_s));
        QVERIFY(text.contains(u"HTTP 400"_s));
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
