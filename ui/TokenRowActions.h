#pragma once

#include "api/BuildToken.h"
#include "settings/AppSettings.h"

#include <QObject>

class Actions;
class BuildTokenFilterModel;
class QPoint;
class TokenTableView;

// What a person does with the rows of the token table: Copy Rows (Ctrl+C, the selection as
// TSV of the visible columns), Export (the selected rows or all rows shown, through
// ExportDialog) and the context menu of a row. It drives the registry's Copy Rows and
// Export actions (and Select All's enabled state); what it has to say goes out through
// statusMessage().
class TokenRowActions : public QObject
{
    Q_OBJECT

public:
    // `tokens` is `view`'s model.
    TokenRowActions(TokenTableView *view, const BuildTokenFilterModel *tokens, AppSettings settings,
                    const Actions *actions, QObject *parent = nullptr);

public slots:
    void copySelection();
    // Opens the export dialog with open(): it returns at once (no nested event loop).
    void exportTokens();
    // The menu of the row at `position` (viewport coordinates); none off the rows.
    void showContextMenu(const QPoint &position);

signals:
    // For the status bar; `timeoutMs` 0 keeps it until the next message.
    void statusMessage(const QString &text, int timeoutMs);

private:
    // The selected rows, top to bottom as shown.
    QList<BuildToken> selectedTokens() const;
    // Every row the filter lets through, in view order.
    QList<BuildToken> shownTokens() const;
    QString toTsv(const QList<BuildToken> &tokens) const;
    void enableForRows();
    void copyText(const QString &text, const QString &message);

    TokenTableView *m_view;
    const BuildTokenFilterModel *m_tokens;
    AppSettings m_settings;
    const Actions *m_actions;
};
