#include "TokenRowActions.h"

#include "Actions.h"
#include "ExportDialog.h"
#include "export/ExportJob.h"
#include "TokenTableView.h"
#include "export/TokenExport.h"
#include "model/BuildTokenFilterModel.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QMenu>

using namespace Qt::Literals::StringLiterals;

TokenRowActions::TokenRowActions(TokenTableView *view, const BuildTokenFilterModel *tokens, AppSettings settings,
                                 const Actions *actions, QObject *parent)
    : QObject(parent),
      m_view(view),
      m_tokens(tokens),
      m_settings(std::move(settings)),
      m_actions(actions)
{
    Q_ASSERT(view->model() == tokens);
    QAction *copy = actions->action(Actions::CopyRows);
    connect(copy, &QAction::triggered, this, &TokenRowActions::copySelection);
    connect(actions->action(Actions::Export), &QAction::triggered, this, &TokenRowActions::exportTokens);
    view->addTableAction(copy);
    connect(view, &QWidget::customContextMenuRequested, this, &TokenRowActions::showContextMenu);
    // Without a row to act on, Copy, Select All and Export are off (an export of no rows would
    // be a header alone), whether no listing came yet or the filter lets none through.
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(tokens, signal, this, &TokenRowActions::enableForRows);
    connect(tokens, &QAbstractItemModel::modelReset, this, &TokenRowActions::enableForRows);
    connect(tokens, &QAbstractItemModel::layoutChanged, this, &TokenRowActions::enableForRows);
    enableForRows();
}

void TokenRowActions::enableForRows()
{
    const bool rows = m_tokens->rowCount() > 0;
    for (const Actions::Id id : {Actions::CopyRows, Actions::SelectAll, Actions::Export})
        m_actions->action(id)->setEnabled(rows);
}

QList<BuildToken> TokenRowActions::selectedTokens() const
{
    QList<BuildToken> tokens;
    for (int row : m_view->selectedRows())
        tokens << m_tokens->token(row);
    return tokens;
}

QList<BuildToken> TokenRowActions::shownTokens() const
{
    QList<BuildToken> tokens;
    for (int row = 0; row < m_tokens->rowCount(); ++row)
        tokens << m_tokens->token(row);
    return tokens;
}

void TokenRowActions::copySelection()
{
    const QList<BuildToken> tokens = selectedTokens();
    if (tokens.isEmpty()) {
        emit statusMessage(tr("Select rows to copy (Ctrl+A selects all)"), 3000);
        return;
    }
    QGuiApplication::clipboard()->setText(toTsv(tokens));
    emit statusMessage(tr("Copied %n rows", nullptr, int(tokens.size())), 3000);
}

void TokenRowActions::exportTokens()
{
    const int selected = TokenTableView::selectedRowCount(m_view->selectionModel());
    const auto write = [this](const ExportDialog::Request &request) {
        // The rows as they are now: sorting or new pages meanwhile do not change the file.
        auto *job = new ExportJob(request.selectedOnly ? selectedTokens() : shownTokens(), request.format,
                                  request.excelBom, request.path, this);
        connect(job, &ExportJob::finished, this, [this, job](const QString &error) {
            if (!error.isEmpty())
                return;
            const QString file = QDir::toNativeSeparators(job->path());
            emit statusMessage(tr("Exported %n tokens to %1", nullptr, int(job->rowCount())).arg(file), 0);
        });
        return job;
    };
    auto *dialog = new ExportDialog(m_settings, selected, m_tokens->rowCount(), write, m_view->window());
    dialog->open();
}

void TokenRowActions::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    const BuildToken token = m_tokens->token(index.row());
    auto *menu = new QMenu(m_view);
    menu->setObjectName(u"tokenContextMenu"_s);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Copy &UUID"), this, [=] { copyText(token.uuid, tr("Copied the UUID")); });
    menu->addAction(tr("Copy Cloudflare &Token ID"), this,
                    [=] { copyText(token.cloudflareTokenId, tr("Copied the Cloudflare token ID")); });
    menu->addAction(tr("Copy &Row"), this, [=] { copyText(toTsv({token}), tr("Copied the row")); });
    menu->addSeparator();
    menu->addAction(m_actions->action(Actions::CopyRows));
    menu->addAction(m_actions->action(Actions::Export));
    menu->popup(m_view->viewport()->mapToGlobal(position)); // not exec(): no nested event loop
}

QString TokenRowActions::toTsv(const QList<BuildToken> &tokens) const
{
    // As the person sees them: the visible columns in view order, under their titles.
    return TokenExport::toTsv(tokens, m_view->visibleColumns());
}

void TokenRowActions::copyText(const QString &text, const QString &message)
{
    QGuiApplication::clipboard()->setText(text);
    emit statusMessage(message, 3000);
}
