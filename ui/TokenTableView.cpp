#include "TokenTableView.h"

#include "model/BuildTokenTableModel.h"
#include "PlainTextDelegate.h"
#include "model/TokenColumns.h"

#include <QAction>
#include <QDataStream>
#include <QHeaderView>
#include <QMenu>
#include <QItemSelectionModel>
#include <QIODevice>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOption>
#include <QToolTip>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

// Marks a state written by saveHeaderState(). A state without it is a bare QHeaderView
// state (those begin with Qt's marker 0x000000ff), saved before the version existed.
constexpr quint32 HeaderStateMagic = 0x42544248; // "BTBH"

// Columns have only ever been appended (Name, UUID, Cloudflare token ID, Owner type), and Qt
// restores an older state over more columns by giving the new ones their defaults. Bump
// TokenTableView::HeaderStateVersion when a column is removed or the order changes, so that
// a state saved for the old columns is dropped instead of hiding or moving the wrong ones.
// Version 2: Name stretches and the ids are measured (version 1 stretched the last column).
constexpr quint32 BareStateVersion = 1;

// The column headers, each title measured once and in the font it is drawn in. Qt measures
// every shown title again each time the view lays out its header (when a column is hidden, the
// view shown, the window laid out: 34 measurements of the same 9 titles before the first
// page), and in bold, for a highlighted section, which this header never draws (sections are
// not highlighted): loading the bold face alone took 3M instructions of the first paint. A
// measurement depends on the title, the font, the style and whether a sort indicator has
// room: it is kept until one of them changes.
class TokenHeaderView : public QHeaderView
{
public:
    explicit TokenHeaderView(QWidget *parent) : QHeaderView(Qt::Horizontal, parent)
    {
        setSectionsClickable(true); // as QTableView's own header
        setHighlightSections(false); // never bold, as measured
    }

    void setModel(QAbstractItemModel *model) override
    {
        if (this->model())
            disconnect(this->model(), nullptr, this, nullptr);
        m_sizes.clear();
        QHeaderView::setModel(model);
        if (!model)
            return;
        const auto forget = [this] { m_sizes.clear(); };
        connect(model, &QAbstractItemModel::headerDataChanged, this, forget);
        connect(model, &QAbstractItemModel::columnsInserted, this, forget);
        connect(model, &QAbstractItemModel::columnsRemoved, this, forget);
        connect(model, &QAbstractItemModel::columnsMoved, this, forget);
        connect(model, &QAbstractItemModel::modelReset, this, forget);
        connect(model, &QAbstractItemModel::layoutChanged, this, forget);
    }

protected:
    QSize sectionSizeFromContents(int logicalIndex) const override
    {
        if (m_sortIndicatorShown != isSortIndicatorShown()) {
            m_sizes.clear();
            m_sortIndicatorShown = isSortIndicatorShown();
        }
        if (logicalIndex < 0)
            return QHeaderView::sectionSizeFromContents(logicalIndex);
        if (m_sizes.size() <= logicalIndex)
            m_sizes.resize(logicalIndex + 1);
        QSize &size = m_sizes[logicalIndex];
        if (!size.isValid())
            size = measure(logicalIndex);
        return size;
    }

    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
            m_sizes.clear();
        QHeaderView::changeEvent(event);
    }

private:
    // QHeaderView::sectionSizeFromContents() (Qt 6.4) without its bold.
    QSize measure(int logicalIndex) const
    {
        ensurePolished();
        const QAbstractItemModel *model = this->model();
        if (const QVariant hint = model->headerData(logicalIndex, orientation(), Qt::SizeHintRole); hint.isValid())
            return hint.toSize();
        QStyleOptionHeader option;
        initStyleOption(&option);
        option.section = logicalIndex;
        const QVariant font = model->headerData(logicalIndex, orientation(), Qt::FontRole);
        option.fontMetrics = QFontMetrics(font.canConvert<QFont>() ? font.value<QFont>() : this->font());
        option.text = model->headerData(logicalIndex, orientation(), Qt::DisplayRole).toString();
        const QVariant decoration = model->headerData(logicalIndex, orientation(), Qt::DecorationRole);
        option.icon = decoration.value<QIcon>();
        if (option.icon.isNull())
            option.icon = decoration.value<QPixmap>();
        QSize size = style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), this);
        if (isSortIndicatorShown())
            size.rwidth() += size.height() + style()->pixelMetric(QStyle::PM_HeaderMargin, &option, this);
        return size;
    }

    mutable QList<QSize> m_sizes; // by logical index; an invalid size is not measured yet
    mutable bool m_sortIndicatorShown = false;
};

} // namespace

