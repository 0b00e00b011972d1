#pragma once

#include "IdText.h"

#include <QString>

#include <algorithm>

// Whether an id a server sent may go into a request path: Cloudflare's id shape (32 hex
// digits today), never anything that could change the path ("../", "?", "/"). A loop, not a
// regular expression: a health check of 100,000 rows asks it 100,000 times on the GUI thread
// (40 ms as a QRegularExpression).
inline bool isIdShaped(const QString &id)
{
    const auto alphanumeric = [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z');
    };
    return !id.isEmpty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), alphanumeric);
}

inline bool isIdShaped(const IdText &id)
{
    return id.isHex32() || isIdShaped(id.toString());
}
