#pragma once

#include "SecretStore.h"

#include <QHash>

// Secrets kept in this process's memory: the "use for this session only" choice, and tests.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &secret, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;

    bool contains(const QString &key) const { return m_secrets.contains(key); }

private:
    void answer(QObject *context, Callback done, const Result &result);

    QHash<QString, QString> m_secrets;
};
