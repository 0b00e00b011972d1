#pragma once

#include "../api/TokenHealth.h"
#include "../api/TokenUsage.h"

#include <QList>
#include <QString>

// What a health check and a usage scan found about one build token, for a person, a line
// each (the details pane). The server's names, statuses and policies have their invisible
// characters written out and are isolated where they meet our words; nothing else is, so the
// text itself stays plain.
namespace EnrichmentText {

// The verdict and why, then the API token's name, status, the dates that are no column
// (issued, modified, not before) and policies.
QString health(const TokenHealth &health);
// Each live trigger that builds with the token and its branches, or that none does.
QString usage(const QList<TriggerUse> &uses);

} // namespace EnrichmentText
