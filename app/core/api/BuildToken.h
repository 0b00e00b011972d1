#pragma once

#include "IdText.h"
#include "SharedText.h"
#include "TokenHealth.h"
#include "TokenUsage.h"

#include <QJsonObject>
#include <QString>

#include <memory>

// One item of "List build tokens". Every field is optional in Cloudflare's schema, so a
// missing one is an empty string. The whole object is not kept (it was most of a row's
// memory): only the fields the app does not know, for the details pane.
struct BuildToken
{
    QString name;              // build_token_name
    IdText uuid;              // build_token_uuid
    IdText cloudflareTokenId; // cloudflare_token_id: the id of the underlying API token
    SharedText ownerType;     // owner_type: only "user" is documented, kept as open text
    QJsonObject unknownFields; // empty unless the API sent more than the four fields above

    // Enrichment, not from the list: null until a health check told (shared by the rows of
    // one API token).
    std::shared_ptr<const TokenHealth> health = {};
    // Null until a usage scan told; then the live triggers that build with it (empty: unused).
    TriggerUses usage = {};
};
