#pragma once

#include <QTableView>

class QMenu;

#include <utility>

// The token table as a spreadsheet shows it: whole rows selected, one line of text a row,
// movable columns, sorting that a third click on a header clears (the API's order), and a
// header state that knows which column layout it was saved with.
class TokenTableView : public QTableView
{
    Q_OBJECT

public:
    // The layout of the columns a saved header state belongs to; see saveHeaderState().
    static constexpr quint32 HeaderStateVersion = 2;

    explicit TokenTableView(QWidget *parent = nullptr);

    // Also gives the columns their default widths (see applyColumnWidths()).
    void setModel(QAbstractItemModel *model) override;

    // Logical columns in the order they are shown, hidden ones left out.
    QList<int> visibleColumns() const;
    // The selected rows (of the model set here), top to bottom as shown.
    QList<int> selectedRows() const;
    // The rows of a whole-row `selection` as sorted, disjoint [first, last] ranges, and how
    // many they hold: work in the number of ranges, where QItemSelectionModel::selectedRows()
    // walks every selected index (100 ms a click with 100,000 rows selected).
    static QList<std::pair<int, int>> selectedRowRanges(const QItemSelectionModel *selection);
    static int selectedRowCount(const QItemSelectionModel *selection);

    // `action`'s shortcut works only while the table or a child has focus, so that the same
    // keys (Ctrl+C, Ctrl+A) still act on a text field elsewhere in the window.
    void addTableAction(QAction *action);

    // A menu of every column, checked where it is shown: the header's context menu and
    // View → Columns (so the keyboard reaches it too). The last column shown cannot be hidden.
    QMenu *columnsMenu() const { return m_columnsMenu; }

    QByteArray saveHeaderState() const;
    // False, and the header left as it is, for a state of another version or no state.
    bool restoreHeaderState(const QByteArray &state);

protected:
    // A cell's tooltip only where the cell is cut off: elsewhere it would only repeat it.
    bool viewportEvent(QEvent *event) override;
    // The current row framed while the table has the focus: among several selected rows the
    // style's focus mark (one cell, dotted) is lost, and the keyboard user loses their place.
    void paintEvent(QPaintEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void focusInEvent(QFocusEvent *event) override;
    // Shift+F10 opens the current row's context menu, as the Menu key does.
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void applyColumnWidths();
    void fillColumnsMenu();
    QRect currentRowRect() const; // in viewport coordinates

    QMenu *m_columnsMenu;
};
