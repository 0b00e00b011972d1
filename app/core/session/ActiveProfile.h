#pragma once

#include "../auth/Profile.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class ApiClient;
class ProfileStore;

// The profile the app works with now, in the core rather than in a combo box: the profile,
// its secret (read once per switch), its endpoint and credentials (put into one ApiClient,
// which every job copies when it starts, so a switch never changes work in flight) and the
// account shown. The last account browsed is remembered apart from the profile's default.
class ActiveProfile : public QObject
{
    Q_OBJECT

public:
    // `profiles` and `client` outlive this object.
    ActiveProfile(ProfileStore *profiles, ApiClient *client, QObject *parent = nullptr);

    // Makes profile `name` the active one (none when no profile has that name); changed()
    // follows, also when it was active already (its fields or secret may have changed).
    void select(const QString &name);
    const std::optional<Profile> &profile() const { return m_profile; }
    QString name() const { return m_profile ? m_profile->name : QString(); }

    // The account to show: the last one browsed with this profile, else its default.
    QString accountId() const { return m_accountId; }
    // Shows `accountId` from now on and remembers it as this profile's last account.
    void setAccountId(const QString &accountId);

    // Runs `use` with the profile's credentials in client(): at once when the secret has been
    // read, else once it has. When it cannot be read, secretFailed() says why and `use` is
    // dropped; the next call tries again (the keychain may have been unlocked meanwhile).
    // Nothing runs if `context` is destroyed or another profile is selected first.
    void whenReady(QObject *context, const std::function<void()> &use);
    bool hasSecret() const { return m_hasSecret; }
    // Something waits for the keychain: the window shows it as busy, and Esc gives up.
    bool isWaitingForSecret() const { return !m_waiting.isEmpty(); }
    // Drops what waits; the read goes on, and a secret it brings is kept for the next call.
    void cancelWaiting();
    ApiClient *client() const { return m_client; }

signals:
    // Another profile (or none) is active: what was shown for the previous one must go.
    void changed();
    void secretFailed(const QString &summary, const QString &details);
    void waitingChanged(bool waiting);

private:
    void readSecret();

    ProfileStore *m_profiles;
    ApiClient *m_client;
    std::optional<Profile> m_profile;
    QString m_accountId;
    bool m_hasSecret = false;
    bool m_reading = false;
    quint64 m_generation = 0; // bumped by select(): a secret read for an earlier one is dropped
    QList<std::pair<QPointer<QObject>, std::function<void()>>> m_waiting;
};
