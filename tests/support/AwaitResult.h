#pragma once

#include "api/ApiResult.h"

#include <QEventLoop>
#include <QObject>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

// How a test starts an asynchronous operation that reports one ApiResult<T> through `done`
// unless `context` is destroyed first.
template<typename T>
using AsyncStart = std::function<void(QObject *context, std::function<void(const ApiResult<T> &)> done)>;

// Starts the operation and waits in an event loop for its result; nullopt when none came in
// time (the caller QVERIFYs it). An event loop rather than QTest::qWaitFor, which sleeps
// between rounds: a chain of many requests would spend most of its time asleep.
template<typename T>
std::optional<ApiResult<T>> awaitResult(const AsyncStart<T> &start, int timeoutMs = 10000)
{
    std::optional<ApiResult<T>> result;
    QObject context;
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    start(&context, [&result, &loop](const ApiResult<T> &r) {
        result = r;
        loop.quit();
    });
    if (!result)
        loop.exec();
    return result;
}

// Starts the operation, destroys its context as soon as `destroyWhen()` holds, and lets events
// run for `settleMs` more. False when `done` ran all the same, or `destroyWhen()` never held.
template<typename T>
bool staysQuietWithoutContext(const AsyncStart<T> &start, const std::function<bool()> &destroyWhen,
                              int settleMs = 400)
{
    bool called = false;
    auto context = std::make_unique<QObject>();
    start(context.get(), [&called](const ApiResult<T> &) { called = true; });
    if (!QTest::qWaitFor(destroyWhen, 10000))
        return false;
    context.reset();
    QTest::qWait(settleMs);
    return !called;
}
