// build-tokens: the command-line twin of Build Token Browser, on the same core. It links
// no widgets and needs no display.

#include "api/ApiClient.h"
#include "demo/DemoApiServer.h"
#include "session/BrowserSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QTextStream>

#include <chrono>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

enum ExitCode {
    ExitOk = 0,
    ExitApiError = 1,
    ExitUsage = 2,
    ExitAuth = 3,
    ExitNotFound = 4,
    ExitRateLimited = 5,
    ExitNetwork = 6,
    ExitMalformed = 7,
};

const char *const ExitCodeHelp =
    "Exit codes:\n"
    "  0  success\n"
    "  1  any other API error (HTTP 5xx, a rejected request, success:false)\n"
    "  2  usage error (nothing was sent)\n"
    "  3  authentication failed (HTTP 401/403, a missing or invalid credential)\n"
    "  4  not found (HTTP 404, or error 7003: check the account id)\n"
    "  5  rate limited (HTTP 429)\n"
    "  6  network error (no connection, timeout, TLS, a redirect to another origin)\n"
    "  7  malformed response (not Cloudflare's JSON envelope)\n";

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int exitCodeFor(const ApiError &error)
{
    using Kind = ApiError::Kind;
    switch (error.kind()) {
    case Kind::None: return ExitOk;
    case Kind::InvalidRequest: return ExitUsage;
    case Kind::Auth: return ExitAuth;
    case Kind::NotFound: return ExitNotFound;
    case Kind::RateLimited: return ExitRateLimited;
    case Kind::Timeout:
    case Kind::Network:
    case Kind::Tls:
    case Kind::RedirectRefused: return ExitNetwork;
    case Kind::Malformed: return ExitMalformed;
    case Kind::Canceled:
    case Kind::Server:
    case Kind::BadRequest:
    case Kind::Api: return ExitApiError;
    }
    return ExitApiError;
}

int usageError(const QString &message)
{
    err() << "build-tokens: " << message << "\nTry 'build-tokens --help'.\n";
    return ExitUsage;
}

bool readInt(const QCommandLineParser &parser, const QCommandLineOption &option, int min, int max, int *value)
{
    if (!parser.isSet(option))
        return true;
    bool isNumber = false;
    const int parsed = parser.value(option).toInt(&isNumber);
    if (!isNumber || parsed < min || parsed > max)
        return false;
    *value = parsed;
    return true;
}

QString rangeError(const QString &option, int min, int max)
{
    return u"--%1 must be a whole number from %2 to %3."_s.arg(option).arg(min).arg(max);
}

void printTable(const QList<BuildToken> &tokens)
{
    const QStringList headers{u"NAME"_s, u"UUID"_s, u"CLOUDFLARE TOKEN ID"_s, u"OWNER TYPE"_s};
    QList<QStringList> rows;
    for (const BuildToken &t : tokens)
        rows.append({t.name, t.uuid, t.cloudflareTokenId, t.ownerType});
    QList<qsizetype> widths;
    for (const QString &h : headers)
        widths.append(h.size());
    for (const QStringList &row : rows)
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = qMax(widths[c], row[c].size());
    auto printRow = [&widths](const QStringList &cells) {
        QString line;
        for (qsizetype c = 0; c < cells.size(); ++c)
            line += c + 1 < cells.size() ? cells[c].leftJustified(widths[c] + 2) : cells[c];
        out() << line << '\n';
    };
    printRow(headers);
    for (const QStringList &row : rows)
        printRow(row);
}

void printJson(const QList<BuildToken> &tokens)
{
    QJsonArray array;
    for (const BuildToken &t : tokens)
        array.append(t.raw);
    out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
}

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

