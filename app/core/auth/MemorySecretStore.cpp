#include "MemorySecretStore.h"

#include <QTimer>

void MemorySecretStore::read(const QString &key, QObject *context, Callback done)
{
    const auto it = m_secrets.constFind(key);
    answer(context, std::move(done), it == m_secrets.cend() ? Result{Error::NotFound, {}, {}} : Result{Error::None, *it, {}});
}

void MemorySecretStore::write(const QString &key, const QString &secret, QObject *context, Callback done)
{
    m_secrets.insert(key, secret);
    answer(context, std::move(done), {});
}

void MemorySecretStore::remove(const QString &key, QObject *context, Callback done)
{
    m_secrets.remove(key);
    answer(context, std::move(done), {});
}

void MemorySecretStore::answer(QObject *context, Callback done, const Result &result)
{
    // Asynchronous like the keychain, so callers have one path.
    QTimer::singleShot(0, context, [done = std::move(done), result] { done(result); });
}
