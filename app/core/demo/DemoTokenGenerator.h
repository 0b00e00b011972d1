#pragma once

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

} // namespace DemoTokenGenerator
