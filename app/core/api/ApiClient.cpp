#include "ApiClient.h"

#include "AppInfo.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QCryptographicHash>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::Literals::StringLiterals;

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

QUrl ApiClient::defaultBaseUrl()
{
    return QUrl(u"https://api.cloudflare.com/client/v4"_s);
}

ApiClient::ApiClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network), m_baseUrl(defaultBaseUrl())
{
    pickGate();
}

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
    pickGate();
}

void ApiClient::setCredentials(const Credentials &credentials)
{
    m_credentials = credentials;
    pickGate();
}

void ApiClient::pickGate()
{
    // A digest, so the registry's keys are not one more copy of the secret.
    QCryptographicHash identity(QCryptographicHash::Sha256);
    identity.addData(QByteArray(m_baseUrl.host().toUtf8() + '\n' + QByteArray::number(int(m_credentials.scheme)) + '\n'
                                + m_credentials.apiToken.toUtf8() + '\n' + m_credentials.email.toUtf8() + '\n'
                                + m_credentials.globalApiKey.toUtf8()));
    m_gate = RateLimitGate::forIdentity(identity.result());
}

ApiClient *ApiClient::clone(QObject *parent) const
{
    auto *copy = new ApiClient(m_network, parent);
    copy->m_baseUrl = m_baseUrl;
    copy->m_credentials = m_credentials;
    copy->m_timeout = m_timeout;
    copy->m_retryPolicy = m_retryPolicy;
    copy->m_maxBodyBytes = m_maxBodyBytes;
    copy->m_gate = m_gate;
    return copy;
}

void ApiClient::useProfile(const Profile &profile, const QString &secret)
{
    setBaseUrl(profile.apiBaseUrl.isEmpty() ? defaultBaseUrl() : QUrl(profile.apiBaseUrl));
    setCredentials(profile.credentials(secret));
}

QString ApiClient::checkBaseUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return tr("The API base URL \u201c%1\u201d is not a valid URL.").arg(url.toDisplayString());
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return tr("The API base URL may not contain a user name, a query or a fragment.");
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https"_s)
        return {};
    if (scheme == u"http"_s) {
        if (isLoopbackHost(url.host()))
            return {};
        return tr("Plain http:// would send the credentials unencrypted; it is allowed only for "
                  "a local test server (localhost, 127.0.0.1). Use https://.");
    }
    return tr("The API base URL must start with https://.");
}

QByteArray ApiClient::userAgent()
{
    // A product token may not hold spaces: "BuildTokenBrowser/0.1.0 (Qt 6.4.2)".
    const QString product = QString(AppInfo::DisplayName).remove(u' ');
    return (product + u'/' + AppInfo::Version).toLatin1() + " (Qt " QT_VERSION_STR ")";
}

ApiCall *ApiClient::fail(const ApiError &error)
{
    return new ApiCall(error, this);
}

ApiCall *ApiClient::get(const QString &path, const QUrlQuery &query)
{
    if (const QString problem = checkBaseUrl(m_baseUrl); !problem.isEmpty())
        return fail(ApiError(ApiError::Kind::InvalidRequest, problem));
    if (!m_credentials.isComplete()) {
        return fail(ApiError(ApiError::Kind::InvalidRequest,
                             m_credentials.scheme == Credentials::Scheme::ApiToken
                                 ? tr("Enter an API token.")
                                 : tr("Enter the account email and the Global API Key.")));
    }
    // Whatever the caller checked: nothing that would add a header of its own goes out.
    if (const QString problem = m_credentials.problem(); !problem.isEmpty())
        return fail(ApiError(ApiError::Kind::InvalidRequest, problem));

    QUrl url = m_baseUrl;
    QString basePath = url.path(QUrl::FullyEncoded);
    if (!basePath.endsWith(u'/'))
        basePath += u'/';
    url.setPath(basePath + path, QUrl::StrictMode);
    url.setQuery(query);

    QNetworkRequest request(url);
    // Qt 6 follows cross-origin redirects with the Authorization header by default.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setTransferTimeout(static_cast<int>(m_timeout.count()));
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setRawHeader("Accept", "application/json");
    if (m_credentials.scheme == Credentials::Scheme::ApiToken) {
        request.setRawHeader("Authorization", "Bearer " + m_credentials.apiToken.toUtf8());
    } else {
        request.setRawHeader("X-Auth-Email", m_credentials.email.toUtf8());
        request.setRawHeader("X-Auth-Key", m_credentials.globalApiKey.toUtf8());
    }
    return new ApiCall(m_network, request, m_retryPolicy, m_maxBodyBytes, m_gate, this);
}
