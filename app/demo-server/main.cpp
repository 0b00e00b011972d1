// build-tokens-demo-server: the demo API over HTTP on 127.0.0.1, for trying build-tokens (or any
// client) against and for tests that run a server as a process.
//
// GPL-3: it links Qt HttpServer, which Debian ships under the GPL-3 only. That is why it is a
// program of its own, never installed and not in the package; what ships (build-token-browser,
// build-tokens) reaches the same demo API in-process and links no HTTP server.

#include "AppInfo.h"
#include "Cli.h"
#include "Translations.h"

#include "demo/DemoApiServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Translations translations; // before any text is made
    QCoreApplication::setOrganizationName(AppInfo::OrganizationName);
    QCoreApplication::setApplicationName(u"build-tokens-demo-server"_s);
    QCoreApplication::setApplicationVersion(AppInfo::Version);

    QCommandLineParser parser;
    parser.setApplicationDescription(Cli::Texts::tr(
        "A fake Cloudflare API on 127.0.0.1 to try build-tokens against, for developers.\n\n"
        "It links Qt HttpServer, which is licensed under the GPL-3 only, so this program is GPL-3 "
        "and is not installed with the app."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(u"port"_s, Cli::Texts::tr("The port on 127.0.0.1 (default 8788; 0 picks a free one)."), u"P"_s);
    const QCommandLineOption tokensOption(u"tokens"_s, Cli::Texts::tr("How many build tokens the account has (default 300)."), u"N"_s);
    const QCommandLineOption latencyOption(u"latency-ms"_s, Cli::Texts::tr("Delay before each answer, in milliseconds (default 0)."), u"L"_s);
    parser.addOptions({portOption, tokensOption, latencyOption});
    if (!parser.parse(QCoreApplication::arguments()))
        return Cli::usageError(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(Cli::ExitOk);
    if (parser.isSet(u"version"_s))
        parser.showVersion();

    int port = 8788;
    int tokens = 300;
    int latency = 0;
    if (!Cli::readInt(parser, portOption, 0, 65535, &port))
        return Cli::usageError(Cli::rangeError(u"port"_s, 0, 65535));
    if (!Cli::readInt(parser, tokensOption, 0, 1000000, &tokens))
        return Cli::usageError(Cli::rangeError(u"tokens"_s, 0, 1000000));
    if (!Cli::readInt(parser, latencyOption, 0, 600000, &latency))
        return Cli::usageError(Cli::rangeError(u"latency-ms"_s, 0, 600000));

    DemoApiServer server;
    server.setTokenCount(tokens);
    server.setLatency(std::chrono::milliseconds(latency));
    if (!server.listen(quint16(port)))
        return Cli::fail(Cli::ExitNetwork, Cli::Texts::tr("cannot listen on 127.0.0.1:%1 (is the port in use?)").arg(port));
    // The first line is the base URL alone, so scripts and tests can read it.
    Cli::out() << server.baseUrl().toString() << '\n'
               << Cli::Texts::tr("Demo Cloudflare API with %n build tokens. Try:", nullptr, tokens) << '\n'
               << "  CLOUDFLARE_API_TOKEN=" << DemoApiServer::apiToken() << " build-tokens list --api-base "
               << server.baseUrl().toString() << " --account " << DemoApiServer::accountId() << '\n'
               << Cli::Texts::tr("Stop it with Ctrl+C.") << '\n';
    Cli::out().flush();
    return app.exec();
}
