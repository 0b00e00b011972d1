#include "DemoApi.h"

#include "DemoTokenGenerator.h"

#include "../api/PageMath.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <initializer_list>

using namespace Qt::Literals::StringLiterals;

namespace {

using Request = DemoApi::Request;
using Reply = DemoApi::Reply;

// The statuses the demo answers with; the HTTP front adds those of its faults.
enum Status : int {
    Ok = 200,
    BadRequest = 400,
    Unauthorized = 401,
    Forbidden = 403,
    NotFound = 404,
    MethodNotAllowed = 405,
};

// The shape of both `errors` and `messages`.
QJsonArray messageArray(const QList<QPair<int, QString>> &errors)
{
    QJsonArray array;
    for (const auto &[code, message] : errors)
        array.append(QJsonObject{{u"code"_s, code}, {u"message"_s, message}});
    return array;
}

QJsonObject envelope(bool success, const QJsonArray &errors, const QJsonArray &messages,
                     const QJsonValue &result)
{
    return QJsonObject{{u"success"_s, success}, {u"errors"_s, errors}, {u"messages"_s, messages},
                       {u"result"_s, result}};
}

Reply missingAuthHeaders()
{
    return DemoApi::errorReply(Status::BadRequest, {{9106, u"Missing X-Auth-Key, X-Auth-Email or Authorization headers"_s}});
}

Reply invalidApiToken()
{
    return DemoApi::errorReply(Status::Unauthorized, {{1000, u"Invalid API Token"_s}});
}

Reply unknownAccount(const Request &request)
{
    return DemoApi::errorReply(Status::NotFound, {{7003, u"Could not route to %1, perhaps your object identifier "
                                                         "is invalid?"_s.arg(request.path.mid(DemoApi::basePath().size()))}});
}

QByteArray bearer(const QString &token)
{
    return "Bearer " + token.toUtf8();
}

bool isWellFormedBearer(const QByteArray &authorization)
{
    return authorization.startsWith("Bearer ") && authorization.size() > 7;
}

// The answer to credentials a route does not let in, as Cloudflare gives it.
Reply authFailure(const Request &request)
{
    const QByteArray authorization = request.header("Authorization");
    if (!authorization.isEmpty()) {
        if (!isWellFormedBearer(authorization)) {
            const QJsonArray errors{QJsonObject{
                {u"code"_s, 6003},
                {u"message"_s, u"Invalid request headers"_s},
                {u"error_chain"_s, messageArray({{6111, u"Invalid format for Authorization header"_s}})}}};
            return DemoApi::jsonReply(Status::BadRequest, envelope(false, errors, {}, QJsonValue::Null));
        }
        if (authorization == bearer(DemoApi::apiTokenWithoutBuildsAccess()))
            return DemoApi::errorReply(Status::Forbidden, {{10000, u"Authentication error"_s}});
        if (authorization == bearer(DemoApi::expiredApiToken()))
            return DemoApi::errorReply(Status::Unauthorized, {{9109, u"Invalid access token"_s}});
        return invalidApiToken();
    }
    if (!request.header("X-Auth-Key").isEmpty() || !request.header("X-Auth-Email").isEmpty())
        return DemoApi::errorReply(Status::Forbidden, {{9103, u"Unknown X-Auth-Key or X-Auth-Email"_s}});
    return missingAuthHeaders();
}

// Whether a listing route lets the caller in. Listing accounts needs no permission, so a
// token without "Workers CI Read" may do that but not list build tokens.
bool mayList(const Request &request, bool alsoWithoutBuildsAccess, const QStringList &extraApiTokens)
{
    const QByteArray authorization = request.header("Authorization");
    if (authorization == bearer(DemoApi::apiToken()) || authorization == bearer(DemoApi::apiTokenWithoutTokensRead())
        || (alsoWithoutBuildsAccess && authorization == bearer(DemoApi::apiTokenWithoutBuildsAccess())))
        return true;
    for (const QString &token : extraApiTokens) {
        if (authorization == bearer(token))
            return true;
    }
    return request.header("X-Auth-Email") == DemoApi::email().toUtf8()
           && request.header("X-Auth-Key") == DemoApi::globalApiKey().toUtf8();
}

// 32 hex digits, Cloudflare's id format, always the same for the same seed.
QString hexId(const QByteArray &seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Md5).toHex());
}

