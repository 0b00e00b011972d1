#include "Icons.h"

using namespace Qt::Literals::StringLiterals;

namespace Icons {

QIcon themed(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(u":/icons/"_s + name + u".svg"_s));
}

} // namespace Icons
