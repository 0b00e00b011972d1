#pragma once

#include "IdText.h"
#include "SharedText.h"
#include "Utf8Text.h"

#include <QString>
#include <QStringList>

// One of the calling user's API tokens (GET /user/tokens, /user/tokens/{id}): what a build
// token's cloudflare_token_id points at. Dates are kept as the API gives them (RFC 3339), so
// every output can pass them on unchanged; null when absent. The status, the dates and the
// policies are kept once by a health check, for all the records that have them.
struct ApiToken
{
    IdText id;
    Utf8Text name;
    SharedText status; // "active", "disabled", "expired", "revoked (exposed)" or any other text
    SharedText issuedOn;
    SharedText modifiedOn;
    SharedText notBefore;
    SharedText expiresOn;
    SharedText lastUsedOn;
    SharedList policies; // one line each: "Allow: Workers CI Read, Account Settings Read"
};
