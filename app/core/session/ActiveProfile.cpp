#include "ActiveProfile.h"

#include "../api/ApiClient.h"
#include "../api/BuildTokensService.h"
#include "../auth/ProfileStore.h"
#include "../model/UntrustedText.h"

ActiveProfile::ActiveProfile(ProfileStore *profiles, ApiClient *client, QObject *parent)
    : QObject(parent), m_profiles(profiles), m_client(client)
{
}

void ActiveProfile::select(const QString &name)
{
    ++m_generation;
    m_profile = m_profiles->profile(name);
    m_hasSecret = false;
    m_reading = false;
    cancelWaiting();
    // Until the secret is read, the client can send nothing in this profile's name, nor in
    // the previous one's.
    m_client->setCredentials({});
    m_accountId.clear();
    if (m_profile) {
        m_profiles->setLastProfileName(m_profile->name);
        const QString last = m_profiles->lastAccountId(m_profile->name);
        m_accountId = BuildTokensService::checkAccountId(last).isEmpty() ? last : m_profile->accountId;
    }
    emit changed();
}

void ActiveProfile::setAccountId(const QString &accountId)
{
    m_accountId = accountId;
    if (m_profile && BuildTokensService::checkAccountId(accountId).isEmpty())
        m_profiles->setLastAccountId(m_profile->name, accountId);
}

void ActiveProfile::whenReady(QObject *context, const std::function<void()> &use)
{
    if (!m_profile)
        return;
    if (m_hasSecret) {
        use();
        return;
    }
    m_waiting.append({QPointer<QObject>(context), use});
    if (m_waiting.size() == 1)
        emit waitingChanged(true);
    if (!m_reading)
        readSecret();
}

void ActiveProfile::cancelWaiting()
{
    if (m_waiting.isEmpty())
        return;
    m_waiting.clear();
    emit waitingChanged(false);
}

void ActiveProfile::readSecret()
{
    m_reading = true;
    const quint64 generation = m_generation;
    const Profile profile = *m_profile;
    m_profiles->readSecret(profile.name, this, [this, generation, profile](const SecretStore::Result &secret) {
        if (generation != m_generation)
            return; // another profile was chosen meanwhile
        m_reading = false;
        const auto waiting = std::exchange(m_waiting, {});
        if (!waiting.isEmpty())
            emit waitingChanged(false);
        if (!secret.ok()) {
            if (waiting.isEmpty())
                return; // nobody waits any more (Esc): no error for what was given up
            emit secretFailed(tr("The secret of profile \u201c%1\u201d could not be read").arg(UntrustedText::isolate(profile.name)),
                              (secret.error == SecretStore::Error::NotFound ? tr("The keychain has no secret for it.")
                                                                            : secret.message)
                                  + u'\n'
                                  + tr("Edit the profile to enter it again; you can keep it for this session only."));
            return;
        }
        m_client->useProfile(profile, secret.secret);
        m_hasSecret = true;
        for (const auto &[context, use] : waiting) {
            if (context && generation == m_generation) // a `use` may select another profile
                use();
        }
    });
}
