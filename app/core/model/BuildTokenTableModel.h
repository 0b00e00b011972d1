#pragma once

#include "../api/BuildToken.h"

#include <QAbstractTableModel>
#include <QList>

// The rows of one page of build tokens, one column per field.
class BuildTokenTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Uuid, CloudflareTokenId, OwnerType, ColumnCount };

    explicit BuildTokenTableModel(QObject *parent = nullptr);

    // The text of one column of `token`: what a cell shows, and what exports write.
    static QString field(const BuildToken &token, int column);

    void setTokens(const QList<BuildToken> &tokens);
    const QList<BuildToken> &tokens() const { return m_tokens; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<BuildToken> m_tokens;
};
