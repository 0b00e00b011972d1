#include "BuildTokenFilterModel.h"

#include "BuildTokenTableModel.h"
#include "TokenColumns.h"

#include <algorithm>
#include <numeric>

BuildTokenFilterModel::BuildTokenFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

bool BuildTokenFilterModel::matches(const BuildToken &token, const QString &text)
{
    if (text.isEmpty())
        return true;
    for (const ColumnSpec &column : TokenColumns::all()) {
        if (!column.filterable)
            continue;
        if (column.contains ? column.contains(token, text) : column.cell(token).contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

void BuildTokenFilterModel::setTokenModel(BuildTokenTableModel *model)
{
    if (m_tokens)
        disconnect(m_tokens, nullptr, this, nullptr);
    forgetKeys();
    m_tokens = model;
    // Connected before setSourceModel, so that the keys of new rows exist when the proxy's own
    // handlers sort them in.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) { insertKeys(first, last); });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int first, int last) { removeKeys(first, last); });
    // Only a change in the key's column makes new keys: the health of 100,000 rows arriving
    // made 100,000 collation keys of names anew, a 100 ms stall.
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
        if (m_keys.column >= topLeft.column() && m_keys.column <= bottomRight.column())
            updateKeys(topLeft.row(), bottomRight.row());
    });
    // The rows go, the column stays: the keys of the rows that come next are made as they come,
    // so a bulk load sorted at its end finds them all made (100,000 at once were a 100 ms stall).
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_keys = {};
        m_keys.column = sortColumn();
        m_keys.ordered = true; // no rows, in order
    });
    setSourceModel(model);
}

void BuildTokenFilterModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

const BuildToken &BuildTokenFilterModel::token(int row) const
{
    return m_tokens->token(mapToSource(index(row, 0)).row());
}

bool BuildTokenFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_tokens)
        return false;
    return matches(m_tokens->token(sourceRow), m_text);
}

bool BuildTokenFilterModel::lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const
{
    if (m_keys.column != sourceLeft.column() || m_keys.size() != m_tokens->rowCount())
        makeKeys(sourceLeft.column());
    if (!m_keys.ordered)
        return keyLess(sourceLeft.row(), sourceRight.row());
    if (m_keys.rank.size() != m_keys.order.size()) { // the proxy compares even while it does not sort: once per batch
        m_keys.rank.resize(m_keys.order.size());
        for (size_t i = 0; i < m_keys.order.size(); ++i)
            m_keys.rank[size_t(m_keys.order[i])] = m_keys.tied[i] ? m_keys.rank[size_t(m_keys.order[i - 1])] : int(i);
    }
    return m_keys.rank[size_t(sourceLeft.row())] < m_keys.rank[size_t(sourceRight.row())];
}

bool BuildTokenFilterModel::keyLess(int leftRow, int rightRow) const
{
    const size_t left = size_t(leftRow);
    const size_t right = size_t(rightRow);
    if (!m_keys.text.empty())
        return m_keys.text[left].compare(m_keys.text[right]) < 0;
    return QVariant::compare(m_keys.values[left], m_keys.values[right]) == QPartialOrdering::Less;
}

void BuildTokenFilterModel::makeKeys(int column) const
{
    m_keys = {};
    m_keys.column = column;
    // Not ordered: the sort that asks compares the keys themselves, once.
    const_cast<BuildTokenFilterModel *>(this)->insertKeys(0, m_tokens->rowCount() - 1);
}

void BuildTokenFilterModel::mergeIntoOrder(int first, int last)
{
    const auto less = [this](int left, int right) { return keyLess(left, right); };
    std::vector<int> added(size_t(last - first + 1));
    std::iota(added.begin(), added.end(), first);
    std::stable_sort(added.begin(), added.end(), less);
    // Each new row after the rows of an equal key already there, as a stable sort puts it: so
    // the row after it has a greater key and stays untied.
    std::vector<int> merged;
    std::vector<char> tied;
    merged.reserve(m_keys.order.size() + added.size());
    tied.reserve(merged.capacity());
    auto from = m_keys.order.cbegin();
    for (const int row : added) {
        const auto to = std::upper_bound(from, m_keys.order.cend(), row, less);
        const auto start = m_keys.tied.cbegin() + (from - m_keys.order.cbegin());
        tied.insert(tied.end(), start, start + (to - from));
        merged.insert(merged.end(), from, to);
        tied.push_back(!merged.empty() && !keyLess(merged.back(), row));
        merged.push_back(row);
        from = to;
    }
    tied.insert(tied.end(), m_keys.tied.cbegin() + (from - m_keys.order.cbegin()), m_keys.tied.cend());
    merged.insert(merged.end(), from, m_keys.order.cend());
    m_keys.order = std::move(merged);
    m_keys.tied = std::move(tied);
    m_keys.rank.clear();
}

void BuildTokenFilterModel::insertKeys(int first, int last)
{
    if (m_keys.column != sortColumn())
        forgetKeys(); // not sorted by it any more: the next comparison makes the keys it needs
    if (m_keys.column < 0 || last < first)
        return;
    const bool appended = first == m_keys.size();
    const ColumnSpec &column = TokenColumns::at(m_keys.column);
    if (column.sortKey) {
        std::vector<QVariant> keys;
        for (int row = first; row <= last; ++row)
            keys.push_back(column.sortKey(m_tokens->token(row)));
        m_keys.values.insert(m_keys.values.begin() + first, keys.begin(), keys.end());
    } else {
        std::vector<QCollatorSortKey> keys;
        keys.reserve(size_t(last - first + 1));
        for (int row = first; row <= last; ++row)
            keys.push_back(m_collator.sortKey(column.cell(m_tokens->token(row))));
        m_keys.text.insert(m_keys.text.begin() + first, keys.begin(), keys.end());
    }
    if (m_keys.ordered && appended)
        mergeIntoOrder(first, last);
    else
        dropOrder();
}

void BuildTokenFilterModel::removeKeys(int first, int last)
{
    if (m_keys.column < 0)
        return;
    dropOrder();
    if (!m_keys.text.empty())
        m_keys.text.erase(m_keys.text.begin() + first, m_keys.text.begin() + last + 1);
    if (!m_keys.values.empty())
        m_keys.values.erase(m_keys.values.begin() + first, m_keys.values.begin() + last + 1);
}

void BuildTokenFilterModel::updateKeys(int first, int last)
{
    removeKeys(first, last);
    insertKeys(first, last);
}
