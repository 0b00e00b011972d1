#pragma once

#include "settings/AppSettings.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <functional>
#include <optional>

class AccountPicker;
class Actions;
class ApiClient;
class ApiError;
class BrowserSession;
class BuildTokenFilterModel;
class BuildTokenTableModel;
class FilterBar;
class MessageBanner;
class QSplitter;
class TokenTableView;
class PaginationBar;
class ProfileStore;
class QComboBox;
class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QSettings;
class QStackedWidget;
struct Profile;

// The browser: a profile and an account to browse, the token table, the page bar and an
// error banner. Secrets come from `profiles` (the keychain, or memory) when a page is
// loaded; only window state goes to `settings`.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(ProfileStore *profiles, QSettings *settings, QWidget *parent = nullptr);
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

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *createConnectionPanel();
    QWidget *createTokenArea();
    void connectActions();
    std::optional<Profile> currentProfile() const;
    void refreshProfiles(const QString &select);
    void onProfileChanged();
    void openProfileDialog(const std::optional<Profile> &existing);
    // Reads the secret of `profile` and calls `use` with it while `profile` is still current;
    // a failure goes to the error banner when `reportFailure`.
    void withSecret(const Profile &profile, bool reportFailure, const std::function<void(const QString &)> &use);
    void fillAccounts(const Profile &profile, const QString &secret);
    void onPageLoaded();
    void onFailed(const ApiError &error);
    void showProblem(const QString &summary, const QString &details);
    void updatePlaceholder();
    void restoreSettings();
    void saveSettings();

    ProfileStore *m_profiles;
    AppSettings m_settings;
    QNetworkAccessManager *m_network;
    ApiClient *m_client;
    BrowserSession *m_session;
    BuildTokenTableModel *m_model;
    BuildTokenFilterModel *m_proxy;
    QElapsedTimer m_loadTimer;

    QComboBox *m_profileBox = nullptr;
    QPushButton *m_editProfileButton = nullptr;
    AccountPicker *m_accountPicker = nullptr;
    QPushButton *m_loadButton = nullptr;
    QLabel *m_keyWarning = nullptr;
    Actions *m_actions = nullptr;
    MessageBanner *m_errorBanner = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    TokenTableView *m_table = nullptr;
    FilterBar *m_filterBar = nullptr;
    QSplitter *m_splitter = nullptr;
    PaginationBar *m_pagination = nullptr;
};
