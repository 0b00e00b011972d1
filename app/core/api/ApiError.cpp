#include "ApiError.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

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
    if (status >= 500)
        return Kind::Server;
    if (status >= 400)
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
    case Kind::None: return u"No error"_s;
    case Kind::InvalidRequest: text = u"Request not sent"_s; break;
    case Kind::Canceled: text = u"Canceled"_s; break;
    case Kind::Timeout: text = u"The request timed out"_s; break;
    case Kind::Network: text = u"Network error"_s; break;
    case Kind::Tls: text = u"Secure connection failed"_s; break;
    case Kind::RedirectRefused: text = u"Redirect to another site refused"_s; break;
    case Kind::Auth: text = u"Authentication failed"_s; break;
    case Kind::NotFound: text = u"Not found"_s; break;
    case Kind::RateLimited: text = u"Rate limited by Cloudflare"_s; break;
    case Kind::Server: text = u"Cloudflare server error"_s; break;
    case Kind::BadRequest: text = u"Request rejected"_s; break;
    case Kind::Malformed: text = u"Unexpected response"_s; break;
    case Kind::Api: text = u"Cloudflare reported an error"_s; break;
    }
    if (m_httpStatus > 0)
        text += u" (HTTP "_s + QString::number(m_httpStatus) + u')';
    return text;
}

QString ApiError::hint() const
{
    switch (m_kind) {
    case Kind::Auth:
        return u"Use a user API token with the \u201cWorkers CI Read\u201d permission; the Builds API "
               "rejects account-owned tokens. With a Global API Key, check the email and the key."_s;
    case Kind::NotFound:
        return u"Check the account ID: it is the 32-character ID shown on the account's overview "
               "page in the Cloudflare dashboard."_s;
    case Kind::RateLimited:
        return m_retryAfterSeconds >= 0
                   ? u"Cloudflare allows 1,200 requests per 5 minutes per user. Try again in %1 s."_s
                         .arg(m_retryAfterSeconds)
                   : u"Cloudflare allows 1,200 requests per 5 minutes per user. Wait a few minutes "
                     "and try again."_s;
    case Kind::Network:
        return u"Check the network connection, the proxy settings and the API base URL."_s;
    case Kind::Timeout:
        return u"The server did not answer in time. Check the connection and try again."_s;
    case Kind::Tls:
        return u"The server's certificate was not accepted. A proxy that inspects TLS may be in "
               "the way."_s;
    case Kind::Malformed:
        return u"The answer was not Cloudflare's API envelope. A proxy, a captive portal or a "
               "wrong API base URL may be in the way."_s;
    case Kind::Server:
        return u"Cloudflare had a problem answering. Try again shortly."_s;
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
        lines << (e.code != 0 ? QString::number(e.code) + u": "_s + e.message : e.message);
    if (!m_detail.isEmpty())
        lines << m_detail;
    const QString h = hint();
    if (!h.isEmpty())
        lines << h;
    return lines.join(u'\n');
}
