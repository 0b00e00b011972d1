#pragma once

#include <QObject>
#include <QtGlobal>

// The child of `parent` of type T named `name` (any name when empty); a test cannot go on
// without it, so its absence ends the test run with the name.
template<typename T>
T *childOf(const QObject *parent, const QString &name)
{
    T *child = parent->findChild<T *>(name);
    if (!child)
        qFatal("no child named %s", qPrintable(name));
    return child;
}
