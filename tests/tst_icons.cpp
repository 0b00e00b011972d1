// Icons::themed() and Icons::application(): drawn, not read from files, at any size and scale,
// in the palette's colours; offscreen there is no icon theme, so every icon here is ours.

#include "Actions.h"
#include "Icons.h"

#include <QApplication>
#include <QIcon>
#include <QImage>
#include <QPalette>
#include <QStyle>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// How much is drawn: the sum of the alpha of every pixel.
qint64 inkOf(const QImage &image)
{
    qint64 sum = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            sum += image.pixelColor(x, y).alpha();
    }
    return sum;
}

// The mean lightness of the pixels drawn, 0 (black) to 255 (white).
int lightnessOf(const QImage &image)
{
    qint64 weighted = 0;
    qint64 weights = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor color = image.pixelColor(x, y);
            weighted += qint64(color.lightness()) * color.alpha();
            weights += color.alpha();
        }
    }
    return weights ? int(weighted / weights) : -1;
}

QImage imageOf(const QIcon &icon, QIcon::Mode mode = QIcon::Normal)
{
    return icon.pixmap(QSize(22, 22), 1.0, mode).toImage();
}

// Every name the app asks for: its actions' and its widgets'.
QStringList namesInUse()
{
    QStringList names{u"view-refresh"_s, u"edit-copy"_s, u"edit-clear"_s, u"toolbar-extension"_s, u"toolbar-extension-rtl"_s};
    Actions actions;
    for (QAction *action : actions.all()) {
        if (!action->icon().isNull())
            names << action->icon().name();
    }
    names.removeDuplicates();
    return names;
}

} // namespace

class TestIcons : public QObject
{
    Q_OBJECT

private slots:
    void init() { QApplication::setPalette(QApplication::style()->standardPalette()); }

    void eachDrawsAtEveryScale_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : namesInUse())
            QTest::newRow(qPrintable(name)) << name;
    }
    void eachDrawsAtEveryScale()
    {
        QFETCH(QString, name);
        const QIcon icon = Icons::themed(name);
        QVERIFY(!icon.isNull());
        for (qreal scale : {1.0, 1.5, 2.0}) {
            const QPixmap pixmap = icon.pixmap(QSize(22, 22), scale);
            QCOMPARE(pixmap.deviceIndependentSize(), QSizeF(22, 22));
            QCOMPARE(pixmap.size(), QSize(qRound(22 * scale), qRound(22 * scale))); // sharp, not scaled up
            QVERIFY2(inkOf(pixmap.toImage()) > 0, qPrintable(u"%1 at %2x"_s.arg(name).arg(scale)));
        }
        QCOMPARE(icon.actualSize(QSize(48, 32)), QSize(32, 32));
        // Disabled, fainter; the same shape.
        QVERIFY(inkOf(imageOf(icon, QIcon::Disabled)) < inkOf(imageOf(icon)) * 3 / 4);
    }

    // The outline icons are drawn in the palette's button text: dark on a light theme, light
    // on a dark one, so that they read on both.
    void followThePalette()
    {
        const QIcon icon = Icons::themed(u"go-next"_s);
        QPalette light = QApplication::palette();
        light.setColor(QPalette::ButtonText, QColor(0x20, 0x20, 0x20));
        QApplication::setPalette(light);
        QVERIFY(lightnessOf(imageOf(icon)) < 80);
        QPalette dark = light;
        dark.setColor(QPalette::ButtonText, QColor(0xf0, 0xf0, 0xf0));
        QApplication::setPalette(dark);
        QVERIFY(lightnessOf(imageOf(icon)) > 180);
        // A badge keeps its colour: the clear button's grey, with its white cross.
        const int clear = lightnessOf(imageOf(Icons::themed(u"edit-clear"_s)));
        QApplication::setPalette(light);
        QCOMPARE(lightnessOf(imageOf(Icons::themed(u"edit-clear"_s))), clear);
    }

    void aNameWithoutAnIconIsNull()
    {
        QVERIFY(Icons::themed(u"no-such-icon-anywhere"_s).isNull());
        QVERIFY(!Icons::application().isNull());
    }
};

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
