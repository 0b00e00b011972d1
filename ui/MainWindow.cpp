#include "MainWindow.h"

#include "AboutBox.h"
#include "AppInfo.h"
#include "Actions.h"
#include "AppCore.h"
#include "ConnectionBar.h"
#include "Documentation.h"
#include "EmptyStatePanel.h"
#include "EnterClicksButtons.h"
#include "FilterBar.h"
#include "Icons.h"
#include "MessageBanner.h"
#include "PaginationBar.h"
#include "PreferencesDialog.h"
#include "ProfileDialog.h"
#include "RetryCountdown.h"
#include "ShortcutsDialog.h"
#include "TokenDetailsPane.h"
#include "TokenRowActions.h"
#include "TokenTableView.h"
#include "UsageScan.h"
#include "api/AccountsService.h"
#include "auth/ProfileStore.h"
#include "model/UntrustedText.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QLabel>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

MainWindow::MainWindow(AppCore *core, QWidget *parent)
    : QMainWindow(parent), m_core(core), m_settings(core->settings)
{
    setWindowIcon(Icons::application());
    new EnterClicksButtons(this);

    m_actions = new Actions(this);
    m_connection = new ConnectionBar(core->profiles, &core->active, this);
    m_errorBanner = new MessageBanner(this);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_connection);
    layout->addWidget(m_errorBanner);
    layout->addWidget(createTokenArea(), 1);
    layout->addWidget(new PaginationBar(&core->session, &core->active, m_actions, this));
    setCentralWidget(central);
    connectActions();
    m_actions->fillMenuBar(menuBar(), m_table->columnsMenu());

    connect(m_connection, &ConnectionBar::loadRequested, this, &MainWindow::load);
    connect(m_connection, &ConnectionBar::newProfileRequested, this, &MainWindow::newProfile);
    connect(m_connection, &ConnectionBar::editProfileRequested, this, &MainWindow::editProfile);
    connect(&core->presenter, &TableAreaPresenter::changed, this, &MainWindow::showTableArea);
    connect(&core->presenter, &TableAreaPresenter::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(&core->health, &HealthChecker::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(&core->active, &ActiveProfile::changed, this, &MainWindow::onProfileChanged);
    connect(&core->session, &BrowserSession::cleared, m_filterBar, &FilterBar::clear); // typed for the listing that is gone
    auto *retryCountdown = new RetryCountdown(statusBar());
    connect(&core->session, &BrowserSession::retrying, retryCountdown,
            [this, retryCountdown](const ApiError &reason, qint64 delayMs, int attempt) {
                retryCountdown->start(reason, delayMs, attempt, m_core->client.retryPolicy().maxAttempts);
            });
    connect(&core->session, &BrowserSession::busyChanged, retryCountdown, [retryCountdown](bool busy) {
        if (!busy)
            retryCountdown->stop();
    });

    // A line edit takes Ctrl+E (end of line) and the like for itself; the window's own
    // shortcuts win there (Export from the filter field).
    for (QLineEdit *edit : findChildren<QLineEdit *>())
        edit->installEventFilter(this);

    restoreSettings();
    showTableArea();
    // On a first start the way in has the focus (not Load, which needs a profile first).
    if (!m_placeholder->buttons().isEmpty())
        m_placeholder->buttons().first()->setFocus();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        const QKeySequence pressed(static_cast<QKeyEvent *>(event)->keyCombination());
        for (const QAction *action : m_actions->all()) {
            // Unaccepted and filtered out: the line edit never claims it, the shortcut runs.
            // The table's own (Ctrl+C, Ctrl+A) stay the line edit's, as plain keys do.
            if (action->isEnabled() && action->shortcut() == pressed && action->shortcutContext() == Qt::WindowShortcut
                && (pressed[0].keyboardModifiers() & Qt::ControlModifier))
                return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

MainWindow::~MainWindow() = default;

BrowserSession *MainWindow::session() const
{
    return &m_core->session;
}

QWidget *MainWindow::createTokenArea()
{
    // Made in screen order, which is the Tab order: the filter above the table, the details
    // pane beside it.
    m_filterBar = new FilterBar(&m_core->filter, this);
    m_table = new TokenTableView(this);
    m_table->setModel(&m_core->filter);
    auto *rowActions = new TokenRowActions(m_table, &m_core->filter, m_settings, m_actions, this);
    connect(rowActions, &TokenRowActions::statusMessage, statusBar(), &QStatusBar::showMessage);

    m_placeholder = new EmptyStatePanel(this);
    m_placeholder->setObjectName(u"emptyState"_s);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_table);

    m_details = new TokenDetailsPane(this);
    m_details->follow(m_table, &m_core->filter);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"tokenSplitter"_s);
    m_splitter->addWidget(m_stack);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(true);
    m_splitter->handle(1)->setAccessibleName(tr("Divider between the table and the details pane"));
    // Dragged shut or open, the pane's action follows; an open width is kept for F9.
    connect(m_splitter, &QSplitter::splitterMoved, this, &MainWindow::followDetailsPane);

    auto *area = new QWidget(this);
    auto *layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_splitter, 1);
    return area;
}

