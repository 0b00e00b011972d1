#include "BuildTokenFilterModel.h"

#include "BuildTokenTableModel.h"
#include "TokenColumns.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace {

// < 0, 0 or > 0 as `left` sorts before, with or after `right`.
int compareValues(const QVariant &left, const QVariant &right)
{
    const QPartialOrdering order = QVariant::compare(left, right);
    return order == QPartialOrdering::Less ? -1 : order == QPartialOrdering::Greater ? 1 : 0;
}

} // namespace

BuildTokenFilterModel::BuildTokenFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent), m_collator(textCollator(true)), m_idCollator(textCollator(false))
{
}

QCollator BuildTokenFilterModel::textCollator(bool natural)
{
    // In the C locale (a container, CI) Qt's collator compares UTF-16 code units, and its sort
    // keys are the text itself, case and all: Unicode's default collation instead (English's
    // is CLDR's root), so that a collation key orders text as QCollator::compare does, everywhere.
    QCollator collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale());
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    // Numbers by their value, as a file manager sorts: "worker-99" before "worker-989". Not
    // in an id, whose digits are not a number.
    collator.setNumericMode(natural);
    return collator;
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
    forgetOrder();
    m_tokens = model;
    // Connected before setSourceModel, so that new and changed rows are in the order when the
    // proxy's own handlers sort them in.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) { rowsCame(first, last); });
    // The table model loses rows only all at once (a reset); were it to lose some, the next
    // sort would make the order anew.
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] { forgetOrder(); });
    // Only a change in the sorted column moves a row: the health of 100,000 rows arriving
    // leaves the order by name as it is.
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
        if (m_order.column >= topLeft.column() && m_order.column <= bottomRight.column())
            rowsChanged(topLeft.row(), bottomRight.row());
    });
    // The rows go, the column stays: the rows that come next are merged into the order as they
    // come, so a bulk load sorted at its end finds them in order (sorting 100,000 rows by
    // comparing their keys at its end was a stall of some 100 ms).
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_order = {};
        m_order.column = sortColumn(); // no rows, in order
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
    if (m_order.column != sourceLeft.column() || m_order.rows.size() != size_t(m_tokens->rowCount()))
        makeOrder(sourceLeft.column());
    if (m_order.rank.size() != m_order.rows.size()) // the proxy compares even while it does not sort: once per batch
        makeRanks();
    return m_order.rank[size_t(sourceLeft.row())] < m_order.rank[size_t(sourceRight.row())];
}

const QCollator &BuildTokenFilterModel::collatorFor(const ColumnSpec &spec) const
{
    return spec.monospace ? m_idCollator : m_collator; // the ids are the monospace columns
}

void BuildTokenFilterModel::makeOrder(int column) const
{
    m_order = {};
    m_order.column = column;
    // The keys of every row for this one sort, and no longer.
    const auto sortAll = [this](auto key, auto compare) {
        using Key = decltype(key(0));
        const int count = m_tokens->rowCount();
        std::vector<Key> keys;
        keys.reserve(size_t(count));
        for (int row = 0; row < count; ++row)
            keys.push_back(key(row));
        const auto keyOf = [&keys](int row) -> const Key & { return keys[size_t(row)]; };
        std::vector<int> &rows = m_order.rows;
        rows.resize(size_t(count));
        std::iota(rows.begin(), rows.end(), 0);
        std::sort(rows.begin(), rows.end(), [&](int left, int right) { return compare(keyOf(left), keyOf(right)) < 0; });
        m_order.tied.resize(rows.size());
        for (size_t i = 1; i < rows.size(); ++i)
            m_order.tied[i] = compare(keyOf(rows[i - 1]), keyOf(rows[i])) == 0;
    };
    const ColumnSpec &spec = TokenColumns::at(column);
    if (spec.sortKey) {
        sortAll([this, &spec](int row) { return spec.sortKey(m_tokens->token(row)); }, &compareValues);
    } else {
        // Collation keys, which order as their texts compare, at a fraction of the cost:
        // sorting by name at 100,000 rows took 250 ms comparing the names, 100 with keys.
        sortAll([this, &spec](int row) { return collatorFor(spec).sortKey(spec.cell(m_tokens->token(row))); },
                [](const QCollatorSortKey &left, const QCollatorSortKey &right) { return left.compare(right); });
    }
}

