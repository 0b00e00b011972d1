#pragma once

#include "ApiClient.h"
#include "Job.h"

using AccountsJob = ResultJob<QList<Account>>;

// The accounts the credentials can see (GET /accounts), for an account picker.
class AccountsService : public QObject
{
    Q_OBJECT

public:
    // The most List accounts allows.
    static constexpr int PerPage = 50;
    // 10,000 accounts: past this a server that never says "last page" gets an error.
    static constexpr int MaxPages = 200;

    explicit AccountsService(ApiClient *client, QObject *parent = nullptr);

    // Every account, page after page (one request at a time) until total_pages, or without
    // totals until a short page; progress() counts pages. The first error ends it. The job
    // belongs to `parent` (this service when null).
    AccountsJob *listAll(QObject *parent = nullptr);

private:
    ApiClient *m_client;
};
