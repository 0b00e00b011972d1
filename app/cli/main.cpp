// build-tokens: the command-line twin of Build Token Browser, on the same core. It links
// no widgets and needs no display.

#include "AppInfo.h"
#include "CoreDumps.h"
#include "Cli.h"
#include "Translations.h"

#include <QCommandLineParser>
#include <QNetworkProxyFactory>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    disableCoreDumps(); // before any secret is read
    QCoreApplication app(argc, argv);
    const Translations translations; // before any text is made
    QCoreApplication::setOrganizationName(AppInfo::OrganizationName);
    QCoreApplication::setApplicationName(AppInfo::CliExecutable);
    QCoreApplication::setApplicationVersion(AppInfo::Version);

    // Corporate networks route through the proxy the system (or https_proxy) names; Qt
    // ignores it unless told, once per process.
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    QCommandLineParser parser;
    //: Keep the command and variable names; align the descriptions of the commands
    parser.setApplicationDescription(Cli::Texts::tr(
        "List the build tokens of Cloudflare Workers Builds.\n\n"
        "Commands:\n"
        "  list          print one page, or every page (--all), of an account's build tokens\n"
        "  profiles      list, add or remove the profiles the app shares (secrets in the keychain)\n\n"
        "'build-tokens list --demo' lists demo data, answered inside the program.\n\n"
        "Credentials come from CLOUDFLARE_API_TOKEN (a user API token with Workers CI Read),\n"
        "or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY (Global API Key), or a profile (--profile).\n\n")
        + Cli::exitCodeHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    //: The name of the first argument in --help's usage line
    parser.addPositionalArgument(Cli::Texts::tr("command"), Cli::Texts::tr("list or profiles"));

    const QStringList arguments = QCoreApplication::arguments();
    parser.parse(arguments); // a first pass, only to find the command: its options come next
    const QString command = parser.positionalArguments().value(0);
    const QStringList commands{u"list"_s, u"profiles"_s};
    if (!commands.contains(command)) {
        if (parser.isSet(u"version"_s))
            parser.showVersion();
        if (parser.isSet(u"help"_s))
            parser.showHelp(Cli::ExitOk);
        return Cli::usageError(command.isEmpty() ? Cli::Texts::tr("Name a command: list or profiles.")
                                                 : Cli::Texts::tr("Unknown command \u201c%1\u201d.").arg(command));
    }
    parser.clearPositionalArguments();
    parser.addPositionalArgument(command, Cli::Texts::tr("The command."));
    int exitCode = Cli::ExitOk;
    if (command == u"list"_s)
        exitCode = Cli::runList(app, parser, arguments);
    else
        exitCode = Cli::runProfiles(app, parser, arguments);
    Cli::out().flush();
    Cli::err().flush();
    return exitCode;
}
