// ProfileStore over a temporary INI file: the non-secret fields in settings, the secret in a
// SecretStore (or in memory for this session), never in the file.

#include "FailingSecretStore.h"
#include "Files.h"
#include "auth/MemorySecretStore.h"
#include "auth/ProfileStore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using Error = SecretStore::Error;

namespace {

Profile makeProfile(const QString &name, const QString &accountId = u"023e105f4ecef8ad9ca31a8372d0c353"_s)
{
    Profile profile;
    profile.name = name;
    profile.accountId = accountId;
    return profile;
}

// Made at run time, so that the search for it cannot find this source file.
QString uniqueSecret()
{
    return u"profile-probe-"_s + QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_store;

    QString settingsPath() const { return m_dir->filePath(u"settings.ini"_s); }
    MemorySecretStore *memory() const { return static_cast<MemorySecretStore *>(m_secrets.get()); }

    // A new ProfileStore on the same file, as the next start of the app or the CLI sees it.
    void reopen()
    {
        m_store.reset();
        m_settings.reset(); // writes what is pending
        m_settings = ProfileStore::openSettings(settingsPath());
        m_store = std::make_unique<ProfileStore>(m_settings.get(), m_secrets.get());
    }
    void useSecretStore(std::unique_ptr<SecretStore> secrets)
    {
        m_store.reset();
        m_secrets = std::move(secrets);
        m_store = std::make_unique<ProfileStore>(m_settings.get(), m_secrets.get());
    }
    QByteArray settingsFileBytes()
    {
        m_settings->sync();
        QFile file(settingsPath());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll();
    }

    template<typename Start>
    std::optional<SecretStore::Result> await(Start start)
    {
        std::optional<SecretStore::Result> result;
        start([&result](const SecretStore::Result &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 5000))
            return std::nullopt;
        return result;
    }
    std::optional<SecretStore::Result> readSecret(const QString &name)
    {
        return await([&](auto done) { m_store->readSecret(name, this, done); });
    }
    std::optional<SecretStore::Result> writeSecret(const QString &name, const QString &secret)
    {
        return await([&](auto done) { m_store->writeSecret(name, secret, this, done); });
    }
    std::optional<SecretStore::Result> remove(const QString &name)
    {
        return await([&](auto done) { m_store->remove(name, this, done); });
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = ProfileStore::openSettings(settingsPath());
        QCOMPARE(m_settings->format(), QSettings::IniFormat);
        QCOMPARE(m_settings->fileName(), settingsPath());
        useSecretStore(std::make_unique<MemorySecretStore>());
    }
    void cleanup()
    {
        m_store.reset();
        m_secrets.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void theSettingsFileIsItsOwnersOnly()
    {
        Profile profile;
        profile.name = u"work"_s;
        profile.accountId = u"acc"_s;
        m_store->save(profile);
        reopen(); // written
        QVERIFY(QFile::exists(settingsPath()));
        QCOMPARE(QFile::permissions(settingsPath()) & GroupOrOther, QFileDevice::Permissions());
        QVERIFY(m_store->profile(u"work"_s));
        // One its owner opened up stays as they made it.
        const auto shared = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup;
        QVERIFY(QFile::setPermissions(settingsPath(), shared));
        profile.accountId = u"other"_s;
        m_store->save(profile);
        reopen();
        QCOMPARE(QFile::permissions(settingsPath()) & (GroupOrOther | QFileDevice::ReadOwner | QFileDevice::WriteOwner), shared);
    }

    void savedProfileComesBackWithEveryField()
    {
        QSignalSpy changed(m_store.get(), &ProfileStore::profilesChanged);
        Profile key;
        key.name = u"work"_s;
        key.scheme = Credentials::Scheme::GlobalApiKey;
        key.email = u"ops@example.com"_s;
        key.accountId = u"0123456789abcdef0123456789abcdef"_s;
        key.apiBaseUrl = u"https://api.example.com/client/v4"_s;
        m_store->save(key);
        QCOMPARE(changed.count(), 1);
        Profile token = makeProfile(u"home"_s, u"fedcba9876543210fedcba9876543210"_s);
        m_store->save(token);
        QCOMPARE(changed.count(), 2);

        reopen();
        const std::optional<Profile> work = m_store->profile(u"work"_s);
        QVERIFY(work.has_value());
        QCOMPARE(work->name, key.name);
        QCOMPARE(work->scheme, Credentials::Scheme::GlobalApiKey);
        QCOMPARE(work->email, key.email);
        QCOMPARE(work->accountId, key.accountId);
        QCOMPARE(work->apiBaseUrl, key.apiBaseUrl);
        const std::optional<Profile> home = m_store->profile(u"home"_s);
        QVERIFY(home.has_value());
        QCOMPARE(home->scheme, Credentials::Scheme::ApiToken);
        QCOMPARE(home->email, QString());
        QCOMPARE(home->accountId, token.accountId);
        QCOMPARE(home->apiBaseUrl, QString());
        QVERIFY(!m_store->profile(u"elsewhere"_s).has_value());
    }

    void savingUnderTheSameNameReplacesTheProfile()
    {
        Profile profile;
        profile.name = u"work"_s;
        profile.scheme = Credentials::Scheme::GlobalApiKey;
        profile.email = u"ops@example.com"_s;
        profile.accountId = u"first"_s;
        profile.apiBaseUrl = u"https://api.example.com/client/v4"_s;
        m_store->save(profile);

        Profile replacement = makeProfile(u"work"_s, u"second"_s);
        m_store->save(replacement);
        reopen();
        QCOMPARE(m_store->names(), QStringList{u"work"_s});
        const std::optional<Profile> work = m_store->profile(u"work"_s);
        QVERIFY(work.has_value());
        QCOMPARE(work->scheme, Credentials::Scheme::ApiToken);
        QCOMPARE(work->email, QString());
        QCOMPARE(work->accountId, u"second"_s);
        QCOMPARE(work->apiBaseUrl, QString());
    }

    void namesAreSortedWhateverTheirCase()
    {
        QCOMPARE(m_store->names(), QStringList());
        for (const QString &name : {u"gamma"_s, u"Delta"_s, u"beta"_s, u"Alpha"_s})
            m_store->save(makeProfile(name));
        QCOMPARE(m_store->names(), (QStringList{u"Alpha"_s, u"beta"_s, u"Delta"_s, u"gamma"_s}));
    }

    void checkName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("plain") << u"work"_s << true;
        QTest::newRow("spaces inside, accents") << u"Caf\u00e9 staging 2"_s << true;
        QTest::newRow("64 characters") << QString(64, u'x') << true;
        QTest::newRow("slash") << u"work/staging"_s << false;
        QTest::newRow("backslash") << u"work\\staging"_s << false;
        QTest::newRow("control character") << u"work\tstaging"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("only spaces") << u"   "_s << false;
        QTest::newRow("leading space") << u" work"_s << false;
        QTest::newRow("65 characters") << QString(65, u'x') << false;
    }
    void checkName()
    {
        QFETCH(QString, name);
        QFETCH(bool, accepted);
        const QString problem = Profile::checkName(name);
        QVERIFY2(problem.isEmpty() == accepted, qPrintable(problem));
    }

    void slashNameIsRefusedWithAReason()
    {
        const QString problem = Profile::checkName(u"work/staging"_s);
        QVERIFY2(problem.contains(u"\u201c/\u201d"_s), qPrintable(problem));
    }

    void removeDropsSettingsLastAccountAndSecret()
    {
        m_store->save(makeProfile(u"work"_s));
        m_store->save(makeProfile(u"home"_s));
        m_store->setLastAccountId(u"work"_s, u"browsed1"_s);
        m_store->setLastAccountId(u"home"_s, u"browsed2"_s);
        m_store->setLastProfileName(u"work"_s);
        const std::optional<SecretStore::Result> written = writeSecret(u"work"_s, uniqueSecret());
        QVERIFY(written.has_value());
        QVERIFY2(written->ok(), qPrintable(written->message));
        QVERIFY(memory()->contains(Profile::secretKey(u"work"_s)));
        m_store->keepSecretForSession(u"work"_s, uniqueSecret());
        QVERIFY(m_store->hasSessionSecret(u"work"_s));

        QSignalSpy changed(m_store.get(), &ProfileStore::profilesChanged);
        const std::optional<SecretStore::Result> removed = remove(u"work"_s);
        QVERIFY(removed.has_value());
        QVERIFY2(removed->ok(), qPrintable(removed->message));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!memory()->contains(Profile::secretKey(u"work"_s)));
        QVERIFY(!m_store->hasSessionSecret(u"work"_s));
        QCOMPARE(m_store->lastProfileName(), QString());

        reopen();
        QCOMPARE(m_store->names(), QStringList{u"home"_s});
        QVERIFY(!m_store->profile(u"work"_s).has_value());
        for (const QString &key : m_settings->allKeys())
            QVERIFY2(!key.startsWith(u"profiles/work"_s), qPrintable(key));
        // A new profile of the same name starts without the old one's last account.
        m_store->save(makeProfile(u"work"_s));
        QCOMPARE(m_store->lastAccountId(u"work"_s), QString());
        QCOMPARE(m_store->lastAccountId(u"home"_s), u"browsed2"_s);
    }

