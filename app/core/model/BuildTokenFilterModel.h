#pragma once

#include "../api/BuildToken.h"

#include <QSortFilterProxyModel>

class BuildTokenTableModel;

// Sorts by any column (by its sort key) and keeps the rows that match a filter text,
// case-insensitively, in any filterable column. The CLI's --filter uses the same matches().
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

private:
    BuildTokenTableModel *m_tokens = nullptr;
    QString m_text;
};
