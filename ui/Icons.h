#pragma once

#include <QIcon>

namespace Icons {

// The desktop theme's icon, or ours (resources/icons/NAME.svg) where the theme has none.
QIcon themed(const QString &name);

} // namespace Icons
