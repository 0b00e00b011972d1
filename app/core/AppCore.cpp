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
            sortAfterLoad.start();
    });
    // That sort (17 ms at 100,000 rows) in an event-loop turn of its own: in the turn of the
    // last page, with the health check it starts and the window's updates, it held the GUI
    // thread 40-50 ms. A load begun in between sorts at its own end.
    sortAfterLoad.setSingleShot(true);
    sortAfterLoad.setInterval(0);
    QObject::connect(&sortAfterLoad, &QTimer::timeout, &filter, [this] {
        if (!session.isBusy())
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
