#pragma once

#include "ApiClient.h"
#include "Job.h"

#include <QCoreApplication>
#include <QDateTime>


// What Cloudflare says about the credentials in use.
struct TokenCheck
{
    Q_DECLARE_TR_FUNCTIONS(TokenCheck)

public:
    QString status;         // "active", "disabled", "expired", or whatever else the server says
    QString tokenId;        // empty when not reported (always for a Global API Key)
    QDateTime expiresOn;    // invalid when the token does not expire or the server did not say
    bool accountOwned = false; // an account-owned token: the Builds API refuses those
    bool globalApiKey = false; // checked with a Global API Key, not an API token

    // One line for a person, e.g. "Active API token, expires 1 Jan 2030".
    QString summary() const;
    // Whether the Builds API can be expected to accept these credentials.
    bool isUsable() const;
};

using TokenCheckJob = ResultJob<TokenCheck>;

// Checks credentials before they are saved or used: is the API token active, expired or
// disabled, and is it a user token (the only kind the Builds API accepts)?
class TokenVerifier : public QObject
{
    Q_OBJECT

public:
    explicit TokenVerifier(ApiClient *client, QObject *parent = nullptr);

    // An API token goes to GET /user/tokens/verify; when that refuses it and `accountId` is
    // given, GET /accounts/{accountId}/tokens/verify tells an account-owned token apart
    // (otherwise the first error is reported). A Global API Key is tried on GET /accounts.
    // The job belongs to `parent` (this verifier when null).
    TokenCheckJob *verify(const QString &accountId, QObject *parent = nullptr);

    // The `result` of a verify response; strict about types, tolerant of missing optional
    // fields (id, expires_on).
    static ApiResult<TokenCheck> parseTokenCheck(const Envelope &envelope);

private:
    ApiClient *m_client;
};
