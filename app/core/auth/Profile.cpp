#include "Profile.h"

using namespace Qt::Literals::StringLiterals;

QString Profile::checkName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return u"Enter a profile name."_s;
    if (name != name.trimmed())
        return u"A profile name may not start or end with a space."_s;
    if (name.size() > 64)
        return u"A profile name may have at most 64 characters."_s;
    for (const QChar c : name) {
        // Settings keys use '/' and '\' as separators.
        if (c == u'/' || c == u'\\' || !c.isPrint())
            return u"A profile name may not contain \u201c/\u201d, \u201c\\\u201d or control characters."_s;
    }
    return {};
}
