// build-tokens demo-server: the fake Cloudflare API, for trying the CLI and testing against.

#include "Cli.h"

#include "demo/DemoApiServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace Cli {

int runDemoServer(QCoreApplication &app, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption portOption(u"port"_s, Texts::tr("The port on 127.0.0.1 (default 8788; 0 picks a free one)."), u"P"_s);
    const QCommandLineOption tokensOption(u"tokens"_s, Texts::tr("How many build tokens the account has (default 300)."), u"N"_s);
    const QCommandLineOption latencyOption(u"latency-ms"_s, Texts::tr("Delay before each answer, in milliseconds (default 0)."), u"L"_s);
    parser.addOptions({portOption, tokensOption, latencyOption});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(ExitOk);

    int port = 8788;
    int tokens = 300;
    int latency = 0;
    if (!readInt(parser, portOption, 0, 65535, &port))
        return usageError(rangeError(u"port"_s, 0, 65535));
    if (!readInt(parser, tokensOption, 0, 1000000, &tokens))
        return usageError(rangeError(u"tokens"_s, 0, 1000000));
    if (!readInt(parser, latencyOption, 0, 600000, &latency))
        return usageError(rangeError(u"latency-ms"_s, 0, 600000));

    DemoApiServer server;
    server.setTokenCount(tokens);
    server.setLatency(std::chrono::milliseconds(latency));
    if (!server.listen(quint16(port)))
        return fail(ExitNetwork, Texts::tr("cannot listen on 127.0.0.1:%1 (is the port in use?)").arg(port));
    // The first line is the base URL alone, so scripts and tests can read it.
    out() << server.baseUrl().toString() << '\n'
          << Texts::tr("Demo Cloudflare API with %n build tokens. Try:", nullptr, tokens) << '\n'
          << "  CLOUDFLARE_API_TOKEN=" << DemoApiServer::apiToken() << " build-tokens list --api-base "
          << server.baseUrl().toString() << " --account " << DemoApiServer::accountId() << '\n'
          << Texts::tr("Stop it with Ctrl+C.") << '\n';
    out().flush();
    return app.exec();
}

} // namespace Cli