int runList(QCoreApplication &app, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption accountOption(u"account"_s, u"The account id (or CLOUDFLARE_ACCOUNT_ID)."_s, u"ID"_s);
    const QCommandLineOption pageOption(u"page"_s, u"The page to print (default 1)."_s, u"N"_s);
    const QCommandLineOption perPageOption(u"per-page"_s, u"Tokens per page, 1 to 200 (default 50)."_s, u"M"_s);
    const QCommandLineOption formatOption(u"format"_s, u"table (default) or json."_s, u"FORMAT"_s, u"table"_s);
    const QCommandLineOption apiBaseOption(u"api-base"_s, u"The API base URL (default %1)."_s.arg(ApiClient::defaultBaseUrl().toString()), u"URL"_s);
    const QCommandLineOption timeoutOption(u"timeout"_s, u"Transfer timeout in seconds (default 30)."_s, u"S"_s);
    parser.addOptions({accountOption, pageOption, perPageOption, formatOption, apiBaseOption, timeoutOption});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(ExitOk);

    QString account = parser.value(accountOption).trimmed();
    if (account.isEmpty())
        account = QProcessEnvironment::systemEnvironment().value(u"CLOUDFLARE_ACCOUNT_ID"_s).trimmed();
    if (account.isEmpty())
        return usageError(u"--account ID is required (or set CLOUDFLARE_ACCOUNT_ID)."_s);
    if (const QString problem = BuildTokensService::checkAccountId(account); !problem.isEmpty())
        return usageError(problem);
    int page = 1;
    if (!readInt(parser, pageOption, 1, std::numeric_limits<int>::max(), &page))
        return usageError(u"--page must be a whole number of at least 1."_s);
    int perPage = BuildTokensService::DefaultPerPage;
    if (!readInt(parser, perPageOption, BuildTokensService::MinPerPage, BuildTokensService::MaxPerPage, &perPage))
        return usageError(rangeError(u"per-page"_s, BuildTokensService::MinPerPage, BuildTokensService::MaxPerPage));
    int timeoutSeconds = int(std::chrono::duration_cast<std::chrono::seconds>(ApiClient::DefaultTransferTimeout).count());
    if (!readInt(parser, timeoutOption, 1, 3600, &timeoutSeconds))
        return usageError(rangeError(u"timeout"_s, 1, 3600));
    const QString format = parser.value(formatOption);
    if (format != u"table"_s && format != u"json"_s)
        return usageError(u"--format must be table or json, not \u201c%1\u201d."_s.arg(format));
    const QUrl baseUrl = parser.isSet(apiBaseOption) ? QUrl(parser.value(apiBaseOption)) : ApiClient::defaultBaseUrl();
    if (const QString problem = ApiClient::checkBaseUrl(baseUrl); !problem.isEmpty())
        return usageError(problem);
    const std::optional<Credentials> credentials = credentialsFromEnvironment();
    if (!credentials)
        return usageError(u"Set CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY."_s);

    QNetworkAccessManager network;
    ApiClient client(&network);
    client.setBaseUrl(baseUrl);
    client.setCredentials(*credentials);
    client.setTransferTimeout(std::chrono::seconds(timeoutSeconds));
    BuildTokensService service(&client);
    BrowserSession session(&service);
    session.setAccountId(account);
    session.setPerPage(perPage);

    int exitCode = ExitOk;
    QObject::connect(&session, &BrowserSession::pageLoaded, &app, [&] {
        if (format == u"json"_s)
            printJson(session.tokens());
        else
            printTable(session.tokens());
        out().flush();
        err() << session.summary() << '\n';
        app.quit();
    });
    QObject::connect(&session, &BrowserSession::failed, &app, [&](const ApiError &error) {
        err() << "build-tokens: " << error.toText() << '\n';
        exitCode = exitCodeFor(error);
        app.quit();
    });
    session.loadPage(page);
    app.exec();
    return exitCode;
}

int runDemoServer(QCoreApplication &app, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption portOption(u"port"_s, u"The port on 127.0.0.1 (default 8788; 0 picks a free one)."_s, u"P"_s);
    const QCommandLineOption tokensOption(u"tokens"_s, u"How many build tokens the account has (default 300)."_s, u"N"_s);
    const QCommandLineOption latencyOption(u"latency-ms"_s, u"Delay before each answer, in milliseconds (default 0)."_s, u"L"_s);
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
    if (!server.listen(quint16(port))) {
        err() << "build-tokens: cannot listen on 127.0.0.1:" << port << " (is the port in use?)\n";
        return ExitNetwork;
    }
    // The first line is the base URL alone, so scripts and tests can read it.
    out() << server.baseUrl().toString() << '\n'
          << "Demo Cloudflare API with " << tokens << " build tokens. Try:\n"
          << "  CLOUDFLARE_API_TOKEN=" << DemoApiServer::apiToken() << " build-tokens list --api-base "
          << server.baseUrl().toString() << " --account " << DemoApiServer::accountId() << '\n'
          << "Stop it with Ctrl+C.\n";
    out().flush();
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"build-tokens"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BTB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"List the build tokens of Cloudflare Workers Builds.\n\n"
        "Commands:\n"
        "  list          print one page of an account's build tokens\n"
        "  demo-server   run a fake Cloudflare API on 127.0.0.1 to try this against\n\n"
        "Credentials come from CLOUDFLARE_API_TOKEN (a user API token with Workers CI Read),\n"
        "or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY (Global API Key).\n\n"_s
        + QString::fromLatin1(ExitCodeHelp));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"command"_s, u"list or demo-server"_s);

    const QStringList arguments = QCoreApplication::arguments();
    parser.parse(arguments); // a first pass, only to find the command: its options come next
    const QString command = parser.positionalArguments().value(0);
    if (command.isEmpty() || !(command == u"list"_s || command == u"demo-server"_s)) {
        if (parser.isSet(u"version"_s))
            parser.showVersion();
        if (parser.isSet(u"help"_s))
            parser.showHelp(ExitOk);
        return usageError(command.isEmpty() ? u"Name a command: list or demo-server."_s
                                            : u"Unknown command \u201c%1\u201d."_s.arg(command));
    }
    parser.clearPositionalArguments();
    parser.addPositionalArgument(command, u"The command."_s);
    const int exitCode = command == u"list"_s ? runList(app, parser, arguments)
                                              : runDemoServer(app, parser, arguments);
    out().flush();
    err().flush();
    return exitCode;
}
