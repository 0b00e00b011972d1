// The "nothing on disk" check: a profile saved with a known secret through the real
// keychain (or, where none can be reached, for this session only), tokens loaded in the
// GUI, the CLI run with that profile; then every file under HOME, the settings file and the
// temp folder is searched for the secret in plain text. CTest runs it with-keyring and
// without-keyring.

#include "AccountPicker.h"
#include "ApiFixture.h"
#include "ChildOf.h"
#include "AppCore.h"
#include "MainWindow.h"
#include "ProfileDialog.h"
#include "SecretScan.h"
#include "auth/KeychainSecretStore.h"
#include "auth/ProfileStore.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

class TestSecretsOnDisk : public QObject
{
    Q_OBJECT

private:
    static bool keychainExpected() { return qEnvironmentVariableIsSet("BTB_EXPECT_KEYCHAIN"); }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void secretReachesNoFile()
    {
        // Unique to this run, so no source file or binary can be what the search finds.
        const QString secret = u"on-disk-probe-"_s + QUuid::createUuid().toString(QUuid::Id128);
        ApiFixture f;
        f.server.acceptApiToken(secret);
        const QString settingsFile = QDir::home().filePath(u".config/BuildTokenBrowser/tests.ini"_s);
        {
            QSettings settings(settingsFile, QSettings::IniFormat);
            KeychainSecretStore keychain; // the service the CLI reads; the wrapper's keyring is throw-away
            ProfileStore profiles(&settings, &keychain);
            AppCore core(&profiles, &settings);
            MainWindow window(&core);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));

            QTest::mouseClick(childOf<QPushButton>(&window, u"newProfileButton"_s), Qt::LeftButton);
            auto *dialog = childOf<ProfileDialog>(&window, QString());
            childOf<QLineEdit>(dialog, u"nameEdit"_s)->setText(u"ondisk"_s);
            childOf<QLineEdit>(dialog, u"secretEdit"_s)->setText(secret);
            childOf<QLineEdit>(dialog, u"apiBaseEdit"_s)->setText(f.server.baseUrl().toString());
            childOf<AccountPicker>(dialog, u"accountPicker"_s)->setAccountId(DemoApiServer::accountId());
            childOf<QDialogButtonBox>(dialog, QString())->button(QDialogButtonBox::Save)->click();
            if (!keychainExpected()) {
                QMessageBox *box = nullptr;
                QTRY_VERIFY_WITH_TIMEOUT((box = dialog->findChild<QMessageBox *>(u"keychainProblemBox"_s)) != nullptr, 20000);
                QTest::mouseClick(childOf<QPushButton>(box, u"sessionOnlyButton"_s), Qt::LeftButton);
            }
            QTRY_COMPARE_WITH_TIMEOUT(childOf<QTableView>(&window, u"tokenTable"_s)->model()->rowCount(), 50, 20000);
            window.close();
        }

        // The CLI reads the same profile's secret from the keychain (and cannot without one).
        QProcess cli;
        cli.start(QStringLiteral(BTB_CLI_PATH), {u"list"_s, u"--profile"_s, u"ondisk"_s, u"--settings"_s, settingsFile,
                                                 u"--per-page"_s, u"5"_s});
        QVERIFY(QTest::qWaitFor([&cli] { return cli.state() == QProcess::NotRunning; }, 30000));
        const QByteArray output = cli.readAllStandardOutput() + cli.readAllStandardError();
        QCOMPARE(cli.exitCode(), keychainExpected() ? 0 : 8);
        QVERIFY(!output.contains(secret.toUtf8()));
        if (keychainExpected())
            QCOMPARE(f.server.requests().last().header("Authorization"), "Bearer " + secret.toUtf8());

        QVERIFY(QFile::exists(settingsFile));
        const QStringList hits = filesContaining(secret.toUtf8(), {QDir::homePath(), settingsFile, QDir::tempPath()});
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));
    }
};

QTEST_MAIN(TestSecretsOnDisk)
#include "tst_secretsondisk.moc"
