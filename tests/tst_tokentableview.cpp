// The token table's own behaviour: default widths, visible columns in view order, selected
// rows in view order, actions bound to the table, and a header state that carries its version.

#include "TokenTableView.h"
#include "model/BuildTokenTableModel.h"
#include "model/TokenColumns.h"

#include <QAction>
#include <QDataStream>
#include <QHeaderView>
#include <QIODevice>
#include <QStandardItemModel>
#include <QMenu>
#include <QTest>
#include <QImage>
#include <QItemSelection>
#include <QToolTip>
#include <QHelpEvent>

using namespace Qt::Literals::StringLiterals;

namespace {

// Four columns and ten rows, as the token table has on a short page.
QStandardItemModel *makeModel(QObject *parent)
{
    auto *model = new QStandardItemModel(10, TokenColumns::count(), parent);
    QStringList titles;
    for (const ColumnSpec &column : TokenColumns::all())
        titles << column.displayTitle();
    model->setHorizontalHeaderLabels(titles);
    for (int row = 0; row < model->rowCount(); ++row)
        for (int column = 0; column < model->columnCount(); ++column)
            model->setItem(row, column, new QStandardItem(u"r%1c%2"_s.arg(row).arg(column)));
    return model;
}

QByteArray withVersion(quint32 version, const QByteArray &versionedState)
{
    QDataStream in(versionedState);
    quint32 magic = 0, ignored = 0;
    QByteArray headerState;
    in >> magic >> ignored >> headerState;
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << magic << version << headerState;
    return state;
}

} // namespace

