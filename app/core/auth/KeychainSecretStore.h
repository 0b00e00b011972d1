#pragma once

#include "SecretStore.h"

#include <QDeadlineTimer>
#include <QPointer>
#include <QQueue>
#include <QTimer>

#include <chrono>
#include <optional>

namespace QKeychain {
class Job;
}

// The OS keychain through QtKeychain (Secret Service on Linux), under one service name.
// QtKeychain runs one job at a time per backend, so jobs are queued here and the next one
// starts from the event loop, never from inside another job's finished().
//
// Every call answers within `timeout` of being made, also when the keychain never does (a
// prompt nobody answers, a service that does not start): the window must never look frozen
// for D-Bus's 25 s. A job that outlives its answer keeps running (QtKeychain cannot stop
// one) and the next starts only after it; it belongs to QtKeychain, not to this store, so
// destroying the store never deletes a job libsecret will still call back.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    static QString defaultServiceName();
    // Long enough for a service that D-Bus starts on demand; a prompt answered later loses
    // nothing but a retry.
    static constexpr std::chrono::milliseconds DefaultTimeout{10000};

    explicit KeychainSecretStore(const QString &serviceName = defaultServiceName(), QObject *parent = nullptr);
    KeychainSecretStore(const QString &serviceName, std::chrono::milliseconds timeout, QObject *parent = nullptr);
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
        QDeadlineTimer deadline;
    };

    void enqueue(Pending pending);
    void scheduleNext();
    void startNext();
    void startJob(const QString &unavailable);
    void onJobFinished(QKeychain::Job *job);
    void onDeadline();
    void armDeadline();
    static void answer(const Pending &pending, const Result &result);

    QString m_service;
    std::chrono::milliseconds m_timeout;
    QQueue<Pending> m_queue;           // not started yet, oldest first
    std::optional<Pending> m_current;  // what the running job answers; empty once its deadline answered
    QPointer<QKeychain::Job> m_job;    // the job QtKeychain runs for us, if any
    bool m_probing = false;            // asking the bus whether a keychain service is there
    bool m_scheduled = false;
    QTimer m_deadlineTimer;
};