    // Cancel while the keychain saves: a new profile's secret is taken out again once it
    // lands; an existing profile's new secret stays (the keychain cannot undo a write).
    void aWriteNobodyWaitsForLeavesNoSecretWithoutAProfile()
    {
        m_store->save(makeProfile(u"existing"_s));
        for (const QString &name : {u"cancelled"_s, u"existing"_s}) {
            auto caller = std::make_unique<QObject>();
            m_store->writeSecret(name, uniqueSecret(), caller.get(), [](const SecretStore::Result &) { QFAIL("caller gone"); });
            caller.reset();
        }
        QVERIFY(memory()->contains(Profile::secretKey(u"cancelled"_s))); // written; not yet answered
        QTRY_VERIFY(memory()->contains(Profile::secretKey(u"existing"_s)));
        QTRY_VERIFY(!memory()->contains(Profile::secretKey(u"cancelled"_s)));
        const std::optional<SecretStore::Result> kept = writeSecret(u"kept"_s, uniqueSecret());
        QVERIFY(kept && kept->ok()); // a caller that waits keeps the secret, profile or not yet
        QVERIFY(memory()->contains(Profile::secretKey(u"kept"_s)));
    }

    void removingAnotherProfileKeepsTheLastProfile()
    {
        m_store->save(makeProfile(u"work"_s));
        m_store->save(makeProfile(u"home"_s));
        m_store->setLastProfileName(u"work"_s);
        const std::optional<SecretStore::Result> removed = remove(u"home"_s);
        QVERIFY(removed.has_value());
        QVERIFY(removed->ok());
        QCOMPARE(m_store->lastProfileName(), u"work"_s);
    }

