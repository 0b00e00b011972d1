#pragma once

#include "SecretStore.h"

#include <QQueue>

namespace QKeychain {
class Job;
}

// The OS keychain through QtKeychain (Secret Service on Linux), under one service name.
// QtKeychain runs one job at a time per backend, so jobs are queued here and the next one
// starts from the event loop, never from inside another job's finished().
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    static QString defaultServiceName();

    explicit KeychainSecretStore(const QString &serviceName = defaultServiceName(), QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &secret, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;

private:
    enum class Operation { Read, Write, Remove };
    struct Pending
    {
        Operation operation;
        QString key;
        QString secret;
        QPointer<QObject> context;
        Callback done;
    };

    void enqueue(Pending pending);
    void startNext();
    void onJobFinished(QKeychain::Job *job);

    QString m_service;
    QQueue<Pending> m_queue;
    bool m_running = false;
};