void MainWindow::connectActions()
{
    const auto action = [this](Actions::Id id) { return m_actions->action(id); };
    connect(action(Actions::NewProfile), &QAction::triggered, this, &MainWindow::newProfile);
    connect(action(Actions::EditProfile), &QAction::triggered, this, &MainWindow::editProfile);
    connect(action(Actions::Load), &QAction::triggered, this, &MainWindow::load);
    connect(action(Actions::LoadAllPages), &QAction::triggered, this, &MainWindow::loadAllPages);
    connect(action(Actions::Reload), &QAction::triggered, this, [this] {
        m_core->health.forget(); // a Refresh checks the health again
        m_core->session.reload();
    });
    connect(action(Actions::CheckHealth), &QAction::triggered, &m_core->health, &HealthChecker::check);
    connect(&m_core->health, &HealthChecker::busyChanged, this, &MainWindow::enableHealthCheck);
    auto *usageScan = new UsageScan(m_core, action(Actions::ScanUsage), m_table, this);
    connect(usageScan, &UsageScan::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(action(Actions::Quit), &QAction::triggered, this, &QWidget::close);
    connect(action(Actions::SelectAll), &QAction::triggered, m_table, &QAbstractItemView::selectAll);
    connect(action(Actions::Find), &QAction::triggered, m_filterBar, &FilterBar::focusFilter);
    connect(action(Actions::Preferences), &QAction::triggered, this, [this] { (new PreferencesDialog(m_core, this))->open(); });
    connect(action(Actions::About), &QAction::triggered, this, [this] { showAboutBox(this); });
    connect(action(Actions::AboutQt), &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(action(Actions::Documentation), &QAction::triggered, this,
            [this] { statusBar()->showMessage(Documentation::open(), 10000); }); // long enough to read a path
    connect(action(Actions::KeyboardShortcuts), &QAction::triggered, this, [this] { showKeyboardShortcuts(m_actions, this); });
    connect(action(Actions::DetailsPane), &QAction::toggled, this, &MainWindow::setDetailsShown);

    // The presenter's ways on, as buttons in the empty table and the banner (mnemonics that no
    // menu or field of the window has). First page is the registry's own.
    using Step = TableAreaPresenter::Step;
    const auto step = [this](Step id, const QString &text, const char *name, const QString &tip, auto &&run) {
        auto *stepAction = new QAction(text, this);
        stepAction->setObjectName(QLatin1StringView(name));
        stepAction->setToolTip(tip);
        connect(stepAction, &QAction::triggered, this, run);
        m_stepActions.insert(id, stepAction);
    };
    step(Step::AddProfile, tr("Add a &Cloudflare Profile\u2026"), "addProfile",
         tr("An API token with \u201cWorkers CI Read\u201d, kept in the system keychain"), [this] { newProfile(); });
    step(Step::ExploreDemo, tr("Explore &Demo Data"), "exploreDemo",
         tr("Open the app again on a fake Cloudflare account, without any profile of yours"), [this] { emit demoRequested(); });
    step(Step::Retry, tr("Retr&y"), "retry", QString(), [this] {
        if (m_core->session.hasPage())
            m_core->session.reload();
        else
            load(); // nothing came yet: the first page again
    });
    step(Step::OtherAccount, tr("Choose Another Acco&unt"), "otherAccount", QString(), [this] { m_connection->focusAccount(); });
    step(Step::EditProfile, tr("Ed&it Profile\u2026"), "editProfileFromBanner", QString(), [this] { editProfile(); });
    m_stepActions.insert(Step::FirstPage, action(Actions::FirstPage));
    m_table->addTableAction(action(Actions::SelectAll));
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
            if (job->result().ok() && m_core->active.name() == name) {
                m_connection->setAccounts(job->result().value());
                showTitle(); // the account's name is known now
            }
        });
    });
}

void MainWindow::load()
{
    startListing(&BrowserSession::firstPage);
}

void MainWindow::loadAllPages()
{
    startListing(&BrowserSession::loadAllPages);
}

