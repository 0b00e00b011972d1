// The registry of the window's actions: each one complete (text, status tip, object name),
// no two on the same keys, Qt's standard keys where Qt has one for the purpose, and Help ->
// Keyboard Shortcuts listing them all.

#include "Actions.h"
#include "ChildOf.h"
#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialog>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTableWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestActions : public QObject
{
    Q_OBJECT

private slots:
    void everyActionIsComplete()
    {
        Actions actions;
        QCOMPARE(actions.all().size(), qsizetype(Actions::AboutQt) + 1);
        QSet<QString> names;
        QSet<QKeySequence> keys;
        for (QAction *action : actions.all()) {
            QVERIFY(action);
            QVERIFY2(!action->text().isEmpty(), qPrintable(action->objectName()));
            QVERIFY2(!action->statusTip().isEmpty(), qPrintable(action->objectName()));
            QVERIFY2(action->objectName().endsWith(u"Action"_s), qPrintable(action->objectName()));
            QVERIFY2(!names.contains(action->objectName()), qPrintable(action->objectName()));
            names << action->objectName();
            if (!action->shortcut().isEmpty()) {
                QVERIFY2(!keys.contains(action->shortcut()), qPrintable(action->shortcut().toString()));
                keys << action->shortcut();
            }
        }
    }

    void standardKeys_data()
    {
        QTest::addColumn<int>("id");
        QTest::addColumn<QKeySequence>("key");
        QTest::newRow("new profile") << int(Actions::NewProfile) << QKeySequence(QKeySequence::New);
        QTest::newRow("reload") << int(Actions::Reload) << QKeySequence(QKeySequence::Refresh);
        QTest::newRow("cancel") << int(Actions::Cancel) << QKeySequence(QKeySequence::Cancel);
        QTest::newRow("copy") << int(Actions::CopyRows) << QKeySequence(QKeySequence::Copy);
        QTest::newRow("select all") << int(Actions::SelectAll) << QKeySequence(QKeySequence::SelectAll);
        QTest::newRow("find") << int(Actions::Find) << QKeySequence(QKeySequence::Find);
        QTest::newRow("quit") << int(Actions::Quit) << QKeySequence(QKeySequence::Quit);
        QTest::newRow("previous page") << int(Actions::PreviousPage) << QKeySequence(QKeySequence::Back);
        QTest::newRow("next page") << int(Actions::NextPage) << QKeySequence(QKeySequence::Forward);
        QTest::newRow("first page") << int(Actions::FirstPage) << QKeySequence(Qt::ALT | Qt::Key_Home);
        QTest::newRow("last page") << int(Actions::LastPage) << QKeySequence(Qt::ALT | Qt::Key_End);
        QTest::newRow("export") << int(Actions::Export) << QKeySequence(Qt::CTRL | Qt::Key_E);
        QTest::newRow("documentation") << int(Actions::Documentation) << QKeySequence(QKeySequence::HelpContents);
        QTest::newRow("preferences") << int(Actions::Preferences) << QKeySequence(Qt::CTRL | Qt::Key_Comma);
        QTest::newRow("details pane") << int(Actions::DetailsPane) << QKeySequence(Qt::Key_F9);
    }
    void standardKeys()
    {
        QFETCH(int, id);
        QFETCH(QKeySequence, key);
        Actions actions;
        QCOMPARE(actions.action(Actions::Id(id))->shortcut(), key);
    }

    void theMenusHoldEveryActionOnce()
    {
        Actions actions;
        QMenuBar bar;
        QMenu columns(u"Columns"_s);
        actions.fillMenuBar(&bar, &columns);
        QStringList titles;
        QList<QAction *> inMenus;
        for (QAction *menuAction : bar.actions()) {
            titles << menuAction->text();
            for (QAction *action : menuAction->menu()->actions()) {
                if (action->menu() == &columns)
                    QCOMPARE(titles.last(), u"&View"_s); // the column chooser, under View
                else if (!action->isSeparator())
                    inMenus << action;
            }
        }
        QCOMPARE(titles, QStringList({u"&File"_s, u"&Edit"_s, u"&View"_s, u"&Go"_s, u"&Help"_s}));
        QCOMPARE(inMenus.size(), actions.all().size());
        for (QAction *action : actions.all())
            QVERIFY2(inMenus.count(action) == 1, qPrintable(action->objectName()));
    }

    void keyboardShortcutsListsEveryKey()
    {
        Actions actions;
        QWidget parent;
        showKeyboardShortcuts(&actions, &parent);
        auto *dialog = parent.findChild<QDialog *>(u"shortcutsDialog"_s);
        QVERIFY(dialog);
        auto *table = childOf<QTableWidget>(dialog, u"shortcutsTable"_s);
        QStringList listed;
        for (int row = 0; row < table->rowCount(); ++row)
            listed << table->item(row, 0)->text() + u'=' + table->item(row, 1)->text();
        QStringList expected;
        for (const QAction *action : actions.all()) {
            if (!action->shortcut().isEmpty())
                expected << QString(action->text()).remove(u'&') + u'=' + action->shortcut().toString(QKeySequence::NativeText);
        }
        QVERIFY2(expected.size() >= 14, qPrintable(expected.join(u", "_s)));
        // Then the keys no action has: the row's menu, and a button.
        expected << u"The current row's menu=Shift+F10, Menu"_s << u"Press the focused button=Return, Space"_s;
        QCOMPARE(listed, expected);
        QVERIFY(listed.contains(u"Details Pane=F9"_s));
        dialog->close();
    }

    void aToolTipNamesTheKey()
    {
        Actions actions;
        const QAction *next = actions.action(Actions::NextPage);
        QVERIFY(next->toolTip().startsWith(next->statusTip()));
        QVERIFY(next->toolTip().contains(next->shortcut().toString(QKeySequence::NativeText)));
    }
};

QTEST_MAIN(TestActions)
#include "tst_actions.moc"
