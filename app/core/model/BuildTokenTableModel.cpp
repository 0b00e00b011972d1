#include "BuildTokenTableModel.h"

#include "TokenColumns.h"
#include "../api/TokenHealthService.h"
#include "../api/UsageScanService.h"
#include "UntrustedText.h"

using namespace Qt::Literals::StringLiterals;

BuildTokenTableModel::BuildTokenTableModel(QObject *parent) : QAbstractTableModel(parent) {}

template<typename UuidOf>
int &BuildTokenTableModel::slotOf(const IdText &uuid, const UuidOf &uuidOf)
{
    const size_t mask = m_rowByUuid.size() - 1;
    for (size_t i = qHash(uuid) & mask;; i = (i + 1) & mask) {
        int &slot = m_rowByUuid[i];
        if (slot == 0 || uuidOf(slot - 1) == uuid)
            return slot;
    }
}

template<typename UuidOf>
void BuildTokenTableModel::growIndex(qsizetype rows, const UuidOf &uuidOf)
{
    if (size_t(rows) * 2 <= m_rowByUuid.size())
        return; // at most half full
    size_t size = 16;
    while (size < size_t(rows) * 2)
        size *= 2;
    std::vector<int> old(size, 0);
    old.swap(m_rowByUuid);
    for (const int slot : old) {
        if (slot != 0)
            slotOf(uuidOf(slot - 1), uuidOf) = slot;
    }
}

int BuildTokenTableModel::rowOfUuid(const IdText &uuid) const
{
    if (m_rowByUuid.empty())
        return -1;
    const auto uuidOf = [this](int row) -> const IdText & { return m_tokens.at(row).uuid; };
    return const_cast<BuildTokenTableModel *>(this)->slotOf(uuid, uuidOf) - 1;
}

void BuildTokenTableModel::appendTokens(const QList<BuildToken> &tokens)
{
    const int first = int(m_tokens.size());
    QList<BuildToken> added;
    added.reserve(tokens.size());
    const auto uuidOf = [&](int row) -> const IdText & { return row < first ? m_tokens.at(row).uuid : added.at(row - first).uuid; };
    for (const BuildToken &token : tokens) {
        if (token.uuid.isEmpty()) {
            added.append(token);
            continue;
        }
        // One lookup a token (at 100,000 rows the index is most of the cost): a new uuid gets
        // its slot now. A uuid twice in one batch: the later copy wins.
        growIndex(m_indexed + 1, uuidOf);
        int &slot = slotOf(token.uuid, uuidOf);
        if (slot == 0) {
            added.append(token);
            slot = first + int(added.size());
            ++m_indexed;
        } else if (const int row = slot - 1; row >= first) {
            added[row - first] = token;
        } else {
            // The same token listed again keeps what a health check found until the next one.
            BuildToken &kept = m_tokens[row];
            std::shared_ptr<const TokenHealth> health = kept.health;
            TriggerUses usage = kept.usage;
            const bool sameApiToken = kept.cloudflareTokenId == token.cloudflareTokenId;
            kept = token;
            if (!kept.health && sameApiToken)
                kept.health = std::move(health);
            if (!kept.usage)
                kept.usage = std::move(usage); // triggers name the build token by uuid, the key here
            emit dataChanged(index(row, 0), index(row, columnCount() - 1));
        }
    }
    if (added.isEmpty())
        return;
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_tokens.append(std::move(added));
    endInsertRows();
}

void BuildTokenTableModel::clear()
{
    if (m_tokens.isEmpty())
        return;
    beginResetModel();
    m_tokens.clear();
    m_rowByUuid = {};
    m_indexed = 0;
    endResetModel();
}

void BuildTokenTableModel::reserve(qsizetype rows)
{
    m_tokens.reserve(rows);
    growIndex(rows, [this](int row) -> const IdText & { return m_tokens.at(row).uuid; });
}

QString BuildTokenTableModel::plainToolTip(const QString &text)
{
    // Qt shows a tooltip that looks like HTML as rich text, and rich text loads <img src=...>
    // from local files: a token named <img src="file:///dev/zero"> took the app down on hover.
    // Escaped inside a paragraph that keeps white space, it shows exactly as the cell says.
    return u"<p style=\"white-space:pre-wrap\">"_s + text.toHtmlEscaped() + u"</p>"_s;
}

void BuildTokenTableModel::setHealth(const HealthById &byTokenId, int first, int last)
{
    first = qMax(first, 0);
    last = qMin(last, rowCount() - 1);
    if (first > last)
        return;
    for (int row = first; row <= last; ++row)
        m_tokens[row].health = byTokenId.value(m_tokens.at(row).cloudflareTokenId);
    const QList<int> columns = TokenColumns::ofGroups({ColumnSpec::Group::Health});
    emit dataChanged(index(first, columns.first()), index(last, columns.last()));
}

void BuildTokenTableModel::setUsage(const UsageReport &report)
{
    if (m_tokens.isEmpty())
        return;
    applyUsage(&m_tokens, report);
    emit dataChanged(index(0, TokenColumns::UsedBy), index(rowCount() - 1, TokenColumns::UsedBy));
}

QModelIndex BuildTokenTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= m_tokens.size() || column >= TokenColumns::count())
        return {};
    return createIndex(row, column);
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
    case Qt::DisplayRole: return UntrustedText::forCell(column.cell(token));
    case Qt::ToolTipRole:
        if (const QString more = column.toolTip ? column.toolTip(token) : QString(); !more.isEmpty())
            return plainToolTip(more);
        return plainToolTip(column.cell(token));
    case ToolTipTellsMoreRole: return column.toolTip && !column.toolTip(token).isEmpty();
    // What the tooltip tells a sighted person (why a token is missing, which permission to
    // add), for a screen reader as the cell's description.
    case Qt::AccessibleDescriptionRole: return column.toolTip ? column.toolTip(token) : QString();
    default: return {};
    }
}

QVariant BuildTokenTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= TokenColumns::count())
        return QAbstractTableModel::headerData(section, orientation, role);
    return TokenColumns::at(section).displayTitle();
}
