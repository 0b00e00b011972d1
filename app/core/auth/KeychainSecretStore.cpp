#include "KeychainSecretStore.h"

#include "AppInfo.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

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
    return {Error::Unavailable, {},
            KeychainSecretStore::tr("The system keychain could not be reached (%1). Start and unlock a Secret Service "
                                    "keyring (GNOME Keyring or KWallet; it starts with a desktop session, and needs a "
                                    "D-Bus session bus), or keep the secret for this session only.")
                .arg(text)};
}

} // namespace

QString KeychainSecretStore::defaultServiceName()
{
    return AppInfo::KeychainService;
}

KeychainSecretStore::KeychainSecretStore(const QString &serviceName, QObject *parent)
    : SecretStore(parent), m_service(serviceName)
{
}

KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::read(const QString &key, QObject *context, Callback done)
{
    enqueue({Operation::Read, key, {}, context, std::move(done)});
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context, Callback done)
{
    enqueue({Operation::Write, key, secret, context, std::move(done)});
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Callback done)
{
    enqueue({Operation::Remove, key, {}, context, std::move(done)});
}

void KeychainSecretStore::enqueue(Pending pending)
{
    m_queue.enqueue(std::move(pending));
    if (!m_running) {
        m_running = true;
        QTimer::singleShot(0, this, &KeychainSecretStore::startNext);
    }
}

void KeychainSecretStore::startNext()
{
    if (m_queue.isEmpty()) {
        m_running = false;
        return;
    }
    const Pending &next = m_queue.head();
    QKeychain::Job *job = nullptr;
    switch (next.operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service, this);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service, this);
        write->setTextData(next.secret);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service, this);
        break;
    }
    job->setKey(next.key);
    job->setInsecureFallback(false); // never a plain-text file: DESIGN.md rule 1
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, &KeychainSecretStore::onJobFinished);
    job->start();
}

void KeychainSecretStore::onJobFinished(QKeychain::Job *job)
{
    Pending done = m_queue.dequeue();
    Result result = failure(job->error(), job->errorString());
    if (result.ok() && done.operation == Operation::Read)
        result.secret = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
    // Removing what is not there has reached its goal.
    if (done.operation == Operation::Remove && result.error == Error::NotFound)
        result = {};
    if (done.context)
        done.done(result);
    QTimer::singleShot(0, this, &KeychainSecretStore::startNext);
}
