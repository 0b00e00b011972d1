// Window and header state survive a restart: a window is changed and closed, and a second
// window over the same settings file comes back the same. A header state of another column
// layout version is dropped rather than misapplied.

#include "ChildOf.h"
#include "AppCore.h"
#include "MainWindow.h"
#include "TokenTableView.h"
#include "auth/MemorySecretStore.h"
#include "auth/ProfileStore.h"

#include <QDataStream>
#include <QHeaderView>
#include <QIODevice>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString HeaderKey = u"qt6/tokenTable/header"_s;

// What one launch of the app has: settings opened from the file, a profile store, a window.
struct Launch
{
    explicit Launch(const QString &file)
        : settings(ProfileStore::openSettings(file)),
          profiles(settings.get(), &secrets),
          core(std::make_unique<AppCore>(&profiles, settings.get())),
          window(std::make_unique<MainWindow>(core.get()))
    {
        window->show();
    }
    ~Launch()
    {
        window->close(); // saves, as closing the app does
        window.reset();
    }
    TokenTableView *table() const { return childOf<TokenTableView>(window.get(), u"tokenTable"_s); }
    QHeaderView *header() const { return table()->horizontalHeader(); }
    QSplitter *splitter() const { return childOf<QSplitter>(window.get(), u"tokenSplitter"_s); }

    std::unique_ptr<QSettings> settings;
    MemorySecretStore secrets;
    ProfileStore profiles;
    std::unique_ptr<AppCore> core;
    std::unique_ptr<MainWindow> window;
};

} // namespace

class TestWindowState : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString file() const { return m_dir.filePath(u"settings.ini"_s); }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(file());
    }

    void survivesTwoLaunches()
    {
        QSize size;
        QList<int> splitterSizes;
        {
            Launch first(file());
            QVERIFY(QTest::qWaitForWindowExposed(first.window.get()));
            QCOMPARE(first.table()->visibleColumns(), QList<int>({0, 1, 2, 4}));
            // Lower than the default; not narrower, as the window is at its narrowest on the
            // offscreen platform's 800 x 600 screen.
            first.window->resize(first.window->width(), first.window->height() - 60);
            size = first.window->size();
            first.table()->showColumn(3); // Owner type, hidden at first
            first.header()->moveSection(3, 0); // and first
            first.table()->hideColumn(1); // no UUID
            first.table()->setColumnWidth(3, 150); // not Name: it takes the width the others leave
            first.table()->sortByColumn(2, Qt::DescendingOrder);
            QTRY_COMPARE(first.splitter()->width() > 0, true);
            first.splitter()->setSizes({first.splitter()->width() - 180, 180});
            splitterSizes = first.splitter()->sizes();
        }

        Launch second(file());
        QVERIFY(QTest::qWaitForWindowExposed(second.window.get()));
        QCOMPARE(second.window->size(), size);
        QCOMPARE(second.table()->visibleColumns(), QList<int>({3, 0, 2, 4}));
        QVERIFY(second.table()->isColumnHidden(1));
        QCOMPARE(second.table()->columnWidth(3), 150);
        QCOMPARE(second.header()->sortIndicatorSection(), 2);
        QCOMPARE(second.header()->sortIndicatorOrder(), Qt::DescendingOrder);
        QTRY_COMPARE(second.splitter()->sizes(), splitterSizes);
    }

    // Saved on a larger screen (or grown past this one): the window opens within the screen.
    void aWindowLargerThanTheScreenOpensWithinIt()
    {
        QSize available;
        {
            Launch first(file());
            QVERIFY(QTest::qWaitForWindowExposed(first.window.get()));
            available = first.window->screen()->availableSize();
            first.window->resize(available + QSize(600, 400));
            QCOMPARE(first.window->size(), available + QSize(600, 400));
        }
        Launch second(file());
        QVERIFY(QTest::qWaitForWindowExposed(second.window.get()));
        QVERIFY2(second.window->width() <= available.width() && second.window->height() <= available.height(),
                 qPrintable(u"%1x%2"_s.arg(second.window->width()).arg(second.window->height())));
    }

    void aHeaderStateOfAnotherVersionIsIgnored()
    {
        QSize size;
        {
            Launch first(file());
            first.window->resize(first.window->width(), first.window->height() - 60);
            size = first.window->size();
            first.table()->hideColumn(1);
            first.table()->setColumnWidth(3, 150);
            first.table()->sortByColumn(2, Qt::DescendingOrder);
        }
        {
            // The same header under the version of a column layout this build does not have.
            QSettings settings(file(), QSettings::IniFormat);
            QDataStream in(settings.value(HeaderKey).toByteArray());
            quint32 magic = 0, version = 0;
            QByteArray headerState;
            in >> magic >> version >> headerState;
            QCOMPARE(in.status(), QDataStream::Ok);
            QCOMPARE(version, TokenTableView::HeaderStateVersion);
            QByteArray state;
            QDataStream out(&state, QIODevice::WriteOnly);
            out << magic << version + 1 << headerState;
            settings.setValue(HeaderKey, state);
        }

        Launch second(file());
        QCOMPARE(second.table()->visibleColumns(), QList<int>({0, 1, 2, 4}));
        QCOMPARE(second.table()->columnWidth(3), second.header()->sectionSizeHint(3)); // its title's width
        QCOMPARE(second.header()->sortIndicatorSection(), -1);
        QCOMPARE(second.window->size(), size); // the rest of the state still applies
    }
};

QTEST_MAIN(TestWindowState)
#include "tst_windowstate.moc"
