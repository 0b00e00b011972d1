#pragma once

#include "../api/BuildToken.h"

#include <QList>

// Build tokens that look like a real team's: the same count always gives the same tokens,
// so tests and screenshots are repeatable.
namespace DemoTokenGenerator {

BuildToken token(int index);
// Tokens `firstIndex` to `firstIndex + count - 1`: different start indexes give different teams.
QList<BuildToken> generate(int count, int firstIndex = 0);

} // namespace DemoTokenGenerator
