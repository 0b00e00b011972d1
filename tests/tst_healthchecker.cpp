// HealthChecker: when the rows' health is checked, what the cache saves and what a person is
// told, against DemoApiServer over loopback, the requests counted on the server.

#include "ApiFixture.h"
#include "Translations.h"
#include "demo/DemoTokenGenerator.h"
#include "model/BuildTokenTableModel.h"
#include "session/BrowserSession.h"
#include "session/HealthChecker.h"

#include <QSignalSpy>
#include <memory>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Fault = DemoApiServer::Fault;

class TestHealthChecker : public QObject
{
    Q_OBJECT

    struct Setup
    {
        explicit Setup(int tokens)
        {
            f.server.setTokenCount(tokens);
            session.setAccountId(DemoApiServer::accountId());
            checker.setClock([this] { return nowMs; });
        }
        // Loads page 1 and waits for it (and for a check it starts).
        bool load()
        {
            QSignalSpy loaded(&session, &BrowserSession::pageLoaded);
            session.firstPage();
            return loaded.wait(10000) && QTest::qWaitFor([this] { return !checker.isBusy(); }, 10000);
        }
        int healthRequests() const { return requestsTo(f.server, u"user/tokens"_s); }
        bool allChecked() const
        {
            const QList<BuildToken> &tokens = rows.tokens();
            return std::all_of(tokens.begin(), tokens.end(), [](const BuildToken &t) { return bool(t.health); });
        }

        ApiFixture f;
        BuildTokenTableModel rows;
        BrowserSession session{&f.service, &rows};
        TokenHealthService service{&f.client};
        HealthChecker checker{&service, &session};
        qint64 nowMs = 0;
    };

    std::unique_ptr<Translations> m_translations;

private slots:
    // English plurals ("12 API tokens") come from a translation of their own, as in main().
    void initTestCase() { m_translations = std::make_unique<Translations>(QLocale(QLocale::English)); }

    void onlyWhenAskedUnlessAutomatic()
    {
        Setup s(12);
        QVERIFY(s.load());
        QCOMPARE(s.healthRequests(), 0);
        QVERIFY(!s.allChecked());

        QSignalSpy said(&s.checker, &HealthChecker::statusMessage);
        QSignalSpy checked(&s.checker, &HealthChecker::checked);
        s.checker.check();
        QVERIFY(s.checker.isBusy());
        QVERIFY(checked.wait(10000));
        QVERIFY(s.allChecked());
        QCOMPARE(said.first().first().toString(), u"Checking the health of 12 API tokens\u2026"_s);
        QCOMPARE(said.last().first().toString(), u"Health checked: 5 build tokens will break a build, 1 unknown"_s);
    }

    // An automatic check speaks only when something is wrong; the next listing of the
    // account within five minutes takes the results kept, a later one checks again.
    void automaticChecksAreCachedForFiveMinutes()
    {
        Setup s(5); // tokens 0..4: all active
        s.checker.setAutomatic(true);
        QSignalSpy said(&s.checker, &HealthChecker::statusMessage);
        QVERIFY(s.load());
        QVERIFY(s.allChecked());
        QCOMPARE(said.size(), 0);
        const int first = s.healthRequests();
        QVERIFY(first > 0);

        s.nowMs += std::chrono::milliseconds(HealthChecker::CacheLifetime).count() - 1;
        QVERIFY(s.load());
        QVERIFY(s.allChecked());
        QCOMPARE(s.healthRequests(), first);

        s.nowMs += 1;
        QVERIFY(s.load());
        QCOMPARE(s.healthRequests(), 2 * first);

        s.checker.forget(); // a Refresh
        QVERIFY(s.load());
        QCOMPARE(s.healthRequests(), 3 * first);
    }