Reply verifiedReply(const QString &token, const QString &status, const QString &expiresOn)
{
    QJsonObject result{{u"id"_s, hexId(token.toUtf8())}, {u"status"_s, status}};
    if (!expiresOn.isEmpty())
        result.insert(u"expires_on"_s, expiresOn);
    const QJsonArray messages = status == u"active"_s
                                    ? messageArray({{10000, u"This API Token is valid and active"_s}})
                                    : QJsonArray();
    return DemoApi::jsonReply(Status::Ok, envelope(true, {}, messages, result));
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

// Whether the caller may read its API tokens ("API Tokens Read"); a Global API Key may.
bool mayReadApiTokens(const Request &request, const QStringList &extraApiTokens)
{
    const QByteArray authorization = request.header("Authorization");
    return authorization != bearer(DemoApi::apiTokenWithoutTokensRead()) && mayList(request, false, extraApiTokens);
}

Reply tokensUnreadable(const Request &request)
{
    if (request.header("Authorization") == bearer(DemoApi::apiTokenWithoutTokensRead()))
        return DemoApi::errorReply(Status::Forbidden, {{9109, u"Unauthorized to access requested resource"_s}});
    return authFailure(request);
}

} // namespace

QString DemoApi::accountId() { return u"023e105f4ecef8ad9ca31a8372d0c353"_s; }
QString DemoApi::stagingAccountId() { return u"9a7806061c88ada191ed06f989cc3dac"_s; }
QString DemoApi::sandboxAccountId() { return u"4b2e5f1d8c3a47e69d0f7a6b5c4e3d21"_s; }
QString DemoApi::apiToken() { return u"demo-api-token"_s; }
QString DemoApi::apiTokenWithoutBuildsAccess() { return u"demo-token-without-workers-ci-read"_s; }
QString DemoApi::expiredApiToken() { return u"demo-expired-token"_s; }
QString DemoApi::apiTokenWithoutTokensRead() { return u"demo-token-without-api-tokens-read"_s; }
QString DemoApi::accountOwnedApiToken() { return u"demo-account-owned-token"_s; }
QString DemoApi::email() { return u"demo@example.com"_s; }
QString DemoApi::globalApiKey() { return u"demo-global-api-key"_s; }

QString DemoApi::basePath() { return u"/client/v4"_s; }

Profile DemoApi::profileAt(const QUrl &baseUrl)
{
    Profile demo;
    demo.name = u"Demo"_s;
    demo.accountId = accountId();
    demo.apiBaseUrl = baseUrl.toString();
    return demo;
}

QString DemoApi::settingsFolderTemplate()
{
    // Not QStandardPaths::RuntimeLocation: without the variable it falls back to a folder
    // under /tmp, with a warning.
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    const QString folder = !runtime.isEmpty() && QFileInfo(runtime).isWritable() ? runtime : QDir::tempPath();
    return folder + u"/build-token-browser-demo-XXXXXX"_s;
}

DemoApi::Reply DemoApi::errorReply(int status, const QList<QPair<int, QString>> &errors)
{
    return jsonReply(status, envelope(false, messageArray(errors), {}, QJsonValue::Null));
}

DemoApi::Reply DemoApi::jsonReply(int status, const QJsonObject &json)
{
    return {status, "application/json", QJsonDocument(json).toJson(QJsonDocument::Compact), {}};
}

QByteArray DemoApi::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

DemoApi::DemoApi(int tokenCount)
{
    // Past any main account's tokens (benchmarks go to 100,000), so staging's are other tokens.
    constexpr int stagingFirstToken = 1000000;
    m_accounts = {{{accountId(), u"Demo Company"_s}, {}},
                  {{stagingAccountId(), u"Demo Staging"_s}, {}, 12, stagingFirstToken},
                  {{sandboxAccountId(), u"Demo Sandbox"_s}, {}}};
    setTokenCount(tokenCount);
}

DemoApi::Reply DemoApi::answer(const Request &request) const
{
    Reply reply = route(request);
    if (!m_ratelimit.isEmpty())
        reply.headers.append({"Ratelimit", m_ratelimit});
    return reply;
}

