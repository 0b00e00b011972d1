#include "ApiFixture.h"

#include "AwaitResult.h"

#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

ApiFixture::ApiFixture()
{
    if (!server.listen())
        qFatal("DemoApiServer could not listen on 127.0.0.1");
    client.setBaseUrl(server.baseUrl());
    client.setCredentials(Credentials::fromApiToken(DemoApiServer::apiToken()));
    // One request per call, so tests can count what was sent; retry tests set their own.
    client.setRetryPolicy(RetryPolicy::never());
}

std::optional<ApiResult<BuildTokenPage>> ApiFixture::fetchPage(const QString &accountId, int page,
                                                               int perPage, int timeoutMs)
{
    return awaitJob(service.fetchPage(accountId, page, perPage), timeoutMs);
}

QStringList uuidsOf(const QList<BuildToken> &tokens)
{
    QStringList uuids;
    for (const BuildToken &token : tokens)
        uuids.append(token.uuid);
    return uuids;
}

int requestsTo(const DemoApiServer &server, const QString &pathStart)
{
    const QString prefix = u"/client/v4/"_s + pathStart;
    return int(std::count_if(server.requests().begin(), server.requests().end(),
                             [&prefix](const DemoApiServer::Request &request) { return request.path.startsWith(prefix); }));
}
