#include "DemoNetworkAccessManager.h"

#include "DemoApi.h"

#include <QNetworkReply>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {

// The error Qt's HTTP backend gives a reply with this status (QHttpThreadDelegate), so
// that ApiCall handles a demo answer exactly as one from a server.
QNetworkReply::NetworkError errorForStatus(int status)
{
    switch (status) {
    case 400:
    case 418:
        return QNetworkReply::ProtocolInvalidOperationError;
    case 401:
        return QNetworkReply::AuthenticationRequiredError;
    case 403:
        return QNetworkReply::ContentAccessDenied;
    case 404:
        return QNetworkReply::ContentNotFoundError;
    case 405:
        return QNetworkReply::ContentOperationNotPermittedError;
    case 407:
        return QNetworkReply::ProxyAuthenticationRequiredError;
    case 409:
        return QNetworkReply::ContentConflictError;
    case 410:
        return QNetworkReply::ContentGoneError;
    case 500:
        return QNetworkReply::InternalServerError;
    case 501:
        return QNetworkReply::OperationNotImplementedError;
    case 503:
        return QNetworkReply::ServiceUnavailableError;
    default:
        return status > 500 ? QNetworkReply::UnknownServerError : QNetworkReply::UnknownContentError;
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    default:
        return {};
    }
}

bool isDemoUrl(const QUrl &url)
{
    const QUrl base = DemoNetworkAccessManager::baseUrl();
    return url.scheme() == base.scheme() && url.host() == base.host() && url.port() == base.port();
}

// One demo answer, delivered after the latency from the event loop, never from inside
// createRequest(): callers connect to the reply after they get it, as with any other.
class DemoNetworkReply : public QNetworkReply
{
public:
    DemoNetworkReply(const DemoApi *api, QNetworkAccessManager::Operation operation, const QNetworkRequest &request,
                     int transferTimeoutMs, QObject *parent)
        : QNetworkReply(parent)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(operation);
        open(QIODevice::ReadOnly);

        m_demoRequest = {request.url().path(), QUrlQuery(request.url()), {}, 0, verb(operation, request)};
        for (const QByteArray &name : request.rawHeaderList())
            m_demoRequest.headers.append({name, request.rawHeader(name)});
        m_api = api;

        m_delivery.setSingleShot(true);
        // Never early, as a coarse timer may be (by up to 5 %): the latency is a floor.
        m_delivery.setTimerType(Qt::PreciseTimer);
        connect(&m_delivery, &QTimer::timeout, this, &DemoNetworkReply::deliver);
        m_delivery.start(api->latency());
        // Nothing arrives while the latency runs: Qt's transfer timeout is for inactivity,
        // and it ends the reply as abort() does.
        if (transferTimeoutMs > 0) {
            m_timeout.setSingleShot(true);
            connect(&m_timeout, &QTimer::timeout, this, &DemoNetworkReply::abort);
            m_timeout.start(transferTimeoutMs);
        }
    }

    void abort() override
    {
        if (isFinished())
            return;
        m_delivery.stop();
        m_timeout.stop();
        m_body.clear();
        setError(OperationCanceledError, u"Operation canceled"_s);
        emit errorOccurred(OperationCanceledError);
        end();
    }

    qint64 bytesAvailable() const override { return m_body.size() - m_read + QNetworkReply::bytesAvailable(); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = qMin(maxSize, qint64(m_body.size()) - m_read);
        if (count <= 0)
            return isFinished() ? -1 : 0;
        memcpy(data, m_body.constData() + m_read, size_t(count));
        m_read += count;
        return count;
    }

private:
    static QByteArray verb(QNetworkAccessManager::Operation operation, const QNetworkRequest &request)
    {
        switch (operation) {
        case QNetworkAccessManager::HeadOperation:
            return "HEAD";
        case QNetworkAccessManager::GetOperation:
            return "GET";
        case QNetworkAccessManager::PutOperation:
            return "PUT";
        case QNetworkAccessManager::PostOperation:
            return "POST";
        case QNetworkAccessManager::DeleteOperation:
            return "DELETE";
        default:
            return request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        }
    }

    // Answered when the latency is over, from the event loop, as a server's answer arrives:
    // the work of the server is not done by the caller of createRequest() (the window's first
    // page is drawn before the demo has made the answers the health check asked for).
    void deliver()
    {
        m_timeout.stop();
        m_reply = m_api->answer(m_demoRequest);
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_reply.status);
        setAttribute(QNetworkRequest::HttpReasonPhraseAttribute, reasonPhrase(m_reply.status));
        setRawHeader("Content-Type", m_reply.mimeType);
        setRawHeader("Content-Length", QByteArray::number(m_reply.body.size()));
        for (const auto &[name, value] : m_reply.headers)
            setRawHeader(name, value);
        emit metaDataChanged();
        m_body = m_reply.body;
        const qint64 size = m_body.size();
        if (size > 0)
            emit readyRead();
        emit downloadProgress(size, size);
        // Qt reports an HTTP error status as the reply ends, after its body.
        if (m_reply.status >= 400) {
            const NetworkError code = errorForStatus(m_reply.status);
            setError(code, u"Error transferring %1 - server replied: %2"_s.arg(
                               url().toString(), QString::fromLatin1(reasonPhrase(m_reply.status))));
            emit errorOccurred(code);
        }
        end();
    }

    void end()
    {
        setFinished(true);
        emit finished();
    }

    const DemoApi *m_api;
    DemoApi::Request m_demoRequest;
    DemoApi::Reply m_reply;
    QByteArray m_body; // what has "arrived": the answer's body once delivered
    qint64 m_read = 0;
    QTimer m_delivery;
    QTimer m_timeout;
};

} // namespace

DemoNetworkAccessManager::DemoNetworkAccessManager(const DemoApi *api, QObject *parent)
    : QNetworkAccessManager(parent), m_api(api)
{
}

QUrl DemoNetworkAccessManager::baseUrl()
{
    return QUrl(u"https://demo.invalid"_s + DemoApi::basePath());
}

QNetworkReply *DemoNetworkAccessManager::createRequest(Operation op, const QNetworkRequest &request,
                                                       QIODevice *outgoingData)
{
    if (!isDemoUrl(request.url()))
        return QNetworkAccessManager::createRequest(op, request, outgoingData);
    const int timeout = request.transferTimeout() > 0 ? request.transferTimeout() : transferTimeout();
    return new DemoNetworkReply(m_api, op, request, timeout, this);
}
