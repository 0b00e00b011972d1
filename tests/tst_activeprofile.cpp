// ActiveProfile over a ProfileStore in a temporary INI file and a DemoApiServer: the secret is
// read once per switch, work in flight keeps the credentials it started with, and the
// account shown is the last one browsed, else the profile's default.

#include "ApiFixture.h"
#include "AwaitResult.h"
#include "FailingSecretStore.h"
#include "HeldSecretStore.h"
#include "api/AccountsService.h"
#include "auth/MemorySecretStore.h"
#include "auth/ProfileStore.h"
#include "session/ActiveProfile.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

// Counts what is asked of it: "read once per switch" is a count.
class CountingSecretStore : public MemorySecretStore
{
public:
    void read(const QString &key, QObject *context, Callback done) override
    {
        ++reads;
        MemorySecretStore::read(key, context, std::move(done));
    }
    int reads = 0;
};

const QString OtherToken = u"second-profile-token"_s;

} // namespace

class TestActiveProfile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ApiFixture> f;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<ActiveProfile> m_active;

    void makeStore(std::unique_ptr<SecretStore> secrets)
    {
        m_active.reset();
        m_profiles.reset();
        m_secrets = std::move(secrets);
        m_profiles = std::make_unique<ProfileStore>(m_settings.get(), m_secrets.get());
        m_active = std::make_unique<ActiveProfile>(m_profiles.get(), &f->client);
    }
    void addProfile(const QString &name, const QString &secret, const QString &account)
    {
        Profile profile;
        profile.name = name;
        profile.accountId = account;
        profile.apiBaseUrl = f->server.baseUrl().toString();
        m_profiles->save(profile);
        bool written = false;
        m_secrets->write(Profile::secretKey(name), secret, this, [&written](const SecretStore::Result &) { written = true; });
        QTRY_VERIFY(written);
    }
    bool ready()
    {
        bool done = false;
        m_active->whenReady(this, [&done] { done = true; });
        return QTest::qWaitFor([&done] { return done; }, 5000);
    }
    CountingSecretStore *counting() const { return static_cast<CountingSecretStore *>(m_secrets.get()); }

