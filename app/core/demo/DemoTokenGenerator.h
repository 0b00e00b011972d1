#pragma once

#include "../api/ApiToken.h"
#include "../api/BuildToken.h"

#include <QJsonObject>
#include <QList>

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

} // namespace DemoTokenGenerator
