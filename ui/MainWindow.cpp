#include "MainWindow.h"

#include "Icons.h"
#include "PaginationBar.h"
#include "api/ApiClient.h"
#include "api/BuildTokensService.h"
#include "demo/DemoApiServer.h"
#include "model/BuildTokenTableModel.h"
#include "session/BrowserSession.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

// Window and header state depend on Qt's serialisation: keys carry the major version.
const QString GeometryKey = u"qt6/mainWindow/geometry"_s;
const QString WindowStateKey = u"qt6/mainWindow/state"_s;
const QString HeaderStateKey = u"qt6/tokenTable/header"_s;
const QString PerPageKey = u"browse/perPage"_s;
const QString AccountKey = u"connection/accountId"_s;
const QString SchemeKey = u"connection/scheme"_s;
const QString EmailKey = u"connection/email"_s;
const QString ApiBaseKey = u"connection/apiBase"_s;

enum SchemeIndex { ApiTokenIndex, GlobalApiKeyIndex };

} // namespace

MainWindow::MainWindow(QSettings *settings, QWidget *parent)
    : QMainWindow(parent),
      m_settings(settings),
      m_network(new QNetworkAccessManager(this)),
      m_client(new ApiClient(m_network, this)),
      m_session(new BrowserSession(new BuildTokensService(m_client, this), this)),
      m_model(new BuildTokenTableModel(this))
{
    setWindowTitle(tr("Build Token Browser"));
    setWindowIcon(Icons::themed(u"build-token-browser"_s));

    m_table = new QTableView(this);
    m_table->setObjectName(u"tokenTable"_s);
    m_table->setAccessibleName(tr("Build tokens"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Compact rows, as in a spreadsheet: one line of text each.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setColumnWidth(BuildTokenTableModel::Name, 260);
    m_table->setColumnWidth(BuildTokenTableModel::Uuid, 300);
    m_table->setColumnWidth(BuildTokenTableModel::CloudflareTokenId, 290);

    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(u"placeholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false); // drawn in the muted text colour
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_table);

    m_pagination = new PaginationBar(m_session, this);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(createConnectionPanel());
    layout->addWidget(createErrorBanner());
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_pagination);
    setCentralWidget(central);
    createMenus();
    statusBar()->showMessage(tr("Enter an account ID and an API token, then press Load."));

    connect(m_session, &BrowserSession::pageLoaded, this, &MainWindow::onPageLoaded);
    connect(m_session, &BrowserSession::failed, this, &MainWindow::onFailed);
    connect(m_session, &BrowserSession::busyChanged, this, [this](bool busy) {
        if (busy) {
            m_loadTimer.start();
            statusBar()->showMessage(tr("Loading page %1\u2026").arg(m_session->requestedPage()));
        }
        updatePlaceholder();
    });

    restoreSettings();
    applySchemeVisibility();
    updatePlaceholder();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createConnectionPanel()
{
    auto *panel = new QWidget(this);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_accountEdit = new QLineEdit(panel);
    m_accountEdit->setObjectName(u"accountEdit"_s);
    m_accountEdit->setPlaceholderText(tr("32 hex digits, from the account's overview page"));
    m_accountEdit->setClearButtonEnabled(true);

    m_schemeBox = new QComboBox(panel);
    m_schemeBox->setObjectName(u"schemeBox"_s);
    m_schemeBox->insertItem(ApiTokenIndex, tr("API token (recommended)"));
    m_schemeBox->insertItem(GlobalApiKeyIndex, tr("Email and Global API Key"));
    connect(m_schemeBox, &QComboBox::currentIndexChanged, this, &MainWindow::applySchemeVisibility);

    m_apiTokenEdit = new QLineEdit(panel);
    m_apiTokenEdit->setObjectName(u"apiTokenEdit"_s);
    m_apiTokenEdit->setEchoMode(QLineEdit::Password);
    m_apiTokenEdit->setPlaceholderText(tr("A user API token with the \u201cWorkers CI Read\u201d permission"));
    m_emailEdit = new QLineEdit(panel);
    m_emailEdit->setObjectName(u"emailEdit"_s);
    m_globalApiKeyEdit = new QLineEdit(panel);
    m_globalApiKeyEdit->setObjectName(u"globalApiKeyEdit"_s);
    m_globalApiKeyEdit->setEchoMode(QLineEdit::Password);

    m_apiBaseEdit = new QLineEdit(panel);
    m_apiBaseEdit->setObjectName(u"apiBaseEdit"_s);
    m_apiBaseEdit->setPlaceholderText(ApiClient::defaultBaseUrl().toString());
    m_apiBaseEdit->setClearButtonEnabled(true);

    m_form->addRow(tr("&Account ID:"), m_accountEdit);
    m_form->addRow(tr("&Sign in with:"), m_schemeBox);
    m_form->addRow(tr("API &token:"), m_apiTokenEdit);
    m_form->addRow(tr("&Email:"), m_emailEdit);
    m_form->addRow(tr("Global API &Key:"), m_globalApiKeyEdit);
    m_form->addRow(tr("API &base URL:"), m_apiBaseEdit);
    for (QLineEdit *edit : {m_accountEdit, m_apiTokenEdit, m_emailEdit, m_globalApiKeyEdit, m_apiBaseEdit})
        connect(edit, &QLineEdit::returnPressed, this, &MainWindow::load);

    m_loadButton = new QPushButton(Icons::themed(u"view-refresh"_s), tr("&Load"), panel);
    m_loadButton->setObjectName(u"loadButton"_s);
    m_loadButton->setToolTip(tr("Load the first page of build tokens (Enter)"));
    connect(m_loadButton, &QPushButton::clicked, this, &MainWindow::load);

    auto *layout = new QHBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_form, 1);
    layout->addWidget(m_loadButton, 0, Qt::AlignBottom);
    return panel;
}

QWidget *MainWindow::createErrorBanner()
{
    m_errorBanner = new QFrame(this);
    m_errorBanner->setObjectName(u"errorBanner"_s);
    m_errorBanner->setStyleSheet(u"QFrame#errorBanner { background: #fdecea; border: 1px solid #e0a5a0;"
                                 " border-radius: 4px; } QFrame#errorBanner QLabel { color: #611a15; }"_s);
    m_errorText = new QLabel(m_errorBanner);
    m_errorText->setObjectName(u"errorText"_s);
    m_errorText->setWordWrap(true);
    m_errorText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorText->setTextFormat(Qt::RichText); // every part of it is HTML-escaped
    auto *dismiss = new QToolButton(m_errorBanner);
    dismiss->setText(tr("Dismiss"));
    dismiss->setAccessibleName(tr("Dismiss the error"));
    dismiss->setAutoRaise(true);
    connect(dismiss, &QToolButton::clicked, m_errorBanner, &QWidget::hide);
    auto *layout = new QHBoxLayout(m_errorBanner);
    layout->addWidget(m_errorText, 1);
    layout->addWidget(dismiss, 0, Qt::AlignTop);
    m_errorBanner->hide();
    return m_errorBanner;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *loadAction = file->addAction(Icons::themed(u"view-refresh"_s), tr("&Load First Page"), this, &MainWindow::load);
    loadAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    loadAction->setStatusTip(tr("Apply the connection fields and load the first page"));
    QAction *reload = file->addAction(tr("&Reload Page"), m_session, &BrowserSession::reload);
    reload->setObjectName(u"reloadAction"_s);
    reload->setShortcut(QKeySequence::Refresh);
    reload->setStatusTip(tr("Load the page shown again"));
    file->addSeparator();
    QAction *quit = file->addAction(Icons::themed(u"application-exit"_s), tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setStatusTip(tr("Quit Build Token Browser"));

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addActions(m_pagination->navigationActions());
    go->addSeparator();
    go->addAction(m_pagination->cancelAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Build Token Browser"), this, [this] {
        QMessageBox::about(this, tr("About Build Token Browser"),
                           tr("<h3>Build Token Browser %1</h3>"
                              "<p>Browse the build tokens of Cloudflare Workers Builds.</p>"
                              "<p>Credentials stay in memory and are sent only to the API base URL.</p>")
                               .arg(QStringLiteral(BTB_VERSION)));
    });
    about->setStatusTip(tr("Show the version"));
}

void MainWindow::applySchemeVisibility()
{
    const bool token = m_schemeBox->currentIndex() == ApiTokenIndex;
    m_form->setRowVisible(m_apiTokenEdit, token);
    m_form->setRowVisible(m_emailEdit, !token);
    m_form->setRowVisible(m_globalApiKeyEdit, !token);
}

void MainWindow::applyConnectionFields()
{
    const QString base = m_apiBaseEdit->text().trimmed();
    m_client->setBaseUrl(base.isEmpty() ? ApiClient::defaultBaseUrl() : QUrl::fromUserInput(base));
    m_client->setCredentials(m_schemeBox->currentIndex() == ApiTokenIndex
                                 ? Credentials::fromApiToken(m_apiTokenEdit->text().trimmed())
                                 : Credentials::fromGlobalApiKey(m_emailEdit->text().trimmed(),
                                                                 m_globalApiKeyEdit->text().trimmed()));
    m_session->setAccountId(m_accountEdit->text().trimmed());
}

void MainWindow::load()
{
    applyConnectionFields();
    m_session->firstPage();
}

void MainWindow::startDemo(const QUrl &baseUrl)
{
    m_demo = true;
    setWindowTitle(tr("Build Token Browser \u2014 demo data"));
    m_accountEdit->setText(DemoApiServer::accountId());
    m_schemeBox->setCurrentIndex(ApiTokenIndex);
    m_apiTokenEdit->setText(DemoApiServer::apiToken());
    m_apiBaseEdit->setText(baseUrl.toString());
    load();
}

void MainWindow::onPageLoaded()
{
    m_errorBanner->hide();
    m_model->setTokens(m_session->tokens());
    updatePlaceholder();
    statusBar()->showMessage(tr("Loaded page %1 in %2 ms").arg(m_session->page()).arg(m_loadTimer.elapsed()), 5000);
}

void MainWindow::onFailed(const ApiError &error)
{
    if (error.kind() == ApiError::Kind::Canceled) {
        statusBar()->showMessage(tr("Canceled"), 5000);
        return;
    }
    showError(error);
}

void MainWindow::showError(const ApiError &error)
{
    // The rows already shown stay: the banner sits above them.
    m_errorText->setText(u"<b>"_s + error.summary().toHtmlEscaped() + u"</b><br>"_s
                         + error.details().toHtmlEscaped().replace(u'\n', u"<br>"_s));
    m_errorBanner->show();
    statusBar()->showMessage(error.summary());
}

void MainWindow::updatePlaceholder()
{
    if (m_session->hasPage() && m_model->rowCount() > 0) {
        m_stack->setCurrentWidget(m_table);
        return;
    }
    QString text;
    if (m_session->hasPage())
        text = m_session->page() > 1 ? tr("This page is empty: it is past the last page.")
                                     : tr("This account has no build tokens.");
    else if (m_session->isBusy())
        text = tr("Loading build tokens\u2026");
    else
        text = tr("Enter an account ID and an API token above, then press Load.");
    m_placeholder->setText(text);
    m_stack->setCurrentWidget(m_placeholder);
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings->value(GeometryKey).toByteArray()))
        resize(QSize(1120, 720).boundedTo(screen()->availableSize() * 0.9));
    restoreState(m_settings->value(WindowStateKey).toByteArray());
    m_table->horizontalHeader()->restoreState(m_settings->value(HeaderStateKey).toByteArray());
    const int perPage = m_settings->value(PerPageKey, BuildTokensService::DefaultPerPage).toInt();
    if (PaginationBar::perPageChoices().contains(perPage))
        m_session->setPerPage(perPage);
    m_accountEdit->setText(m_settings->value(AccountKey).toString());
    m_schemeBox->setCurrentIndex(m_settings->value(SchemeKey).toString() == u"key"_s ? GlobalApiKeyIndex : ApiTokenIndex);
    m_emailEdit->setText(m_settings->value(EmailKey).toString());
    m_apiBaseEdit->setText(m_settings->value(ApiBaseKey).toString());
}

void MainWindow::saveSettings() const
{
    m_settings->setValue(GeometryKey, saveGeometry());
    m_settings->setValue(WindowStateKey, saveState());
    m_settings->setValue(HeaderStateKey, m_table->horizontalHeader()->saveState());
    m_settings->setValue(PerPageKey, m_session->perPage());
    if (m_demo)
        return; // the demo's account and ephemeral server are not the person's own
    // Never the token or key: only what identifies, not what authenticates.
    m_settings->setValue(AccountKey, m_accountEdit->text().trimmed());
    m_settings->setValue(SchemeKey, m_schemeBox->currentIndex() == GlobalApiKeyIndex ? u"key"_s : u"token"_s);
    m_settings->setValue(EmailKey, m_emailEdit->text().trimmed());
    m_settings->setValue(ApiBaseKey, m_apiBaseEdit->text().trimmed());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}
