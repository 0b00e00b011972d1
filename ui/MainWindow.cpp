#include "MainWindow.h"

#include "AboutBox.h"
#include "AccountPicker.h"
#include "Actions.h"
#include "FilterBar.h"
#include "Icons.h"
#include "MessageBanner.h"
#include "PaginationBar.h"
#include "ProfileDialog.h"
#include "RetryCountdown.h"
#include "TokenDetailsPane.h"
#include "TokenRowActions.h"
#include "TokenTableView.h"
#include "api/AccountsService.h"
#include "api/ApiClient.h"
#include "api/BuildTokensService.h"
#include "auth/ProfileStore.h"
#include "model/BuildTokenFilterModel.h"
#include "model/BuildTokenTableModel.h"
#include "session/BrowserSession.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

MainWindow::MainWindow(ProfileStore *profiles, QSettings *settings, QWidget *parent)
    : QMainWindow(parent),
      m_profiles(profiles),
      m_settings(settings),
      m_network(new QNetworkAccessManager(this)),
      m_client(new ApiClient(m_network, this)),
      m_session(new BrowserSession(new BuildTokensService(m_client, this), new BuildTokenTableModel(this), this)),
      m_model(m_session->rows()),
      m_proxy(new BuildTokenFilterModel(this))
{
    setWindowTitle(tr("Build Token Browser"));
    setWindowIcon(Icons::themed(u"build-token-browser"_s));

    m_actions = new Actions(this);
    m_pagination = new PaginationBar(m_session, m_actions, this);
    m_errorBanner = new MessageBanner(this);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(createConnectionPanel());
    layout->addWidget(m_errorBanner);
    layout->addWidget(createTokenArea(), 1);
    layout->addWidget(m_pagination);
    setCentralWidget(central);
    connectActions();
    m_actions->fillMenuBar(menuBar());

    connect(m_session, &BrowserSession::pageLoaded, this, &MainWindow::onPageLoaded);
    connect(m_session, &BrowserSession::cleared, this, [this] {
        m_filterBar->clear(); // typed for the listing that is gone
        updatePlaceholder();
    });
    connect(m_session, &BrowserSession::failed, this, &MainWindow::onFailed);
    auto *retryCountdown = new RetryCountdown(statusBar());
    connect(m_session, &BrowserSession::retrying, retryCountdown,
            [this, retryCountdown](const ApiError &reason, qint64 delayMs, int attempt) {
                retryCountdown->start(reason, delayMs, attempt, m_client->retryPolicy().maxAttempts);
            });
    connect(m_session, &BrowserSession::busyChanged, this, [this, retryCountdown](bool busy) {
        if (busy) {
            m_errorBanner->hide(); // it spoke of an earlier request
            m_loadTimer.start();
            statusBar()->showMessage(tr("Loading page %1\u2026").arg(m_session->requestedPage()));
        } else {
            retryCountdown->stop();
        }
        updatePlaceholder();
    });
    connect(m_profiles, &ProfileStore::profilesChanged, this, [this] {
        const QString current = m_profileBox->currentText();
        refreshProfiles(current);
        if (m_profileBox->currentText() != current)
            onProfileChanged(); // it was removed: nothing of it may stay on screen
    });

    restoreSettings();
    refreshProfiles(QString());
    updatePlaceholder();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createConnectionPanel()
{
    auto *panel = new QWidget(this);

    m_profileBox = new QComboBox(panel);
    m_profileBox->setObjectName(u"profileBox"_s);
    m_profileBox->setAccessibleName(tr("Profile"));
    m_profileBox->setMinimumContentsLength(14);
    m_profileBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_profileBox, &QComboBox::currentIndexChanged, this, &MainWindow::onProfileChanged);
    auto *profileLabel = new QLabel(tr("&Profile:"), panel);
    profileLabel->setBuddy(m_profileBox);

    m_editProfileButton = new QPushButton(tr("Edi&t\u2026"), panel); // Alt+E opens the Edit menu
    m_editProfileButton->setObjectName(u"editProfileButton"_s);
    m_editProfileButton->setToolTip(tr("Change this profile's secret, account or API base URL, test it, or remove it"));
    connect(m_editProfileButton, &QPushButton::clicked, this, &MainWindow::editProfile);
    auto *newProfileButton = new QPushButton(tr("&New\u2026"), panel);
    newProfileButton->setObjectName(u"newProfileButton"_s);
    newProfileButton->setToolTip(tr("Add a profile (Ctrl+N)"));
    connect(newProfileButton, &QPushButton::clicked, this, &MainWindow::newProfile);

    m_accountPicker = new AccountPicker(panel);
    m_accountPicker->setObjectName(u"accountPicker"_s);
    m_accountPicker->setAccessibleName(tr("Account"));
    connect(m_accountPicker, &QComboBox::activated, this, &MainWindow::load);
    connect(m_accountPicker->lineEdit(), &QLineEdit::returnPressed, this, &MainWindow::load);
    auto *accountLabel = new QLabel(tr("&Account:"), panel);
    accountLabel->setBuddy(m_accountPicker);

    m_loadButton = new QPushButton(Icons::themed(u"view-refresh"_s), tr("&Load"), panel);
    m_loadButton->setObjectName(u"loadButton"_s);
    m_loadButton->setToolTip(tr("Load the first page of the account's build tokens (Enter)"));
    connect(m_loadButton, &QPushButton::clicked, this, &MainWindow::load);

    m_keyWarning = new QLabel(u"\u26a0 "_s + tr("This profile uses a Global API Key, which can do anything your user can. "
                                                "An API token with only \u201cWorkers CI Read\u201d is the safer choice."), panel);
    m_keyWarning->setObjectName(u"keyWarning"_s);
    m_keyWarning->setWordWrap(true);
    m_keyWarning->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(profileLabel);
    row->addWidget(m_profileBox);
    row->addWidget(m_editProfileButton);
    row->addWidget(newProfileButton);
    row->addSpacing(16);
    row->addWidget(accountLabel);
    row->addWidget(m_accountPicker, 1);
    row->addWidget(m_loadButton);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_keyWarning);
    return panel;
}

