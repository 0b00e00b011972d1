#pragma once

#include "Credentials.h"

#include <QCoreApplication>
#include <QString>

// A named way to reach Cloudflare. Everything here may be stored in settings: the secret
// (API token or Global API Key) lives in the SecretStore under secretKey(name).
struct Profile
{
    Q_DECLARE_TR_FUNCTIONS(Profile)

public:
    QString name;
    Credentials::Scheme scheme = Credentials::Scheme::ApiToken;
    QString email;      // Global API Key profiles only
    QString accountId;  // the default account (ProfileStore keeps the last one used apart)
    QString apiBaseUrl; // empty: Cloudflare's

    static QString secretKey(const QString &profileName) { return QStringLiteral("profile:") + profileName; }

    // Empty when `name` can name a profile, else why not.
    static QString checkName(const QString &name);

    // The credentials of this profile with `secret` as its token or key.
    Credentials credentials(const QString &secret) const
    {
        return scheme == Credentials::Scheme::ApiToken ? Credentials::fromApiToken(secret)
                                                       : Credentials::fromGlobalApiKey(email, secret);
    }
};
