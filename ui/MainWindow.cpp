#include "MainWindow.h"

#include "Actions.h"
#include "ConnectionBar.h"
#include "ExportDialog.h"
#include "Icons.h"
#include "MessageBanner.h"
#include "PaginationBar.h"
#include "ProfileDialog.h"
#include "TokenDetailsPane.h"
#include "TokenTableView.h"
#include "AppCore.h"
#include "AppInfo.h"
#include "api/AccountsService.h"
#include "api/ApiClient.h"
#include "api/BuildTokensService.h"
#include "auth/ProfileStore.h"
#include "export/TokenExport.h"
#include "model/BuildTokenFilterModel.h"
#include "model/BuildTokenTableModel.h"
#include "model/TokenColumns.h"
#include "session/BrowserSession.h"

#include <QAction>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

MainWindow::MainWindow(AppCore *core, QWidget *parent)
    : QMainWindow(parent),
      m_core(core),
      m_settings(core->settings),
      m_session(&core->session),
      m_model(&core->rows),
      m_proxy(&core->filter)
{
    setWindowTitle(tr("Build Token Browser"));
    setWindowIcon(Icons::themed(u"build-token-browser"_s));

    m_actions = new Actions(this);
    m_pagination = new PaginationBar(m_session, m_actions, this);
    m_errorBanner = new MessageBanner(this);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_connection = new ConnectionBar(core->profiles, &core->active, this);
    connect(m_connection, &ConnectionBar::loadRequested, this, &MainWindow::load);
    connect(m_connection, &ConnectionBar::newProfileRequested, this, &MainWindow::newProfile);
    connect(m_connection, &ConnectionBar::editProfileRequested, this, &MainWindow::editProfile);
    layout->addWidget(m_connection);
    layout->addWidget(m_errorBanner);
    layout->addWidget(createTokenArea(), 1);
    layout->addWidget(m_pagination);
    setCentralWidget(central);
    connectActions();
    createMenus();

    connect(&core->presenter, &TableAreaPresenter::changed, this, &MainWindow::showTableArea);
    connect(&core->presenter, &TableAreaPresenter::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(&core->active, &ActiveProfile::changed, this, &MainWindow::onProfileChanged);
    connect(m_session, &BrowserSession::pageLoaded, this, &MainWindow::updateDetails);
    connect(m_session, &BrowserSession::cleared, this, [this] {
        m_filterEdit->clear(); // typed for the listing that is gone
        updateDetails();
    });
    m_retryCountdown = new QTimer(this);
    m_retryCountdown->setInterval(1000);
    connect(m_retryCountdown, &QTimer::timeout, this, &MainWindow::showRetryCountdown);
    connect(m_session, &BrowserSession::retrying, this, &MainWindow::onRetrying);
    connect(m_session, &BrowserSession::busyChanged, this, [this](bool busy) {
        if (!busy)
            m_retryCountdown->stop();
    });

    restoreSettings();
    showTableArea();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createTokenArea()
{
    m_proxy->setTokenModel(m_model);
    m_table = new TokenTableView(this);
    m_table->setModel(m_proxy);
    connect(m_table, &QWidget::customContextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateDetails);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::updateDetails);

    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(u"placeholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false); // drawn in the muted text colour
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_table);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(u"filterEdit"_s);
    m_filterEdit->setPlaceholderText(tr("Filter this page (Ctrl+F): any column, any case"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Filter"));
    m_filterEdit->installEventFilter(this);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text.trimmed());
        updateFilterCount();
        updateDetails();
    });
    m_filterCount = new QLabel(this);
    m_filterCount->setObjectName(u"filterCount"_s);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(m_filterCount);

    m_details = new TokenDetailsPane(this);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"tokenSplitter"_s);
    m_splitter->addWidget(m_stack);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(true);

    auto *area = new QWidget(this);
    auto *layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(m_splitter, 1);
    return area;
}

void MainWindow::connectActions()
{
    const auto action = [this](Actions::Id id) { return m_actions->action(id); };
    connect(action(Actions::NewProfile), &QAction::triggered, this, &MainWindow::newProfile);
    connect(action(Actions::EditProfile), &QAction::triggered, this, &MainWindow::editProfile);
    connect(action(Actions::Export), &QAction::triggered, this, &MainWindow::exportTokens);
    connect(action(Actions::Load), &QAction::triggered, this, &MainWindow::load);
    connect(action(Actions::Reload), &QAction::triggered, m_session, &BrowserSession::reload);
    connect(action(Actions::Quit), &QAction::triggered, this, &QWidget::close);
    connect(action(Actions::CopyRows), &QAction::triggered, this, &MainWindow::copySelection);
    connect(action(Actions::SelectAll), &QAction::triggered, m_table, &QAbstractItemView::selectAll);
    connect(action(Actions::Find), &QAction::triggered, this, [this] {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });
    connect(action(Actions::About), &QAction::triggered, this, &MainWindow::showAbout);
    m_table->addTableAction(action(Actions::CopyRows));
    m_table->addTableAction(action(Actions::SelectAll));
}

