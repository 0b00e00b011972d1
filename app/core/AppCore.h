#pragma once

#include "api/ApiClient.h"
#include "api/BuildTokensService.h"
#include "api/TokenHealthService.h"
#include "api/UsageScanService.h"
#include "model/BuildTokenFilterModel.h"
#include "model/BuildTokenTableModel.h"
#include "session/ActiveProfile.h"
#include "session/BrowserSession.h"
#include "session/HealthChecker.h"
#include "session/TableAreaPresenter.h"
#include "settings/AppSettings.h"

#include <QNetworkAccessManager>
#include <QTimer>

#include <memory>

class ProfileStore;
class QSettings;

// Everything of the app that is not a widget, made and wired in one place: main() builds
// one and hands it to the window (tests build their own the same way). Members are made in
// the order they are declared, each from the ones above it.
struct AppCore
{
    // `profiles` and `settings` outlive this. `network` sends every request: the app's own,
    // or one that answers the demo in-process (DemoNetworkAccessManager).
    AppCore(ProfileStore *profiles, QSettings *settings,
            std::unique_ptr<QNetworkAccessManager> network = std::make_unique<QNetworkAccessManager>());

    // The transfer timeout and the pages asked for at once, read from the settings again: the
    // next request and the next Load All Pages use them (a job in flight keeps its copy).
    void applyNetworkSettings();

    ProfileStore *profiles;
    AppSettings settings;
    std::unique_ptr<QNetworkAccessManager> network;
    ApiClient client{network.get()};
    BuildTokensService service{&client};
    BuildTokenTableModel rows;
    BuildTokenFilterModel filter;
    // Sorts `filter` once a bulk load that held its sort back is in (see the constructor);
    // made before the session, whose signals start it, and gone after it.
    QTimer sortAfterLoad;
    BrowserSession session{&service, &rows};
    ActiveProfile active{profiles, &client};
    TableAreaPresenter presenter{&active, &session};
    TokenHealthService healthService{&client};
    HealthChecker health{&healthService, &session};
    UsageScanService usageService{&client};
};
