#pragma once

#include "ApiCall.h"
#include "ApiClient.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>

// One piece of work against the API (one page, every account, a token check; later every
// page, health, usage), so that the window and the CLI start, follow and cancel them all the
// same way. A job owns a copy of the client it started with: its later requests keep those
// credentials whatever profile is chosen meanwhile. It reports once through finished() and
// then deletes itself: read the result in a slot connected to finished(). Destroying it
// (or its parent) first abandons it silently.
class Job : public QObject
{
    Q_OBJECT

public:
    // `client` is copied: the job's requests never see later changes to it.
    Job(const ApiClient &client, QObject *parent);

    // finished() follows, with an ApiError of Kind::Canceled, unless it has finished already.
    void cancel();
    bool isFinished() const { return m_finished; }

signals:
    // `done` of `total` steps (pages, requests); `total` is -1 while unknown.
    void progress(qint64 done, qint64 total);
    // A request of the job failed with `reason` and is sent again after `delay`.
    void retrying(const ApiError &reason, std::chrono::milliseconds delay, int attempt);
    void finished();

public:
    // For the service that runs the job:
    ApiClient *client() const { return m_client; }
    // Sends GET <path>: cancel() aborts it, and `onDone` runs with its envelope unless the job
    // was canceled or destroyed meanwhile. Several may be in flight at once (all pages):
    // when the job ends, those still running are aborted, so a finished job leaves nothing
    // behind on the network.
    void get(const QString &path, const QUrlQuery &query, std::function<void(const ApiResult<Envelope> &)> onDone);
    void get(const QString &path, std::function<void(const ApiResult<Envelope> &)> onDone)
    {
        get(path, {}, std::move(onDone));
    }
    // A result that needs no request (a bad argument), reported from the event loop.
    void failLater(const ApiError &error);
    virtual void fail(const ApiError &error) = 0;

protected:
    // Ends the job: aborts the requests still in flight, then finished(), then deleteLater().
    // The result is set before.
    void complete();

private:
    ApiClient *m_client;
    QList<QPointer<ApiCall>> m_calls; // in flight
    void abortCalls();
    bool m_finished = false;
};

// A job whose outcome is one ApiResult<T>.
template<typename T>
class ResultJob : public Job
{
public:
    using Job::Job;

    const ApiResult<T> &result() const { return m_result; }

    // The outcome, once: what a later call would say is dropped.
    void finish(ApiResult<T> result)
    {
        if (isFinished())
            return;
        m_result = std::move(result);
        complete();
    }
    void fail(const ApiError &error) override { finish(error); }

private:
    ApiResult<T> m_result{ApiError(ApiError::Kind::Canceled, QString())};
};
