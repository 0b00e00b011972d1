#pragma once

#include "ApiError.h"

#include <utility>

// A value or the ApiError that prevented it: what every parser and service returns.
template<typename T>
class ApiResult
{
public:
    ApiResult(T value) : m_value(std::move(value)) {}
    ApiResult(ApiError error) : m_error(std::move(error)) { Q_ASSERT(m_error.isError()); }

    bool ok() const { return !m_error.isError(); }
    const T &value() const { return m_value; }
    const ApiError &error() const { return m_error; }

private:
    T m_value{};
    ApiError m_error;
};