QWidget *MainWindow::createTokenArea()
{
    m_proxy->setTokenModel(m_model);
    m_table = new TokenTableView(this);
    m_table->setModel(m_proxy);
    auto *rowActions = new TokenRowActions(m_table, m_proxy, m_settings, m_actions, this);
    connect(rowActions, &TokenRowActions::statusMessage, statusBar(), &QStatusBar::showMessage);

    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(u"placeholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false); // drawn in the muted text colour
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_table);

    m_filterBar = new FilterBar(m_proxy, this);
    auto *details = new TokenDetailsPane(this);
    details->follow(m_table, m_proxy);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"tokenSplitter"_s);
    m_splitter->addWidget(m_stack);
    m_splitter->addWidget(details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(true);

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
    connect(action(Actions::Reload), &QAction::triggered, m_session, &BrowserSession::reload);
    connect(action(Actions::Quit), &QAction::triggered, this, &QWidget::close);
    connect(action(Actions::SelectAll), &QAction::triggered, m_table, &QAbstractItemView::selectAll);
    connect(action(Actions::Find), &QAction::triggered, m_filterBar, &FilterBar::focusFilter);
    connect(action(Actions::About), &QAction::triggered, this, [this] { showAboutBox(this); });
    m_table->addTableAction(action(Actions::SelectAll));
}

std::optional<Profile> MainWindow::currentProfile() const
{
    return m_profiles->profile(m_profileBox->currentText());
}

void MainWindow::refreshProfiles(const QString &select)
{
    const QStringList names = m_profiles->names();
    {
        const QSignalBlocker blocker(m_profileBox);
        m_profileBox->clear();
        m_profileBox->addItems(names);
        m_profileBox->setCurrentIndex(names.indexOf(select));
    }
    m_profileBox->setEnabled(!names.isEmpty());
    m_editProfileButton->setEnabled(m_profileBox->currentIndex() >= 0);
    updatePlaceholder();
}

void MainWindow::selectProfile(const QString &name)
{
    const int index = m_profileBox->findText(name);
    if (index < 0)
        return;
    if (index == m_profileBox->currentIndex())
        onProfileChanged();
    else
        m_profileBox->setCurrentIndex(index); // calls onProfileChanged
}

void MainWindow::openLastProfile()
{
    const QStringList names = m_profiles->names();
    const QString last = m_profiles->lastProfileName();
    if (!names.isEmpty())
        selectProfile(names.contains(last) ? last : names.first());
}

void MainWindow::onProfileChanged()
{
    m_session->clear(); // rows listed with another profile's credentials
    const std::optional<Profile> profile = currentProfile();
    m_editProfileButton->setEnabled(profile.has_value());
    m_keyWarning->setVisible(profile && profile->scheme == Credentials::Scheme::GlobalApiKey);
    m_accountPicker->setAccounts({});
    m_accountPicker->setAccountId(profile ? profile->accountId : QString());
    if (!profile)
        return;
    m_profiles->setLastProfileName(profile->name);
    if (!profile->accountId.isEmpty()) {
        load(); // fills the account list too
        return;
    }
    // Nothing to load yet, but the account list helps choose: a failure to read the secret is
    // reported when the person presses Load, where they asked for something.
    withSecret(*profile, false, [this, profile = *profile](const QString &secret) { fillAccounts(profile, secret); });
}

