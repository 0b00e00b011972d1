// build-token-browser: the desktop app.

#include "AppInfo.h"
#include "CoreDumps.h"
#include "AppCore.h"
#include "AppStyle.h"
#include "DesktopIdentity.h"
#include "FirstRowsPainted.h"
#include "MainWindow.h"
#include "Translations.h"
#include "auth/KeychainSecretStore.h"
#include "auth/MemorySecretStore.h"
#include "auth/ProfileStore.h"
#include "demo/DemoApi.h"
#include "demo/DemoNetworkAccessManager.h"

#include <QApplication>
#include <QAbstractItemView>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QNetworkProxyFactory>
#include <QProcess>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

// Made once the translations are in: the descriptions are --help's text.
struct Options
{
    Q_DECLARE_TR_FUNCTIONS(main)

public:
    QCommandLineOption demo{u"demo"_s, tr("Open on demo data: a fake Cloudflare API inside the app, a demo profile kept in "
                                          "memory, and settings that are thrown away on exit.")};
    QCommandLineOption demoTokens{u"demo-tokens"_s, tr("How many build tokens the demo account has (default 300)."), u"N"_s, u"300"_s};
    QCommandLineOption demoLatency{u"demo-latency-ms"_s, tr("Delay of each demo answer in milliseconds (default 150)."),
                                   u"L"_s, u"150"_s};
    QCommandLineOption settings{u"settings"_s, tr("Keep settings and profiles in FILE (an INI file) instead of the user's."),
                                //: A value's name in --help (--settings <FILE>); the description names it too
                                tr("FILE")};
};

// Reads the command line of `app`; --help and --version print and exit here.
void parse(const QCoreApplication &app, QCommandLineParser &parser, const Options &options)
{
    QCoreApplication::setOrganizationName(AppInfo::OrganizationName);
    QCoreApplication::setApplicationName(AppInfo::GuiExecutable);
    QCoreApplication::setApplicationVersion(AppInfo::Version);
    parser.setApplicationDescription(QCoreApplication::translate("main", "Browse the build tokens of Cloudflare Workers Builds."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({options.demo, options.demoTokens, options.demoLatency, options.settings});
    parser.process(app);
}

// A QApplication without a display aborts; printing the help or the version needs none (a
// package's smoke test, a shell over ssh).
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "-h" || arg == "-?" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    disableCoreDumps(); // before any secret is read
    QElapsedTimer sinceStart;
    sinceStart.start();
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        const Translations translations;
        const Options options;
        QCommandLineParser parser;
        parse(app, parser, options); // exits
        return 0;
    }
    QApplication app(argc, argv);
    AppStyle::install();
    const Translations translations; // before any widget or text is made
    const Options options;
    setDesktopIdentity();

    // Corporate networks route through the proxy the system (or https_proxy) names; Qt
    // ignores it unless told, once per process.
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    QCommandLineParser parser;
    parse(app, parser, options);
    const bool demo = parser.isSet(options.demo);
    // The demo never touches the person's own settings or keychain.
    // Made for the demo only: a person's start has no folder to make and remove.
    const std::unique_ptr<QTemporaryDir> demoDir = demo ? std::make_unique<QTemporaryDir>(DemoApi::settingsFolderTemplate()) : nullptr;
    const QString settingsFile = demo ? demoDir->filePath(u"demo.ini"_s) : parser.value(options.settings);
    const std::unique_ptr<QSettings> settings = ProfileStore::openSettings(settingsFile);
    std::unique_ptr<SecretStore> secrets;
    if (demo)
        secrets = std::make_unique<MemorySecretStore>();
    else
        secrets = std::make_unique<KeychainSecretStore>();
    ProfileStore profiles(settings.get(), secrets.get());

    // The demo answers in this process, through the core's network manager: no server. Its
    // data is made only for --demo.
    std::unique_ptr<DemoApi> demoApi; // not an optional: GCC 12 -O3 warns of a disengaged one
    auto network = std::make_unique<QNetworkAccessManager>();
    if (demo) {
        demoApi = std::make_unique<DemoApi>(parser.value(options.demoTokens).toInt());
        demoApi->setLatency(std::chrono::milliseconds(parser.value(options.demoLatency).toInt()));
        network = std::make_unique<DemoNetworkAccessManager>(demoApi.get());
        const Profile profile = DemoApi::profileAt(DemoNetworkAccessManager::baseUrl());
        profiles.save(profile);
        profiles.keepSecretForSession(profile.name, DemoApi::apiToken());
        profiles.setLastProfileName(profile.name);
    }

    // The composition root: the core, then the window over it.
    AppCore core(&profiles, settings.get(), std::move(network));
    core.health.setAutomatic(true); // each listing's health is checked as it comes
    MainWindow window(&core);
    // Demo data in a process of its own: its settings and profile never mix with these.
    QObject::connect(&window, &MainWindow::demoRequested, &window, [&window] {
        if (QProcess::startDetached(QCoreApplication::applicationFilePath(), {u"--demo"_s}))
            window.close();
        else
            QMessageBox::warning(&window, AppInfo::DisplayName, QCoreApplication::translate("main", "The demo could not be started."));
    });
    whenFirstRowsPainted(window.findChild<QAbstractItemView *>(u"tokenTable"_s), [&sinceStart](int rows) {
        qCInfo(lcStartup, "first rows painted: %d rows, %lld ms after the start", rows, static_cast<long long>(sinceStart.elapsed()));
    });
    window.show();
    window.openLastProfile();
    return app.exec();
}
