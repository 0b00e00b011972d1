#include "DemoTokenGenerator.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QUuid>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace {

const std::array projects{u"checkout-api"_s, u"marketing-site"_s, u"docs"_s,
                          u"image-resizer"_s, u"auth-gateway"_s, u"edge-cache"_s,
                          u"billing-worker"_s, u"status-page"_s, u"search"_s,
                          u"blog"_s, u"webhooks"_s, u"geo-router"_s, u"feature-flags"_s};

const QUuid nameSpace(u"6ba7b811-9dad-11d1-80b4-00c04fd430c8"_s); // RFC 4122 URL namespace

QString md5Hex(const QByteArray &seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Md5).toHex());
}

DemoTrigger trigger(const QString &name, const DemoWorker &worker, const BuildToken &token, const QStringList &branches)
{
    const QByteArray seed = worker.tag.toLatin1() + '/' + name.toUtf8();
    return {name, QUuid::createUuidV5(nameSpace, seed).toString(QUuid::WithoutBraces), token.uuid, branches, {}};
}

} // namespace

namespace DemoTokenGenerator {

BuildToken token(int index)
{
    static const std::array environments{u"production"_s, u"staging"_s, u"preview"_s, u"ci"_s};
    const int projectCount = int(projects.size());
    const int environmentCount = int(environments.size());
    const int round = index / (projectCount * environmentCount);
    QString name = projects[size_t(index % projectCount)] + u'-'
                   + environments[size_t((index / projectCount) % environmentCount)];
    if (round > 0)
        name += u'-' + QString::number(round + 1);

    const QByteArray seed = "build-token-" + QByteArray::number(index);
    BuildToken token;
    token.name = name;
    token.uuid = QUuid::createUuidV5(nameSpace, seed).toString(QUuid::WithoutBraces);
    token.cloudflareTokenId = QString::fromLatin1(
        QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex().left(32));
    token.ownerType = u"user"_s;
    return token;
}

QList<BuildToken> generate(int count, int firstIndex)
{
    QList<BuildToken> tokens;
    tokens.reserve(count);
    for (int i = 0; i < count; ++i)
        tokens.append(token(firstIndex + i));
    return tokens;
}

QJsonObject toJson(const BuildToken &token)
{
    QJsonObject object = token.unknownFields;
    object.insert(u"build_token_name"_s, token.name);
    object.insert(u"build_token_uuid"_s, token.uuid.toString());
    object.insert(u"cloudflare_token_id"_s, token.cloudflareTokenId.toString());
    object.insert(u"owner_type"_s, token.ownerType.toString());
    return object;
}

DemoApiTokens apiTokensFor(const QList<BuildToken> &buildTokens)
{
    DemoApiTokens tokens;
    for (qsizetype i = 0; i < buildTokens.size(); ++i) {
        const BuildToken &build = buildTokens.at(i);
        if (build.cloudflareTokenId.isEmpty())
            continue;
        ApiToken token;
        token.id = build.cloudflareTokenId;
        token.name = QString(u"Workers Builds - "_s + build.name);
        token.status = u"active"_s;
        token.issuedOn = u"2025-03-%1T09:00:00Z"_s.arg(1 + i % 28, 2, 10, QLatin1Char('0'));
        token.modifiedOn = token.issuedOn;
        token.lastUsedOn = u"2026-11-%1T14:30:00Z"_s.arg(1 + i % 28, 2, 10, QLatin1Char('0'));
        token.policies = QStringList{u"Allow: Workers CI Read, Workers Scripts Edit"_s};
        switch (i % 12) {
        case 1: token.expiresOn = u"2027-06-30T00:00:00Z"_s; break;
        case 5: token.expiresOn = u"2026-01-31T00:00:00Z"_s; break; // past, though still "active"
        case 6: token.status = u"disabled"_s; break;
        case 7:
            token.status = u"expired"_s;
            token.expiresOn = u"2025-12-31T00:00:00Z"_s;
            break;
        case 8: token.status = u"revoked (exposed)"_s; break;
        case 9: continue; // missing: deleted, or another member's
        case 10: tokens.unlisted.append(token); continue;
        case 11: token.status = u"suspended"_s; break;
        default: break;
        }
        tokens.listed.append(token);
    }
    return tokens;
}

QJsonObject toJson(const ApiToken &token)
{
    QJsonArray policies;
    for (const QString &policy : token.policies) {
        const QString names = policy.section(u": "_s, 1);
        QJsonArray groups;
        for (const QString &name : names.split(u", "_s))
            groups.append(QJsonObject{{u"id"_s, QString::fromLatin1(QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Md5).toHex())},
                                      {u"name"_s, name}});
        policies.append(QJsonObject{{u"effect"_s, policy.startsWith(u"Deny"_s) ? u"deny"_s : u"allow"_s},
                                    {u"permission_groups"_s, groups},
                                    {u"resources"_s, QJsonObject{{u"com.cloudflare.api.account.*"_s, u"*"_s}}}});
    }
    QJsonObject object{{u"id"_s, token.id.toString()}, {u"name"_s, token.name.toString()}, {u"status"_s, token.status.toString()},
                       {u"issued_on"_s, token.issuedOn.toString()}, {u"modified_on"_s, token.modifiedOn.toString()},
                       {u"policies"_s, policies}};
    if (!token.expiresOn.isEmpty())
        object.insert(u"expires_on"_s, token.expiresOn.toString());
    if (!token.lastUsedOn.isEmpty())
        object.insert(u"last_used_on"_s, token.lastUsedOn.toString());
    if (!token.notBefore.isEmpty())
        object.insert(u"not_before"_s, token.notBefore.toString());
    return object;
}

