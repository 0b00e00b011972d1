#pragma once

#include "Profile.h"
#include "SecretStore.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

class QSettings;

// Profiles: the non-secret fields in QSettings, the secret in the keychain (`keychain`)
// under one key per profile, or, where the person chose so, in memory for this session.
class ProfileStore : public QObject
{
    Q_OBJECT

public:
    // The settings the GUI and the CLI share; `file`, when given, is an INI file used instead
    // (tests, and people who keep several setups apart).
    static std::unique_ptr<QSettings> openSettings(const QString &file = {});

    ProfileStore(QSettings *settings, SecretStore *keychain, QObject *parent = nullptr);

    QStringList names() const;
    std::optional<Profile> profile(const QString &name) const;
    // Adds or replaces the non-secret fields; a new default account drops the last one browsed.
    void save(const Profile &profile);
    // The account last browsed with profile `name`, kept apart from its default account;
    // empty when none was recorded (the caller then uses the default).
    QString lastAccountId(const QString &name) const;
    void setLastAccountId(const QString &name, const QString &accountId);

    QString lastProfileName() const;
    void setLastProfileName(const QString &name);

    void readSecret(const QString &name, QObject *context, SecretStore::Callback done);
    // When `context` is destroyed before the keychain answers, nothing is called, and a
    // secret written for a profile that does not exist (a new one, cancelled) is removed.
    void writeSecret(const QString &name, const QString &secret, QObject *context, SecretStore::Callback done);
    // "Use for this session only": kept in memory, read before the keychain.
    void keepSecretForSession(const QString &name, const QString &secret);
    bool hasSessionSecret(const QString &name) const { return m_sessionSecrets.contains(name); }
    // Removes the profile's settings at once and its keychain entry; `done` reports the latter.
    void remove(const QString &name, QObject *context, SecretStore::Callback done);

signals:
    void profilesChanged();

private:
    QSettings *m_settings;
    SecretStore *m_keychain;
    QHash<QString, QString> m_sessionSecrets;
};
