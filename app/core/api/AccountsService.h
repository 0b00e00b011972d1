#pragma once

#include "ApiClient.h"

#include <functional>

// The accounts the credentials can see (GET /accounts), for an account picker.
class AccountsService : public QObject
{
    Q_OBJECT

public:
    // The most List accounts allows.
    static constexpr int PerPage = 50;
    // 10,000 accounts: past this a server that never says "last page" gets an error.
    static constexpr int MaxPages = 200;

    using AccountsCallback = std::function<void(const ApiResult<QList<Account>> &)>;

    explicit AccountsService(ApiClient *client, QObject *parent = nullptr);

    // Every account, page after page (one request at a time) until total_pages, or without
    // totals until a short page. The first error ends it and is what `done` gets. If `context`
    // is destroyed first, no further page is requested and `done` is not called.
    void listAll(QObject *context, AccountsCallback done);

private:
    ApiClient *m_client;
};
