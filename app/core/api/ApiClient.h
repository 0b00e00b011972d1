#pragma once

#include "../auth/Credentials.h"
#include "ApiCall.h"

#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>

class QNetworkAccessManager;

// Sends Cloudflare API v4 requests with the policy DESIGN.md rule 2 asks of every request:
// same-origin redirects only, a transfer timeout, a User-Agent, Accept: application/json,
// and plain http:// only to a loopback host.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    static QUrl defaultBaseUrl();
    static constexpr std::chrono::milliseconds DefaultTransferTimeout{30000};

    explicit ApiClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    // Empty when `url` can be used as the API base, else why not (in words for a person).
    static QString checkBaseUrl(const QUrl &url);

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setCredentials(const Credentials &credentials) { m_credentials = credentials; }
    const Credentials &credentials() const { return m_credentials; }
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds transferTimeout() const { return m_timeout; }

    // GET <base>/<path>?<query>. `path` is relative and already percent-encoded. A base URL
    // or credentials that cannot be used give a call that fails with InvalidRequest.
    ApiCall *get(const QString &path, const QUrlQuery &query = {});
    // A call that fails with `error` without sending anything.
    ApiCall *fail(const ApiError &error);

    static QByteArray userAgent();

private:
    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    Credentials m_credentials;
    std::chrono::milliseconds m_timeout = DefaultTransferTimeout;
};
