#include "DesktopIdentity.h"

#include "AppInfo.h"

#include <QGuiApplication>

void setDesktopIdentity()
{
    QGuiApplication::setApplicationDisplayName(AppInfo::DisplayName);
    QGuiApplication::setDesktopFileName(AppInfo::ApplicationId);
}
