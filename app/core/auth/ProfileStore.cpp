#include "ProfileStore.h"

#include "AppInfo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString ProfilesGroup = u"profiles"_s;
const QString LastProfileKey = u"session/lastProfile"_s;
const QString LastAccountKey = u"lastAccount"_s; // in the profile's group

QString schemeName(Credentials::Scheme scheme)
{
    return scheme == Credentials::Scheme::GlobalApiKey ? u"key"_s : u"token"_s;
}

} // namespace

std::unique_ptr<QSettings> ProfileStore::openSettings(const QString &file)
{
    auto settings = file.isEmpty() ? std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
                                                                 AppInfo::SettingsOrganization, AppInfo::SettingsApplication)
                                   : std::make_unique<QSettings>(file, QSettings::IniFormat);
    // It names the person's accounts and profiles: for its owner only. QSettings saves through
    // QSaveFile, which keeps the permissions of a file that is there, so a new one is made
    // so now; one that exists keeps what its owner gave it.
    const QString path = settings->fileName();
    if (!QFileInfo::exists(path) && QDir().mkpath(QFileInfo(path).absolutePath())) {
        QFile created(path);
        if (created.open(QIODevice::WriteOnly))
            created.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return settings;
}

ProfileStore::ProfileStore(QSettings *settings, SecretStore *keychain, QObject *parent)
    : QObject(parent), m_settings(settings), m_keychain(keychain)
{
}

QStringList ProfileStore::names() const
{
    m_settings->beginGroup(ProfilesGroup);
    QStringList names = m_settings->childGroups();
    m_settings->endGroup();
    names.sort(Qt::CaseInsensitive);
    return names;
}

std::optional<Profile> ProfileStore::profile(const QString &name) const
{
    if (!names().contains(name))
        return std::nullopt;
    m_settings->beginGroup(ProfilesGroup + u'/' + name);
    Profile profile;
    profile.name = name;
    profile.scheme = m_settings->value(u"auth"_s).toString() == u"key"_s ? Credentials::Scheme::GlobalApiKey
                                                                         : Credentials::Scheme::ApiToken;
    profile.email = m_settings->value(u"email"_s).toString();
    profile.accountId = m_settings->value(u"accountId"_s).toString();
    profile.apiBaseUrl = m_settings->value(u"apiBaseUrl"_s).toString();
    m_settings->endGroup();
    return profile;
}

void ProfileStore::save(const Profile &profile)
{
    Q_ASSERT(Profile::checkName(profile.name).isEmpty());
    m_settings->beginGroup(ProfilesGroup + u'/' + profile.name);
    // A default account chosen anew is the one to show next, not the last one browsed.
    if (m_settings->value(u"accountId"_s).toString() != profile.accountId)
        m_settings->remove(u"lastAccount"_s);
    m_settings->setValue(u"auth"_s, schemeName(profile.scheme));
    m_settings->setValue(u"email"_s, profile.email);
    m_settings->setValue(u"accountId"_s, profile.accountId);
    m_settings->setValue(u"apiBaseUrl"_s, profile.apiBaseUrl);
    m_settings->endGroup();
    m_settings->sync();
    emit profilesChanged();
}

QString ProfileStore::lastAccountId(const QString &name) const
{
    return m_settings->value(ProfilesGroup + u'/' + name + u'/' + LastAccountKey).toString();
}

void ProfileStore::setLastAccountId(const QString &name, const QString &accountId)
{
    if (!names().contains(name))
        return;
    m_settings->setValue(ProfilesGroup + u'/' + name + u'/' + LastAccountKey, accountId);
}

QString ProfileStore::lastProfileName() const
{
    return m_settings->value(LastProfileKey).toString();
}

void ProfileStore::setLastProfileName(const QString &name)
{
    m_settings->setValue(LastProfileKey, name);
}

void ProfileStore::readSecret(const QString &name, QObject *context, SecretStore::Callback done)
{
    if (const auto it = m_sessionSecrets.constFind(name); it != m_sessionSecrets.cend()) {
        // The keychain is not asked: the person chose memory for this session.
        const SecretStore::Result result{SecretStore::Error::None, *it, {}};
        QMetaObject::invokeMethod(context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
        return;
    }
    m_keychain->read(Profile::secretKey(name), context, std::move(done));
}

void ProfileStore::writeSecret(const QString &name, const QString &secret, QObject *context, SecretStore::Callback done)
{
    const QPointer<QObject> caller(context);
    m_keychain->write(Profile::secretKey(name), secret, this,
                      [this, name, caller, done = std::move(done)](const SecretStore::Result &result) {
                          if (result.ok())
                              m_sessionSecrets.remove(name); // the keychain has it now
                          if (caller) {
                              done(result);
                              return;
                          }
                          // The caller gave up waiting (Cancel while the keychain saved): a
                          // secret no profile names must not stay behind. An existing
                          // profile's secret stays replaced: a keychain cannot undo a write.
                          if (result.ok() && !profile(name))
                              m_keychain->remove(Profile::secretKey(name), this, [](const SecretStore::Result &) {});
                      });
}

void ProfileStore::keepSecretForSession(const QString &name, const QString &secret)
{
    m_sessionSecrets.insert(name, secret);
}

void ProfileStore::remove(const QString &name, QObject *context, SecretStore::Callback done)
{
    m_settings->remove(ProfilesGroup + u'/' + name);
    if (lastProfileName() == name)
        m_settings->remove(LastProfileKey);
    m_settings->sync();
    m_sessionSecrets.remove(name);
    emit profilesChanged();
    m_keychain->remove(Profile::secretKey(name), context, std::move(done));
}
