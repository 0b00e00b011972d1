#include "AppCore.h"

AppCore::AppCore(ProfileStore *profileStore, QSettings *settingsStore) : profiles(profileStore), settings(settingsStore)
{
    filter.setTokenModel(&rows);
    // No dialog for it: a corporate network that needs more than 30 s sets it in the file.
    client.setTransferTimeout(settings.transferTimeout());
    session.setConcurrency(settings.concurrency());
    // Sorting rows as they come costs a reordering per page (minutes at 100,000 rows): a
    // bulk load is sorted once, when its last page is in.
    QObject::connect(&session, &BrowserSession::busyChanged, &filter, [this](bool busy) {
        filter.setDynamicSortFilter(!busy || session.mode() != BrowserSession::Mode::AllPages);
    });
    // Rows listed with another profile's credentials never stay on screen.
    QObject::connect(&active, &ActiveProfile::changed, &session, &BrowserSession::clear);
}
