#pragma once

#include "../api/BuildToken.h"
#include "../api/TokenUsage.h"

#include <QAbstractTableModel>
#include <QList>

#include <vector>

// The rows the app shows: it owns them (the session keeps only where it is in the listing).
// Rows grow batch by batch and are keyed by build_token_uuid, so a token that comes twice
// is updated in place, and later enrichment (health, usage) finds its row. The columns are
// TokenColumns'.
class BuildTokenTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit BuildTokenTableModel(QObject *parent = nullptr);

    // Adds the tokens not here yet (one rowsInserted for the batch) and updates in place the
    // ones whose uuid is (dataChanged). Tokens without a uuid are always added.
    void appendTokens(const QList<BuildToken> &tokens);
    void clear();
    // What a health check found, by API token id (cloudflare_token_id): every row takes its
    // token's, and a row whose id is not there loses what an older check said.
    void setHealth(const HealthById &byTokenId) { setHealth(byTokenId, 0, rowCount() - 1); }
    // The same for rows `first` to `last` (those that exist) alone: a part at a time.
    void setHealth(const HealthById &byTokenId, int first, int last);
    // What a usage scan of the account found: every row takes its live triggers.
    void setUsage(const UsageReport &report);
    // Room for `rows` in all, when a bulk load knows its total: growing the uuid index as rows
    // come rehashes it whole at each doubling (20 ms at 65,536 rows, on the GUI thread).
    void reserve(qsizetype rows);

    const QList<BuildToken> &tokens() const { return m_tokens; }
    const BuildToken &token(int row) const { return m_tokens.at(row); }
    // The row of the token with this uuid, or -1.
    int rowOfUuid(const IdText &uuid) const;

    // `text` as a tooltip that Qt shows as it is, never as rich text (no HTML, no images).
    static QString plainToolTip(const QString &text);
    // True where a cell's tooltip tells more than the cell (ColumnSpec::toolTip): a view
    // shows that one even where the cell is not cut off.
    static constexpr int ToolTipTellsMoreRole = Qt::UserRole + 1;

    // Without hasIndex()'s two virtual calls: sorting 100,000 rows asks for 3 million indexes.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // The slot of `uuid` in m_rowByUuid: the one holding its row, or the empty one where it goes.
    // `uuidOf(row)` is a row's uuid (appendTokens' rows are not all in m_tokens yet).
    template<typename UuidOf>
    int &slotOf(const IdText &uuid, const UuidOf &uuidOf);
    template<typename UuidOf>
    void growIndex(qsizetype rows, const UuidOf &uuidOf);

    QList<BuildToken> m_tokens;
    // Rows by uuid, in a table of row numbers (+ 1: 0 is an empty slot) that finds a uuid in
    // the rows themselves, open addressing, at most half full: 4 bytes a slot where a
    // QHash<IdText, int> took some 42 bytes a row (4 MB at 100,000 rows).
    std::vector<int> m_rowByUuid;
    qsizetype m_indexed = 0; // rows in it
};