void MainWindow::startListing(void (BrowserSession::*start)())
{
    if (!m_core->active.profile()) {
        m_core->presenter.showProblem(tr("No profile yet"), tr("Add a profile with File \u2192 New Profile\u2026 (Ctrl+N): an API "
                                                               "token with \u201cWorkers CI Read\u201d and an account ID."));
        return;
    }
    const QString account = m_connection->accountId();
    m_core->active.setAccountId(account);
    m_core->session.setAccountId(account); // another account's rows leave now, not when it answers
    m_core->active.whenReady(this, [this, start] {
        (m_core->session.*start)();
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
    auto *dialog = new ProfileDialog(m_core->profiles, m_core->network.get(), existing, this);
    // Selected again also when it was current: its fields or secret may have changed.
    connect(dialog, &ProfileDialog::saved, this, &MainWindow::selectProfile);
    connect(dialog, &ProfileDialog::removed, this, &MainWindow::openLastProfile);
    dialog->open();
}

void MainWindow::showTitle()
{
    // "Demo Company · work": the account shown (by name once the list came), then the
    // profile; the platform adds the application's name.
    const QString profile = m_core->active.name();
    const QString id = m_core->session.accountId();
    const QString name = m_connection->accountName(id);
    const QString account = name.isEmpty() ? id : name;
    if (profile.isEmpty())
        setWindowTitle(AppInfo::DisplayName);
    else if (account.isEmpty())
        setWindowTitle(UntrustedText::isolate(profile));
    else
        setWindowTitle(tr("%1 \u00b7 %2").arg(UntrustedText::isolate(account), UntrustedText::isolate(profile)));
}

void MainWindow::enableHealthCheck()
{
    m_actions->action(Actions::CheckHealth)->setEnabled(m_core->rows.rowCount() > 0 && !m_core->health.isBusy());
}

void MainWindow::showTableArea()
{
    showTitle();
    // Every page of an account needs a profile to ask with.
    m_actions->action(Actions::LoadAllPages)->setEnabled(m_core->active.profile().has_value());
    enableHealthCheck();
    const TableAreaPresenter &presenter = m_core->presenter;
    if (!presenter.hasProblem()) {
        m_errorBanner->clear();
    } else if (m_errorBanner->text() != presenter.problemSummary() + u'\n' + presenter.problemDetails()
               || !m_errorBanner->isShowing()) {
        // Shown (and announced) once per problem.
        m_errorBanner->showMessage(presenter.problemSummary(), presenter.problemDetails(),
                                   {m_stepActions.value(presenter.problemStep())});
    }
    if (presenter.state() == TableAreaPresenter::State::Rows) {
        m_stack->setCurrentWidget(m_table);
        return;
    }
    QList<QAction *> next;
    for (const TableAreaPresenter::Step step : presenter.nextSteps())
        next << m_stepActions.value(step);
    m_placeholder->showState(presenter.placeholderText(), next);
    m_stack->setCurrentWidget(m_placeholder);
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings.windowGeometry()))
        resize(QSize(1120, 720).boundedTo(screen()->availableSize() * 0.9));
    // A size saved on a larger screen opens within this one.
    resize(size().boundedTo(screen()->availableSize()));
    restoreState(m_settings.windowState());
    m_table->restoreHeaderState(m_settings.tokenTableHeader());
    m_detailsWidth = m_details->sizeHint().width();
    // A narrow window starts with the table alone: the ids need the width (F9 opens it).
    if (!m_splitter->restoreState(m_settings.splitterState()))
        m_splitter->setSizes({width() - m_detailsWidth, width() >= NarrowWindow ? m_detailsWidth : 0});
    followDetailsPane();
    const int perPage = m_settings.perPage();
    if (PaginationBar::perPageChoices().contains(perPage))
        m_core->session.setPerPage(perPage);
}

void MainWindow::setDetailsShown(bool shown)
{
    const QList<int> sizes = m_splitter->sizes();
    if ((sizes.value(1) > 0) == shown)
        return; // dragged there already
    const int total = sizes.value(0) + sizes.value(1);
    const int pane = shown ? std::min(m_detailsWidth, total / 2) : 0;
    if (!shown && m_details->isAncestorOf(focusWidget()))
        m_table->setFocus(); // not into a pane nobody sees
    m_splitter->setSizes({total - pane, pane});
    followDetailsPane();
}

void MainWindow::followDetailsPane()
{
    const int pane = m_splitter->sizes().value(1);
    if (pane > 0)
        m_detailsWidth = pane;
    // Shut, its fields leave the Tab order (a splitter keeps a shut child visible).
    m_details->setEnabled(pane > 0);
    m_actions->action(Actions::DetailsPane)->setChecked(pane > 0);
}

void MainWindow::saveSettings()
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.setTokenTableHeader(m_table->saveHeaderState());
    m_settings.setSplitterState(m_splitter->saveState());
    m_settings.setPerPage(m_core->session.perPage());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}
