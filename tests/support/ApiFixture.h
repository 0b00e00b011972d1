#pragma once

#include "api/ApiClient.h"
#include "api/BuildTokensService.h"
#include "demo/DemoApiServer.h"

#include <QNetworkAccessManager>

#include <optional>

// A DemoApiServer on loopback and the real client stack pointed at it with the demo's
// API token: what every integration test starts from.
struct ApiFixture
{
    ApiFixture();

    // Fetches one page and waits (with the event loop running) for its result.
    std::optional<ApiResult<BuildTokenPage>> fetchPage(const QString &accountId, int page, int perPage,
                                                       int timeoutMs = 10000);
    std::optional<ApiResult<BuildTokenPage>> fetchPage(int page, int perPage)
    {
        return fetchPage(DemoApiServer::accountId(), page, perPage);
    }

    DemoApiServer server;
    QNetworkAccessManager network;
    ApiClient client{&network};
    BuildTokensService service{&client};
};

// The uuids of `tokens`, in order.
QStringList uuidsOf(const QList<BuildToken> &tokens);
// How many requests `server` received whose path under /client/v4/ starts with `pathStart`.
int requestsTo(const DemoApiServer &server, const QString &pathStart);
