#pragma once

#include <QIcon>

namespace Icons {

// The desktop theme's icon, or ours (resources/icons/NAME.svg) where the theme has none.
QIcon themed(const QString &name);
// The app's own icon: the installed one (named after the application id, so an icon theme
// may replace it), else the bundled SVG.
QIcon application();

} // namespace Icons
