// The filter row: "N of M shown" follows the filter and every change of the rows, Esc
// clears the text before it may reach the window's Cancel, and Find selects what is there.

#include "ChildOf.h"
#include "FilterBar.h"
#include "model/BuildTokenFilterModel.h"
#include "model/BuildTokenTableModel.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

BuildToken token(const QString &name, int number)
{
    return BuildToken{name, u"uuid-%1"_s.arg(number), u"cf-%1"_s.arg(number), u"user"_s, {}};
}

} // namespace

class TestFilterBar : public QObject
{
    Q_OBJECT

private:
    BuildTokenTableModel *m_model = nullptr;
    BuildTokenFilterModel *m_proxy = nullptr;
    QWidget *m_window = nullptr;
    FilterBar *m_bar = nullptr;
    QLineEdit *m_edit = nullptr;
    QLabel *m_count = nullptr;

private slots:
    void init()
    {
        m_window = new QWidget;
        m_model = new BuildTokenTableModel(m_window);
        m_proxy = new BuildTokenFilterModel(m_window);
        m_proxy->setTokenModel(m_model);
        m_model->appendTokens({token(u"deploy staging"_s, 1), token(u"deploy production"_s, 2), token(u"preview staging"_s, 3)});
        m_bar = new FilterBar(m_proxy, m_window);
        (new QVBoxLayout(m_window))->addWidget(m_bar);
        m_edit = childOf<QLineEdit>(m_bar, u"filterEdit"_s);
        m_count = childOf<QLabel>(m_bar, u"filterCount"_s);
    }
    void cleanup() { delete m_window; }

    void theFieldIsNamed()
    {
        QVERIFY(!m_edit->accessibleName().isEmpty());
        QVERIFY(!m_edit->placeholderText().isEmpty());
        QVERIFY(m_edit->isClearButtonEnabled());
    }

    void theCountFollowsTheFilterAndTheRows()
    {
        QCOMPARE(m_count->text(), QString()); // no filter, no count

        m_edit->setText(u"STAGING"_s);
        QCOMPARE(m_proxy->rowCount(), 2);
        QCOMPARE(m_count->text(), u"2 of 3 shown"_s);

        // A row the filter hides changes only the total; one it lets through, both.
        m_model->appendTokens({token(u"nightly production"_s, 4)});
        QCOMPARE(m_count->text(), u"2 of 4 shown"_s);
        m_model->appendTokens({token(u"nightly staging"_s, 5)});
        QCOMPARE(m_count->text(), u"3 of 5 shown"_s);
        QCOMPARE(m_edit->accessibleDescription(), u"3 of 5 shown"_s); // what a screen reader reads with the field

        // A filter that hides nothing still says so.
        m_edit->setText(u"  uuid-  "_s);
        QCOMPARE(m_proxy->filterText(), u"uuid-"_s);
        QCOMPARE(m_count->text(), u"5 of 5 shown"_s);

        m_model->clear();
        QCOMPARE(m_count->text(), u"0 of 0 shown"_s);

        m_bar->clear();
        QVERIFY(m_edit->text().isEmpty());
        QVERIFY(m_proxy->filterText().isEmpty());
        QCOMPARE(m_count->text(), QString());
    }

    void escClearsTheFilterBeforeTheWindowCancels()
    {
        QAction cancel(m_window);
        cancel.setShortcut(QKeySequence::Cancel);
        m_window->addAction(&cancel);
        QSignalSpy canceled(&cancel, &QAction::triggered);
        m_window->show();
        QApplication::setActiveWindow(m_window);
        QVERIFY(QTest::qWaitForWindowActive(m_window));

        m_bar->focusFilter();
        QVERIFY(m_edit->hasFocus());
        QTest::keyClicks(m_edit, u"production"_s);
        QCOMPARE(m_proxy->rowCount(), 1);

        QTest::keyClick(m_edit, Qt::Key_Escape);
        QVERIFY(m_edit->text().isEmpty());
        QCOMPARE(m_proxy->rowCount(), 3);
        QCOMPARE(canceled.count(), 0);

        // Nothing left to clear: Esc is the window's again.
        QTest::keyClick(m_edit, Qt::Key_Escape);
        QCOMPARE(canceled.count(), 1);
        QVERIFY(m_edit->hasFocus());
    }

    void findSelectsTheTextToReplace()
    {
        m_window->show();
        QApplication::setActiveWindow(m_window);
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        m_edit->setText(u"staging"_s);
        m_edit->deselect();
        m_bar->focusFilter();
        QVERIFY(m_edit->hasFocus());
        QCOMPARE(m_edit->selectedText(), u"staging"_s);
        QTest::keyClicks(m_edit, u"preview"_s);
        QCOMPARE(m_edit->text(), u"preview"_s);
        QCOMPARE(m_count->text(), u"1 of 3 shown"_s);
    }

    void manyRowsAreFilteredWhenTypingPauses()
    {
        QList<BuildToken> many;
        for (int number = 4; number < FilterBar::DebounceFromRows; ++number)
            many << token(number % 2 ? u"deploy staging"_s : u"deploy production"_s, number);
        m_model->appendTokens(many);
        m_model->appendTokens({token(u"one more"_s, FilterBar::DebounceFromRows)});
        QCOMPARE(m_model->rowCount(), FilterBar::DebounceFromRows);
        QTest::keyClicks(m_edit, u"stag"_s);
        QCOMPARE(m_proxy->filterText(), QString()); // not at every key...
        QTRY_COMPARE(m_proxy->filterText(), u"stag"_s); // ...but once the typing pauses
        QCOMPARE(m_proxy->rowCount(), 2 + (FilterBar::DebounceFromRows - 4) / 2);
        QVERIFY(m_count->text().startsWith(u"%1 of "_s.arg(m_proxy->rowCount())));
        m_edit->clear(); // at once
        QCOMPARE(m_proxy->filterText(), QString());
        QCOMPARE(m_proxy->rowCount(), m_model->rowCount());
    }
};

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
