#include "BuildTokenFilterModel.h"

#include "BuildTokenTableModel.h"

BuildTokenFilterModel::BuildTokenFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

bool BuildTokenFilterModel::matches(const BuildToken &token, const QString &text)
{
    if (text.isEmpty())
        return true;
    for (int column = 0; column < BuildTokenTableModel::ColumnCount; ++column) {
        if (BuildTokenTableModel::field(token, column).contains(text, Qt::CaseInsensitive))
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
    return m_tokens->tokens().at(mapToSource(index(row, 0)).row());
}

bool BuildTokenFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_tokens)
        return false;
    return matches(m_tokens->tokens().at(sourceRow), m_text);
}
