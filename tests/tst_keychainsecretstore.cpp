// KeychainSecretStore against a real gnome-keyring (tests/support/with-keyring.sh), where no
// bus can be reached (without-keyring.sh), and on a bus that can start no service
// (with-bare-bus.sh), where a test may own org.freedesktop.secrets and never answer: the
// CTest entries choose which (BTB_EXPECT_KEYCHAIN, BTB_BARE_BUS).

#include "SecretScan.h"
#include "auth/KeychainSecretStore.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using Error = SecretStore::Error;

namespace {

// A service of the tests' own, so a developer's real entries are never touched.
const QString Service = u"build-token-browser-tests"_s;

// A Secret Service that takes every call and answers none, as one does that waits for a
// prompt nobody sees; release() answers them all with an error, and every later one at once.
class SilentSecretService : public QDBusVirtualObject
{
public:
    SilentSecretService() : m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"silent-secrets"_s))
    {
        m_registered = m_bus.registerService(u"org.freedesktop.secrets"_s)
                       && m_bus.registerVirtualObject(u"/"_s, this, QDBusConnection::SubPath);
    }
    ~SilentSecretService() override
    {
        release();
        m_bus.unregisterObject(u"/"_s, QDBusConnection::UnregisterTree);
        m_bus.unregisterService(u"org.freedesktop.secrets"_s);
        QDBusConnection::disconnectFromBus(m_bus.name());
    }

    bool registered() const { return m_registered; }
    qsizetype held() const { return m_held.size(); }
    void release()
    {
        m_holding = false;
        for (const QDBusMessage &call : std::exchange(m_held, {}))
            refuse(call);
    }

    bool handleMessage(const QDBusMessage &call, const QDBusConnection &) override
    {
        if (m_holding)
            m_held.append(call);
        else
            refuse(call);
        return true;
    }
    QString introspect(const QString &) const override { return {}; }

