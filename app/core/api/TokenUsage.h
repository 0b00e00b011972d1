#pragma once

#include "IdText.h"
#include "SharedText.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// A Worker of GET /accounts/{a}/workers/scripts: its name (the API's `id`) and its `tag`,
// which the Builds API calls external_script_id.
struct WorkerScript
{
    QString name = {};
    QString tag = {};
};

// A build trigger of GET /accounts/{a}/builds/workers/{tag}/triggers, as far as usage needs it.
struct BuildTrigger
{
    QString uuid = {};
    QString name = {};
    QString buildTokenUuid = {};
    QStringList branchIncludes = {};
    QString deletedOn = {}; // empty while the trigger is live
};

// A live trigger that builds with a build token.
struct TriggerUse
{
    QString workerName = {};
    QString workerTag = {};
    QString triggerName = {};
    QString triggerUuid = {};
    QStringList branches = {}; // branch_includes

    // "<worker name>/<trigger name>", as the CLI's used_by lists it.
    QString label() const { return workerName + u'/' + triggerName; }
};

// What a row keeps of a usage scan: null until one told, then its live triggers (empty: unused).
using TriggerUses = SharedValue<QList<TriggerUse>>;

struct UsageReport
{
    // Only build tokens some live trigger uses have an entry.
    QHash<IdText /*build_token_uuid*/, QList<TriggerUse>> byBuildToken = {};
    int workers = 0;           // listed, a Worker whose tag is no id included (it is not scanned)
    int workersWithBuilds = 0; // in a latest-builds map: their triggers were read
    int requests = 0;          // sent for it, retries aside
};
