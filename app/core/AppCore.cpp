#include "AppCore.h"

AppCore::AppCore(ProfileStore *profileStore, QSettings *settingsStore, std::unique_ptr<QNetworkAccessManager> networkManager)
    : profiles(profileStore), settings(settingsStore), network(std::move(networkManager))
{
    filter.setTokenModel(&rows);
    applyNetworkSettings();
    // Sorting rows as they come costs a reordering per page (minutes at 100,000 rows): a
    // sorted table is sorted once, when the last page of a bulk load is in. Turning dynamic
    // sorting back on sorts (a layout change) even when unsorted, so an unsorted table is
    // left alone.
    QObject::connect(&session, &BrowserSession::busyChanged, &filter, [this](bool busy) {
        if (busy && session.mode() == BrowserSession::Mode::AllPages && filter.sortColumn() >= 0)
            filter.setDynamicSortFilter(false);
        else if (!busy && !filter.dynamicSortFilter())
            filter.setDynamicSortFilter(true);
    });
    // Rows listed with another profile's credentials never stay on screen.
    QObject::connect(&active, &ActiveProfile::changed, &session, &BrowserSession::clear);
    // Another profile's credentials may read API tokens where these could not.
    QObject::connect(&active, &ActiveProfile::changed, &health, &HealthChecker::forget);
}

void AppCore::applyNetworkSettings()
{
    client.setTransferTimeout(settings.transferTimeout());
    session.setConcurrency(settings.concurrency());
}
