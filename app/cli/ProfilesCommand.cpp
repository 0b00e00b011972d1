// build-tokens profiles list | add NAME | remove NAME: the GUI's profiles from a terminal.
// A secret is read from standard input, never from an argument, where ps and the shell
// history would see it.

#include "Cli.h"
#include "SilentInput.h"

#include "api/ApiClient.h"
#include "api/BuildTokensService.h"
#include "auth/KeychainSecretStore.h"
#include "auth/ProfileStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSettings>
#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <string>


using namespace Qt::Literals::StringLiterals;

namespace Cli {

namespace {

// One line from standard input; at a terminal, prompted for and not echoed.
QString readSecretFromStdin(const QString &prompt)
{
    std::string line;
    {
        const SilentInput silent;
        if (silent.isTerminal())
            err() << prompt << Qt::flush;
        std::getline(std::cin, line);
        if (silent.isTerminal())
            err() << '\n';
    }
    bool trimmed = false;
    const QString secret = Credentials::withoutSurroundingSpace(QString::fromStdString(line), &trimmed);
    if (trimmed && !secret.isEmpty())
        err() << "build-tokens: " << Texts::tr("the spaces around the secret were left out.") << '\n';
    return secret;
}

int listProfiles(ProfileStore &profiles)
{
    QList<QStringList> rows;
    for (const QString &name : profiles.names()) {
        const Profile p = *profiles.profile(name);
        rows.append({p.name, p.scheme == Credentials::Scheme::ApiToken ? u"token"_s : u"key"_s, p.email,
                     p.accountId, p.apiBaseUrl.isEmpty() ? Texts::tr("(Cloudflare)") : p.apiBaseUrl});
    }
    if (rows.isEmpty()) {
        err() << Texts::tr("No profiles yet. Add one with: build-tokens profiles add NAME") << '\n';
        return ExitOk;
    }
    //: The headers of the table of profiles, for people (capitals as the token table's)
    out() << formatTable({Texts::tr("NAME"), Texts::tr("AUTH"), Texts::tr("EMAIL"), Texts::tr("ACCOUNT"), Texts::tr("API BASE")},
                         rows);
    return ExitOk;
}

} // namespace

int runProfiles(QCoreApplication &app, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption authOption(u"auth"_s, Texts::tr("add: token (an API token, default) or key (email and Global API Key)."),
                                        //: A value's name in --help (--auth <SCHEME>)
                                        Texts::tr("SCHEME"), u"token"_s);
    const QCommandLineOption emailOption(u"email"_s, Texts::tr("add: the account email, for --auth key."), u"E"_s);
    const QCommandLineOption accountOption(u"account"_s, Texts::tr("add: the default account id."), u"ID"_s);
    const QCommandLineOption apiBaseOption(u"api-base"_s, Texts::tr("add: an API base URL other than Cloudflare's."), u"URL"_s);
    parser.addOptions({authOption, emailOption, accountOption, apiBaseOption, settingsOption()});
    //: The name of the argument after "profiles" in --help's usage line
    parser.addPositionalArgument(Texts::tr("action"), Texts::tr("list, add NAME (the secret comes from standard input) or remove NAME"));
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(ExitOk);

    const QStringList positional = parser.positionalArguments(); // "profiles", action, name
    const QString action = positional.value(1);
    const QString name = positional.value(2);
    const std::unique_ptr<QSettings> settings = ProfileStore::openSettings(parser.value(settingsOption()));
    KeychainSecretStore keychain;
    ProfileStore profiles(settings.get(), &keychain);

    if (action == u"list"_s && positional.size() == 2)
        return listProfiles(profiles);
    if ((action != u"add"_s && action != u"remove"_s) || positional.size() != 3)
        return usageError(Texts::tr("Say 'profiles list', 'profiles add NAME' or 'profiles remove NAME'."));

    int exitCode = ExitOk;
    if (action == u"remove"_s) {
        if (!profiles.profile(name))
            return usageError(Texts::tr("No profile named \u201c%1\u201d.").arg(name));
        profiles.remove(name, &app, [&](const SecretStore::Result &result) {
            if (result.ok())
                err() << Texts::tr("Removed profile \u201c%1\u201d and its keychain entry.").arg(printable(name)) << '\n';
            else
                exitCode = fail(ExitKeychain, Texts::tr("Removed profile \u201c%1\u201d, but not its keychain entry: %2").arg(name, result.message));
            app.quit();
        });
        app.exec();
        return exitCode;
    }

    Profile profile;
    profile.name = name;
    if (const QString problem = Profile::checkName(name); !problem.isEmpty())
        return usageError(problem);
    const QString auth = parser.value(authOption);
    if (auth != u"token"_s && auth != u"key"_s)
        return usageError(Texts::tr("--auth must be token or key."));
    profile.scheme = auth == u"key"_s ? Credentials::Scheme::GlobalApiKey : Credentials::Scheme::ApiToken;
    profile.email = parser.value(emailOption).trimmed();
    if (profile.scheme == Credentials::Scheme::GlobalApiKey && profile.email.isEmpty())
        return usageError(Texts::tr("--auth key needs --email."));
    if (const QString problem = Credentials::checkField(Credentials::Field::Email, profile.email); !problem.isEmpty())
        return usageError(problem);
    profile.accountId = parser.value(accountOption).trimmed();
    if (!profile.accountId.isEmpty()) {
        if (const QString problem = BuildTokensService::checkAccountId(profile.accountId); !problem.isEmpty())
            return usageError(problem);
    }
    profile.apiBaseUrl = parser.value(apiBaseOption).trimmed();
    if (!profile.apiBaseUrl.isEmpty()) {
        if (const QString problem = ApiClient::checkBaseUrl(QUrl(profile.apiBaseUrl)); !problem.isEmpty())
            return usageError(problem);
    }
    const QString secret = readSecretFromStdin(profile.scheme == Credentials::Scheme::ApiToken
                                                   ? Texts::tr("API token for \u201c%1\u201d: ").arg(name)
                                                   : Texts::tr("Global API Key for \u201c%1\u201d: ").arg(name));
    if (secret.isEmpty())
        return usageError(Texts::tr("No secret on standard input: pipe it in, e.g. from your password manager."));
    const Credentials::Field field = profile.scheme == Credentials::Scheme::ApiToken ? Credentials::Field::ApiToken
                                                                                     : Credentials::Field::GlobalApiKey;
    if (const QString problem = Credentials::checkField(field, secret); !problem.isEmpty())
        return usageError(problem); // nothing saved

    // The keychain first: a profile whose secret could not be kept is not saved at all.
    profiles.writeSecret(name, secret, &app, [&](const SecretStore::Result &result) {
        if (result.ok()) {
            profiles.save(profile);
            err() << Texts::tr("Saved profile \u201c%1\u201d; its secret is in the keychain.").arg(printable(name)) << '\n';
        } else {
            exitCode = fail(ExitKeychain, result.message);
        }
        app.quit();
    });
    app.exec();
    return exitCode;
}

} // namespace Cli
