// build-token-browser: the desktop app.

#include "MainWindow.h"
#include "demo/DemoApiServer.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QSettings>

#include <memory>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"BuildTokenBrowser"_s);
    QApplication::setApplicationName(u"build-token-browser"_s);
    QApplication::setApplicationDisplayName(u"Build Token Browser"_s);
    QApplication::setApplicationVersion(QStringLiteral(BTB_VERSION));
    QApplication::setDesktopFileName(u"build-token-browser"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Browse the build tokens of Cloudflare Workers Builds."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(u"demo"_s, u"Open on demo data: a fake Cloudflare API on 127.0.0.1."_s);
    const QCommandLineOption demoTokensOption(u"demo-tokens"_s, u"How many build tokens the demo account has (default 300)."_s, u"N"_s, u"300"_s);
    const QCommandLineOption demoLatencyOption(u"demo-latency-ms"_s, u"Delay of each demo answer in milliseconds (default 150)."_s, u"L"_s, u"150"_s);
    const QCommandLineOption settingsOption(u"settings"_s, u"Keep settings in FILE (an INI file) instead of the user's."_s, u"FILE"_s);
    parser.addOptions({demoOption, demoTokensOption, demoLatencyOption, settingsOption});
    parser.process(app);

    std::unique_ptr<QSettings> settings = parser.isSet(settingsOption)
                                              ? std::make_unique<QSettings>(parser.value(settingsOption), QSettings::IniFormat)
                                              : std::make_unique<QSettings>();
    MainWindow window(settings.get());

    DemoApiServer demoServer;
    if (parser.isSet(demoOption)) {
        demoServer.setTokenCount(parser.value(demoTokensOption).toInt());
        demoServer.setLatency(std::chrono::milliseconds(parser.value(demoLatencyOption).toInt()));
        if (!demoServer.listen()) {
            QMessageBox::critical(nullptr, window.windowTitle(), u"The demo server could not listen on 127.0.0.1."_s);
            return 1;
        }
        window.startDemo(demoServer.baseUrl());
    }
    window.show();
    return app.exec();
}
