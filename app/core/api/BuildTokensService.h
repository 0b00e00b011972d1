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
    // Empty when a request for this page can be sent, else why not.
    static QString checkPageRequest(const QString &accountId, int page, int perPage);
    // Sends GET /accounts/{accountId}/builds/tokens?page=&per_page= as a request of `job`
    // (checked first with checkPageRequest) and hands `onDone` the parsed page or the error.
    static void getPage(Job *job, const QString &accountId, int page, int perPage,
                        std::function<void(const ApiResult<BuildTokenPage> &)> onDone);

    // GET /accounts/{accountId}/builds/tokens?page=&per_page=. A page below 1, a per_page
    // outside 1..200 or a bad account id is refused without sending anything. The job
    // belongs to `parent` (this service when null).
    PageJob *fetchPage(const QString &accountId, int page, int perPage, QObject *parent = nullptr);

private:
    ApiClient *m_client;
};
