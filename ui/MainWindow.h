#pragma once

#include "session/TableAreaPresenter.h"
#include "settings/AppSettings.h"

#include <QHash>

#include <QMainWindow>

#include <optional>

class Actions;
class BrowserSession;
class ConnectionBar;
class EmptyStatePanel;
class FilterBar;
class MessageBanner;
class QAction;
class QSplitter;
class QStackedWidget;
class TokenDetailsPane;
class TokenTableView;
struct AppCore;
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

    BrowserSession *session() const;

signals:
    // "Explore Demo Data": main() opens the app again with --demo.
    void demoRequested();

public slots:
    // Loads the first page, or every page, of the chosen account with the chosen profile.
    void load();
    void loadAllPages();
    void newProfile();
    void editProfile();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createTokenArea();
    void connectActions();
    void startListing(void (BrowserSession::*start)());
    void onProfileChanged();
    void openProfileDialog(const std::optional<Profile> &existing);
    void fillAccounts();
    // The banner and the table or its placeholder, as the presenter says; the title too.
    void enableHealthCheck(); // Check Health: rows to check, no check running
    void showTableArea();
    void showTitle();
    void restoreSettings();
    void saveSettings();
    void setDetailsShown(bool shown);
    // The pane's action, Tab order and open width after the splitter moved.
    void followDetailsPane();

    // Below this width a first start leaves the details pane shut.
    static constexpr int NarrowWindow = 1000;

    AppCore *m_core;
    AppSettings m_settings;
    Actions *m_actions = nullptr;
    ConnectionBar *m_connection = nullptr;
    MessageBanner *m_errorBanner = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStatePanel *m_placeholder = nullptr;
    QHash<TableAreaPresenter::Step, QAction *> m_stepActions; // the presenter's ways on
    TokenTableView *m_table = nullptr;
    FilterBar *m_filterBar = nullptr;
    QSplitter *m_splitter = nullptr;
    TokenDetailsPane *m_details = nullptr;
    int m_detailsWidth = 0; // the pane's width when open
};
