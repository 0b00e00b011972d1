// The error banner: shown and cleared, its text escaped, readable under a light and a dark
// palette, and an alert for a screen reader when a problem appears.

#include "ChildOf.h"
#include "MessageBanner.h"
#include "Theme.h"

#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QTest>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

class TestMessageBanner : public QObject
{
    Q_OBJECT

private slots:
    void showAndClear()
    {
        QWidget window;
        auto *banner = new MessageBanner(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!banner->isShowing());
        QVERIFY(!banner->isVisible());

        banner->showMessage(u"Not found"_s, u"HTTP 404\nCheck the account ID."_s);
        QVERIFY(banner->isShowing());
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->text(), u"Not found\nHTTP 404\nCheck the account ID."_s);
        QCOMPARE(banner->accessibleDescription(), banner->text());
        QVERIFY(!banner->accessibleName().isEmpty());

        // Dismiss clears it, as clear() does.
        QTest::mouseClick(childOf<QToolButton>(banner, QString()), Qt::LeftButton);
        QVERIFY(!banner->isShowing());
        QVERIFY(banner->text().isEmpty());
        banner->showMessage(u"Again"_s, QString());
        banner->clear();
        QVERIFY(!banner->isShowing());
    }

    void textIsEscaped()
    {
        MessageBanner banner;
        banner.showMessage(u"<script>alert(1)</script>"_s, u"a & b <i>c</i>\nline two"_s);
        const QString html = childOf<QLabel>(&banner, u"errorText"_s)->text();
        QCOMPARE(html, u"<b>&lt;script&gt;alert(1)&lt;/script&gt;</b><br>a &amp; b &lt;i&gt;c&lt;/i&gt;<br>line two"_s);
        QCOMPARE(banner.text(), u"<script>alert(1)</script>\na & b <i>c</i>\nline two"_s);
    }

    void textCanBeSelected()
    {
        MessageBanner banner;
        const auto flags = childOf<QLabel>(&banner, u"errorText"_s)->textInteractionFlags();
        QVERIFY(flags.testFlag(Qt::TextSelectableByMouse));
        QVERIFY(flags.testFlag(Qt::TextSelectableByKeyboard));
    }

    void readableUnderLightAndDarkPalettes_data()
    {
        QTest::addColumn<QColor>("window");
        QTest::addColumn<QColor>("text");
        QTest::newRow("light") << QColor(0xef, 0xef, 0xef) << QColor(Qt::black);
        QTest::newRow("dark") << QColor(0x35, 0x35, 0x35) << QColor(Qt::white);
    }
    void readableUnderLightAndDarkPalettes()
    {
        QFETCH(QColor, window);
        QFETCH(QColor, text);
        QWidget parent;
        auto *banner = new MessageBanner(&parent);
        banner->showMessage(u"Not found"_s, u"HTTP 404"_s);
        parent.resize(400, 120);
        banner->resize(400, 120);
        // The palette changes after the banner was made, as when the desktop switches theme.
        QPalette palette;
        palette.setColor(QPalette::Window, window);
        palette.setColor(QPalette::WindowText, text);
        parent.setPalette(palette);

        const QColor background = banner->grab().toImage().pixelColor(4, banner->height() / 2);
        const QColor foreground = childOf<QLabel>(banner, u"errorText"_s)->palette().color(QPalette::WindowText);
        QVERIFY2(Theme::contrast(foreground, background) > 7.0, qPrintable(u"%1 on %2"_s.arg(foreground.name(), background.name())));
        // Still an error's colour, not the window's.
        QVERIFY(background != window);
    }

    // What a screen reader reads. The Alert event sent on showing cannot be watched here:
    // offscreen there is no platform accessibility, so Qt drops every event before any handler.
    void aScreenReaderCanReadIt()
    {
        MessageBanner banner;
        banner.showMessage(u"Timed out"_s, u"Gave up after 3 attempts"_s);
        QAccessibleInterface *interface = QAccessible::queryAccessibleInterface(&banner);
        QVERIFY(interface);
        QCOMPARE(interface->role(), QAccessible::AlertMessage); // read out as an alert
        QCOMPARE(interface->text(QAccessible::Name), u"Error"_s);
        QCOMPARE(interface->text(QAccessible::Description), u"Timed out\nGave up after 3 attempts"_s);
    }
};

QTEST_MAIN(TestMessageBanner)
#include "tst_messagebanner.moc"