void BuildTokenFilterModel::makeRanks() const
{
    const std::vector<int> &rows = m_order.rows;
    std::vector<int> &rank = m_order.rank;
    rank.resize(rows.size());
    for (size_t i = 0; i < rows.size(); ++i)
        rank[size_t(rows[i])] = m_order.tied[i] ? rank[size_t(rows[i - 1])] : int(i);
}

void BuildTokenFilterModel::rowsCame(int first, int last)
{
    if (m_order.column != sortColumn())
        forgetOrder(); // not sorted by it any more: the next sort makes the order it needs
    if (m_order.column < 0)
        return;
    // Rows come only at the end (appendTokens); were they to come elsewhere, the next sort
    // would make the order anew.
    if (size_t(first) != m_order.rows.size())
        return forgetOrder();
    mergeIntoOrder(first, last);
}

void BuildTokenFilterModel::rowsChanged(int first, int last)
{
    if (m_order.column != sortColumn())
        return forgetOrder();
    // Out of the order, a run of equal keys that loses a row staying one run...
    std::vector<int> &rows = m_order.rows;
    std::vector<char> &tied = m_order.tied;
    size_t kept = 0;
    size_t run = 0;
    size_t lastKeptRun = 0; // none: runs count from 1
    for (size_t i = 0; i < rows.size(); ++i) {
        if (!tied[i])
            ++run;
        if (rows[i] >= first && rows[i] <= last)
            continue;
        rows[kept] = rows[i];
        tied[kept] = run == lastKeptRun;
        lastKeptRun = run;
        ++kept;
    }
    rows.resize(kept);
    tied.resize(kept);
    // ...and in again where their keys go now.
    mergeIntoOrder(first, last);
}

void BuildTokenFilterModel::mergeIntoOrder(int first, int last)
{
    const auto merge = [this, first, last](auto key, auto compare) {
        using Key = decltype(key(first));
        std::vector<std::pair<Key, int>> added; // a key and its row
        added.reserve(size_t(last - first + 1));
        for (int row = first; row <= last; ++row)
            added.emplace_back(key(row), row);
        std::sort(added.begin(), added.end(), [&](const auto &left, const auto &right) { return compare(left.first, right.first) < 0; });
        // Where each one goes: after the rows of an equal key already there, so the row after
        // it has a greater key and stays untied. The middle one is placed first, and those
        // before and after it only among the rows before and after its place: a batch of 200
        // among 100,000 rows compares some 9 keys a row instead of 17.
        const std::vector<int> &rows = m_order.rows;
        std::vector<size_t> places(added.size());
        const auto place = [&](size_t begin, size_t end, size_t from, size_t to, const auto &self) -> void {
            if (begin == end)
                return;
            const size_t middle = begin + (end - begin) / 2;
            const Key &middleKey = added[middle].first;
            places[middle] = size_t(std::upper_bound(rows.begin() + qsizetype(from), rows.begin() + qsizetype(to), middleKey,
                                                     [&](const Key &value, int other) { return compare(value, key(other)) < 0; })
                                    - rows.begin());
            self(begin, middle, from, places[middle], self);
            self(middle + 1, end, places[middle], to, self);
        };
        place(0, added.size(), 0, rows.size(), place);
        std::vector<int> merged;
        std::vector<char> tied;
        merged.reserve(rows.size() + added.size());
        tied.reserve(merged.capacity());
        size_t from = 0;
        for (size_t i = 0; i < added.size(); ++i) {
            merged.insert(merged.end(), rows.begin() + qsizetype(from), rows.begin() + qsizetype(places[i]));
            tied.insert(tied.end(), m_order.tied.begin() + qsizetype(from), m_order.tied.begin() + qsizetype(places[i]));
            tied.push_back(!merged.empty() && compare(key(merged.back()), added[i].first) == 0);
            merged.push_back(added[i].second);
            from = places[i];
        }
        merged.insert(merged.end(), rows.begin() + qsizetype(from), rows.end());
        tied.insert(tied.end(), m_order.tied.begin() + qsizetype(from), m_order.tied.end());
        m_order.rows = std::move(merged);
        m_order.tied = std::move(tied);
        m_order.rank.clear();
    };
    const ColumnSpec &spec = TokenColumns::at(m_order.column);
    // Keys of the rows already in order are made as they are compared: none is kept.
    if (spec.sortKey)
        merge([this, &spec](int row) { return spec.sortKey(m_tokens->token(row)); }, &compareValues);
    else
        merge([this, &spec](int row) { return spec.cell(m_tokens->token(row)); },
              [this, &spec](const QString &left, const QString &right) { return collatorFor(spec).compare(left, right); });
}
