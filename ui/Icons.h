#pragma once

#include <QIcon>

// The app's icons are drawn (Icons.cpp), in the palette's colours, at any size: no icon file
// is read, so nothing waits for QtSvg or an image plugin to load before the first page.
namespace Icons {

// The desktop theme's icon of that freedesktop.org name, or ours where the theme has none.
QIcon themed(const QString &name);
// The app's own icon: the installed one (named after the application id, so an icon theme
// may replace it), else ours (as the packaged resources/icons/build-token-browser.svg).
QIcon application();

} // namespace Icons
