#include "DemoTokenGenerator.h"

#include <QCryptographicHash>
#include <QUuid>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace DemoTokenGenerator {

BuildToken token(int index)
{
    static const std::array projects{u"checkout-api"_s, u"marketing-site"_s, u"docs"_s,
                                     u"image-resizer"_s, u"auth-gateway"_s, u"edge-cache"_s,
                                     u"billing-worker"_s, u"status-page"_s, u"search"_s,
                                     u"blog"_s, u"webhooks"_s, u"geo-router"_s, u"feature-flags"_s};
    static const std::array environments{u"production"_s, u"staging"_s, u"preview"_s, u"ci"_s};
    static const QUuid nameSpace(u"6ba7b811-9dad-11d1-80b4-00c04fd430c8"_s); // RFC 4122 URL namespace

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
    object.insert(u"build_token_uuid"_s, token.uuid);
    object.insert(u"cloudflare_token_id"_s, token.cloudflareTokenId);
    object.insert(u"owner_type"_s, token.ownerType);
    return object;
}

} // namespace DemoTokenGenerator
