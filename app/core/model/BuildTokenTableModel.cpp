#include "BuildTokenTableModel.h"

#include "TokenColumns.h"

BuildTokenTableModel::BuildTokenTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void BuildTokenTableModel::appendTokens(const QList<BuildToken> &tokens)
{
    QList<BuildToken> added;
    QHash<QString, int> addedRows; // a uuid twice in one batch: the later copy wins
    const int first = int(m_tokens.size());
    for (const BuildToken &token : tokens) {
        if (const int row = rowOfUuid(token.uuid); row >= 0) {
            m_tokens[row] = token;
            emit dataChanged(index(row, 0), index(row, columnCount() - 1));
        } else if (const auto it = addedRows.constFind(token.uuid); it != addedRows.constEnd()) {
            added[*it] = token;
        } else {
            if (!token.uuid.isEmpty())
                addedRows.insert(token.uuid, int(added.size()));
            added.append(token);
        }
    }
    if (added.isEmpty())
        return;
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_tokens.append(added);
    for (auto it = addedRows.cbegin(); it != addedRows.cend(); ++it)
        m_rowByUuid.insert(it.key(), first + it.value());
    endInsertRows();
}

void BuildTokenTableModel::clear()
{
    if (m_tokens.isEmpty())
        return;
    beginResetModel();
    m_tokens.clear();
    m_rowByUuid.clear();
    endResetModel();
}

int BuildTokenTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tokens.size());
}

int BuildTokenTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : TokenColumns::count();
}

QVariant BuildTokenTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ColumnSpec &column = TokenColumns::at(index.column());
    const BuildToken &token = m_tokens.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: return column.value(token);
    case SortKeyRole: return column.sortValue(token);
    default: return {};
    }
}

QVariant BuildTokenTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= TokenColumns::count())
        return QAbstractTableModel::headerData(section, orientation, role);
    return TokenColumns::at(section).displayTitle();
}
