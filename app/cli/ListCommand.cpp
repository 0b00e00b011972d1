// build-tokens list: one page of an account's build tokens.

#include "Cli.h"

#include "api/ApiClient.h"
#include "auth/KeychainSecretStore.h"
#include "auth/ProfileStore.h"
#include "export/TokenExport.h"
#include "model/BuildTokenFilterModel.h"
#include "model/BuildTokenTableModel.h"
#include "model/TokenColumns.h"
#include "session/BrowserSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTextStream>

#include <limits>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Cli {

namespace {

// The table for people: the app's columns, padded.
QByteArray tokenTable(const QList<BuildToken> &tokens)
{
    QStringList headers;
    for (const ColumnSpec &column : TokenColumns::all())
        headers << column.displayTitle().toUpper();
    QList<QStringList> rows;
    for (const BuildToken &token : tokens) {
        QStringList cells;
        for (const ColumnSpec &column : TokenColumns::all())
            cells << column.value(token);
        rows.append(cells);
    }
    return formatTable(headers, rows).toUtf8();
}

// The environment wins over a profile: scripts and CI set these.
std::optional<Credentials> credentialsFromEnvironment()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString token = env.value(u"CLOUDFLARE_API_TOKEN"_s).trimmed();
    if (!token.isEmpty())
        return Credentials::fromApiToken(token);
    const QString email = env.value(u"CLOUDFLARE_EMAIL"_s).trimmed();
    const QString key = env.value(u"CLOUDFLARE_API_KEY"_s).trimmed();
    if (!email.isEmpty() && !key.isEmpty())
        return Credentials::fromGlobalApiKey(email, key);
    return std::nullopt;
}

// The first of these that is not empty.
QString firstSet(std::initializer_list<QString> candidates)
{
    for (const QString &candidate : candidates) {
        if (!candidate.trimmed().isEmpty())
            return candidate.trimmed();
    }
    return {};
}

} // namespace