private:
    void refuse(const QDBusMessage &call) { m_bus.send(call.createErrorReply(QDBusError::Failed, u"released by the test"_s)); }

    QDBusConnection m_bus;
    QList<QDBusMessage> m_held;
    bool m_holding = true;
    bool m_registered = false;
};

} // namespace

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private:
    KeychainSecretStore m_store{Service};

    template<typename Start>
    std::optional<SecretStore::Result> await(Start start)
    {
        std::optional<SecretStore::Result> result;
        start([&result](const SecretStore::Result &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
            return std::nullopt;
        return result;
    }
    std::optional<SecretStore::Result> read(const QString &key)
    {
        return await([&](auto done) { m_store.read(key, this, done); });
    }
    std::optional<SecretStore::Result> write(const QString &key, const QString &secret)
    {
        return await([&](auto done) { m_store.write(key, secret, this, done); });
    }
    std::optional<SecretStore::Result> remove(const QString &key)
    {
        return await([&](auto done) { m_store.remove(key, this, done); });
    }
    // Made at run time: a literal would be found in this very source file wherever the
    // checkout lies under the temp folder (as CI's may).
    static QString uniqueSecret() { return u"probe-"_s + QUuid::createUuid().toString(QUuid::Id128); }
    static bool keychainExpected() { return qEnvironmentVariableIsSet("BTB_EXPECT_KEYCHAIN"); }
    static bool bareBus() { return qEnvironmentVariableIsSet("BTB_BARE_BUS"); }
    static std::optional<SecretStore::Result> awaitWrite(KeychainSecretStore &store, const QString &key, int timeoutMs = 20000)
    {
        std::optional<SecretStore::Result> result;
        store.write(key, u"not kept"_s, &store, [&result](const SecretStore::Result &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMs))
            return std::nullopt;
        return result;
    }

private slots:
    void writeReadOverwriteRemove()
    {
        if (!keychainExpected())
            QSKIP("run by the with-keyring CTest entry");
        const QString key = u"profile:work"_s;
        const auto missing = read(key);
        QVERIFY(missing);
        QCOMPARE(missing->error, Error::NotFound);

        const auto written = write(key, u"first-secret"_s);
        QVERIFY(written);
        QVERIFY2(written->ok(), qPrintable(written->message));
        const auto first = read(key);
        QVERIFY(first && first->ok());
        QCOMPARE(first->secret, u"first-secret"_s);

        QVERIFY(write(key, u"second secret \u00e9\u2603"_s)->ok());
        QCOMPARE(read(key)->secret, u"second secret \u00e9\u2603"_s);

        QVERIFY(remove(key)->ok());
        QCOMPARE(read(key)->error, Error::NotFound);
        // Removing what is not there is not a failure.
        QVERIFY(remove(key)->ok());
    }

    void jobsRunInOrderOneAtATime()
    {
        if (!keychainExpected())
            QSKIP("run by the with-keyring CTest entry");
        // Queued back to back, without waiting: each must see the one before it.
        QList<SecretStore::Result> results;
        auto collect = [&results](const SecretStore::Result &r) { results.append(r); };
        m_store.write(u"a"_s, u"1"_s, this, collect);
        m_store.read(u"a"_s, this, collect);
        m_store.write(u"a"_s, u"2"_s, this, collect);
        m_store.read(u"a"_s, this, collect);
        m_store.remove(u"a"_s, this, collect);
        m_store.read(u"a"_s, this, collect);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 6, 20000);
        QCOMPARE(results[1].secret, u"1"_s);
        QCOMPARE(results[3].secret, u"2"_s);
        QCOMPARE(results[5].error, Error::NotFound);
    }

    void secretIsNotStoredInPlainText()
    {
        if (!keychainExpected())
            QSKIP("run by the with-keyring CTest entry");
        const QString secret = uniqueSecret();
        QVERIFY(write(u"probe"_s, secret)->ok());
        QCOMPARE(read(u"probe"_s)->secret, secret);
        const QStringList hits = filesContaining(secret.toUtf8(), {QDir::homePath(), QDir::tempPath()});
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));
        QVERIFY(remove(u"probe"_s)->ok());
    }

    void unreachableKeychainSaysWhatToStart()
    {
        if (keychainExpected() || bareBus())
            QSKIP("run by the without-keyring CTest entry");
        const QString secret = uniqueSecret();
        const auto written = write(u"profile:nobus"_s, secret);
        QVERIFY(written);
        QVERIFY(!written->ok());
        QVERIFY2(written->error == Error::Unavailable || written->error == Error::AccessDenied,
                 qPrintable(written->message));
        QVERIFY2(written->message.contains(u"keyring"_s, Qt::CaseInsensitive), qPrintable(written->message));
        QVERIFY(written->message.contains(u"session only"_s));
        QVERIFY(!written->message.contains(secret));
        const QStringList hits = filesContaining(secret.toUtf8(), {QDir::homePath(), QDir::tempPath()});
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));
        qInfo("keychain said: %s", qPrintable(written->message));
    }

    // The bus daemon is asked, not libsecret, which would wait for D-Bus's timeout where a
    // service is expected but does not come.
    void missingServiceIsFoundOnTheBus()
    {
        if (!bareBus())
            QSKIP("run by the bare-bus CTest entry");
        KeychainSecretStore store(Service, std::chrono::hours(1));
        const auto written = awaitWrite(store, u"profile:noservice"_s);
        QVERIFY(written);
        QCOMPARE(written->error, Error::Unavailable);
        QVERIFY2(written->message.contains(u"no Secret Service (org.freedesktop.secrets) is running"_s),
                 qPrintable(written->message));
        QVERIFY(written->message.contains(u"session only"_s));
    }

    // Every call answers within the timeout, also the ones queued behind a job that hangs;
    // the job's late end lets the next one run.
    void silentKeychainTimesOut()
    {
        if (!bareBus())
            QSKIP("run by the bare-bus CTest entry");
        SilentSecretService service;
        QVERIFY(service.registered());
        KeychainSecretStore store(Service, std::chrono::milliseconds(1500));
        QList<SecretStore::Result> results;
        const auto collect = [&results](const SecretStore::Result &r) { results.append(r); };
        store.write(u"profile:silent"_s, u"not kept"_s, this, collect);
        store.read(u"profile:silent"_s, this, collect);
        QTRY_VERIFY_WITH_TIMEOUT(service.held() > 0, 10000); // libsecret is waiting for it
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 10000);
        for (const SecretStore::Result &result : std::as_const(results)) {
            QCOMPARE(result.error, Error::Unavailable);
            QVERIFY2(result.message.contains(u"did not answer within 2 seconds"_s), qPrintable(result.message));
        }

        service.release(); // the hung write ends; a new call now reaches the service and fails
        const auto next = awaitWrite(store, u"profile:silent"_s);
        QVERIFY(next);
        QVERIFY(!next->ok());
        QVERIFY2(!next->message.contains(u"did not answer"_s), qPrintable(next->message));
    }

    // libsecret calls back into the job when the service answers: a job deleted with the
    // store would be used after it was freed (AddressSanitizer's build sees it).
    void destroyingTheStoreLeavesItsRunningJob()
    {
        if (!bareBus())
            QSKIP("run by the bare-bus CTest entry");
        SilentSecretService service;
        QVERIFY(service.registered());
        bool answered = false;
        {
            KeychainSecretStore store(Service, std::chrono::hours(1));
            store.write(u"profile:gone"_s, u"not kept"_s, this, [&answered](const SecretStore::Result &) { answered = true; });
            QTRY_VERIFY_WITH_TIMEOUT(service.held() > 0, 10000);
        }
        service.release();
        // QtKeychain runs one job at a time: a second store's job reaches the service only
        // once the first one has ended.
        KeychainSecretStore second(Service, std::chrono::hours(1));
        const auto next = awaitWrite(second, u"profile:gone"_s);
        QVERIFY(next);
        QVERIFY(!next->ok());
        QVERIFY(!answered); // the store that was asked is gone
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