TokenTableView::TokenTableView(QWidget *parent)
    : QTableView(parent)
{
    setHorizontalHeader(new TokenHeaderView(this));
    setObjectName(u"tokenTable"_s);
    setAccessibleName(tr("Build tokens"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setItemDelegate(new PlainTextDelegate(this));
    setTabKeyNavigation(false); // arrows move among the cells; Tab leaves the table
    setContextMenuPolicy(Qt::CustomContextMenu);
    m_columnsMenu = new QMenu(tr("&Columns"), this);
    m_columnsMenu->setObjectName(u"columnsMenu"_s);
    connect(m_columnsMenu, &QMenu::aboutToShow, this, &TokenTableView::fillColumnsMenu);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(horizontalHeader(), &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        m_columnsMenu->popup(horizontalHeader()->mapToGlobal(position));
    });
    verticalHeader()->hide();
    // Compact rows, as in a spreadsheet: one line of text each.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *header = horizontalHeader();
    header->setStretchLastSection(false); // the registry's stretching column takes the spare width
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionsMovable(true);
    // Unsorted (the API's order) until a header is clicked; a third click returns to it.
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    setSortingEnabled(true);
}

void TokenTableView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    applyColumnWidths();
    for (int column = 0; column < TokenColumns::count(); ++column)
        setColumnHidden(column, !TokenColumns::at(column).visibleByDefault);
}

// Measured, not fixed pixels: the ids fit at any font size and scale, and the stretching
// column (Name) gets what is left, so the default window needs no horizontal scroll bar.
// Interactive columns stay resizable; a narrow window scrolls to reach them all.
void TokenTableView::applyColumnWidths()
{
    QHeaderView *header = horizontalHeader();
    // The delegate's text margins, and one more for the grid line.
    const int padding = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1) + 1;
    for (int column = 0; column < TokenColumns::count() && column < header->count(); ++column) {
        const ColumnSpec &spec = TokenColumns::at(column);
        const int content = spec.widthSample.isEmpty() ? 0 : fontMetrics().horizontalAdvance(spec.widthSample) + padding;
        setColumnWidth(column, std::max(content, header->sectionSizeHint(column)));
        header->setSectionResizeMode(column, spec.stretch ? QHeaderView::Stretch : QHeaderView::Interactive);
    }
}

void TokenTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    const QModelIndex current = currentIndex();
    if (!hasFocus() || !current.isValid())
        return;
    const QRect row = currentRowRect();
    if (row.isEmpty())
        return;
    QPainter painter(viewport());
    painter.setPen(QPen(palette().color(QPalette::Text), 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(row.adjusted(1, 1, -1, -1));
}

QRect TokenTableView::currentRowRect() const
{
    const int row = currentIndex().row();
    if (row < 0)
        return {};
    // From the left edge of the first column shown to the right edge of the last.
    const QList<int> columns = visibleColumns();
    if (columns.isEmpty())
        return {};
    const int left = columnViewportPosition(columns.first());
    const int right = columnViewportPosition(columns.last()) + columnWidth(columns.last());
    return QRect(left, rowViewportPosition(row), right - left, rowHeight(row));
}

void TokenTableView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_F10 && event->modifiers() == Qt::ShiftModifier) {
        const QRect row = visualRect(currentIndex());
        emit customContextMenuRequested(row.isValid() ? row.center() : viewport()->rect().center());
        return;
    }
    QTableView::keyPressEvent(event);
}

