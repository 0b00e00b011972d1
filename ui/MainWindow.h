#pragma once

#include <QElapsedTimer>
#include <QMainWindow>
#include <QUrl>

class ApiClient;
class ApiError;
class BrowserSession;
class BuildTokenTableModel;
class PaginationBar;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QSettings;
class QStackedWidget;
class QTableView;

// The browser: connection fields, the token table, the page bar and an error banner.
// Credentials entered here stay in memory; only non-secret fields go to `settings`.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Fills the fields for a DemoApiServer at `baseUrl` and loads page 1. Demo connection
    // fields are not remembered.
    void startDemo(const QUrl &baseUrl);

    BrowserSession *session() const { return m_session; }

public slots:
    // Applies the connection fields and loads page 1.
    void load();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *createConnectionPanel();
    QWidget *createErrorBanner();
    void createMenus();
    void applySchemeVisibility();
    void applyConnectionFields();
    void onPageLoaded();
    void onFailed(const ApiError &error);
    void showError(const ApiError &error);
    void updatePlaceholder();
    void restoreSettings();
    void saveSettings() const;

    QSettings *m_settings;
    QNetworkAccessManager *m_network;
    ApiClient *m_client;
    BrowserSession *m_session;
    BuildTokenTableModel *m_model;
    bool m_demo = false;
    QElapsedTimer m_loadTimer;

    QFormLayout *m_form = nullptr;
    QLineEdit *m_accountEdit = nullptr;
    QComboBox *m_schemeBox = nullptr;
    QLineEdit *m_apiTokenEdit = nullptr;
    QLineEdit *m_emailEdit = nullptr;
    QLineEdit *m_globalApiKeyEdit = nullptr;
    QLineEdit *m_apiBaseEdit = nullptr;
    QPushButton *m_loadButton = nullptr;
    QWidget *m_errorBanner = nullptr;
    QLabel *m_errorText = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QTableView *m_table = nullptr;
    PaginationBar *m_pagination = nullptr;
};
