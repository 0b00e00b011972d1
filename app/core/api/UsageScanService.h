#pragma once

#include "ApiClient.h"
#include "BuildToken.h"
#include "Job.h"
#include "TokenUsage.h"

using UsageJob = ResultJob<UsageReport>;

// Gives each of `tokens` its live triggers from `report` (after a scan every token is known:
// one without an entry is unused).
void applyUsage(QList<BuildToken> *tokens, const UsageReport &report);

// Which Workers' build triggers use each build token. There is no account-wide trigger list,
// so a scan is a chain: the Workers (one request), which of them use Builds (latest builds,
// LatestBatch tags a request), then each such Worker's triggers. Requests go one at a time:
// a scan of hundreds of Workers would otherwise spend an account's rate limit in bursts,
// and the order (and so a test's or a log's reading of it) stays the same every time.
class UsageScanService : public QObject
{
    Q_OBJECT

public:
    static constexpr int LatestBatch = 20; // the most external_script_ids GET builds/latest takes

    explicit UsageScanService(ApiClient *client, QObject *parent = nullptr);

    // The requests of a scan of `workers` Workers, `workersWithBuilds` of them using Builds,
    // and the most it can make: what to show before a scan. The worker count is known only
    // from a scan, so the window shows requestsAtMostFor() of the last scan's
    // UsageReport::workers; during a scan, progress() carries that bound as its total once
    // the Workers are listed, and the exact count once the batches are in.
    static int requestsFor(int workers, int workersWithBuilds);
    static int requestsAtMostFor(int workers);

    // The live triggers (deleted_on null) of `accountId`'s Workers by build token. A Worker
    // whose tag has no id's shape is counted but not scanned: its tag never goes into a
    // request. progress() counts requests. Any failed request fails the job (the caller
    // keeps what it shows). The job belongs to `parent` (this service when null).
    UsageJob *scan(const QString &accountId, QObject *parent = nullptr);

private:
    ApiClient *m_client;
};
