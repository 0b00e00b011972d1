// TableAreaPresenter over a whole AppCore (no widgets) and a DemoApiServer: the state the
// table area is in, what stands in for the table, and when the problem banner comes and goes.

#include "ApiFixture.h"
#include "AppCore.h"
#include "auth/MemorySecretStore.h"
#include "auth/ProfileStore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using State = TableAreaPresenter::State;
using Step = TableAreaPresenter::Step;

class TestTableAreaPresenter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ApiFixture> f;
    std::unique_ptr<QSettings> m_settings;
    MemorySecretStore m_secrets;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<AppCore> m_core;

    TableAreaPresenter &presenter() { return m_core->presenter; }
    void load(const QString &account)
    {
        m_core->active.setAccountId(account);
        m_core->session.setAccountId(account);
        m_core->active.whenReady(this, [this] { m_core->session.firstPage(); });
    }

private slots:
    void init()
    {
        f = std::make_unique<ApiFixture>();
        f->server.setTokenCount(120);
        m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        m_settings->clear();
        m_profiles = std::make_unique<ProfileStore>(m_settings.get(), &m_secrets);
        m_core = std::make_unique<AppCore>(m_profiles.get(), m_settings.get());
        Profile profile;
        profile.name = u"demo"_s;
        profile.apiBaseUrl = f->server.baseUrl().toString();
        m_profiles->save(profile);
        m_profiles->keepSecretForSession(profile.name, DemoApiServer::apiToken());
    }
    void cleanup()
    {
        m_core.reset();
        m_profiles.reset();
        m_settings.reset();
        f.reset();
    }

    void walksThroughEveryState()
    {
        QCOMPARE(presenter().state(), State::NoProfile);
        QVERIFY(presenter().placeholderText().contains(u"New Profile"_s));
        QCOMPARE(presenter().nextSteps(), QList<Step>({Step::AddProfile, Step::ExploreDemo}));
        QCOMPARE(presenter().problemStep(), Step::AddProfile); // "No profile yet" leads to one

        QSignalSpy changed(&presenter(), &TableAreaPresenter::changed);
        m_core->active.select(u"demo"_s);
        QVERIFY(changed.size() >= 1);
        QCOMPARE(presenter().state(), State::ChooseAccount); // the profile has no default account
        QVERIFY(presenter().nextSteps().isEmpty());

        f->server.setHoldReplies(true);
        QSignalSpy status(&presenter(), &TableAreaPresenter::statusMessage);
        load(DemoApiServer::accountId());
        // First the secret, then the page.
        QCOMPARE(presenter().state(), State::Loading);
        QCOMPARE(presenter().placeholderText(), u"Reading the secret of \u201c\u2068demo\u2069\u201d from the keychain\u2026"_s);
        QVERIFY(status.last().first().toString().contains(u"Esc stops waiting"_s));
        QTRY_VERIFY(presenter().placeholderText().startsWith(u"Loading"_s));
        QCOMPARE(presenter().state(), State::Loading);
        QTRY_COMPARE(f->server.heldReplyCount(), 1);
        f->server.setHoldReplies(false);
        f->server.releaseHeldReplies();
        QTRY_COMPARE(presenter().state(), State::Rows);
        QVERIFY(presenter().placeholderText().isEmpty());

        load(DemoApiServer::sandboxAccountId()); // an account without build tokens
        QTRY_COMPARE(presenter().state(), State::NoTokens);
        QCOMPARE(presenter().placeholderText(), u"This account has no build tokens."_s);
        QCOMPARE(presenter().nextSteps(), QList<Step>{Step::OtherAccount});

        load(u"ffffffffffffffffffffffffffffffff"_s);
        QTRY_COMPARE(presenter().state(), State::Error);
        QVERIFY(presenter().hasProblem());
        QVERIFY(presenter().problemDetails().contains(u"7003"_s));
        QVERIFY(presenter().placeholderText().contains(u"could not be loaded"_s));
        QCOMPARE(presenter().problemStep(), Step::Retry); // not the profile's fault: another try
    }

    void aNewRequestOrProfileClearsTheProblem()
    {
        m_core->active.select(u"demo"_s);
        load(u"ffffffffffffffffffffffffffffffff"_s);
        QTRY_VERIFY(presenter().hasProblem());

        f->server.setHoldReplies(true);
        load(DemoApiServer::accountId());
        QTRY_VERIFY(m_core->session.isBusy());
        QVERIFY(!presenter().hasProblem()); // gone as soon as the new request started
        f->server.setHoldReplies(false);
        f->server.releaseHeldReplies();
        QTRY_COMPARE(presenter().state(), State::Rows);

        // Retrying the same page keeps its rows under the problem.
        f->server.setFault(DemoApiServer::Fault::HtmlPage, 1);
        m_core->session.reload();
        QTRY_VERIFY(presenter().hasProblem());
        QCOMPARE(presenter().state(), State::Rows);

        m_core->active.select(u"demo"_s); // chosen again: nothing of before stays
        QVERIFY(!presenter().hasProblem());
        QCOMPARE(m_core->rows.rowCount(), 0);
    }

    void statusMessagesSayWhatHappens()
    {
        QSignalSpy status(&presenter(), &TableAreaPresenter::statusMessage);
        m_core->active.select(u"demo"_s);
        f->server.setHoldReplies(true);
        load(DemoApiServer::accountId());
        QTRY_COMPARE(f->server.heldReplyCount(), 1);
        QCOMPARE(status.last().at(0).toString(), u"Loading page 1\u2026"_s);
        m_core->session.cancel();
        QCOMPARE(status.last().at(0).toString(), u"Canceled"_s);
        QVERIFY(!presenter().hasProblem()); // a cancel is no problem
        QCOMPARE(presenter().state(), State::ChooseAccount);
        f->server.setHoldReplies(false);
        load(DemoApiServer::accountId());
        QTRY_VERIFY(status.last().at(0).toString().startsWith(u"Loaded page 1 in "_s));
    }

    void aSecretThatCannotBeReadIsTheProblem()
    {
        Profile lost;
        lost.name = u"lost"_s;
        lost.apiBaseUrl = f->server.baseUrl().toString();
        m_profiles->save(lost); // no secret anywhere
        m_core->active.select(u"lost"_s);
        load(DemoApiServer::accountId());
        QTRY_VERIFY(presenter().hasProblem());
        QCOMPARE(presenter().state(), State::Error);
        QVERIFY(presenter().problemSummary().contains(u"\u201c\u2068lost\u2069\u201d"_s));
        QVERIFY(presenter().problemDetails().contains(u"keychain has no secret"_s));
    }
};

QTEST_GUILESS_MAIN(TestTableAreaPresenter)
#include "tst_tableareapresenter.moc"