QList<DemoWorker> workersFor(const QString &accountId, const QList<BuildToken> &buildTokens)
{
    const int tokenCount = int(buildTokens.size());
    const int workerCount = 4 * tokenCount;
    const int building = (workerCount + 4) / 5; // every fifth: production uses tokens [0, building)
    const int projectCount = int(projects.size());
    QList<DemoWorker> workers;
    workers.reserve(workerCount);
    for (int i = 0; i < workerCount; ++i) {
        DemoWorker worker;
        worker.name = projects[size_t(i % projectCount)] + u"-worker"_s;
        if (i >= projectCount)
            worker.name += u'-' + QString::number(i / projectCount + 1);
        worker.tag = md5Hex(accountId.toLatin1() + "/worker-" + QByteArray::number(i));
        worker.usesBuilds = i % 5 == 0;
        if (worker.usesBuilds) {
            const int k = i / 5;
            worker.triggers << trigger(u"production"_s, worker, buildTokens.at(k), {u"main"_s});
            if (k % 4 == 0)
                worker.triggers << trigger(u"preview"_s, worker, buildTokens.at(k / 4), {u"*"_s});
            if (k % 8 == 1 && building + k / 8 < tokenCount) {
                DemoTrigger deleted = trigger(u"staging"_s, worker, buildTokens.at(building + k / 8), {u"staging"_s});
                deleted.deletedOn = u"2026-03-01T12:00:00Z"_s;
                worker.triggers << deleted;
            }
        }
        workers << worker;
    }
    return workers;
}

QJsonObject toJson(const DemoWorker &worker)
{
    return {{u"id"_s, worker.name}, {u"tag"_s, worker.tag}, {u"tags"_s, QJsonValue::Null},
            {u"created_on"_s, u"2025-02-01T09:00:00Z"_s}, {u"modified_on"_s, u"2026-08-20T07:42:10Z"_s},
            {u"has_assets"_s, false}, {u"has_modules"_s, true}, {u"usage_model"_s, u"standard"_s},
            {u"routes"_s, QJsonValue::Null}};
}

QJsonObject latestBuildJson(const DemoWorker &worker)
{
    return {{u"build_uuid"_s, QUuid::createUuidV5(nameSpace, worker.tag.toLatin1() + "/build").toString(QUuid::WithoutBraces)},
            {u"status"_s, u"stopped"_s}, {u"build_outcome"_s, u"success"_s},
            {u"created_on"_s, u"2026-08-20T07:40:00Z"_s}, {u"stopped_on"_s, u"2026-08-20T07:42:00Z"_s}};
}

QJsonObject toJson(const DemoTrigger &trigger, const DemoWorker &worker)
{
    return {{u"trigger_uuid"_s, trigger.uuid}, {u"trigger_name"_s, trigger.name},
            {u"build_token_uuid"_s, trigger.buildTokenUuid}, {u"external_script_id"_s, worker.tag},
            {u"branch_includes"_s, QJsonArray::fromStringList(trigger.branches)}, {u"branch_excludes"_s, QJsonArray()},
            {u"build_command"_s, u"npm run build"_s}, {u"deploy_command"_s, u"npx wrangler deploy"_s},
            {u"root_directory"_s, u"/"_s}, {u"created_on"_s, u"2026-02-03T10:15:00Z"_s},
            {u"deleted_on"_s, trigger.deletedOn.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(trigger.deletedOn)}};
}

} // namespace DemoTokenGenerator
