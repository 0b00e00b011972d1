#pragma once

#include "api/Job.h"

#include <QEventLoop>
#include <QPointer>
#include <QTimer>

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
