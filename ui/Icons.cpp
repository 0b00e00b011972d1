#include "Icons.h"

#include "AppInfo.h"

using namespace Qt::Literals::StringLiterals;

namespace Icons {

QIcon themed(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(u":/icons/"_s + name + u".svg"_s));
}

QIcon application()
{
    return QIcon::fromTheme(AppInfo::ApplicationId, QIcon(u":/icons/build-token-browser.svg"_s));
}

} // namespace Icons