// The routes of Cloudflare's API that the app calls, by the path's segments under basePath().
DemoApi::Reply DemoApi::route(const Request &request) const
{
    if (!request.path.startsWith(basePath() + u'/'))
        return errorReply(Status::NotFound, {{7000, u"No route for that URI"_s}});
    const QStringList parts = request.path.mid(basePath().size() + 1).split(u'/');
    const auto is = [&parts](std::initializer_list<const char16_t *> shape) {
        if (parts.size() != qsizetype(shape.size()))
            return false;
        qsizetype i = 0;
        for (const char16_t *part : shape) {
            // nullptr stands for an id: any one segment that is not empty.
            if (part ? parts.at(i) != QStringView(part) : parts.at(i).isEmpty())
                return false;
            ++i;
        }
        return true;
    };
    std::function<Reply()> handler;
    if (is({u"accounts"}))
        handler = [&] { return listAccounts(request); };
    else if (is({u"accounts", nullptr, u"builds", u"tokens"}))
        handler = [&] { return listBuildTokens(parts.at(1), request); };
    else if (is({u"accounts", nullptr, u"workers", u"scripts"}))
        handler = [&] { return listWorkers(parts.at(1), request); };
    else if (is({u"accounts", nullptr, u"builds", u"builds", u"latest"}))
        handler = [&] { return latestBuilds(parts.at(1), request); };
    else if (is({u"accounts", nullptr, u"builds", u"workers", nullptr, u"triggers"}))
        handler = [&] { return listTriggers(parts.at(1), parts.at(4), request); };
    else if (is({u"accounts", nullptr, u"tokens", u"verify"}))
        handler = [&] { return verifyAccountToken(parts.at(1), request); };
    else if (is({u"user", u"tokens", u"verify"}))
        handler = [&] { return verifyUserToken(request); };
    else if (is({u"user", u"tokens"}))
        handler = [&] { return listApiTokens(request); };
    else if (is({u"user", u"tokens", nullptr}))
        handler = [&] { return apiTokenDetails(parts.at(2), request); };
    if (!handler)
        return errorReply(Status::NotFound, {{7000, u"No route for that URI"_s}});
    // Every route here only reads; the demo takes no writes yet.
    if (request.method != "GET")
        return errorReply(Status::MethodNotAllowed, {{10405, u"Method not allowed"_s}});
    return handler();
}

void DemoApi::setRatelimit(int remaining, int resetSeconds)
{
    m_ratelimit = "\"default\";r=" + QByteArray::number(remaining) + ";t=" + QByteArray::number(resetSeconds);
}

void DemoApi::setTokenCount(int count)
{
    setTokens({});
    m_accounts.first().ungenerated = qMax(0, count);
}

const QList<BuildToken> &DemoApi::tokensOf(const DemoAccount &account)
{
    if (account.ungenerated > 0) {
        account.tokens = DemoTokenGenerator::generate(account.ungenerated, account.firstGenerated);
        account.ungenerated = 0;
    }
    return account.tokens;
}

qsizetype DemoApi::tokenCountOf(const DemoAccount &account)
{
    return account.ungenerated > 0 ? account.ungenerated : account.tokens.size();
}

BuildToken DemoApi::tokenAt(const DemoAccount &account, qsizetype index)
{
    return account.ungenerated > 0 ? DemoTokenGenerator::token(account.firstGenerated + int(index)) : account.tokens.at(index);
}

void DemoApi::setExtraAccountCount(int count)
{
    constexpr qsizetype namedAccounts = 3;
    m_accounts.resize(namedAccounts);
    for (int i = 0; i < count; ++i) {
        const qsizetype number = namedAccounts + i + 1;
        const Account account{hexId("demo-account-" + QByteArray::number(number)),
                              u"Demo Account "_s + QString::number(number)};
        m_accounts.append(DemoAccount{account, {}});
    }
}

QList<Account> DemoApi::accounts() const
{
    QList<Account> accounts;
    for (const DemoAccount &account : m_accounts)
        accounts.append(account.account);
    return accounts;
}

const DemoApi::DemoAccount *DemoApi::findAccount(const QString &id) const
{
    for (const DemoAccount &account : m_accounts) {
        if (account.account.id == id)
            return &account;
    }
    return nullptr;
}

const DemoApi::DemoAccount *DemoApi::buildsAccount(const QString &accountId, const Request &request,
                                                              Reply *refusal) const
{
    if (!mayList(request, false, m_extraApiTokens)) {
        *refusal = authFailure(request);
        return nullptr;
    }
    const DemoAccount *account = findAccount(accountId);
    if (!account)
        *refusal = unknownAccount(request);
    return account;
}

QList<DemoWorker> DemoApi::workersOf(const DemoAccount &account) const
{
    return account.workersSet ? account.workers : DemoTokenGenerator::workersFor(account.account.id, tokensOf(account));
}

