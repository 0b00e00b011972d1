#pragma once

#include "../api/BuildToken.h"

#include <QCollator>
#include <QSortFilterProxyModel>

#include <vector>

class BuildTokenTableModel;
struct ColumnSpec;

// Sorts by any column (by its sort key) and keeps the rows that match a filter text,
// case-insensitively, in any filterable column. The CLI's --filter uses the same matches().
// Sorting keeps the source rows in the order of the sorted column's keys, up to date as rows
// come and change, and compares ranks made from it: 100,000 rows sort without a QVariant or a
// locale-aware comparison per step, and no key is kept per row (a collation key a row came to
// 16 MB at 100,000 rows).
class BuildTokenFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit BuildTokenFilterModel(QObject *parent = nullptr);

    static bool matches(const BuildToken &token, const QString &text);
    // What sorts text: the user's locale's collation, ignoring case; `natural`, numbers in the
    // text by their value (names, words), else digit by digit (ids, the monospace columns).
    static QCollator textCollator(bool natural);

    void setTokenModel(BuildTokenTableModel *model);
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

    // The token behind a row of this model.
    const BuildToken &token(int row) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const override;

private:
    // The source rows by their key in `column`: text by its collator (collatorFor()), a
    // column's own sort key (a number, a date) by its value. Rows coming and rows changed in
    // the column are merged into it by comparing their keys with those of rows already in it,
    // made as they are compared (some 9 a row at 100,000 rows).
    struct SortOrder
    {
        int column = -1;
        std::vector<int> rows;
        std::vector<char> tied; // by place in `rows`: the key equals the one before
        std::vector<int> rank;  // by source row, made from `rows` when a sort asks: equal keys, equal ranks
    };
    const QCollator &collatorFor(const ColumnSpec &spec) const;
    void makeOrder(int column) const;
    void makeRanks() const;
    void rowsCame(int first, int last);
    void rowsChanged(int first, int last);
    // Rows `first` to `last`, taken out of the order or new, merged into it.
    void mergeIntoOrder(int first, int last);
    void forgetOrder() { m_order = {}; }

    BuildTokenTableModel *m_tokens = nullptr;
    QString m_text;
    QCollator m_collator;   // names and words
    QCollator m_idCollator; // the ids
    mutable SortOrder m_order; // made by the first comparison of a column
};
