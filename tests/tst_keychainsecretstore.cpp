// KeychainSecretStore against a real gnome-keyring (tests/support/with-keyring.sh), and
// where none can be reached (without-keyring.sh): the CTest entries choose which.

#include "SecretScan.h"
#include "auth/KeychainSecretStore.h"

#include <QDir>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using Error = SecretStore::Error;

namespace {

// A service of the tests' own, so a developer's real entries are never touched.
const QString Service = u"build-token-browser-tests"_s;

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
        if (keychainExpected())
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
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
