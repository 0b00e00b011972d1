#include "BuildTokenFilterModel.h"

#include "BuildTokenTableModel.h"
#include "TokenColumns.h"

BuildTokenFilterModel::BuildTokenFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    setSortRole(BuildTokenTableModel::SortKeyRole);
}

bool BuildTokenFilterModel::matches(const BuildToken &token, const QString &text)
{
    if (text.isEmpty())
        return true;
    for (const ColumnSpec &column : TokenColumns::all()) {
        if (column.filterable && column.value(token).contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

void BuildTokenFilterModel::setTokenModel(BuildTokenTableModel *model)
{
    m_tokens = model;
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
