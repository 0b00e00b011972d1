#include "DemoApiServer.h"

#include "DemoTokenGenerator.h"

#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

using namespace Qt::Literals::StringLiterals;

// A response kept as plain, copyable data until it is sent (QHttpServerResponse is move-only).
struct DemoReply
{
    QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok;
    QByteArray mimeType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QHttpServerResponse toResponse() const
    {
        QHttpServerResponse response(mimeType, body, status);
        for (const auto &[name, value] : headers)
            response.addHeader(name, value);
        return response;
    }
};

namespace {

using Status = QHttpServerResponse::StatusCode;

QJsonArray errorArray(const QList<QPair<int, QString>> &errors)
{
    QJsonArray array;
    for (const auto &[code, message] : errors)
        array.append(QJsonObject{{u"code"_s, code}, {u"message"_s, message}});
    return array;
}

DemoReply envelopeReply(Status status, const QJsonObject &envelope)
{
    return {status, "application/json", QJsonDocument(envelope).toJson(QJsonDocument::Compact), {}};
}

DemoReply errorReply(Status status, const QList<QPair<int, QString>> &errors)
{
    return envelopeReply(status, QJsonObject{{u"success"_s, false},
                                             {u"errors"_s, errorArray(errors)},
                                             {u"messages"_s, QJsonArray()},
                                             {u"result"_s, QJsonValue::Null}});
}

// Strict like Cloudflare: a parameter that is present must be a whole number in range.
bool readIntParameter(const QUrlQuery &query, const QString &name, int defaultValue, int min, int max, int *out)
{
    if (!query.hasQueryItem(name)) {
        *out = defaultValue;
        return true;
    }
    bool isNumber = false;
    const int value = query.queryItemValue(name).toInt(&isNumber);
    if (!isNumber || value < min || value > max)
        return false;
    *out = value;
    return true;
}

} // namespace

QString DemoApiServer::accountId() { return u"023e105f4ecef8ad9ca31a8372d0c353"_s; }
QString DemoApiServer::apiToken() { return u"demo-api-token"_s; }
QString DemoApiServer::apiTokenWithoutBuildsAccess() { return u"demo-token-without-workers-ci-read"_s; }
QString DemoApiServer::email() { return u"demo@example.com"_s; }
QString DemoApiServer::globalApiKey() { return u"demo-global-api-key"_s; }

QByteArray DemoApiServer::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

DemoApiServer::DemoApiServer(QObject *parent) : QObject(parent)
{
    setTokenCount(300);
    m_server.route(u"/client/v4/accounts/<arg>/builds/tokens"_s, QHttpServerRequest::Method::Get,
                   [this](const QString &accountId, const QHttpServerRequest &request,
                          QHttpServerResponder &&responder) {
                       respond(handle(accountId, request), std::move(responder));
                   });
}

DemoApiServer::~DemoApiServer() = default;

void DemoApiServer::respond(const DemoReply &reply, QHttpServerResponder &&responder)
{
    if (m_latency.count() <= 0) {
        reply.toResponse().write(std::move(responder));
        return;
    }
    // Answer later from this thread's event loop: nothing sleeps, so the GUI's --demo mode
    // stays responsive. Qt 6.4 writes a delayed (QFuture) answer to the socket even after
    // the client has gone, and crashes; a guarded socket lets a canceled request go quietly.
    const QPointer<QTcpSocket> socket = responder.socket();
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    QTimer::singleShot(m_latency, this, [socket, pending, reply] {
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            reply.toResponse().write(std::move(*pending));
    });
}

bool DemoApiServer::listen(quint16 port)
{
    m_port = m_server.listen(QHostAddress::LocalHost, port);
    return m_port != 0;
}

QUrl DemoApiServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/client/v4"_s.arg(m_port));
}

void DemoApiServer::setTokenCount(int count)
{
    m_tokens = DemoTokenGenerator::generate(qMax(0, count));
}

void DemoApiServer::setFault(Fault fault, int times)
{
    m_fault = fault;
    m_faultTimes = times;
}

DemoReply DemoApiServer::handle(const QString &accountId, const QHttpServerRequest &request)
{
    Request recorded{request.url().path(), request.query(), request.headers()};
    m_requests.append(recorded);

    if (m_fault != Fault::None && m_faultTimes != 0) {
        if (m_faultTimes > 0)
            --m_faultTimes;
        return faultReply(m_fault, request);
    }
    const QByteArray authorization = recorded.header("Authorization");
    const bool tokenOk = authorization == "Bearer " + apiToken().toUtf8();
    const bool keyOk = recorded.header("X-Auth-Email") == email().toUtf8()
                       && recorded.header("X-Auth-Key") == globalApiKey().toUtf8();
    if (!tokenOk && !keyOk)
        return authFailure(recorded);
    if (accountId != DemoApiServer::accountId()) {
        return errorReply(Status::NotFound,
                          {{7003, u"Could not route to /accounts/%1/builds/tokens, perhaps your "
                                  "object identifier is invalid?"_s.arg(accountId)}});
    }
    return listBuildTokens(recorded.query);
}