    void lastProfileNameIsKept()
    {
        QCOMPARE(m_store->lastProfileName(), QString());
        m_store->save(makeProfile(u"work"_s));
        m_store->save(makeProfile(u"home"_s));
        m_store->setLastProfileName(u"home"_s);
        QCOMPARE(m_store->lastProfileName(), u"home"_s);
        reopen();
        QCOMPARE(m_store->lastProfileName(), u"home"_s);
        m_store->setLastProfileName(u"work"_s);
        reopen();
        QCOMPARE(m_store->lastProfileName(), u"work"_s);
    }

    void lastAccountIsKeptApartFromTheDefault()
    {
        m_store->save(makeProfile(u"work"_s, u"default1"_s));
        m_store->save(makeProfile(u"home"_s, u"default2"_s));
        QCOMPARE(m_store->lastAccountId(u"work"_s), QString()); // none yet: the caller uses the default

        m_store->setLastAccountId(u"work"_s, u"browsed1"_s);
        QCOMPARE(m_store->lastAccountId(u"work"_s), u"browsed1"_s);
        QCOMPARE(m_store->profile(u"work"_s).value().accountId, u"default1"_s);
        QCOMPARE(m_store->lastAccountId(u"home"_s), QString());

        reopen();
        QCOMPARE(m_store->lastAccountId(u"work"_s), u"browsed1"_s);
        QCOMPARE(m_store->profile(u"work"_s).value().accountId, u"default1"_s);
        QCOMPARE(m_store->profile(u"home"_s).value().accountId, u"default2"_s);
        QCOMPARE(m_settings->value(u"profiles/work/lastAccount"_s).toString(), u"browsed1"_s);
        QCOMPARE(m_settings->value(u"profiles/work/accountId"_s).toString(), u"default1"_s);

        // Saved again as it was (the dialog's Save, nothing changed), the last one stays;
        // with a new default account, the new default is what shows next.
        m_store->save(makeProfile(u"work"_s, u"default1"_s));
        QCOMPARE(m_store->lastAccountId(u"work"_s), u"browsed1"_s);
        m_store->save(makeProfile(u"work"_s, u"default3"_s));
        QCOMPARE(m_store->lastAccountId(u"work"_s), QString());
    }

