#include "ApiCall.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace {

// How the body came packed ("gzip"), or empty when it came as it is.
QString contentEncoding(const QNetworkReply &reply)
{
    const QString encoding = QString::fromLatin1(reply.rawHeader("Content-Encoding").trimmed());
    return encoding.compare(QLatin1String("identity"), Qt::CaseInsensitive) == 0 ? QString() : encoding;
}

} // namespace

ApiCall::ApiCall(QNetworkAccessManager *network, const QNetworkRequest &request, const RetryPolicy &policy,
                 qint64 maxBodyBytes, std::shared_ptr<RateLimitGate> gate, QObject *parent)
    : QObject(parent), m_network(network), m_request(request), m_policy(policy), m_maxBodyBytes(maxBodyBytes),
      m_gate(std::move(gate))
{
    // Qt unpacks a gzip (or deflate, br, zstd) answer itself and gives up on one that grows
    // past this at many times its packed size (by default at 10 MiB); past the cap it would be
    // refused anyway, so one number rules the unpacked size of either kind of answer.
    m_request.setDecompressedSafetyCheckThreshold(maxBodyBytes);
    m_sendTimer.setSingleShot(true);
    // A coarse timer may fire up to 5% early, and Retry-After is a minimum.
    m_sendTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_sendTimer, &QTimer::timeout, this, &ApiCall::send);
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer); // says "after N s": it should not end early
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        m_overDeadline = true;
        if (m_reply)
            m_reply->abort();
    });
    schedule(std::chrono::milliseconds(0));
}

void ApiCall::schedule(std::chrono::milliseconds delay)
{
    // Every wait has the cap a Retry-After has: a Ratelimit header may ask for years.
    const std::optional<std::chrono::milliseconds> total = m_gate->reserve(delay, m_policy.maxRetryAfter);
    // Both signals below go out from the event loop: the constructor gets here before anyone
    // has connected.
    if (!total) {
        //: %1 is a number of seconds
        const ApiError error(ApiError::Kind::RateLimited, tr("Cloudflare's rate limit would hold this request for more than "
                                                             "%1 s; try again later.").arg(m_policy.maxRetryAfter.count()));
        QTimer::singleShot(0, this, [this, error] { finish(error); });
        return;
    }
    // What the gate adds (few requests left, or a 429 holding every request of this user)
    // is shown like a 429's countdown.
    if (const std::chrono::milliseconds added = *total - delay; added >= std::chrono::seconds(1)) {
        QTimer::singleShot(0, this, [this, total] {
            emit retrying(ApiError(ApiError::Kind::RateLimited, tr("Waiting for Cloudflare's rate limit.")), *total, m_attempts);
        });
    }
    if (total->count() > 0)
        m_sendTimer.start(*total);
    else
        send();
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
    m_sendTimer.stop();
    m_deadline.stop();
    if (m_reply)
        m_reply->abort(); // finished() follows synchronously
    else
        finish(ApiError(ApiError::Kind::Canceled, tr("The request was canceled.")));
}

void ApiCall::send()
{
    ++m_attempts;
    m_tooLarge = false;
    m_overDeadline = false;
    if (m_request.transferTimeout() > 0)
        m_deadline.start(m_request.transferTimeout() * DeadlineInTransferTimeouts);
    m_reply = m_network->get(m_request);
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ApiCall::checkBodySize);
    connect(m_reply, &QNetworkReply::readyRead, this, &ApiCall::checkBodySize);
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
}

void ApiCall::checkBodySize()
{
    // An aborted reply may still pass on headers that were on their way from Qt's network
    // thread, after onReplyFinished() let go of it (a crash with many pages in flight).
    if (!m_reply)
        return;
    // A hostile or broken server must not make us hold an unbounded body in memory.
    const qint64 announced = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (announced > m_maxBodyBytes || m_reply->bytesAvailable() > m_maxBodyBytes) {
        m_tooLarge = true;
        m_reply->abort();
    }
}

void ApiCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    disconnect(reply, nullptr, this, nullptr); // nothing more of it reaches this call
    m_deadline.stop();
    m_gate->update(reply->rawHeader("Ratelimit"));
    ApiResult<Envelope> result = interpret();
    m_reply = nullptr;
    reply->deleteLater();
    if (!result.ok() && result.error().kind() == ApiError::Kind::RateLimited && result.error().retryAfterSeconds() > 0)
        m_gate->holdFor(std::chrono::seconds(result.error().retryAfterSeconds())); // every request of this user waits
    if (!result.ok() && !m_canceledByUser) {
        if (const auto delay = m_policy.delayBefore(m_attempts, m_rateLimitWaits, result.error())) {
            if (result.error().kind() == ApiError::Kind::RateLimited)
                ++m_rateLimitWaits;
            emit retrying(result.error(), *delay, m_attempts);
            schedule(*delay);
            return;
        }
        if (m_attempts > 1) {
            ApiError error = result.error();
            if (error.detail().isEmpty()) {
                error.setDetail(tr("Gave up after %n attempts.", nullptr, m_attempts));
            } else {
                //: %1 says what went wrong on the last attempt
                error.setDetail(tr("%1 Gave up after %n attempts.", nullptr, m_attempts).arg(error.detail()));
            }
            result = error;
        }
    }
    finish(std::move(result));
}