void MainWindow::createMenus()
{
    const auto a = [this](Actions::Id id) { return m_actions->action(id); };
    const auto addMenu = [this](const QString &title, const QList<QAction *> &actions) {
        QMenu *menu = menuBar()->addMenu(title);
        for (QAction *action : actions) {
            if (action)
                menu->addAction(action);
            else
                menu->addSeparator();
        }
    };
    QAction *const separator = nullptr;
    addMenu(tr("&File"), {a(Actions::NewProfile), a(Actions::EditProfile), separator, a(Actions::Export), separator,
                          a(Actions::Load), a(Actions::Reload), separator, a(Actions::Quit)});
    addMenu(tr("&Edit"), {a(Actions::CopyRows), a(Actions::SelectAll), a(Actions::Find)});
    addMenu(tr("&Go"), {a(Actions::FirstPage), a(Actions::PreviousPage), a(Actions::NextPage), a(Actions::LastPage), separator,
                        a(Actions::Cancel)});
    addMenu(tr("&Help"), {a(Actions::About)});
}

void MainWindow::showAbout()
{
    // Not QMessageBox::about(), which runs a nested event loop.
    auto *box = new QMessageBox(QMessageBox::NoIcon, tr("About Build Token Browser"),
                                tr("<h3>Build Token Browser %1</h3>"
                                   "<p>Browse the build tokens of Cloudflare Workers Builds.</p>"
                                   "<p>Secrets stay in the system keychain (or in memory, if you choose so) "
                                   "and are sent only to the profile's API base URL.</p>")
                                    .arg(AppInfo::Version),
                                QMessageBox::Ok, this);
    box->setObjectName(u"aboutBox"_s);
    box->setIconPixmap(windowIcon().pixmap(64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::selectProfile(const QString &name)
{
    m_core->active.select(name);
}

void MainWindow::openLastProfile()
{
    const QStringList names = m_core->profiles->names();
    const QString last = m_core->profiles->lastProfileName();
    if (!names.isEmpty())
        selectProfile(names.contains(last) ? last : names.first());
}

void MainWindow::onProfileChanged()
{
    if (!m_core->active.accountId().isEmpty())
        load(); // fills the account list too
    else
        fillAccounts(); // nothing to load yet, but the list helps choose
}

void MainWindow::fillAccounts()
{
    m_core->active.whenReady(this, [this, name = m_core->active.name()] {
        AccountsJob *job = AccountsService(m_core->active.client()).listAll(this);
        connect(job, &Job::finished, this, [this, job, name] {
            if (job->result().ok() && m_core->active.name() == name)
                m_connection->setAccounts(job->result().value());
        });
    });
}

void MainWindow::load()
{
    if (!m_core->active.profile()) {
        m_core->presenter.showProblem(tr("No profile yet"), tr("Add a profile with File \u2192 New Profile\u2026 (Ctrl+N): an API "
                                                               "token with \u201cWorkers CI Read\u201d and an account ID."));
        return;
    }
    const QString account = m_connection->accountId();
    m_core->active.setAccountId(account);
    m_session->setAccountId(account); // another account's rows leave now, not when it answers
    statusBar()->showMessage(tr("Reading the secret of \u201c%1\u201d\u2026").arg(m_core->active.name()));
    m_core->active.whenReady(this, [this] {
        m_session->firstPage();
        if (!m_connection->hasAccounts())
            fillAccounts(); // once per profile, with the secret already read
    });
}

void MainWindow::newProfile()
{
    openProfileDialog(std::nullopt);
}

void MainWindow::editProfile()
{
    if (m_core->active.profile())
        openProfileDialog(m_core->active.profile());
}

void MainWindow::openProfileDialog(const std::optional<Profile> &existing)
{
    auto *dialog = new ProfileDialog(m_core->profiles, &m_core->network, existing, this);
    // Selected again also when it was current: its fields or secret may have changed.
    connect(dialog, &ProfileDialog::saved, this, &MainWindow::selectProfile);
    connect(dialog, &ProfileDialog::removed, this, &MainWindow::openLastProfile);
    dialog->open();
}

void MainWindow::onRetrying(const ApiError &reason, qint64 delayMs, int attempt)
{
    m_retryDeadline = QDeadlineTimer(delayMs);
    m_retryReason = reason.kind() == ApiError::Kind::RateLimited
                        ? tr("Rate limited by Cloudflare")
                        : tr("%1 (attempt %2 of %3)").arg(reason.summary()).arg(attempt).arg(m_core->client.retryPolicy().maxAttempts);
    showRetryCountdown();
    m_retryCountdown->start();
}

void MainWindow::showRetryCountdown()
{
    if (m_retryDeadline.hasExpired()) {
        m_retryCountdown->stop();
        statusBar()->showMessage(tr("%1, retrying now\u2026").arg(m_retryReason));
        return;
    }
    const qint64 seconds = (m_retryDeadline.remainingTime() + 999) / 1000;
    statusBar()->showMessage(tr("%1, retrying in %2 s \u2014 Esc cancels").arg(m_retryReason).arg(seconds));
}

void MainWindow::showTableArea()
{
    const TableAreaPresenter &presenter = m_core->presenter;
    if (presenter.hasProblem())
        m_errorBanner->showMessage(presenter.problemSummary(), presenter.problemDetails());
    else
        m_errorBanner->clear();
    if (presenter.state() == TableAreaPresenter::State::Rows) {
        m_stack->setCurrentWidget(m_table);
    } else {
        m_placeholder->setText(presenter.placeholderText());
        m_stack->setCurrentWidget(m_placeholder);
    }
}

void MainWindow::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (!index.isValid())
        return;
    const BuildToken token = m_proxy->token(index.row());
    auto *menu = new QMenu(this);
    menu->setObjectName(u"tokenContextMenu"_s);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    auto copyText = [this](const QString &text, const QString &what) {
        QGuiApplication::clipboard()->setText(text);
        statusBar()->showMessage(tr("Copied %1").arg(what), 3000);
    };
    menu->addAction(tr("Copy &UUID"), this, [=] { copyText(token.uuid, tr("the UUID")); });
    menu->addAction(tr("Copy Cloudflare &Token ID"), this, [=] { copyText(token.cloudflareTokenId, tr("the Cloudflare token ID")); });
    menu->addAction(tr("Copy &Row"), this, [=] { copyText(toTsv({token}), tr("the row")); });
    menu->addSeparator();
    menu->addAction(m_actions->action(Actions::CopyRows));
    menu->addAction(m_actions->action(Actions::Export));
    menu->popup(m_table->viewport()->mapToGlobal(position)); // not exec(): no nested event loop
}

QList<BuildToken> MainWindow::selectedTokens() const
{
    QList<BuildToken> tokens;
    for (int row : m_table->selectedRows())
        tokens << m_proxy->token(row);
    return tokens;
}

QList<BuildToken> MainWindow::shownTokens() const
{
    QList<BuildToken> tokens;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        tokens << m_proxy->token(row);
    return tokens;
}

void MainWindow::copySelection()
{
    const QList<BuildToken> tokens = selectedTokens();
    if (tokens.isEmpty()) {
        statusBar()->showMessage(tr("Select rows to copy (Ctrl+A selects all)"), 3000);
        return;
    }
    QGuiApplication::clipboard()->setText(toTsv(tokens));
    statusBar()->showMessage(tokens.size() == 1 ? tr("Copied 1 row") : tr("Copied %1 rows").arg(tokens.size()), 3000);
}

QString MainWindow::toTsv(const QList<BuildToken> &tokens) const
{
    // As the person sees them: the visible columns in view order, under their titles.
    return TokenExport::toTsv(tokens, m_table->visibleColumns());
}

void MainWindow::exportTokens()
{
    const int selected = int(m_table->selectedRows().size());
    auto *dialog = new ExportDialog(m_settings, selected, m_proxy->rowCount(), [this](const ExportDialog::Request &request) {
        const QList<BuildToken> tokens = request.selectedOnly ? selectedTokens() : shownTokens();
        const QString error = TokenExport::saveToFile(request.path, TokenExport::write(request.format, tokens, request.excelBom));
        if (error.isEmpty()) {
            const QString file = QDir::toNativeSeparators(request.path);
            statusBar()->showMessage(tokens.size() == 1 ? tr("Exported 1 token to %1").arg(file)
                                                        : tr("Exported %1 tokens to %2").arg(tokens.size()).arg(file));
        }
        return error;
    }, this);
    dialog->open();
}

void MainWindow::updateDetails()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    if (!current.isValid() || !m_table->selectionModel()->isRowSelected(current.row(), QModelIndex())) {
        m_details->showToken(nullptr, selected);
        return;
    }
    const BuildToken token = m_proxy->token(current.row());
    m_details->showToken(&token, selected);
}

void MainWindow::updateFilterCount()
{
    const bool filtering = !m_proxy->filterText().isEmpty();
    m_filterCount->setText(filtering ? tr("%1 of %2 shown").arg(m_proxy->rowCount()).arg(m_model->rowCount()) : QString());
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Esc in the filter clears it, ahead of the window's Esc (Cancel) while there is text.
    if (watched == m_filterEdit && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && !m_filterEdit->text().isEmpty()) {
        if (event->type() == QEvent::KeyPress)
            m_filterEdit->clear();
        event->accept();
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings.windowGeometry()))
        resize(QSize(1120, 720).boundedTo(screen()->availableSize() * 0.9));
    restoreState(m_settings.windowState());
    m_table->restoreHeaderState(m_settings.tokenTableHeader());
    if (!m_splitter->restoreState(m_settings.splitterState()))
        m_splitter->setSizes({width() * 3 / 4, width() / 4});
    const int perPage = m_settings.perPage();
    if (PaginationBar::perPageChoices().contains(perPage))
        m_session->setPerPage(perPage);
}

void MainWindow::saveSettings()
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.setTokenTableHeader(m_table->saveHeaderState());
    m_settings.setSplitterState(m_splitter->saveState());
    m_settings.setPerPage(m_session->perPage());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}
