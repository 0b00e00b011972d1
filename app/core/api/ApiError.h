#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

// One entry of an envelope's `errors` (or `messages`) array.
struct ApiMessage
{
    qint64 code = 0;
    QString message;

    friend bool operator==(const ApiMessage &a, const ApiMessage &b)
    {
        return a.code == b.code && a.message == b.message;
    }
};

// Why a request did not give a usable result. A value type that crosses every layer in
// place of exceptions; its texts never contain a credential.
class ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)

public:
    enum class Kind {
        None,           // not an error
        InvalidRequest, // refused before sending: bad page, per_page, account id, base URL, credentials
        Canceled,       // the person canceled it
        Timeout,        // the transfer timeout expired
        Network,        // no connection: refused, reset, host not found, proxy
        Tls,            // certificate or handshake failure
        RedirectRefused,// a redirect to another origin was not followed
        Auth,           // 401/403 or an authentication error code
        NotFound,       // 404 or 7003: usually a wrong account id
        RateLimited,    // 429
        Server,         // 5xx
        BadRequest,     // any other 4xx
        Malformed,      // the body is not Cloudflare's envelope, or a field has the wrong type
        Api,            // HTTP 2xx with success:false
    };

    ApiError() = default;
    ApiError(Kind kind, QString detail, int httpStatus = 0)
        : m_kind(kind), m_detail(std::move(detail)), m_httpStatus(httpStatus)
    {
    }

    // The error a response with this HTTP status and these envelope errors stands for.
    static ApiError fromResponse(int httpStatus, const QList<ApiMessage> &errors);

    bool isError() const { return m_kind != Kind::None; }
    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_httpStatus; }
    const QList<ApiMessage> &errors() const { return m_errors; }
    QString detail() const { return m_detail; }
    // Seconds from Retry-After on a 429, or -1 when the server did not say.
    int retryAfterSeconds() const { return m_retryAfterSeconds; }

    void setDetail(const QString &detail) { m_detail = detail; }
    void setHttpStatus(int status) { m_httpStatus = status; }
    void setRetryAfterSeconds(int seconds) { m_retryAfterSeconds = seconds; }

    // One line naming what went wrong, e.g. "Authentication failed (HTTP 401)".
    QString summary() const;
    // What the person can do about it; empty when there is nothing useful to say.
    QString hint() const;
    // Each "code: message", the detail and the hint, one a line.
    QString details() const;
    // The summary, then the details.
    QString toText() const;

private:
    Kind m_kind = Kind::None;
    QString m_detail;
    int m_httpStatus = 0;
    QList<ApiMessage> m_errors;
    int m_retryAfterSeconds = -1;
};

Q_DECLARE_METATYPE(ApiError)
Q_DECLARE_METATYPE(ApiError::Kind)