DemoReply DemoApiServer::authFailure(const Request &request) const
{
    const QByteArray authorization = request.header("Authorization");
    if (!authorization.isEmpty()) {
        if (!authorization.startsWith("Bearer ") || authorization.size() <= 7) {
            QJsonObject envelope{{u"success"_s, false},
                                 {u"errors"_s, QJsonArray{QJsonObject{
                                      {u"code"_s, 6003},
                                      {u"message"_s, u"Invalid request headers"_s},
                                      {u"error_chain"_s, errorArray({{6111, u"Invalid format for Authorization header"_s}})}}}},
                                 {u"messages"_s, QJsonArray()},
                                 {u"result"_s, QJsonValue::Null}};
            return envelopeReply(Status::BadRequest, envelope);
        }
        if (authorization == "Bearer " + apiTokenWithoutBuildsAccess().toUtf8())
            return errorReply(Status::Forbidden, {{10000, u"Authentication error"_s}});
        return errorReply(Status::Unauthorized, {{1000, u"Invalid API Token"_s}});
    }
    if (!request.header("X-Auth-Key").isEmpty() || !request.header("X-Auth-Email").isEmpty())
        return errorReply(Status::Forbidden, {{9103, u"Unknown X-Auth-Key or X-Auth-Email"_s}});
    return errorReply(Status::BadRequest, {{9106, u"Missing X-Auth-Key, X-Auth-Email or Authorization headers"_s}});
}

DemoReply DemoApiServer::listBuildTokens(const QUrlQuery &query) const
{
    int page = 1;
    int perPage = 50;
    if (!readIntParameter(query, u"page"_s, 1, 1, std::numeric_limits<int>::max(), &page))
        return errorReply(Status::BadRequest, {{12002, u"Invalid request: page must be an integer of at least 1"_s}});
    if (!readIntParameter(query, u"per_page"_s, 50, 1, 200, &perPage))
        return errorReply(Status::BadRequest, {{12002, u"Invalid request: per_page must be an integer from 1 to 200"_s}});

    const qint64 total = m_tokens.size();
    const qint64 first = qint64(page - 1) * perPage;
    QJsonArray result;
    for (qint64 i = first; i < qMin(total, first + perPage); ++i)
        result.append(m_tokens.at(i).raw);
    QJsonObject resultInfo{{u"count"_s, result.size()}, {u"page"_s, page}, {u"per_page"_s, perPage}};
    if (m_sendsTotals) {
        resultInfo.insert(u"total_count"_s, total);
        resultInfo.insert(u"total_pages"_s, (total + perPage - 1) / perPage);
    }
    return envelopeReply(Status::Ok, QJsonObject{{u"success"_s, true},
                                                 {u"errors"_s, QJsonArray()},
                                                 {u"messages"_s, QJsonArray()},
                                                 {u"result"_s, result},
                                                 {u"result_info"_s, resultInfo}});
}

DemoReply DemoApiServer::faultReply(Fault fault, const QHttpServerRequest &request) const
{
    static const QByteArray html = "<!DOCTYPE html><html><head><title>Sign in to the network</title>"
                                   "</head><body><h1>Welcome</h1></body></html>";
    switch (fault) {
    case Fault::RateLimited: {
        DemoReply reply = errorReply(Status::TooManyRequests, {{971, u"Please wait and consider throttling your request speed"_s}});
        reply.headers.append({"Retry-After", QByteArray::number(m_retryAfterSeconds)});
        return reply;
    }
    case Fault::ServerError:
        return errorReply(Status::ServiceUnavailable, {{10013, u"Service temporarily unavailable"_s}});
    case Fault::BadGateway:
        return {Status::BadGateway, "text/html", html, {}};
    case Fault::HtmlPage:
        return {Status::Ok, "text/html", html, {}};
    case Fault::TruncatedJson: {
        const QByteArray full = listBuildTokens(request.query()).body;
        return {Status::Ok, "application/json", full.left(full.size() / 2), {}};
    }
    case Fault::NotEnvelope:
        return {Status::Ok, "application/json", "[{\"build_token_name\":\"x\"}]", {}};
    case Fault::WrongType:
        return envelopeReply(Status::Ok, QJsonObject{{u"success"_s, true},
                                                     {u"errors"_s, QJsonArray()},
                                                     {u"result"_s, QJsonArray()},
                                                     {u"result_info"_s, QJsonObject{{u"total_count"_s, u"many"_s}}}});
    case Fault::Redirect: {
        QUrl target = m_redirectTarget;
        target.setPath(request.url().path());
        target.setQuery(request.query());
        return {Status::Found, "text/plain", {}, {{"Location", target.toEncoded()}}};
    }
    case Fault::None:
        break;
    }
    return {};
}