    void lastAccountOfAnUnknownProfileIsNotStored()
    {
        m_store->setLastAccountId(u"ghost"_s, u"browsed1"_s);
        QCOMPARE(m_store->names(), QStringList());
        QCOMPARE(m_store->lastAccountId(u"ghost"_s), QString());
        m_store->save(makeProfile(u"ghost"_s));
        QCOMPARE(m_store->lastAccountId(u"ghost"_s), QString());
    }

    void sessionSecretIsReadBeforeTheStore()
    {
        m_store->save(makeProfile(u"work"_s));
        std::optional<SecretStore::Result> written = writeSecret(u"work"_s, uniqueSecret());
        QVERIFY(written.has_value() && written->ok());
        const QString session = uniqueSecret();
        m_store->keepSecretForSession(u"work"_s, session);

        std::optional<SecretStore::Result> read = readSecret(u"work"_s);
        QVERIFY(read.has_value());
        QVERIFY(read->ok());
        QCOMPARE(read->secret, session);

        // Once the store has a new secret, the session's is dropped.
        const QString newer = uniqueSecret();
        written = writeSecret(u"work"_s, newer);
        QVERIFY(written.has_value() && written->ok());
        QVERIFY(!m_store->hasSessionSecret(u"work"_s));
        read = readSecret(u"work"_s);
        QVERIFY(read.has_value());
        QCOMPARE(read->secret, newer);
    }

    void sessionSecretServesWhenTheKeychainIsAway()
    {
        auto failing = std::make_unique<FailingSecretStore>();
        FailingSecretStore *keychain = failing.get();
        useSecretStore(std::move(failing));
        m_store->save(makeProfile(u"work"_s));

        std::optional<SecretStore::Result> read = readSecret(u"work"_s);
        QVERIFY(read.has_value());
        QCOMPARE(read->error, Error::Unavailable);
        QCOMPARE(keychain->calls(), 1);

        const QString session = uniqueSecret();
        m_store->keepSecretForSession(u"work"_s, session);
        read = readSecret(u"work"_s);
        QVERIFY(read.has_value());
        QVERIFY(read->ok());
        QCOMPARE(read->secret, session);
        QCOMPARE(keychain->calls(), 1); // the keychain was not asked

        // A failed write leaves the session's secret in place.
        const std::optional<SecretStore::Result> written = writeSecret(u"work"_s, uniqueSecret());
        QVERIFY(written.has_value());
        QCOMPARE(written->error, Error::Unavailable);
        QVERIFY(m_store->hasSessionSecret(u"work"_s));
        read = readSecret(u"work"_s);
        QVERIFY(read.has_value());
        QCOMPARE(read->secret, session);
    }

    void secretNeverReachesTheSettingsFile()
    {
        Profile profile = makeProfile(u"work"_s, u"default1"_s);
        profile.scheme = Credentials::Scheme::GlobalApiKey;
        profile.email = u"ops@example.com"_s;
        m_store->save(profile);
        m_store->save(makeProfile(u"home"_s));
        const QString stored = uniqueSecret();
        const std::optional<SecretStore::Result> written = writeSecret(u"work"_s, stored);
        QVERIFY(written.has_value() && written->ok());
        const QString session = uniqueSecret();
        m_store->keepSecretForSession(u"home"_s, session);
        m_store->setLastAccountId(u"work"_s, u"browsed1"_s);
        m_store->setLastProfileName(u"work"_s);

        const QByteArray bytes = settingsFileBytes();
        // The right file, with what belongs in it...
        for (const char *expected : {"work", "home", "default1", "browsed1", "ops@example.com"})
            QVERIFY2(bytes.contains(expected), expected);
        // ...and no secret.
        QVERIFY(!bytes.contains(stored.toUtf8()));
        QVERIFY(!bytes.contains(session.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