void TokenTableView::focusInEvent(QFocusEvent *event)
{
    QTableView::focusInEvent(event);
    viewport()->update(currentRowRect());
}

void TokenTableView::focusOutEvent(QFocusEvent *event)
{
    QTableView::focusOutEvent(event);
    viewport()->update(currentRowRect());
}

void TokenTableView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QTableView::currentChanged(current, previous);
    // The frame spans the row: both rows are drawn again, not only the two cells.
    if (previous.isValid())
        viewport()->update(QRect(0, rowViewportPosition(previous.row()), viewport()->width(), rowHeight(previous.row())));
    if (current.isValid())
        viewport()->update(QRect(0, rowViewportPosition(current.row()), viewport()->width(), rowHeight(current.row())));
}

bool TokenTableView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const QModelIndex index = indexAt(static_cast<QHelpEvent *>(event)->pos());
        if (index.isValid()) {
            // The delegate's text margins on both sides, as in applyColumnWidths().
            const int margins = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1);
            const int needed = fontMetrics().horizontalAdvance(index.data(Qt::DisplayRole).toString()) + margins;
            if (needed <= visualRect(index).width() && !index.data(BuildTokenTableModel::ToolTipTellsMoreRole).toBool()) {
                QToolTip::hideText();
                event->accept();
                return true;
            }
        }
    }
    return QTableView::viewportEvent(event);
}

void TokenTableView::fillColumnsMenu()
{
    m_columnsMenu->clear();
    if (!model())
        return;
    const QList<int> shown = visibleColumns();
    for (int column = 0; column < model()->columnCount(); ++column) {
        QAction *action = m_columnsMenu->addAction(model()->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!isColumnHidden(column));
        action->setEnabled(!(shown.size() == 1 && shown.first() == column));
        connect(action, &QAction::toggled, this, [this, column](bool on) { setColumnHidden(column, !on); });
    }
}

QList<int> TokenTableView::visibleColumns() const
{
    const QHeaderView *header = horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    return columns;
}

QList<int> TokenTableView::selectedRows() const
{
    QList<int> rows;
    rows.reserve(selectedRowCount(selectionModel()));
    for (const auto &[first, last] : selectedRowRanges(selectionModel())) {
        for (int row = first; row <= last; ++row)
            rows << row;
    }
    return rows;
}

QList<std::pair<int, int>> TokenTableView::selectedRowRanges(const QItemSelectionModel *selection)
{
    QList<std::pair<int, int>> ranges;
    for (const QItemSelectionRange &range : selection->selection())
        ranges.append({range.top(), range.bottom()});
    // Ranges of a selection may overlap (a Shift+click over rows already selected) and come in
    // the order they were made: sorted and merged, they count each row once, in view order.
    std::sort(ranges.begin(), ranges.end());
    QList<std::pair<int, int>> merged;
    for (const auto &range : ranges) {
        if (!merged.isEmpty() && range.first <= merged.last().second + 1)
            merged.last().second = qMax(merged.last().second, range.second);
        else
            merged.append(range);
    }
    return merged;
}

int TokenTableView::selectedRowCount(const QItemSelectionModel *selection)
{
    int count = 0;
    for (const auto &[first, last] : selectedRowRanges(selection))
        count += last - first + 1;
    return count;
}

void TokenTableView::addTableAction(QAction *action)
{
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
}

QByteArray TokenTableView::saveHeaderState() const
{
    QByteArray state;
    QDataStream stream(&state, QIODevice::WriteOnly);
    stream << HeaderStateMagic << HeaderStateVersion << horizontalHeader()->saveState();
    return state;
}

bool TokenTableView::restoreHeaderState(const QByteArray &state)
{
    QDataStream stream(state);
    quint32 magic = 0;
    quint32 version = BareStateVersion;
    QByteArray headerState = state;
    stream >> magic;
    if (magic == HeaderStateMagic)
        stream >> version >> headerState;
    if (stream.status() != QDataStream::Ok || version != HeaderStateVersion)
        return false;
    return horizontalHeader()->restoreState(headerState);
}