Reply DemoApi::listBuildTokens(const QString &accountId, const Request &request) const
{
    Reply refusal;
    const DemoAccount *account = buildsAccount(accountId, request, &refusal);
    if (!account)
        return refusal;
    return listPage(request.query, {50, 1, 200}, tokenCountOf(*account),
                    [account](qsizetype i) { return QJsonValue(DemoTokenGenerator::toJson(tokenAt(*account, i))); });
}

Reply DemoApi::listWorkers(const QString &accountId, const Request &request) const
{
    Reply refusal;
    const DemoAccount *account = buildsAccount(accountId, request, &refusal);
    if (!account)
        return refusal;
    QJsonArray result;
    for (const DemoWorker &worker : workersOf(*account))
        result.append(DemoTokenGenerator::toJson(worker));
    return DemoApi::jsonReply(Status::Ok, envelope(true, {}, {}, result)); // not paged
}

Reply DemoApi::latestBuilds(const QString &accountId, const Request &request) const
{
    Reply refusal;
    const DemoAccount *account = buildsAccount(accountId, request, &refusal);
    if (!account)
        return refusal;
    const QStringList tags = request.query.queryItemValue(u"external_script_ids"_s, QUrl::FullyDecoded)
                                 .split(u',', Qt::SkipEmptyParts);
    if (tags.isEmpty())
        return DemoApi::errorReply(Status::BadRequest, {{12002, u"Invalid request: external_script_ids is required"_s}});
    if (tags.size() > 20)
        return DemoApi::errorReply(Status::BadRequest, {{12002, u"Invalid request: at most 20 external_script_ids"_s}});
    QJsonObject builds;
    for (const DemoWorker &worker : workersOf(*account)) {
        if (worker.usesBuilds && tags.contains(worker.tag))
            builds.insert(worker.tag, DemoTokenGenerator::latestBuildJson(worker));
    }
    return DemoApi::jsonReply(Status::Ok, envelope(true, {}, {}, QJsonObject{{u"builds"_s, builds}}));
}

Reply DemoApi::listTriggers(const QString &accountId, const QString &tag, const Request &request) const
{
    Reply refusal;
    const DemoAccount *account = buildsAccount(accountId, request, &refusal);
    if (!account)
        return refusal;
    for (const DemoWorker &worker : workersOf(*account)) {
        if (worker.tag != tag)
            continue;
        QJsonArray result;
        for (const DemoTrigger &trigger : worker.triggers)
            result.append(DemoTokenGenerator::toJson(trigger, worker));
        return DemoApi::jsonReply(Status::Ok, envelope(true, {}, {}, result));
    }
    return DemoApi::errorReply(Status::NotFound, {{12000, u"Not found"_s}}); // the Builds API's documented answer
}

Reply DemoApi::listAccounts(const Request &request) const
{
    if (!mayList(request, true, m_extraApiTokens))
        return authFailure(request);
    return listPage(request.query, {20, 5, 50}, m_accounts.size(), [this](qsizetype i) {
        const Account &account = m_accounts.at(i).account;
        return QJsonValue(QJsonObject{{u"id"_s, account.id}, {u"name"_s, account.name}, {u"type"_s, u"standard"_s}});
    });
}

Reply DemoApi::verifyUserToken(const Request &request) const
{
    struct UserToken
    {
        QString token;
        QString status;
        QString expiresOn;
    };
    static const std::array userTokens{
        UserToken{apiToken(), u"active"_s, u"2030-01-01T00:00:00Z"_s},
        UserToken{apiTokenWithoutBuildsAccess(), u"active"_s, QString()},
        UserToken{expiredApiToken(), u"expired"_s, u"2024-06-30T00:00:00Z"_s}};

    const QByteArray authorization = request.header("Authorization");
    // Only an API token can be verified: Global API Key headers count as no credentials.
    if (authorization.isEmpty())
        return missingAuthHeaders();
    for (const UserToken &known : userTokens) {
        if (authorization == bearer(known.token))
            return verifiedReply(known.token, known.status, known.expiresOn);
    }
    return authFailure(request);
}

Reply DemoApi::verifyAccountToken(const QString &accountId, const Request &request) const
{
    const QByteArray authorization = request.header("Authorization");
    if (authorization.isEmpty())
        return missingAuthHeaders();
    if (!isWellFormedBearer(authorization))
        return authFailure(request);
    if (!findAccount(accountId))
        return unknownAccount(request);
    if (accountId != DemoApi::accountId() || authorization != bearer(accountOwnedApiToken()))
        return invalidApiToken();
    return verifiedReply(accountOwnedApiToken(), u"active"_s, QString());
}

