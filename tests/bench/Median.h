#pragma once

#include <QList>

#include <algorithm>

// The middle of `values` (the upper one of an even count): what every benchmark reports, as
// one slow run on a shared machine says nothing.
template<typename T>
T median(QList<T> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}
