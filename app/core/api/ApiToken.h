#pragma once

#include "IdText.h"

#include <QString>
#include <QStringList>

// One of the calling user's API tokens (GET /user/tokens, /user/tokens/{id}): what a build
// token's cloudflare_token_id points at. Dates are kept as the API gives them (RFC 3339), so
// every output can pass them on unchanged; empty when absent.
struct ApiToken
{
    IdText id;
    QString name;
    QString status; // "active", "disabled", "expired", "revoked (exposed)" or any other text
    QString issuedOn;
    QString modifiedOn;
    QString notBefore;
    QString expiresOn;
    QString lastUsedOn;
    QStringList policies; // one line each: "Allow: Workers CI Read, Account Settings Read"
};
