#pragma once

#include "IdText.h"
#include "SharedText.h"
#include "Utf8Text.h"

#include <QString>
#include <QStringList>

// What a health record keeps of one of the calling user's API tokens: all but its id, which
// is the record's key (HealthById) and the row's cloudflare_token_id (24 bytes a record less).
// Dates are kept as the API gives them (RFC 3339), so every output can pass them on unchanged;
// null when absent. The status, the dates and the policies are kept once by a health check,
// for all the records that have them.
struct ApiTokenDetails
{
    Utf8Text name;
    SharedText status; // "active", "disabled", "expired", "revoked (exposed)" or any other text
    SharedText issuedOn;
    SharedText modifiedOn;
    SharedText notBefore;
    SharedText expiresOn;
    SharedText lastUsedOn;
    SharedList policies; // one line each: "Allow: Workers CI Read, Account Settings Read"
};

// One of the calling user's API tokens (GET /user/tokens, /user/tokens/{id}): what a build
// token's cloudflare_token_id points at.
struct ApiToken : ApiTokenDetails
{
    IdText id;
};
