#pragma once

#include <QCoreApplication>
#include <QString>

// What authenticates a request. Kept in memory only: never written to settings, logs or
// messages (rule 1 of docs/ARCHITECTURE.md).
struct Credentials
{
    Q_DECLARE_TR_FUNCTIONS(Credentials)

public:
    enum class Scheme { ApiToken, GlobalApiKey };
    enum class Field { ApiToken, Email, GlobalApiKey };

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

    // Empty when `text` can go into its header, else why not, without the text itself: a CR or
    // LF would end the header and start another one of the sender's choosing, so no control
    // character is let through.
    static QString checkField(Field field, const QString &text);
    // The first field of this scheme that checkField refuses, or empty.
    QString problem() const;
    // What a paste brings along around a secret (spaces, a line break) taken off; `*trimmed`
    // says whether there was any, so that the person can be told.
    static QString withoutSurroundingSpace(const QString &typed, bool *trimmed);
};
