#pragma once

#include "EnvelopeParser.h"

#include <QObject>
#include <QPointer>

class QNetworkReply;

// One request of ApiClient's. It reports once through finished(), then deletes itself:
// read result() in a slot connected to finished(), never later. No QNetworkReply leaves it.
class ApiCall : public QObject
{
    Q_OBJECT

public:
    // Takes ownership of `reply`.
    ApiCall(QNetworkReply *reply, QObject *parent);
    // A call that fails with `error` without touching the network, reported asynchronously
    // like any other so callers have one path.
    ApiCall(const ApiError &error, QObject *parent);

    // Reported as ApiError::Kind::Canceled (Qt reports a timeout with the same code).
    void cancel();

    bool isFinished() const { return m_finished; }
    const ApiResult<Envelope> &result() const { return m_result; }

signals:
    void finished();

private:
    void onReplyFinished();
    ApiError transportError() const;
    void finish(ApiResult<Envelope> result);

    QPointer<QNetworkReply> m_reply;
    ApiResult<Envelope> m_result{ApiError(ApiError::Kind::Canceled, QString())};
    bool m_canceledByUser = false;
    bool m_finished = false;
};
