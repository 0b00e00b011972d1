#pragma once

#include "../api/ApiToken.h"
#include "../api/BuildToken.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

// A build trigger of a demo Worker; `deletedOn` empty while it is live.
struct DemoTrigger
{
    QString name = {};
    QString uuid = {};
    QString buildTokenUuid = {};
    QStringList branches = {}; // branch_includes
    QString deletedOn = {};
};

// A Worker of a demo account: `usesBuilds` puts it in GET builds/latest, and only then has it
// triggers.
struct DemoWorker
{
    QString name = {};
    QString tag = {}; // external_script_id
    bool usesBuilds = false;
    QList<DemoTrigger> triggers = {};
};

// Build tokens that look like a real team's: the same count always gives the same tokens,
// so tests and screenshots are repeatable.
namespace DemoTokenGenerator {

BuildToken token(int index);
// Tokens `firstIndex` to `firstIndex + count - 1`: different start indexes give different teams.
QList<BuildToken> generate(int count, int firstIndex = 0);
// `token` as the API sends it: its four fields, then any unknown ones.
QJsonObject toJson(const BuildToken &token);

// The caller's API tokens behind `buildTokens`, in every state a health check meets, by the
// build token's place in the list (index % 12): active (some with an expiry date ahead),
// active but past its expiry date, disabled, expired, "revoked (exposed)", a status nobody
// knows, and two that GET /user/tokens does not list: one that GET /user/tokens/{id} finds
// (the list drifted) and one it does not (missing).
struct DemoApiTokens
{
    QList<ApiToken> listed;
    QList<ApiToken> unlisted; // found only by id
};
DemoApiTokens apiTokensFor(const QList<BuildToken> &buildTokens);
// `token` as GET /user/tokens sends it.
QJsonObject toJson(const ApiToken &token);

// The Workers of an account with `buildTokens`: four a build token, every fifth using Builds
// with a "production" trigger on a build token of its own (the first 80% of them), every
// fourth of those also a "preview" one on a build token already used (so a fifth are used
// twice), and every eighth a deleted trigger on a build token nothing else uses (so the
// last fifth are unused, some of them only by a deleted trigger). The tags depend on
// `accountId`: two accounts' Workers are told apart.
QList<DemoWorker> workersFor(const QString &accountId, const QList<BuildToken> &buildTokens);
// `worker` as GET workers/scripts lists it; its latest build (GET builds/latest); `trigger`
// of it as GET builds/workers/{tag}/triggers lists it.
QJsonObject toJson(const DemoWorker &worker);
QJsonObject latestBuildJson(const DemoWorker &worker);
QJsonObject toJson(const DemoTrigger &trigger, const DemoWorker &worker);

} // namespace DemoTokenGenerator
