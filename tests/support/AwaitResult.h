#pragma once

#include "api/Job.h"

#include <QEventLoop>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

// Waits in an event loop until `job` finishes and returns its result; nullopt when it did not
// finish within `timeoutMs` (the caller QVERIFYs it; the job is canceled then). An event loop
// rather than QTest::qWaitFor, which sleeps between rounds: a chain of many requests would
// spend most of its time asleep.
template<typename T>
std::optional<ApiResult<T>> awaitJob(ResultJob<T> *job, int timeoutMs = 10000)
{
    std::optional<ApiResult<T>> result;
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QObject::connect(job, &Job::finished, &loop, [&result, &loop, job] {
        result = job->result();
        loop.quit();
    });
    const QPointer<Job> guard(job);
    loop.exec();
    if (!result && guard)
        guard->cancel();
    return result;
}

// The result of `job`, filled in when it finishes, for a test that goes on meanwhile. A job
// deletes itself after finished(), and a QTRY_ loop runs those deletions: read its result
// here, never from the job after waiting.
template<typename T>
std::shared_ptr<std::optional<ApiResult<T>>> resultOf(ResultJob<T> *job)
{
    auto result = std::make_shared<std::optional<ApiResult<T>>>();
    QObject::connect(job, &Job::finished, job, [result, job] { *result = job->result(); });
    return result;
}