    void withoutThePermissionAutomaticChecksStop()
    {
        Setup s(3);
        s.f.client.setCredentials(Credentials::fromApiToken(DemoApiServer::apiTokenWithoutTokensRead()));
        s.checker.setAutomatic(true);
        QSignalSpy said(&s.checker, &HealthChecker::statusMessage);
        QVERIFY(s.load());
        QVERIFY(s.checker.permissionMissing());
        QCOMPARE(s.rows.token(0).health->verdict, TokenHealth::Verdict::Unknown);
        QCOMPARE(said.size(), 1);
        QVERIFY(said.first().first().toString().contains(u"\u201cAPI Tokens Read\u201d"_s));
        QCOMPARE(said.first().at(1).toInt(), 0); // it stays until the next message

        s.nowMs += std::chrono::milliseconds(HealthChecker::CacheLifetime).count(); // the cache is stale
        QVERIFY(s.load());
        QCOMPARE(s.healthRequests(), 1); // not asked again by itself
        s.checker.check(); // but when asked
        QTRY_COMPARE(s.healthRequests(), 2);
        s.checker.forget(); // another profile
        QVERIFY(!s.checker.permissionMissing());
    }

    void aFailedCheckKeepsTheRowsAndSaysSo()
    {
        Setup s(3);
        QVERIFY(s.load());
        s.f.server.setFault(Fault::NotEnvelope);
        QSignalSpy said(&s.checker, &HealthChecker::statusMessage);
        s.checker.check();
        QTRY_VERIFY(!s.checker.isBusy());
        QCOMPARE(s.rows.rowCount(), 3);
        QVERIFY(!s.allChecked());
        QVERIFY2(said.last().first().toString().startsWith(u"The health check failed: "_s),
                 qPrintable(said.last().first().toString()));
    }

    // Another account's rows never get a check made for the old ones.
    void anotherAccountCancelsTheCheck()
    {
        Setup s(3);
        QVERIFY(s.load());
        s.f.server.setHoldReplies(true);
        s.checker.check();
        QTRY_COMPARE(s.f.server.heldReplyCount(), 1);
        s.session.setAccountId(DemoApiServer::stagingAccountId());
        QVERIFY(!s.checker.isBusy());
        s.f.server.setHoldReplies(false);
        s.f.server.releaseHeldReplies();
        QSignalSpy checked(&s.checker, &HealthChecker::checked);
        QVERIFY(!checked.wait(300));
        QCOMPARE(s.rows.rowCount(), 0);
    }

    // What a check found reaches many rows a part an event-loop turn; the check is over (busy,
    // checked) once every row has it, and rows that go meanwhile end it without a word.
    void manyRowsTakeTheirHealthAPartATurn()
    {
        Setup s(0);
        const QList<BuildToken> three = DemoTokenGenerator::generate(3);
        s.f.server.setApiTokens(DemoTokenGenerator::apiTokensFor(three).listed);
        QList<BuildToken> rows;
        for (int i = 0; i <= HealthChecker::RowsATurn; ++i) { // three API tokens, one list page
            BuildToken token = three.at(i % 3);
            token.uuid = QString::number(i);
            rows << token;
        }
        s.rows.appendTokens(rows);
        QSignalSpy parts(&s.rows, &QAbstractItemModel::dataChanged);
        QSignalSpy checked(&s.checker, &HealthChecker::checked);
        s.checker.check();
        QVERIFY(parts.wait(10000));
        QVERIFY(s.checker.isBusy());
        QVERIFY(!s.allChecked());
        QCOMPARE(checked.size(), 0);
        QVERIFY(checked.wait(10000));
        QCOMPARE(parts.size(), 2);
        QVERIFY(s.allChecked());
        QVERIFY(!s.checker.isBusy());

        s.checker.forget();
        s.checker.check();
        QVERIFY(parts.wait(10000));
        s.rows.clear();
        QVERIFY(!s.checker.isBusy());
        QVERIFY(!checked.wait(300));
        QCOMPARE(checked.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHealthChecker)
#include "tst_healthchecker.moc"
