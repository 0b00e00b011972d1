#pragma once

#include "auth/SecretStore.h"

#include <QTimer>

// A keychain that is never there: every call fails as a missing Secret Service does.
class FailingSecretStore : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    void read(const QString &, QObject *context, Callback done) override { fail(context, std::move(done)); }
    void write(const QString &, const QString &, QObject *context, Callback done) override { fail(context, std::move(done)); }
    void remove(const QString &, QObject *context, Callback done) override { fail(context, std::move(done)); }

    int calls() const { return m_calls; }

private:
    void fail(QObject *context, Callback done)
    {
        ++m_calls;
        QTimer::singleShot(0, context, [done = std::move(done)] {
            done({Error::Unavailable, {}, QStringLiteral("The system keychain could not be reached (test). Start a keyring, or keep the secret for this session only.")});
        });
    }

    int m_calls = 0;
};
