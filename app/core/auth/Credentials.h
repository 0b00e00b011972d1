#pragma once

#include <QString>

// What authenticates a request. Kept in memory only: never written to settings, logs or
// messages (DESIGN.md rule 1).
struct Credentials
{
    enum class Scheme { ApiToken, GlobalApiKey };

    Scheme scheme = Scheme::ApiToken;
    QString apiToken;     // Authorization: Bearer <token>
    QString email;        // X-Auth-Email
    QString globalApiKey; // X-Auth-Key

    static Credentials fromApiToken(const QString &token)
    {
        return {Scheme::ApiToken, token, {}, {}};
    }
    static Credentials fromGlobalApiKey(const QString &email, const QString &key)
    {
        return {Scheme::GlobalApiKey, {}, email, key};
    }

    bool isComplete() const
    {
        return scheme == Scheme::ApiToken ? !apiToken.isEmpty()
                                          : !email.isEmpty() && !globalApiKey.isEmpty();
    }
};
