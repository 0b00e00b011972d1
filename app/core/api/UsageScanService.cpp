#include "UsageScanService.h"

#include <QCoreApplication>

#include "BuildTokensService.h"
#include "EnvelopeParser.h"
#include "IdShape.h"

#include <memory>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

// What a scan has learnt so far; shared by the chain of requests.
struct UsageScan
{
    UsageJob *job = nullptr;
    QString accountPath = {}; // "accounts/<id>/"
    QList<WorkerScript> scanned = {}; // the Workers whose tags may go into a request
    QList<WorkerScript> withBuilds = {};
    UsageReport report = {};
    qint64 total = -1; // of progress()
};
using Scan = std::shared_ptr<UsageScan>;

int batchesFor(int workers)
{
    return (workers + UsageScanService::LatestBatch - 1) / UsageScanService::LatestBatch;
}

// Sends one request of the scan; `onEnvelope` runs with a good envelope, a failure ends the job.
void send(const Scan &scan, const QString &path, const QUrlQuery &query, std::function<void(const Envelope &)> onEnvelope)
{
    ++scan->report.requests;
    scan->job->get(scan->accountPath + path, query, [scan, onEnvelope = std::move(onEnvelope)](const ApiResult<Envelope> &envelope) {
        if (!envelope.ok())
            return scan->job->finish(envelope.error());
        onEnvelope(envelope.value());
    });
}

void stepDone(const Scan &scan)
{
    emit scan->job->progress(scan->report.requests, scan->total);
}

void requestTriggers(const Scan &scan, qsizetype next)
{
    if (next >= scan->withBuilds.size())
        return scan->job->finish(scan->report);
    const WorkerScript worker = scan->withBuilds.at(next);
    send(scan, u"builds/workers/"_s + worker.tag + u"/triggers"_s, {}, [scan, next, worker](const Envelope &envelope) {
        const ApiResult<QList<BuildTrigger>> triggers = EnvelopeParser::parseTriggers(envelope);
        if (!triggers.ok())
            return scan->job->finish(triggers.error());
        for (const BuildTrigger &trigger : triggers.value()) {
            if (!trigger.deletedOn.isEmpty() || trigger.buildTokenUuid.isEmpty())
                continue; // a deleted trigger builds with nothing
            scan->report.byBuildToken[trigger.buildTokenUuid].append(
                TriggerUse{worker.name, worker.tag, trigger.name, trigger.uuid, trigger.branchIncludes});
        }
        stepDone(scan);
        requestTriggers(scan, next + 1);
    });
}

// Which of the Workers from `first` on use Builds, LatestBatch at a time.
void requestLatest(const Scan &scan, qsizetype first)
{
    if (first >= scan->scanned.size())
        return requestTriggers(scan, 0);
    const QList<WorkerScript> batch = scan->scanned.mid(first, UsageScanService::LatestBatch);
    QStringList tags;
    for (const WorkerScript &worker : batch)
        tags << worker.tag;
    const QUrlQuery query{{u"external_script_ids"_s, tags.join(u',')}};
    send(scan, u"builds/builds/latest"_s, query, [scan, first, batch](const Envelope &envelope) {
        const ApiResult<QSet<QString>> built = EnvelopeParser::parseLatestBuildTags(envelope);
        if (!built.ok())
            return scan->job->finish(built.error());
        // The Worker's own tag goes on, not the map's key: only what was asked for is scanned.
        for (const WorkerScript &worker : batch) {
            if (built.value().contains(worker.tag))
                scan->withBuilds << worker;
        }
        const qsizetype next = first + UsageScanService::LatestBatch;
        if (next >= scan->scanned.size()) {
            scan->report.workersWithBuilds = int(scan->withBuilds.size());
            scan->total = UsageScanService::requestsFor(int(scan->scanned.size()), scan->report.workersWithBuilds);
        }
        stepDone(scan);
        requestLatest(scan, next);
    });
}

void requestWorkers(const Scan &scan)
{
    send(scan, u"workers/scripts"_s, {}, [scan](const Envelope &envelope) {
        const ApiResult<QList<WorkerScript>> workers = EnvelopeParser::parseWorkers(envelope);
        if (!workers.ok())
            return scan->job->finish(workers.error());
        scan->report.workers = int(workers.value().size());
        for (const WorkerScript &worker : workers.value()) {
            if (isIdShaped(worker.tag))
                scan->scanned << worker;
        }
        // A bound until the batches tell which Workers use Builds.
        scan->total = UsageScanService::requestsAtMostFor(int(scan->scanned.size()));
        stepDone(scan);
        requestLatest(scan, 0);
    });
}

} // namespace

void applyUsage(QList<BuildToken> *tokens, const UsageReport &report)
{
    const TriggerUses unused(QList<TriggerUse>{});
    for (BuildToken &token : *tokens) {
        const auto it = report.byBuildToken.constFind(token.uuid);
        token.usage = it == report.byBuildToken.constEnd() ? unused : TriggerUses(*it);
    }
}

UsageScanService::UsageScanService(ApiClient *client, QObject *parent) : QObject(parent), m_client(client)
{
}

int UsageScanService::requestsFor(int workers, int workersWithBuilds)
{
    return 1 + batchesFor(workers) + workersWithBuilds;
}

int UsageScanService::requestsAtMostFor(int workers)
{
    return requestsFor(workers, workers);
}

UsageJob *UsageScanService::scan(const QString &accountId, QObject *parent)
{
    auto *job = new UsageJob(*m_client, parent ? parent : this);
    if (const QString problem = BuildTokensService::checkAccountId(accountId); !problem.isEmpty()) {
        job->failLater(ApiError(ApiError::Kind::InvalidRequest, problem));
        return job;
    }
    auto scan = std::make_shared<UsageScan>();
    scan->job = job;
    scan->accountPath = u"accounts/"_s + accountId + u'/';
    requestWorkers(scan);
    return job;
}