void DemoApi::setApiTokens(const QList<ApiToken> &listed, const QList<ApiToken> &unlisted)
{
    m_apiTokens = DemoTokenGenerator::DemoApiTokens{listed, unlisted};
    m_apiTokensById.reset();
}

DemoTokenGenerator::DemoApiTokens DemoApi::apiTokens() const
{
    if (m_apiTokens)
        return *m_apiTokens;
    // Made once: for 100,000 build tokens making them took 0.1 s, and a health check of them
    // asks for them some 18,000 times.
    if (!m_generatedApiTokens) {
        QList<BuildToken> buildTokens;
        for (const DemoAccount &account : m_accounts)
            buildTokens += tokensOf(account);
        m_generatedApiTokens = DemoTokenGenerator::apiTokensFor(buildTokens);
    }
    return *m_generatedApiTokens;
}

Reply DemoApi::listApiTokens(const Request &request) const
{
    if (!mayReadApiTokens(request, m_extraApiTokens))
        return tokensUnreadable(request);
    QList<ApiToken> listed = apiTokens().listed;
    // Without include_expired=true Cloudflare leaves expired tokens out, without a word.
    if (request.query.queryItemValue(u"include_expired"_s) != u"true"_s)
        listed.removeIf([](const ApiToken &token) { return token.status == u"expired"_s; });
    return listPage(request.query, {20, 5, 50}, listed.size(),
                    [&listed](qsizetype i) { return QJsonValue(DemoTokenGenerator::toJson(listed.at(i))); }, false);
}

Reply DemoApi::apiTokenDetails(const QString &tokenId, const Request &request) const
{
    if (!mayReadApiTokens(request, m_extraApiTokens))
        return tokensUnreadable(request);
    if (!m_apiTokensById) {
        const DemoTokenGenerator::DemoApiTokens tokens = apiTokens();
        QHash<QString, ApiToken> byId;
        byId.reserve(tokens.listed.size() + tokens.unlisted.size());
        for (const QList<ApiToken> *list : {&tokens.unlisted, &tokens.listed}) { // a listed one wins
            for (const ApiToken &token : *list)
                byId.insert(token.id, token);
        }
        m_apiTokensById = std::move(byId);
    }
    if (const auto found = m_apiTokensById->constFind(tokenId); found != m_apiTokensById->cend())
        return DemoApi::jsonReply(Status::Ok, envelope(true, {}, {}, DemoTokenGenerator::toJson(*found)));
    return DemoApi::errorReply(Status::NotFound, {{1003, u"Token not found"_s}}); // Cloudflare's code is undocumented
}

Reply DemoApi::listPage(const QUrlQuery &query, PerPageRange perPageRange, qsizetype total,
                                  const std::function<QJsonValue(qsizetype)> &item, bool withTotalPages) const
{
    int page = 1;
    int perPage = perPageRange.defaultValue;
    if (!readIntParameter(query, u"page"_s, 1, 1, PageMath::LastPage, &page))
        return DemoApi::errorReply(Status::BadRequest, {{12002, u"Invalid request: page must be an integer of at least 1"_s}});
    if (!readIntParameter(query, u"per_page"_s, perPageRange.defaultValue, perPageRange.min, perPageRange.max, &perPage)) {
        return DemoApi::errorReply(Status::BadRequest, {{12002, u"Invalid request: per_page must be an integer from %1 to %2"_s
                                                           .arg(perPageRange.min).arg(perPageRange.max)}});
    }

    const qint64 first = PageMath::firstRowOf(page, perPage);
    QJsonArray result;
    for (qint64 i = first; i < qMin(qint64(total), first + perPage); ++i)
        result.append(item(i));
    QJsonObject resultInfo{{u"count"_s, result.size()}, {u"page"_s, page}, {u"per_page"_s, perPage}};
    if (m_sendsTotals) {
        resultInfo.insert(u"total_count"_s, total);
        if (withTotalPages)
            resultInfo.insert(u"total_pages"_s, PageMath::pagesFor(total, perPage));
    }
    QJsonObject answer = envelope(true, {}, {}, result);
    answer.insert(u"result_info"_s, resultInfo);
    return DemoApi::jsonReply(Status::Ok, answer);
}