int runList(QCoreApplication &app, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption accountOption(u"account"_s, u"The account id (else CLOUDFLARE_ACCOUNT_ID, else the profile's)."_s, u"ID"_s);
    const QCommandLineOption profileOption(u"profile"_s, u"Use this profile's account, API base and keychain secret. CLOUDFLARE_* credentials in the environment still win."_s, u"NAME"_s);
    const QCommandLineOption pageOption(u"page"_s, u"The page to print (default 1)."_s, u"N"_s);
    const QCommandLineOption perPageOption(u"per-page"_s, u"Tokens per page, 1 to 200 (default 50)."_s, u"M"_s);
    const QCommandLineOption formatOption(u"format"_s, u"table (default), csv, json or ndjson: the app's export writers."_s, u"FORMAT"_s, u"table"_s);
    const QCommandLineOption outputOption(u"output"_s, u"Write to FILE (atomically: all or nothing) instead of standard output."_s, u"FILE"_s);
    const QCommandLineOption filterOption(u"filter"_s, u"Keep only the tokens with TEXT in any field, any case (as the app's filter)."_s, u"TEXT"_s);
    const QCommandLineOption excelOption(u"excel"_s, u"With csv: start with a UTF-8 byte order mark, for Excel."_s);
    const QCommandLineOption apiBaseOption(u"api-base"_s, u"The API base URL (default %1)."_s.arg(ApiClient::defaultBaseUrl().toString()), u"URL"_s);
    const QCommandLineOption timeoutOption(u"timeout"_s, u"Transfer timeout in seconds (default 30)."_s, u"S"_s);
    parser.addOptions({accountOption, profileOption, pageOption, perPageOption, formatOption, outputOption, filterOption,
                       excelOption, apiBaseOption, timeoutOption, settingsOption()});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(ExitOk);

    int page = 1;
    if (!readInt(parser, pageOption, 1, std::numeric_limits<int>::max(), &page))
        return usageError(u"--page must be a whole number of at least 1."_s);
    int perPage = BuildTokensService::DefaultPerPage;
    if (!readInt(parser, perPageOption, BuildTokensService::MinPerPage, BuildTokensService::MaxPerPage, &perPage))
        return usageError(rangeError(u"per-page"_s, BuildTokensService::MinPerPage, BuildTokensService::MaxPerPage));
    int timeoutSeconds = int(std::chrono::duration_cast<std::chrono::seconds>(ApiClient::DefaultTransferTimeout).count());
    if (!readInt(parser, timeoutOption, 1, 3600, &timeoutSeconds))
        return usageError(rangeError(u"timeout"_s, 1, 3600));
    const QString formatName = parser.value(formatOption);
    const std::optional<TokenExport::Format> format = TokenExport::formatFromName(formatName);
    if (!format && formatName != u"table"_s)
        return usageError(u"--format must be table, csv, json or ndjson, not \u201c%1\u201d."_s.arg(formatName));
    if (parser.isSet(excelOption) && format != TokenExport::Format::Csv)
        return usageError(u"--excel goes with --format csv."_s);
    const QString output = parser.value(outputOption);
    if (parser.isSet(outputOption) && output.isEmpty())
        return usageError(u"--output needs a file name."_s);

    const std::unique_ptr<QSettings> settings = ProfileStore::openSettings(parser.value(settingsOption()));
    KeychainSecretStore keychain;
    ProfileStore profiles(settings.get(), &keychain);
    std::optional<Profile> profile;
    if (parser.isSet(profileOption)) {
        profile = profiles.profile(parser.value(profileOption));
        if (!profile)
            return usageError(u"No profile named \u201c%1\u201d; 'build-tokens profiles list' shows them."_s.arg(parser.value(profileOption)));
    }

    const QString account = firstSet({parser.value(accountOption),
                                      QProcessEnvironment::systemEnvironment().value(u"CLOUDFLARE_ACCOUNT_ID"_s),
                                      profile ? profile->accountId : QString()});
    if (account.isEmpty())
        return usageError(u"--account ID is required (or set CLOUDFLARE_ACCOUNT_ID, or use a profile with an account)."_s);
    if (const QString problem = BuildTokensService::checkAccountId(account); !problem.isEmpty())
        return usageError(problem);
    const QString base = firstSet({parser.value(apiBaseOption), profile ? profile->apiBaseUrl : QString()});
    const QUrl baseUrl = base.isEmpty() ? ApiClient::defaultBaseUrl() : QUrl(base);
    if (const QString problem = ApiClient::checkBaseUrl(baseUrl); !problem.isEmpty())
        return usageError(problem);
    const std::optional<Credentials> fromEnvironment = credentialsFromEnvironment();
    if (!fromEnvironment && !profile)
        return usageError(u"Set CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY, or use --profile NAME."_s);

    QNetworkAccessManager network;
    ApiClient client(&network);
    client.setBaseUrl(baseUrl);
    client.setTransferTimeout(std::chrono::seconds(timeoutSeconds));
    BuildTokensService service(&client);
    BuildTokenTableModel rows;
    BrowserSession session(&service, &rows);
    session.setAccountId(account);
    session.setPerPage(perPage);

    int exitCode = ExitOk;
    QObject::connect(&session, &BrowserSession::pageLoaded, &app, [&] {
        QList<BuildToken> tokens;
        for (const BuildToken &token : rows.tokens()) {
            if (BuildTokenFilterModel::matches(token, parser.value(filterOption)))
                tokens << token;
        }
        const QByteArray data = format ? TokenExport::write(*format, tokens, parser.isSet(excelOption)) : tokenTable(tokens);
        QString summary = session.summary();
        if (parser.isSet(filterOption))
            summary += u" \u00b7 %1 shown after the filter"_s.arg(tokens.size());
        if (output.isEmpty()) {
            writeOut(data);
        } else if (const QString error = TokenExport::saveToFile(output, data); !error.isEmpty()) {
            exitCode = fail(ExitOutput, error);
            app.quit();
            return;
        } else {
            summary += u" \u00b7 written to "_s + output;
        }
        err() << summary << '\n';
        app.quit();
    });
    QObject::connect(&session, &BrowserSession::failed, &app, [&](const ApiError &error) {
        exitCode = fail(exitCodeFor(error), error.toText());
        app.quit();
    });
    auto start = [&](const Credentials &credentials) {
        client.setCredentials(credentials);
        session.loadPage(page);
    };
    if (fromEnvironment) {
        start(*fromEnvironment);
    } else {
        profiles.readSecret(profile->name, &app, [&](const SecretStore::Result &result) {
            if (result.ok())
                return start(profile->credentials(result.secret));
            exitCode = fail(ExitKeychain, result.error == SecretStore::Error::NotFound
                                              ? u"No secret is stored for profile \u201c%1\u201d; store it again with "
                                                "'build-tokens profiles add %1'."_s.arg(profile->name)
                                              : result.message);
            app.quit();
        });
    }
    app.exec();
    return exitCode;
}

} // namespace Cli
