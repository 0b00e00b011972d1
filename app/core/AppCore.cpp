#include "AppCore.h"

AppCore::AppCore(ProfileStore *profileStore, QSettings *settingsStore) : profiles(profileStore), settings(settingsStore)
{
    filter.setTokenModel(&rows);
    // No dialog for it: a corporate network that needs more than 30 s sets it in the file.
    client.setTransferTimeout(settings.transferTimeout());
    // Rows listed with another profile's credentials never stay on screen.
    QObject::connect(&active, &ActiveProfile::changed, &session, &BrowserSession::clear);
}
