#include "KeychainSecretStore.h"

#include "AppInfo.h"
#include "SecretServiceProbe.h"

#include <qt6keychain/keychain.h>

using namespace Qt::Literals::StringLiterals;

namespace {

// QtKeychain 0.13 with libsecret reports every failure as OtherError, so the cause is read
// from its text: these are what libsecret and D-Bus say when no Secret Service can be had.
bool soundsUnavailable(const QString &text)
{
    static const QStringList signs{u"org.freedesktop.secrets"_s, u"ServiceUnknown"_s, u"not provided by any"_s,
                                   u"D-Bus"_s, u"DBus"_s, u"dbus"_s, u"autolaunch"_s, u"Object does not exist"_s,
                                   u"No such secret collection"_s, u"libsecret"_s, u"Unknown error"_s,
                                   u"Could not connect"_s};
    for (const QString &sign : signs) {
        if (text.contains(sign, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

SecretStore::Result unavailable(const QString &cause)
{
    return {SecretStore::Error::Unavailable, {},
            KeychainSecretStore::tr("The system keychain could not be reached (%1). Start and unlock a Secret Service "
                                    "keyring (GNOME Keyring or KWallet; it starts with a desktop session, and needs a "
                                    "D-Bus session bus), or keep the secret for this session only.")
                .arg(cause)};
}

SecretStore::Result failure(QKeychain::Error error, const QString &text)
{
    using Error = SecretStore::Error;
    switch (error) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return {Error::NotFound, {}, {}};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {Error::AccessDenied, {},
                //: %1 is what the keychain said, %2 the application's name
                KeychainSecretStore::tr("The keychain refused access (%1). Unlock the login keyring and allow %2 "
                                        "to use it, or keep the secret for this session only.")
                    .arg(text, AppInfo::DisplayName)};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        break;
    case QKeychain::OtherError:
    case QKeychain::CouldNotDeleteEntry:
        if (!soundsUnavailable(text))
            return {Error::Other, {}, KeychainSecretStore::tr("The keychain reported an error: %1").arg(text)};
        break;
    }
    return unavailable(text);
}

SecretStore::Result timedOut(std::chrono::milliseconds timeout)
{
    const auto seconds = std::chrono::ceil<std::chrono::seconds>(timeout).count();
    return {SecretStore::Error::Unavailable, {},
            KeychainSecretStore::tr("The keychain did not answer within %n seconds.", nullptr, int(seconds)) + u' '
                + KeychainSecretStore::tr("If it shows a prompt (to unlock or to create a keyring), answer it and try "
                                          "again; or keep the secret for this session only.")};
}

} // namespace

QString KeychainSecretStore::defaultServiceName()
{
    return AppInfo::KeychainService;
}

KeychainSecretStore::KeychainSecretStore(const QString &serviceName, QObject *parent)
    : KeychainSecretStore(serviceName, DefaultTimeout, parent)
{
}

KeychainSecretStore::KeychainSecretStore(const QString &serviceName, std::chrono::milliseconds timeout, QObject *parent)
    : SecretStore(parent), m_service(serviceName), m_timeout(timeout)
{
    m_deadlineTimer.setSingleShot(true);
    m_deadlineTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &KeychainSecretStore::onDeadline);
}

// A running job is left to finish and delete itself (it has no parent): deleting it now
// would leave libsecret a dangling pointer to call back. Its answer goes nowhere, as do the
// answers of the calls still queued.
KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::read(const QString &key, QObject *context, Callback done)
{
    enqueue({Operation::Read, key, {}, context, std::move(done), {}});
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context, Callback done)
{
    enqueue({Operation::Write, key, secret, context, std::move(done), {}});
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Callback done)
{
    enqueue({Operation::Remove, key, {}, context, std::move(done), {}});
}

void KeychainSecretStore::enqueue(Pending pending)
{
    pending.deadline = QDeadlineTimer(m_timeout, Qt::PreciseTimer);
    m_queue.enqueue(std::move(pending));
    armDeadline();
    scheduleNext();
}

void KeychainSecretStore::scheduleNext()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    QTimer::singleShot(0, this, &KeychainSecretStore::startNext);
}

void KeychainSecretStore::startNext()
{
    m_scheduled = false;
    if (m_job || m_probing || m_queue.isEmpty())
        return;
    // Without a service on the bus, libsecret would find out only after D-Bus's timeout.
    m_probing = true;
    SecretServiceProbe::check(this, [this](const QString &problem) {
        m_probing = false;
        startJob(problem);
    });
}

void KeychainSecretStore::startJob(const QString &unavailableBecause)
{
    if (m_queue.isEmpty())
        return; // every call waiting meanwhile has had its deadline
    Pending next = m_queue.dequeue();
    if (!unavailableBecause.isEmpty()) {
        answer(next, unavailable(unavailableBecause));
        scheduleNext();
        return;
    }
    QKeychain::Job *job = nullptr;
    switch (next.operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(next.secret);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    next.secret.clear(); // the job has its copy
    m_current = std::move(next);
    m_job = job;
    job->setKey(m_current->key);
    job->setInsecureFallback(false); // never a plain-text file: rule 1 of docs/ARCHITECTURE.md
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, &KeychainSecretStore::onJobFinished);
    job->start();
}

void KeychainSecretStore::onJobFinished(QKeychain::Job *job)
{
    m_job = nullptr;
    if (m_current) {
        const Pending done = *std::exchange(m_current, std::nullopt);
        Result result = failure(job->error(), job->errorString());
        if (result.ok() && done.operation == Operation::Read)
            result.secret = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
        // Removing what is not there has reached its goal.
        if (done.operation == Operation::Remove && result.error == Error::NotFound)
            result = {};
        answer(done, result);
    }
    armDeadline();
    scheduleNext();
}

void KeychainSecretStore::onDeadline()
{
    if (m_current && m_current->deadline.hasExpired())
        answer(*std::exchange(m_current, std::nullopt), timedOut(m_timeout)); // its job runs on
    while (!m_queue.isEmpty() && m_queue.head().deadline.hasExpired())
        answer(m_queue.dequeue(), timedOut(m_timeout));
    armDeadline();
}

void KeychainSecretStore::armDeadline()
{
    // Calls are queued in order with one timeout, so the oldest unanswered one is due first.
    const Pending *first = m_current ? &*m_current : m_queue.isEmpty() ? nullptr : &m_queue.head();
    if (!first) {
        m_deadlineTimer.stop();
        return;
    }
    m_deadlineTimer.start(std::max<qint64>(0, first->deadline.remainingTime()));
}

void KeychainSecretStore::answer(const Pending &pending, const Result &result)
{
    // From the event loop, so that a callback which calls again (or destroys the store)
    // never runs inside this store's own bookkeeping.
    if (pending.context)
        QMetaObject::invokeMethod(pending.context, [done = pending.done, result] { done(result); }, Qt::QueuedConnection);
}
