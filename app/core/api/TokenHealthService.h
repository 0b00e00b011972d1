#pragma once

#include "ApiClient.h"
#include "BuildToken.h"
#include "Job.h"
#include "TokenHealth.h"

#include <QHash>
#include <QStringList>

// The health of each API token asked about, by id.
struct HealthReport
{
    HealthById byTokenId; // every id asked about has one
    // The credentials may not read API tokens (HTTP 401/403 on the list): every health is
    // unknown, and TokenHealth::requiredPermission() is what to add.
    bool permissionMissing = false;
    int requests = 0; // sent for it, retries aside
};

using HealthJob = ResultJob<HealthReport>;

// Gives each of `tokens` the health of its API token in `byTokenId` (one shared record per
// API token, however many build tokens point at it), or none where it has no entry.
void applyHealth(QList<BuildToken> *tokens, const HealthById &byTokenId);

// Tells whether the API tokens behind build tokens still work, for few requests: the
// caller's API tokens are listed once (all pages, expired ones included), and only an id the
// list lacks is asked for on its own (200: the list had drifted; 404: missing). Never one
// request per build token where the list serves. The client's retry and rate-limit rules
// apply to every request.
class TokenHealthService : public QObject
{
    Q_OBJECT

public:
    static constexpr int PerPage = 50; // the most GET /user/tokens allows
    // 200,000 API tokens, twice the 100,000 rows the app is made for (each build token has an
    // API token of its own): past this a server that never says "last page" gets an error.
    static constexpr int MaxPages = 4000;

    explicit TokenHealthService(ApiClient *client, QObject *parent = nullptr);

    // The health of every id in `tokenIds` (duplicates and empty ids are dropped) at the
    // time the answers come. progress() counts requests. Only a failure of the list itself
    // (other than the permission) fails the job; a single id that cannot be read is unknown.
    // The job belongs to `parent` (this service when null).
    HealthJob *check(const QList<IdText> &tokenIds, QObject *parent = nullptr);

private:
    ApiClient *m_client;
};
