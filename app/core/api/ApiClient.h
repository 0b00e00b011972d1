#pragma once

#include "../auth/Credentials.h"
#include "../auth/Profile.h"
#include "ApiCall.h"
#include "RateLimitGate.h"

#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>

class QNetworkAccessManager;

// Sends Cloudflare API v4 requests with the policy that rule 2 of docs/ARCHITECTURE.md asks of
// every request: same-origin redirects only, a transfer timeout, a User-Agent, Accept:
// application/json, and plain http:// only to a loopback host. The system proxy is the process's business:
// both main()s turn it on.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    static QUrl defaultBaseUrl();
    static constexpr std::chrono::milliseconds DefaultTransferTimeout{30000};

    explicit ApiClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    // Empty when `url` can be used as the API base, else why not (in words for a person).
    static QString checkBaseUrl(const QUrl &url);

    // Each of these picks the rate-limit gate of the new identity (credentials and host).
    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setCredentials(const Credentials &credentials);
    // The profile's API base (Cloudflare's when it names none) and its credentials with `secret`.
    void useProfile(const Profile &profile, const QString &secret);
    const Credentials &credentials() const { return m_credentials; }
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds transferTimeout() const { return m_timeout; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }
    // A larger body is cut off and reported as malformed (Cloudflare's pages are kilobytes).
    static constexpr qint64 DefaultMaxBodyBytes = 16 * 1024 * 1024;
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }

    // GET <base>/<path>?<query>. `path` is relative and already percent-encoded. A base URL
    // or credentials that cannot be used give a call that fails with InvalidRequest.
    ApiCall *get(const QString &path, const QUrlQuery &query = {});
    // A call that fails with `error` without sending anything.
    ApiCall *fail(const ApiError &error);

    // A client with the same settings and credentials (and so the same gate): what a job
    // keeps, so that its requests never see a later change to this one.
    ApiClient *clone(QObject *parent) const;

    static QByteArray userAgent();

private:
    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    Credentials m_credentials;
    std::chrono::milliseconds m_timeout = DefaultTransferTimeout;
    RetryPolicy m_retryPolicy;
    void pickGate();

    std::shared_ptr<RateLimitGate> m_gate; // shared with every client of the same identity
    qint64 m_maxBodyBytes = DefaultMaxBodyBytes;
};
