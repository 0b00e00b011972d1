// AppStyle: the window's own icons where Qt's style would load a PNG, so that showing the
// window loads no image format plugin; and the style Qt chose stays the one in use.

#include "AppStyle.h"
#include "Icons.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QStyleOption>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QImage imageOf(const QIcon &icon)
{
    return icon.pixmap(QSize(16, 16), 1.0).toImage();
}

} // namespace

class TestAppStyle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { AppStyle::install(); }

    // What the window always has: a menu bar (with its overflow button) and line edits with
    // a clear button. Qt's own icons for them are PNG files, and reading one loads every
    // image format plugin first.
    void aWindowLoadsNoImageFormatPlugin()
    {
        QMainWindow window;
        window.menuBar()->addMenu(u"&File"_s);
        auto *edit = new QLineEdit(u"text"_s, &window);
        edit->setClearButtonEnabled(true);
        window.setCentralWidget(edit);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.grab(); // everything drawn

        QFile maps(u"/proc/self/maps"_s);
        QVERIFY(maps.open(QIODevice::ReadOnly));
        const QByteArray loaded = maps.readAll();
        QVERIFY(loaded.contains("libqoffscreen")); // the list is the one it should be
        QVERIFY2(!loaded.contains("/imageformats/"), "an image format plugin was loaded");

        const auto *clear = edit->findChild<QAction *>(u"_q_qlineeditclearaction"_s);
        QVERIFY(clear);
        QCOMPARE(imageOf(clear->icon()), imageOf(Icons::themed(u"edit-clear"_s)));
    }

    void theOverflowArrowPointsTheWayTheTextRuns()
    {
        QStyleOption option;
        option.direction = Qt::LeftToRight;
        QCOMPARE(imageOf(qApp->style()->standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton, &option)),
                 imageOf(Icons::themed(u"toolbar-extension"_s)));
        option.direction = Qt::RightToLeft;
        QCOMPARE(imageOf(qApp->style()->standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton, &option)),
                 imageOf(Icons::themed(u"toolbar-extension-rtl"_s)));
        // Any other icon is the base style's.
        QVERIFY(!qApp->style()->standardIcon(QStyle::SP_DialogOkButton).isNull());
    }

    // -style windows (or QT_STYLE_OVERRIDE) still gets the Windows style, with our icons.
    void keepsTheStyleQtChose()
    {
        QApplication::setStyle(u"Windows"_s);
        AppStyle::install();
        const auto *style = qobject_cast<AppStyle *>(QApplication::style());
        QVERIFY(style);
        QCOMPARE(style->baseStyle()->name().toLower(), u"windows"_s);
    }
};

QTEST_MAIN(TestAppStyle)
#include "tst_appstyle.moc"
