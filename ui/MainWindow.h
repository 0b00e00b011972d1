#pragma once

#include "settings/AppSettings.h"

#include <QDeadlineTimer>
#include <QMainWindow>

#include <optional>

class Actions;
class ApiError;
class ConnectionBar;
struct AppCore;
class BrowserSession;
class BuildTokenFilterModel;
class BuildTokenTableModel;
class MessageBanner;
class QSplitter;
class TokenDetailsPane;
class TokenTableView;
struct BuildToken;
class PaginationBar;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTimer;
struct Profile;

// The browser's window: it lays out the connection bar, the error banner, the token table
// with its filter and details pane, and the page bar, and wires them to the core (AppCore)
// that main() made. What the table area shows is the presenter's decision; which profile and
// account, ActiveProfile's.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `core` outlives the window.
    explicit MainWindow(AppCore *core, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Selects the last profile used (else the first) and loads its account's first page.
    void openLastProfile();
    void selectProfile(const QString &name);

    BrowserSession *session() const { return m_session; }

public slots:
    // Loads the first page of the chosen account with the chosen profile.
    void load();
    void newProfile();
    void editProfile();
    // The selected rows as TSV with a header row, in view and visible-column order.
    void copySelection();
    void exportTokens();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createTokenArea();
    void showContextMenu(const QPoint &position);
    void updateDetails();
    void updateFilterCount();
    QList<BuildToken> selectedTokens() const;
    QList<BuildToken> shownTokens() const;
    QString toTsv(const QList<BuildToken> &tokens) const;
    void connectActions();
    void createMenus();
    void showAbout();
    void onProfileChanged();
    void openProfileDialog(const std::optional<Profile> &existing);
    void fillAccounts();
    void onRetrying(const ApiError &reason, qint64 delayMs, int attempt);
    void showRetryCountdown();
    // The banner and the table or its placeholder, as the presenter says.
    void showTableArea();
    void restoreSettings();
    void saveSettings();

    AppCore *m_core;
    AppSettings m_settings;
    BrowserSession *m_session;
    BuildTokenTableModel *m_model;
    BuildTokenFilterModel *m_proxy;
    QTimer *m_retryCountdown = nullptr;
    QDeadlineTimer m_retryDeadline;
    QString m_retryReason;

    ConnectionBar *m_connection = nullptr;
    Actions *m_actions = nullptr;
    MessageBanner *m_errorBanner = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    TokenTableView *m_table = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QLabel *m_filterCount = nullptr;
    QSplitter *m_splitter = nullptr;
    TokenDetailsPane *m_details = nullptr;
    PaginationBar *m_pagination = nullptr;
};
