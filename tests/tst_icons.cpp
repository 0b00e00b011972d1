// Icons::themed() and Icons::application() look their icon up when it is first drawn: every
// icon the app names must still draw, at any scale, exactly as the bundled SVG does.

#include "Actions.h"
#include "Icons.h"

#include <QDirIterator>
#include <QIcon>
#include <QImage>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// Whether any pixel of `image` is drawn.
bool anythingDrawn(const QImage &image)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixelColor(x, y).alpha() > 0)
                return true;
        }
    }
    return false;
}

} // namespace

class TestIcons : public QObject
{
    Q_OBJECT

private slots:
    // Offscreen there is no icon theme: each icon is its bundled SVG, pixel for pixel, at the
    // scales of a plain and of a 150 % and 200 % screen.
    void drawsAsTheBundledSvg_data()
    {
        QTest::addColumn<QString>("name");
        QDirIterator files(u":/icons"_s, {u"*.svg"_s});
        while (files.hasNext()) {
            const QString file = files.next();
            const QString name = QFileInfo(file).completeBaseName();
            if (name != u"build-token-browser"_s)
                QTest::newRow(qPrintable(name)) << name;
        }
    }
    void drawsAsTheBundledSvg()
    {
        QFETCH(QString, name);
        const QIcon icon = Icons::themed(name);
        const QIcon bundled(u":/icons/"_s + name + u".svg"_s);
        QVERIFY(!icon.isNull());
        for (qreal scale : {1.0, 1.5, 2.0}) {
            const QPixmap pixmap = icon.pixmap(QSize(22, 22), scale);
            QCOMPARE(pixmap.deviceIndependentSize(), QSizeF(22, 22));
            const QImage image = pixmap.toImage();
            QVERIFY2(anythingDrawn(image), qPrintable(u"%1 at %2x"_s.arg(name).arg(scale)));
            QCOMPARE(image, bundled.pixmap(QSize(22, 22), scale).toImage());
        }
        QCOMPARE(icon.actualSize(QSize(48, 48)), bundled.actualSize(QSize(48, 48)));
    }

    // Each action's icon is one the app bundles (a misspelt name would leave a blank button).
    void everyActionIconDraws()
    {
        Actions actions;
        int withIcon = 0;
        for (QAction *action : actions.all()) {
            if (action->icon().isNull())
                continue;
            ++withIcon;
            QVERIFY2(anythingDrawn(action->icon().pixmap(16).toImage()), qPrintable(action->objectName()));
        }
        QVERIFY(withIcon >= 8);
    }

    void aNameWithoutAnIconIsNull()
    {
        QVERIFY(Icons::themed(u"no-such-icon-anywhere"_s).isNull());
        QVERIFY(!Icons::application().isNull());
    }

    // A pixmap added to a copy (QIcon detaches it first) is drawn by the copy alone.
    void aPixmapAddedToACopyIsTheCopys()
    {
        const QIcon icon = Icons::themed(u"go-next"_s);
        QPixmap red(16, 16);
        red.fill(Qt::red);
        QIcon copy = icon;
        copy.addPixmap(red, QIcon::Disabled);
        QCOMPARE(copy.pixmap(QSize(16, 16), 1.0, QIcon::Disabled).toImage().pixelColor(0, 0), QColor(Qt::red));
        QVERIFY(icon.pixmap(QSize(16, 16), 1.0, QIcon::Disabled).toImage().pixelColor(0, 0) != QColor(Qt::red));
        QCOMPARE(copy.pixmap(QSize(16, 16)).toImage(), icon.pixmap(QSize(16, 16)).toImage());
    }
};

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
