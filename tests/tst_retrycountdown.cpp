// The status bar while a failed request waits to go again: why, the seconds left, "now" at
// the end, and nothing more once stopped.

#include "RetryCountdown.h"
#include "api/ApiError.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestRetryCountdown : public QObject
{
    Q_OBJECT

private slots:
    void aRateLimitCountsDownThenTheWaitUp()
    {
        QStatusBar bar;
        auto *countdown = new RetryCountdown(&bar);
        QCOMPARE(countdown->parent(), &bar);
        QSignalSpy messages(&bar, &QStatusBar::messageChanged);

        countdown->start(ApiError(ApiError::Kind::RateLimited, u"Slow down"_s, 429), 1800, 1, 3);
        QVERIFY(countdown->isActive());
        QCOMPARE(bar.currentMessage(), u"Rate limited by Cloudflare, retrying in 2 s \u2014 Esc cancels"_s);

        QVERIFY(messages.wait(3000));
        QCOMPARE(bar.currentMessage(), u"Rate limited by Cloudflare, retrying in 1 s \u2014 Esc cancels"_s);
        QVERIFY(messages.wait(3000));
        // Sent again: the wait of the new attempt counts up, not a stale "retrying now".
        // (A busy machine may skip a tick: the seconds are read, not assumed.)
        const QRegularExpression waiting(u"^Rate limited by Cloudflare: asked again, waiting (\\d+) s \u2014 Esc cancels$"_s);
        const QRegularExpressionMatch first = waiting.match(bar.currentMessage());
        QVERIFY2(first.hasMatch(), qPrintable(bar.currentMessage()));
        QVERIFY(messages.wait(3000));
        const QRegularExpressionMatch later = waiting.match(bar.currentMessage());
        QVERIFY2(later.hasMatch(), qPrintable(bar.currentMessage()));
        QVERIFY(later.captured(1).toInt() > first.captured(1).toInt());
        QVERIFY(countdown->isActive()); // until the request ends
        countdown->stop();
    }

    void otherFailuresCountTheAttempts()
    {
        QStatusBar bar;
        auto *countdown = new RetryCountdown(&bar);
        const ApiError error(ApiError::Kind::Server, u"Bad gateway"_s, 502);
        countdown->start(error, 800, 2, 3);
        QCOMPARE(bar.currentMessage(), u"%1 (attempt 2 of 3), retrying in 1 s \u2014 Esc cancels"_s.arg(error.summary()));
        QSignalSpy messages(&bar, &QStatusBar::messageChanged);
        QVERIFY(messages.wait(3000));
        QVERIFY2(bar.currentMessage().startsWith(u"%1: attempt 3 of 3, waiting "_s.arg(error.summary())), qPrintable(bar.currentMessage()));
    }

    void stopEndsTheCountAndKeepsTheMessage()
    {
        QStatusBar bar;
        auto *countdown = new RetryCountdown(&bar);
        countdown->start(ApiError(ApiError::Kind::Timeout, u"No answer"_s), 5000, 1, 3);
        QVERIFY(countdown->isActive());
        const QString shown = bar.currentMessage();
        QVERIFY2(shown.endsWith(u"retrying in 5 s \u2014 Esc cancels"_s), qPrintable(shown));

        countdown->stop();
        QVERIFY(!countdown->isActive());
        QCOMPARE(bar.currentMessage(), shown); // the next message (Canceled, Loaded) replaces it

        // A new failure starts it over.
        countdown->start(ApiError(ApiError::Kind::RateLimited, QString(), 429), 2000, 1, 3);
        QVERIFY(countdown->isActive());
        QCOMPARE(bar.currentMessage(), u"Rate limited by Cloudflare, retrying in 2 s \u2014 Esc cancels"_s);
    }
};

QTEST_MAIN(TestRetryCountdown)
#include "tst_retrycountdown.moc"
