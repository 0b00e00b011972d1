#include "ApiCall.h"

#include <QNetworkReply>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

ApiCall::ApiCall(QNetworkReply *reply, QObject *parent) : QObject(parent), m_reply(reply)
{
    reply->setParent(this);
    connect(reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
}

ApiCall::ApiCall(const ApiError &error, QObject *parent) : QObject(parent)
{
    QTimer::singleShot(0, this, [this, error] { finish(error); });
}

void ApiCall::cancel()
{
    if (m_finished)
        return;
    m_canceledByUser = true;
    if (m_reply)
        m_reply->abort(); // finished() follows synchronously
    else
        finish(ApiError(ApiError::Kind::Canceled, u"The request was canceled."_s));
}

void ApiCall::onReplyFinished()
{
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    // Codes below 200 are the transport's (connection, TLS, redirect, proxy): a status line
    // may have arrived (a refused redirect's 302, a reply cut short), but no usable answer.
    const int code = m_reply->error();
    const bool transportFailed = code > QNetworkReply::NoError && code < QNetworkReply::ContentAccessDenied;
    if (status.isValid() && !transportFailed) {
        ApiResult<Envelope> result = EnvelopeParser::interpretResponse(status.toInt(), m_reply->readAll());
        if (!result.ok() && result.error().kind() == ApiError::Kind::RateLimited) {
            ApiError error = result.error();
            bool isNumber = false;
            const int seconds = m_reply->rawHeader("Retry-After").trimmed().toInt(&isNumber);
            if (isNumber && seconds >= 0)
                error.setRetryAfterSeconds(seconds);
            result = error;
        }
        finish(std::move(result));
    } else {
        finish(transportError());
    }
    m_reply->deleteLater();
}

ApiError ApiCall::transportError() const
{
    using Kind = ApiError::Kind;
    const QString host = m_reply->url().host();
    switch (m_reply->error()) {
    case QNetworkReply::OperationCanceledError:
        // abort() and an expired transfer timeout both end here; only cancel() sets the flag.
        return m_canceledByUser
                   ? ApiError(Kind::Canceled, u"The request was canceled."_s)
                   : ApiError(Kind::Timeout, u"No complete answer from %1 before the transfer timeout."_s.arg(host));
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
        return ApiError(Kind::RedirectRefused,
                        u"%1 redirected the request to another origin; it was not followed so that "
                        "the credentials stay with %1."_s.arg(host));
    case QNetworkReply::SslHandshakeFailedError:
        return ApiError(Kind::Tls, u"%1: %2"_s.arg(host, m_reply->errorString()));
    default:
        return ApiError(Kind::Network, u"%1: %2"_s.arg(host, m_reply->errorString()));
    }
}

void ApiCall::finish(ApiResult<Envelope> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = std::move(result);
    emit finished();
    deleteLater();
}