void MainWindow::withSecret(const Profile &profile, bool reportFailure, const std::function<void(const QString &)> &use)
{
    m_profiles->readSecret(profile.name, this, [this, profile, reportFailure, use](const SecretStore::Result &secret) {
        if (m_profileBox->currentText() != profile.name)
            return; // another profile was chosen meanwhile
        if (secret.ok()) {
            use(secret.secret);
        } else if (reportFailure) {
            showProblem(tr("The secret of profile \u201c%1\u201d could not be read").arg(profile.name),
                        (secret.error == SecretStore::Error::NotFound ? tr("The keychain has no secret for it.")
                                                                      : secret.message)
                            + u'\n' + tr("Edit the profile to enter it again; you can keep it for this session only."));
        }
    });
}

void MainWindow::fillAccounts(const Profile &profile, const QString &secret)
{
    ApiClient client(m_network); // the job keeps a copy
    client.useProfile(profile, secret);
    AccountsJob *job = AccountsService(&client).listAll(this);
    connect(job, &Job::finished, this, [this, job, name = profile.name] {
        if (job->result().ok() && m_profileBox->currentText() == name)
            m_accountPicker->setAccounts(job->result().value());
    });
}

void MainWindow::load()
{
    const std::optional<Profile> profile = currentProfile();
    if (!profile) {
        showProblem(tr("No profile yet"), tr("Add a profile with File \u2192 New Profile\u2026 (Ctrl+N): an API token "
                                             "with \u201cWorkers CI Read\u201d and an account ID."));
        return;
    }
    const QString account = m_accountPicker->accountId();
    if (account != profile->accountId && BuildTokensService::checkAccountId(account).isEmpty())
        m_profiles->setAccountId(profile->name, account); // the last account per profile
    statusBar()->showMessage(tr("Reading the secret of \u201c%1\u201d\u2026").arg(profile->name));
    m_session->setAccountId(account); // another account's rows leave now, not when it answers
    withSecret(*profile, true, [this, profile = *profile](const QString &secret) {
        m_client->useProfile(profile, secret);
        m_session->firstPage();
        if (m_accountPicker->count() == 0)
            fillAccounts(profile, secret); // once per profile, with the secret already read
    });
}

void MainWindow::newProfile()
{
    openProfileDialog(std::nullopt);
}

void MainWindow::editProfile()
{
    if (const std::optional<Profile> profile = currentProfile())
        openProfileDialog(profile);
}

void MainWindow::openProfileDialog(const std::optional<Profile> &existing)
{
    auto *dialog = new ProfileDialog(m_profiles, m_network, existing, this);
    connect(dialog, &ProfileDialog::saved, this, [this](const QString &name) {
        refreshProfiles(name);
        onProfileChanged(); // also when it was current already: its fields may have changed
    });
    connect(dialog, &ProfileDialog::removed, this, &MainWindow::openLastProfile);
    dialog->open();
}

void MainWindow::onPageLoaded()
{
    m_errorBanner->hide();
    updatePlaceholder();
    statusBar()->showMessage(tr("Loaded page %1 in %2 ms").arg(m_session->page()).arg(m_loadTimer.elapsed()), 5000);
}

void MainWindow::onFailed(const ApiError &error)
{
    if (error.kind() == ApiError::Kind::Canceled) {
        statusBar()->showMessage(tr("Canceled"), 5000);
        return;
    }
    showProblem(error.summary(), error.details());
}

void MainWindow::showProblem(const QString &summary, const QString &details)
{
    // The rows already shown stay: the banner sits above them.
    m_errorBanner->showMessage(summary, details);
    statusBar()->showMessage(summary);
    updatePlaceholder();
}

void MainWindow::updatePlaceholder()
{
    if (m_session->hasPage() && m_model->rowCount() > 0) {
        m_stack->setCurrentWidget(m_table);
        return;
    }
    QString text;
    if (m_errorBanner->isVisibleTo(this) && !m_session->hasPage())
        text = tr("The build tokens could not be loaded: the message above says why.");
    else if (m_session->hasPage())
        text = m_session->page() > 1 ? tr("This page is empty: it is past the last page.")
                                     : tr("This account has no build tokens.");
    else if (m_session->isBusy())
        text = tr("Loading build tokens\u2026");
    else if (m_profileBox->count() == 0)
        text = tr("Add a profile to start: File \u2192 New Profile\u2026 (Ctrl+N).");
    else
        text = tr("Choose an account and press Load.");
    m_placeholder->setText(text);
    m_stack->setCurrentWidget(m_placeholder);
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings.windowGeometry()))
        resize(QSize(1120, 720).boundedTo(screen()->availableSize() * 0.9));
    restoreState(m_settings.windowState());
    m_table->restoreHeaderState(m_settings.tokenTableHeader());
    if (!m_splitter->restoreState(m_settings.splitterState()))
        m_splitter->setSizes({width() * 3 / 4, width() / 4});
    m_client->setTransferTimeout(m_settings.transferTimeout());
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