private slots:
    void init()
    {
        f = std::make_unique<ApiFixture>();
        f->server.acceptApiToken(OtherToken);
        f->client.setCredentials({});
        m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        m_settings->clear();
        makeStore(std::make_unique<CountingSecretStore>());
        addProfile(u"a"_s, DemoApiServer::apiToken(), DemoApiServer::accountId());
        addProfile(u"b"_s, OtherToken, DemoApiServer::stagingAccountId());
    }
    void cleanup()
    {
        m_active.reset();
        m_profiles.reset();
        m_secrets.reset();
        m_settings.reset();
        f.reset();
    }

    void readsTheSecretOncePerSwitch()
    {
        QSignalSpy changed(m_active.get(), &ActiveProfile::changed);
        m_active->select(u"a"_s);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_active->name(), u"a"_s);
        QVERIFY(!m_active->hasSecret());
        QVERIFY(ready());
        QVERIFY(ready());
        QCOMPARE(counting()->reads, 1);
        QCOMPARE(f->client.credentials().apiToken, DemoApiServer::apiToken());
        QCOMPARE(f->client.baseUrl(), f->server.baseUrl());
        QCOMPARE(m_profiles->lastProfileName(), u"a"_s);

        m_active->select(u"b"_s);
        QCOMPARE(changed.size(), 2);
        QVERIFY(!f->client.credentials().isComplete()); // nothing can go out in a's name now
        QVERIFY(ready());
        QCOMPARE(counting()->reads, 2);
        QCOMPARE(f->client.credentials().apiToken, OtherToken);
    }

    void workInFlightKeepsItsCredentials()
    {
        m_active->select(u"a"_s);
        QVERIFY(ready());
        f->server.setExtraAccountCount(117); // three pages
        f->server.setHoldReplies(true);
        const auto result = resultOf(AccountsService(m_active->client()).listAll(this));
        QTRY_COMPARE(f->server.heldReplyCount(), 1);
        m_active->select(u"b"_s);
        QVERIFY(ready());
        f->server.setHoldReplies(false);
        f->server.releaseHeldReplies();
        QTRY_VERIFY(result->has_value());
        QVERIFY((*result)->ok());
        QCOMPARE(f->server.requests().size(), 3);
        for (const DemoApiServer::Request &request : f->server.requests())
            QCOMPARE(request.header("Authorization"), "Bearer " + DemoApiServer::apiToken().toUtf8());
        // Work started now goes out in b's name.
        QVERIFY(awaitJob(AccountsService(m_active->client()).listAll(this)).value().ok());
        QCOMPARE(f->server.requests().last().header("Authorization"), "Bearer " + OtherToken.toUtf8());
    }

    void theAccountShownIsTheLastBrowsedElseTheDefault()
    {
        m_active->select(u"a"_s);
        QCOMPARE(m_active->accountId(), DemoApiServer::accountId());
        m_active->setAccountId(DemoApiServer::sandboxAccountId());
        QCOMPARE(m_active->accountId(), DemoApiServer::sandboxAccountId());
        QCOMPARE(m_profiles->profile(u"a"_s)->accountId, DemoApiServer::accountId()); // the default stays
        m_active->select(u"b"_s);
        QCOMPARE(m_active->accountId(), DemoApiServer::stagingAccountId());
        m_active->select(u"a"_s);
        QCOMPARE(m_active->accountId(), DemoApiServer::sandboxAccountId());
        m_active->setAccountId(u"not/an id"_s); // shown, but never remembered
        m_active->select(u"a"_s);
        QCOMPARE(m_active->accountId(), DemoApiServer::sandboxAccountId());
    }

    void noProfileForAnUnknownName()
    {
        m_active->select(u"a"_s);
        QSignalSpy changed(m_active.get(), &ActiveProfile::changed);
        m_active->select(u"gone"_s);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!m_active->profile());
        QVERIFY(m_active->accountId().isEmpty());
        bool ran = false;
        m_active->whenReady(this, [&ran] { ran = true; });
        QVERIFY(!ran);
        QCOMPARE(counting()->reads, 0);
    }

    void anotherSwitchDropsWorkWaitingForTheSecret()
    {
        m_active->select(u"a"_s);
        bool ranForA = false;
        m_active->whenReady(this, [&ranForA] { ranForA = true; });
        m_active->select(u"b"_s); // before a's secret has come
        QVERIFY(ready());
        QVERIFY(!ranForA);
        QCOMPARE(f->client.credentials().apiToken, OtherToken);
    }

    void aSecretThatCannotBeReadIsReportedAndReadAgain()
    {
        makeStore(std::make_unique<FailingSecretStore>());
        m_profiles->save(m_profiles->profile(u"a"_s).value());
        m_active->select(u"a"_s);
        QSignalSpy failed(m_active.get(), &ActiveProfile::secretFailed);
        bool ran = false;
        m_active->whenReady(this, [&ran] { ran = true; });
        QVERIFY(failed.wait(5000));
        QVERIFY(!ran);
        QVERIFY(failed.first().at(0).toString().contains(u"\u201c\u2068a\u2069\u201d"_s));
        QVERIFY(failed.first().at(1).toString().contains(u"keychain could not be reached"_s));
        m_active->whenReady(this, [&ran] { ran = true; });
        QVERIFY(failed.wait(5000)); // asked again, it tries again: the keychain may be back
        QCOMPARE(static_cast<FailingSecretStore *>(m_secrets.get())->calls(), 2);
    }

    // A keychain behind a prompt: the wait shows, Esc gives it up, and what the read brings
    // later is kept without running what was given up.
    void waitingForTheKeychainCanBeGivenUp()
    {
        auto held = std::make_unique<HeldSecretStore>();
        HeldSecretStore *keychain = held.get();
        makeStore(std::move(held));
        keychain->MemorySecretStore::write(Profile::secretKey(u"a"_s), DemoApiServer::apiToken(), this, [](const SecretStore::Result &) {});
        m_active->select(u"a"_s);
        QSignalSpy waiting(m_active.get(), &ActiveProfile::waitingChanged);
        bool ran = false;
        m_active->whenReady(this, [&ran] { ran = true; });
        m_active->whenReady(this, [&ran] { ran = true; });
        QVERIFY(m_active->isWaitingForSecret());
        QCOMPARE(waiting.size(), 1); // once for both
        QCOMPARE(waiting.first().first().toBool(), true);

        m_active->cancelWaiting();
        QVERIFY(!m_active->isWaitingForSecret());
        QCOMPARE(waiting.size(), 2);
        QCOMPARE(waiting.last().first().toBool(), false);
        keychain->release();
        QTRY_VERIFY(m_active->hasSecret());
        QVERIFY(!ran);
        QCOMPARE(waiting.size(), 2);
        QVERIFY(ready()); // at once now: the secret came
        QCOMPARE(keychain->held(), 0);
    }

    void aFailureNobodyWaitsForIsNotReported()
    {
        auto held = std::make_unique<HeldSecretStore>();
        HeldSecretStore *keychain = held.get();
        makeStore(std::move(held));
        m_profiles->save(m_profiles->profile(u"a"_s).value());
        m_active->select(u"a"_s);
        QSignalSpy failed(m_active.get(), &ActiveProfile::secretFailed);
        m_active->whenReady(this, [] { QFAIL("given up"); });
        m_active->cancelWaiting();
        keychain->fail({SecretStore::Error::Unavailable, {}, u"no keychain"_s});
        QCOMPARE(failed.size(), 0);
        // The next call reads again, and its failure is reported.
        m_active->whenReady(this, [] { QFAIL("no secret"); });
        QCOMPARE(keychain->held(), 1);
        keychain->fail({SecretStore::Error::Unavailable, {}, u"no keychain"_s});
        QCOMPARE(failed.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestActiveProfile)
#include "tst_activeprofile.moc"
