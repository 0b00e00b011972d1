#pragma once

#include "../api/BuildToken.h"

#include <QCollator>
#include <QSortFilterProxyModel>

#include <vector>

class BuildTokenTableModel;

// Sorts by any column (by its sort key) and keeps the rows that match a filter text,
// case-insensitively, in any filterable column. The CLI's --filter uses the same matches().
// Sorting compares keys made once per row of the sorted column (a collation key for text),
// kept up to date as rows come, so that 100,000 rows sort without a QVariant or a locale-aware
// comparison per step.
class BuildTokenFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit BuildTokenFilterModel(QObject *parent = nullptr);

    static bool matches(const BuildToken &token, const QString &text);

    void setTokenModel(BuildTokenTableModel *model);
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

    // The token behind a row of this model.
    const BuildToken &token(int row) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const override;

private:
    // One key per source row for `column`; text sorts by collation key, a column's own sort
    // key (a number, a date) by its value.
    struct SortKeys
    {
        int column = -1;
        std::vector<QCollatorSortKey> text;
        std::vector<QVariant> values;
        // While rows only come at the end (a load after a reset), each batch is merged into
        // `order`, the source rows by key; a sort then compares `rank`s, made from it in one
        // pass (equal keys, equal ranks), instead of keys: sorting 100,000 rows at the end of a
        // bulk load by their keys was a stall of some 100 ms.
        std::vector<int> order;
        std::vector<char> tied; // by place in `order`: the key equals the one before
        bool ordered = false; // `order` holds every row
        std::vector<int> rank; // by source row, once made from `order`
        qsizetype size() const { return qsizetype(qMax(text.size(), values.size())); }
    };
    bool keyLess(int leftRow, int rightRow) const;
    void mergeIntoOrder(int first, int last);
    void makeKeys(int column) const;
    void insertKeys(int first, int last);
    void removeKeys(int first, int last);
    void updateKeys(int first, int last);
    void forgetKeys() { m_keys = {}; }
    // Rows came elsewhere than at the end, or went: sorts compare keys from now on.
    void dropOrder()
    {
        m_keys.ordered = false;
        m_keys.order = {};
        m_keys.tied = {};
        m_keys.rank = {};
    }

    BuildTokenTableModel *m_tokens = nullptr;
    QString m_text;
    QCollator m_collator;
    mutable SortKeys m_keys; // made by the first comparison of a column
};
