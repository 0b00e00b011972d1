#pragma once

#include "ApiClient.h"
#include "Job.h"

using PageJob = ResultJob<BuildTokenPage>;

// The Builds API's build-token endpoints.
class BuildTokensService : public QObject
{
    Q_OBJECT

public:
    static constexpr int MinPerPage = 1;
    static constexpr int MaxPerPage = 200;
    static constexpr int DefaultPerPage = 50;

    explicit BuildTokensService(ApiClient *client, QObject *parent = nullptr);

    ApiClient *client() const { return m_client; }

    // Empty when `accountId` can go into a request path, else why not.
    static QString checkAccountId(const QString &accountId);

    // GET /accounts/{accountId}/builds/tokens?page=&per_page=. A page below 1, a per_page
    // outside 1..200 or a bad account id is refused without sending anything. The job
    // belongs to `parent` (this service when null).
    PageJob *fetchPage(const QString &accountId, int page, int perPage, QObject *parent = nullptr);

private:
    ApiClient *m_client;
};
