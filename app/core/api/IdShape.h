#pragma once

#include <QRegularExpression>
#include <QString>

// Whether an id a server sent may go into a request path: Cloudflare's id shape (32 hex
// digits today), never anything that could change the path ("../", "?", "/").
inline bool isIdShaped(const QString &id)
{
    static const QRegularExpression shape(QStringLiteral("\\A[0-9A-Za-z]{1,64}\\z"));
    return shape.match(id).hasMatch();
}