ApiResult<Envelope> ApiCall::interpret() const
{
    const QString host = m_reply->url().host();
    const qint64 maxMiB = m_maxBodyBytes / (1024 * 1024);
    // Qt hands a compressed answer over unpacked: the cap counts what it unpacks to.
    if (m_tooLarge) {
        return ApiError(ApiError::Kind::Malformed,
                        tr("The response from %1 is larger than %2 MiB; it was cut off there.").arg(host).arg(maxMiB));
    }
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    // Codes below 200 are the transport's (connection, TLS, redirect, proxy): a status line
    // may have arrived (a refused redirect's 302, a reply cut short), but no usable answer.
    const int code = m_reply->error();
    const bool transportFailed = code > QNetworkReply::NoError && code < QNetworkReply::ContentAccessDenied;
    if (!status.isValid() || transportFailed)
        return transportError();
    // Qt says UnknownContentError for a 2xx only when it could not unpack the body, and keeps
    // no body then (or passes on the packed bytes after the point it gave up, which read as
    // invalid JSON). Qt 6.4 does not say whether the answer unpacked past the cap at many times
    // its size (a compression bomb) or was corrupt. Other statuses map to that code as well (a
    // 429 does), so those go on to their envelope.
    const int httpStatus = status.toInt();
    const QString encoding = contentEncoding(*m_reply);
    if (code == QNetworkReply::UnknownContentError && httpStatus >= 200 && httpStatus < 300 && !encoding.isEmpty()) {
        //: %1 is a host name, %2 a compression such as gzip, %3 a number of MiB
        return ApiError(ApiError::Kind::Malformed,
                        tr("The response from %1 came compressed (%2) and did not unpack within %3 MiB: it unpacks to far "
                           "more than a page of tokens (a compression bomb), or it is corrupt. Nothing was loaded.")
                            .arg(host, encoding).arg(maxMiB),
                        httpStatus);
    }
    ApiResult<Envelope> result = EnvelopeParser::interpretResponse(httpStatus, m_reply->readAll());
    if (!result.ok() && result.error().kind() == ApiError::Kind::RateLimited) {
        ApiError error = result.error();
        if (const std::optional<int> seconds = RetryPolicy::retryAfterSeconds(m_reply->rawHeader("Retry-After")))
            error.setRetryAfterSeconds(*seconds);
        return error;
    }
    return result;
}

ApiError ApiCall::transportError() const
{
    using Kind = ApiError::Kind;
    const QString host = m_reply->url().host();
    switch (m_reply->error()) {
    case QNetworkReply::OperationCanceledError:
        // abort() and an expired transfer timeout both end here; only cancel() sets the flag.
        if (m_canceledByUser)
            return ApiError(Kind::Canceled, tr("The request was canceled."));
        if (m_overDeadline)
            return ApiError(Kind::Timeout, tr("%1 was still sending after %2 s; the answer was given up.")
                                               .arg(host)
                                               .arg(m_deadline.interval() / 1000.0));
        return ApiError(Kind::Timeout, tr("No complete answer from %1 before the transfer timeout.").arg(host));
    case QNetworkReply::InsecureRedirectError:
        return ApiError(Kind::RedirectRefused,
                        tr("%1 redirected the request to another origin; it was not followed so that "
                           "the credentials stay with %1.").arg(host));
    case QNetworkReply::TooManyRedirectsError:
        return ApiError(Kind::RedirectRefused, tr("%1 redirected the request again and again (a redirect loop); it was "
                                                  "given up.").arg(host));
    case QNetworkReply::ProxyAuthenticationRequiredError:
        // Not transient: asking again without credentials gets the same answer.
        return ApiError(Kind::Auth, tr("The proxy asks for a user name and password: put them in https_proxy "
                                       "(http://user:password@proxy:port), or ask your network's administrator."));
    case QNetworkReply::SslHandshakeFailedError:
        //: %1 is a host name, %2 what Qt says went wrong
        return ApiError(Kind::Tls, tr("%1: %2").arg(host, m_reply->errorString()));
    default:
        //: %1 is a host name, %2 what Qt says went wrong
        return ApiError(Kind::Network, tr("%1: %2").arg(host, m_reply->errorString()));
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
