#pragma once

#include "auth/MemorySecretStore.h"

#include <QList>
#include <QPointer>

#include <functional>

// A keychain that answers only when told, as one does behind a prompt nobody has answered:
// each call waits until release(), then acts on memory as MemorySecretStore does (also when
// its caller is gone by then: a keychain finishes what it was asked), or fail() answers them.
class HeldSecretStore : public MemorySecretStore
{
    Q_OBJECT

public:
    using MemorySecretStore::MemorySecretStore;

    void read(const QString &key, QObject *context, Callback done) override
    {
        hold(context, std::move(done), [this, key](Callback answer) { MemorySecretStore::read(key, this, std::move(answer)); });
    }
    void write(const QString &key, const QString &secret, QObject *context, Callback done) override
    {
        hold(context, std::move(done),
             [this, key, secret](Callback answer) { MemorySecretStore::write(key, secret, this, std::move(answer)); });
    }
    void remove(const QString &key, QObject *context, Callback done) override
    {
        hold(context, std::move(done), [this, key](Callback answer) { MemorySecretStore::remove(key, this, std::move(answer)); });
    }

    qsizetype held() const { return m_held.size(); }
    // Does what was asked, and answers.
    void release()
    {
        for (const Held &call : std::exchange(m_held, {}))
            call.act([context = call.context, done = call.done](const Result &result) {
                if (context)
                    done(result);
            });
    }
    // Does nothing, and answers every held call with `result` now.
    void fail(const Result &result)
    {
        for (const Held &call : std::exchange(m_held, {})) {
            if (call.context)
                call.done(result);
        }
    }

private:
    struct Held
    {
        QPointer<QObject> context;
        Callback done;
        std::function<void(Callback)> act;
    };
    void hold(QObject *context, Callback done, std::function<void(Callback)> act)
    {
        m_held.append({context, std::move(done), std::move(act)});
    }

    QList<Held> m_held;
};
