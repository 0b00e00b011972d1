#include "BuildTokenTableModel.h"

using namespace Qt::Literals::StringLiterals;

BuildTokenTableModel::BuildTokenTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void BuildTokenTableModel::setTokens(const QList<BuildToken> &tokens)
{
    beginResetModel();
    m_tokens = tokens;
    endResetModel();
}

int BuildTokenTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tokens.size());
}

int BuildTokenTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BuildTokenTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    return field(m_tokens.at(index.row()), index.column());
}

QString BuildTokenTableModel::field(const BuildToken &token, int column)
{
    switch (column) {
    case Name: return token.name;
    case Uuid: return token.uuid;
    case CloudflareTokenId: return token.cloudflareTokenId;
    case OwnerType: return token.ownerType;
    default: return {};
    }
}

QVariant BuildTokenTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Uuid: return tr("UUID");
    case CloudflareTokenId: return tr("Cloudflare token ID");
    case OwnerType: return tr("Owner type");
    default: return {};
    }
}
