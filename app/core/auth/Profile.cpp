#include "Profile.h"

QString Profile::checkName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return tr("Enter a profile name.");
    if (name != name.trimmed())
        return tr("A profile name may not start or end with a space.");
    if (name.size() > 64)
        return tr("A profile name may have at most 64 characters.");
    for (const QChar c : name) {
        // Settings keys use '/' and '\' as separators.
        if (c == u'/' || c == u'\\' || !c.isPrint())
            return tr("A profile name may not contain \u201c/\u201d, \u201c\\\u201d or control characters.");
    }
    return {};
}
