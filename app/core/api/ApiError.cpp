#include "ApiError.h"

#include <QStringList>

namespace {

// Codes Cloudflare uses for a missing, malformed or rejected credential, whatever the status.
bool isAuthCode(qint64 code)
{
    switch (code) {
    case 1000:  // Invalid API Token
    case 6003:  // Invalid request headers (a malformed Authorization header)
    case 6111:  // Invalid format for Authorization header
    case 9103:  // Unknown X-Auth-Key or X-Auth-Email
    case 9106:  // Missing X-Auth-Key, X-Auth-Email or Authorization headers
    case 9109:  // Invalid access token
    case 10000: // Authentication error
    case 12005: // Missing token from authorization header
        return true;
    default:
        return false;
    }
}

bool isNotFoundCode(qint64 code)
{
    return code == 7003 || code == 7000; // "Could not route to ...", "No route for that URI"
}

ApiError::Kind kindFor(int status, const QList<ApiMessage> &errors)
{
    using Kind = ApiError::Kind;
    if (status == 429)
        return Kind::RateLimited;
    if (status == 401 || status == 403)
        return Kind::Auth;
    if (status == 404)
        return Kind::NotFound;
    for (const ApiMessage &e : errors) {
        if (isNotFoundCode(e.code))
            return Kind::NotFound;
        if (isAuthCode(e.code))
            return Kind::Auth;
    }
    if (status >= 500 && status <= 599)
        return Kind::Server; // retried; a status past 599 is nothing that waiting mends
    if (status >= 400 && status <= 499)
        return Kind::BadRequest;
    return Kind::Api;
}

} // namespace

ApiError ApiError::fromResponse(int httpStatus, const QList<ApiMessage> &errors)
{
    ApiError error(kindFor(httpStatus, errors), QString(), httpStatus);
    error.m_errors = errors;
    return error;
}

QString ApiError::summary() const
{
    QString text;
    switch (m_kind) {
    case Kind::None: return tr("No error");
    case Kind::InvalidRequest: text = tr("Request not sent"); break;
    case Kind::Canceled: text = tr("Canceled"); break;
    case Kind::Timeout: text = tr("The request timed out"); break;
    case Kind::Network: text = tr("Network error"); break;
    case Kind::Tls: text = tr("Secure connection failed"); break;
    case Kind::RedirectRefused: text = tr("Redirect to another site refused"); break;
    case Kind::Auth: text = tr("Authentication failed"); break;
    case Kind::NotFound: text = tr("Not found"); break;
    case Kind::RateLimited: text = tr("Rate limited by Cloudflare"); break;
    case Kind::Server: text = tr("Cloudflare server error"); break;
    case Kind::BadRequest: text = tr("Request rejected"); break;
    case Kind::Malformed: text = tr("Unexpected response"); break;
    case Kind::Api: text = tr("Cloudflare reported an error"); break;
    }
    if (m_httpStatus > 0) {
        //: %1 is one of the summaries above, e.g. "Authentication failed"; %2 an HTTP status such as 401
        text = tr("%1 (HTTP %2)").arg(text, QString::number(m_httpStatus));
    }
    return text;
}

QString ApiError::hint() const
{
    switch (m_kind) {
    case Kind::Auth:
        return tr("Use a user API token with the \u201cWorkers CI Read\u201d permission; the Builds API "
                  "rejects account-owned tokens. With a Global API Key, check the email and the key.");
    case Kind::NotFound:
        return tr("Check the account ID: it is the 32-character ID shown on the account's overview "
                  "page in the Cloudflare dashboard.");
    case Kind::RateLimited:
        return m_retryAfterSeconds >= 0
                   ? tr("Cloudflare allows 1,200 requests per 5 minutes per user. Try again in %1 s.")
                         .arg(m_retryAfterSeconds)
                   : tr("Cloudflare allows 1,200 requests per 5 minutes per user. Wait a few minutes "
                        "and try again.");
    case Kind::Network:
        return tr("Check the network connection, the proxy settings and the API base URL.");
    case Kind::Timeout:
        return tr("The server did not answer in time. Check the connection and try again.");
    case Kind::Tls:
        return tr("The server's certificate was not accepted. A proxy that inspects TLS may be in "
                  "the way.");
    case Kind::Malformed:
        return tr("The answer was not Cloudflare's API envelope. A proxy, a captive portal or a "
                  "wrong API base URL may be in the way.");
    case Kind::Server:
        return tr("Cloudflare had a problem answering. Try again shortly.");
    default:
        return {};
    }
}

QString ApiError::toText() const
{
    const QString more = details();
    return more.isEmpty() ? summary() : summary() + u'\n' + more;
}

QString ApiError::details() const
{
    QStringList lines;
    for (const ApiMessage &e : m_errors)
        //: %1 is a Cloudflare error code, %2 its message (in English, as Cloudflare sends it)
        lines << (e.code != 0 ? tr("%1: %2").arg(QString::number(e.code), e.message) : e.message);
    if (!m_detail.isEmpty())
        lines << m_detail;
    const QString h = hint();
    if (!h.isEmpty())
        lines << h;
    return lines.join(u'\n');
}