class TestTokenTableView : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        TokenTableView view;
        view.setModel(makeModel(&view));
        QCOMPARE(view.objectName(), u"tokenTable"_s);
        QVERIFY(!view.accessibleName().isEmpty());
        // The ids fit, measured in the view's font; the titles fit; Name takes the spare width.
        const QFontMetrics metrics = view.fontMetrics();
        QVERIFY(view.columnWidth(1) > metrics.horizontalAdvance(u"00000000-0000-0000-0000-000000000000"_s));
        QVERIFY(view.columnWidth(2) > metrics.horizontalAdvance(QString(32, u'0')));
        for (int column = 0; column < TokenColumns::count(); ++column)
            QVERIFY(view.columnWidth(column) >= view.horizontalHeader()->sectionSizeHint(column));
        QCOMPARE(view.horizontalHeader()->sectionResizeMode(TokenColumns::Name), QHeaderView::Stretch);
        QCOMPARE(view.horizontalHeader()->sectionResizeMode(TokenColumns::OwnerType), QHeaderView::Interactive);
        QVERIFY(!view.horizontalHeader()->stretchLastSection());
        QCOMPARE(view.selectionBehavior(), QAbstractItemView::SelectRows);
        QCOMPARE(view.contextMenuPolicy(), Qt::CustomContextMenu);
        QVERIFY(view.isSortingEnabled());
        QCOMPARE(view.horizontalHeader()->sortIndicatorSection(), -1); // the API's order
        QCOMPARE(view.visibleColumns(), QList<int>({0, 1, 2, 4}));
    }

    // A tooltip only where it tells more than the cell: the cut-off name, not the short one.
    // The header keeps each title's measured size: a new title, a larger font or the sort
    // indicator's room is measured anew.
    void aHeaderTitleIsMeasuredAgainWhenItChanges()
    {
        TokenTableView view;
        QStandardItemModel *model = makeModel(&view);
        view.setModel(model);
        QHeaderView *header = view.horizontalHeader();
        const int name = header->sectionSizeHint(0);
        QVERIFY(name > 0);
        model->setHeaderData(0, Qt::Horizontal, u"A much, much longer title than Name"_s);
        QVERIFY(header->sectionSizeHint(0) > name);
        model->setHeaderData(0, Qt::Horizontal, u"Name"_s);
        QCOMPARE(header->sectionSizeHint(0), name);
        QFont larger = view.font();
        larger.setPointSizeF(larger.pointSizeF() * 2);
        header->setFont(larger);
        QVERIFY(header->sectionSizeHint(0) > name);
        header->setFont(view.font());
        QCOMPARE(header->sectionSizeHint(0), name);
        header->setSortIndicatorShown(false);
        QVERIFY(header->sectionSizeHint(0) < name);
        QVERIFY(header->sectionsClickable()); // headers sort on a click, as Qt's own
    }

    void aTooltipOnlyWhereTheCellIsCutOff()
    {
        TokenTableView view;
        auto *model = makeModel(&view);
        model->item(0, 0)->setText(u"a build token name far too long for the column it is shown in"_s);
        model->item(0, 0)->setToolTip(model->item(0, 0)->text());
        model->item(1, 0)->setToolTip(model->item(1, 0)->text());
        view.setModel(model);
        view.horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
        view.setColumnWidth(0, 80);
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto tipAt = [&view](int row) {
            const QPoint at = view.visualRect(view.model()->index(row, 0)).center();
            QHelpEvent help(QEvent::ToolTip, at, view.viewport()->mapToGlobal(at));
            QCoreApplication::sendEvent(view.viewport(), &help);
            return QToolTip::isVisible() ? QToolTip::text() : QString();
        };
        QCOMPARE(tipAt(1), QString()); // "r1c0" fits
        QCOMPARE(tipAt(0), model->item(0, 0)->text());
        // A tooltip that tells more than its cell (why a health is what it is) shows though
        // the cell fits.
        model->item(2, 0)->setToolTip(u"Missing: deleted, or another member's"_s);
        model->item(2, 0)->setData(true, BuildTokenTableModel::ToolTipTellsMoreRole);
        QCOMPARE(tipAt(2), u"Missing: deleted, or another member's"_s);
    }

    // Among several selected rows, the current one (where the arrows move from) is framed.
    void theCurrentRowIsFramedAmongSelectedOnes()
    {
        TokenTableView view;
        view.setModel(makeModel(&view));
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFocus();
        view.selectionModel()->select(QItemSelection(view.model()->index(2, 0), view.model()->index(5, 3)),
                                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view.selectionModel()->setCurrentIndex(view.model()->index(3, 1), QItemSelectionModel::NoUpdate);
        QTRY_VERIFY(view.hasFocus());
        const QImage image = view.viewport()->grab().toImage();
        const int x = view.columnViewportPosition(2) + 10; // in a cell that is not the current one
        const QColor text = view.palette().color(QPalette::Text);
        const auto edge = [&](int row) { return image.pixelColor(x, view.rowViewportPosition(row) + 1); };
        QCOMPARE(edge(3), text);
        QVERIFY(edge(4) != text);
        QVERIFY(edge(2) != text);
    }

    // The column chooser shows and hides columns, and never hides the last one shown.
    void theColumnsMenuShowsAndHides()
    {
        TokenTableView view;
        view.setModel(makeModel(&view));
        QMenu *menu = view.columnsMenu();
        emit menu->aboutToShow();
        QCOMPARE(menu->actions().size(), TokenColumns::count());
        QAction *owner = menu->actions().at(TokenColumns::OwnerType);
        QCOMPARE(owner->text(), u"Owner type"_s);
        QVERIFY(!owner->isChecked());
        owner->trigger();
        QVERIFY(!view.isColumnHidden(TokenColumns::OwnerType));
        for (int column : view.visibleColumns()) {
            if (column != TokenColumns::Name)
                view.hideColumn(column);
        }
        emit menu->aboutToShow();
        QVERIFY(!menu->actions().at(TokenColumns::Name)->isEnabled());
        QVERIFY(menu->actions().at(TokenColumns::Uuid)->isEnabled());
    }

    void visibleColumnsFollowTheView()
    {
        TokenTableView view;
        view.setModel(makeModel(&view));
        view.horizontalHeader()->moveSection(2, 0); // Cloudflare token ID first
        view.hideColumn(4);
        QCOMPARE(view.visibleColumns(), QList<int>({2, 0, 1}));
    }

    void selectedRowsInViewOrder()
    {
        TokenTableView view;
        view.setModel(makeModel(&view));
        view.selectionModel()->select(view.model()->index(7, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view.selectionModel()->select(view.model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view.selectionModel()->select(view.model()->index(5, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(view.selectedRows(), QList<int>({2, 5, 7}));
    }

    void overlappingSelectionsCountEachRowOnce()
    {
        TokenTableView view;
        view.setModel(makeModel(&view));
        QItemSelectionModel *selection = view.selectionModel();
        const auto rows = [&view](int top, int bottom) {
            return QItemSelection(view.model()->index(top, 0), view.model()->index(bottom, view.model()->columnCount() - 1));
        };
        // Made as Shift+click and Ctrl+click make them: the later ranges overlap and touch the earlier.
        selection->select(rows(6, 8), QItemSelectionModel::Select);
        selection->select(rows(1, 3), QItemSelectionModel::Select);
        selection->select(rows(2, 4), QItemSelectionModel::Select);
        selection->select(rows(5, 5), QItemSelectionModel::Select);
        using Ranges = QList<std::pair<int, int>>;
        QCOMPARE(TokenTableView::selectedRowRanges(selection), Ranges({{1, 8}}));
        QCOMPARE(TokenTableView::selectedRowCount(selection), 8);
        QCOMPARE(view.selectedRows(), QList<int>({1, 2, 3, 4, 5, 6, 7, 8}));
        QCOMPARE(TokenTableView::selectedRowCount(selection), int(selection->selectedRows().size()));
        selection->select(rows(3, 6), QItemSelectionModel::Deselect);
        QCOMPARE(TokenTableView::selectedRowRanges(selection), Ranges({{1, 2}, {7, 8}}));
        QCOMPARE(TokenTableView::selectedRowCount(selection), int(selection->selectedRows().size()));
        view.selectAll();
        QCOMPARE(TokenTableView::selectedRowCount(selection), 10);
        selection->clear();
        QCOMPARE(TokenTableView::selectedRowCount(selection), 0);
    }

    void tableActionsWorkOnlyInTheTable()
    {
        TokenTableView view;
        QAction copy(u"Copy"_s);
        view.addTableAction(&copy);
        QCOMPARE(copy.shortcutContext(), Qt::WidgetWithChildrenShortcut);
        QVERIFY(view.actions().contains(&copy));
    }

    void headerStateRoundTrip()
    {
        TokenTableView first;
        first.setModel(makeModel(&first));
        first.showColumn(3); // Owner type, hidden at first
        first.horizontalHeader()->moveSection(3, 0);
        first.hideColumn(1);
        first.setColumnWidth(2, 123); // Name stretches: its width is what the others leave
        first.sortByColumn(2, Qt::DescendingOrder);
        const QByteArray state = first.saveHeaderState();

        TokenTableView second;
        second.setModel(makeModel(&second));
        QVERIFY(second.restoreHeaderState(state));
        QCOMPARE(second.visibleColumns(), QList<int>({3, 0, 2, 4}));
        QCOMPARE(second.columnWidth(2), 123);
        QCOMPARE(second.horizontalHeader()->sortIndicatorSection(), 2);
        QCOMPARE(second.horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    }

    void aStateOfAnotherVersionIsIgnored()
    {
        TokenTableView first;
        first.setModel(makeModel(&first));
        first.hideColumn(0);
        const QByteArray state = first.saveHeaderState();

        for (quint32 version : {TokenTableView::HeaderStateVersion + 1, TokenTableView::HeaderStateVersion - 1}) {
            TokenTableView second;
            second.setModel(makeModel(&second));
            QVERIFY(!second.restoreHeaderState(withVersion(version, state)));
            QCOMPARE(second.visibleColumns(), QList<int>({0, 1, 2, 4}));
        }
    }

    void noStateOrGarbageIsIgnored()
    {
        TokenTableView view;
        view.setModel(makeModel(&view));
        QVERIFY(!view.restoreHeaderState(QByteArray()));
        QVERIFY(!view.restoreHeaderState("not a header state"));
        QVERIFY(!view.restoreHeaderState(view.saveHeaderState().left(8))); // magic and version, no state
        QCOMPARE(view.visibleColumns(), QList<int>({0, 1, 2, 4}));
        TokenTableView fresh;
        fresh.setModel(makeModel(&fresh));
        QCOMPARE(view.columnWidth(TokenColumns::Uuid), fresh.columnWidth(TokenColumns::Uuid));
    }

    // Settings saved before the version existed hold QHeaderView's own state, made for the
    // first layout (version 1, the last column stretching): dropped like any old version.
    void aStateFromBeforeTheVersionIsDropped()
    {
        TokenTableView first;
        first.setModel(makeModel(&first));
        first.hideColumn(2);
        const QByteArray bare = first.horizontalHeader()->saveState();

        TokenTableView second;
        second.setModel(makeModel(&second));
        QVERIFY(!second.restoreHeaderState(bare));
        QCOMPARE(second.visibleColumns(), QList<int>({0, 1, 2, 4}));
    }
};

QTEST_MAIN(TestTokenTableView)
#include "tst_tokentableview.moc"
