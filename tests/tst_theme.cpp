// Colours from the palette: guidance and error text readable (WCAG AA, 4.5:1) on light and
// dark palettes, and ToneLabel following a palette that changes after it was made.

#include "Theme.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Tone = ToneLabel::Tone;

namespace {

QPalette palette(const QColor &window, const QColor &text)
{
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    return p;
}

} // namespace

class TestTheme : public QObject
{
    Q_OBJECT

private slots:
    void contrastIsWcags()
    {
        QCOMPARE(Theme::contrast(Qt::black, Qt::white), 21.0);
        QCOMPARE(Theme::contrast(Qt::white, Qt::white), 1.0);
        // The disabled grey on Fusion's window that guidance text used to be drawn in.
        QVERIFY(Theme::contrast(QColor(0xbe, 0xbe, 0xbe), QColor(0xef, 0xef, 0xef)) < 2.0);
    }

    void readableOnEveryWindow_data()
    {
        QTest::addColumn<QColor>("window");
        QTest::addColumn<QColor>("text");
        QTest::newRow("Fusion light") << QColor(0xef, 0xef, 0xef) << QColor(Qt::black);
        QTest::newRow("white") << QColor(Qt::white) << QColor(0x20, 0x20, 0x20);
        QTest::newRow("Breeze dark") << QColor(0x31, 0x36, 0x3b) << QColor(0xfc, 0xfc, 0xfc);
        QTest::newRow("black") << QColor(Qt::black) << QColor(0xdd, 0xdd, 0xdd);
        QTest::newRow("mid grey") << QColor(0x80, 0x80, 0x80) << QColor(Qt::black);
    }
    void readableOnEveryWindow()
    {
        QFETCH(QColor, window);
        QFETCH(QColor, text);
        const QPalette p = palette(window, text);
        const QColor muted = Theme::mutedText(p);
        const QColor error = Theme::errorText(p);
        QVERIFY2(Theme::contrast(muted, window) >= 4.5, qPrintable(muted.name()));
        QVERIFY2(Theme::contrast(error, window) >= 4.5, qPrintable(error.name()));
        QVERIFY(muted != text || Theme::contrast(text, window) < 5); // softer where there is room
        QVERIFY2((error.red() > error.green() && error.red() > error.blue()) || error == Qt::black || error == Qt::white,
                 qPrintable(error.name()));
    }

    // As when the desktop switches to a dark theme while the window is open.
    void aToneLabelFollowsItsParentsPalette()
    {
        QWidget parent;
        parent.setPalette(palette(QColor(0xef, 0xef, 0xef), Qt::black));
        auto *label = new ToneLabel(Tone::Error, &parent);
        const QColor light = label->palette().color(QPalette::WindowText);
        parent.setPalette(palette(QColor(0x31, 0x36, 0x3b), QColor(0xfc, 0xfc, 0xfc)));
        const QColor dark = label->palette().color(QPalette::WindowText);
        QVERIFY2(dark.lightness() > light.lightness() + 80, qPrintable(u"%1 then %2"_s.arg(light.name(), dark.name())));
        QCOMPARE(dark, Theme::errorText(parent.palette()));
        QCOMPARE(label->palette().color(QPalette::Window), parent.palette().color(QPalette::Window));

        label->showResult(u"Active"_s, Tone::Normal);
        QCOMPARE(label->palette().color(QPalette::WindowText), QColor(0xfc, 0xfc, 0xfc));
        QCOMPARE(label->textFormat(), Qt::PlainText);
        label->setTone(Tone::Muted);
        QCOMPARE(label->palette().color(QPalette::WindowText), Theme::mutedText(parent.palette()));
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
