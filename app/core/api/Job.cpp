#include "Job.h"

#include "ApiClient.h"

#include <QTimer>

Job::Job(const ApiClient &client, QObject *parent) : QObject(parent), m_client(client.clone(this)) {}

void Job::cancel()
{
    if (m_finished)
        return;
    abortCalls(); // the first one's finished() reports Canceled through get()'s handler
    if (!m_finished)
        fail(ApiError(ApiError::Kind::Canceled, tr("The request was canceled.")));
}

void Job::get(const QString &path, const QUrlQuery &query, std::function<void(const ApiResult<Envelope> &)> onDone)
{
    ApiCall *call = m_client->get(path, query);
    m_calls.append(call);
    connect(call, &ApiCall::retrying, this, &Job::retrying);
    connect(call, &ApiCall::finished, this, [this, call, onDone = std::move(onDone)] {
        m_calls.removeOne(call);
        if (m_finished)
            return;
        if (!call->result().ok() && call->result().error().kind() == ApiError::Kind::Canceled)
            return fail(call->result().error());
        onDone(call->result());
    });
}

void Job::failLater(const ApiError &error)
{
    QTimer::singleShot(0, this, [this, error] { fail(error); });
}

void Job::abortCalls()
{
    const QList<QPointer<ApiCall>> calls = m_calls; // each one's finished() edits m_calls
    for (const QPointer<ApiCall> &call : calls) {
        if (call)
            call->cancel();
    }
}

void Job::complete()
{
    m_finished = true;
    abortCalls(); // their handlers see m_finished and report nothing
    emit finished();
    deleteLater();
}
