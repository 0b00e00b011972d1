// build-tokens list: one page, or every page, of an account's build tokens.

#include "Cli.h"

#include "Translations.h"

#include "api/ApiClient.h"
#include "api/PageMath.h"
#include "api/TokenHealthService.h"
#include "api/UsageScanService.h"
#include "auth/KeychainSecretStore.h"
#include "auth/ProfileStore.h"
#include "demo/DemoApi.h"
#include "demo/DemoNetworkAccessManager.h"
#include "export/ExportFile.h"
#include "export/TokenExport.h"
#include "export/TokenWriter.h"
#include "model/BuildTokenFilterModel.h"
#include "model/BuildTokenTableModel.h"
#include "model/TokenColumns.h"
#include "session/AllPagesJob.h"
#include "session/BrowserSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QFile>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTextStream>

#include <functional>
#include <memory>
#include <utility>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Cli {

namespace {

// Where the rows of a listing go, in the format asked for, a page at a time if need be:
// standard output as they come, or a file that appears only once everything is in it. The
// table for people keeps the column widths of its first page.
class ListOutput
{
public:
    ListOutput(std::optional<TokenExport::Format> format, bool excelBom, const QString &filter, const QString &path,
               const QList<int> &columns)
        : m_format(format), m_columns(columns), m_excelBom(excelBom), m_filter(filter), m_path(path), m_file(path)
    {
    }

    // Empty when the output can be written, else why not.
    QString open()
    {
        if (m_path.isEmpty()) {
            if (!m_stdout.open(stdout, QIODevice::WriteOnly))
                return TokenExport::cannotWrite(Texts::tr("standard output"), m_stdout.errorString());
        } else if (const QString problem = m_file.open(); !problem.isEmpty()) {
            return problem;
        }
        if (m_format)
            m_writer = TokenWriter::create(*m_format, device(), m_excelBom, m_columns);
        return {};
    }

    // The tokens that pass the filter.
    void write(const QList<BuildToken> &tokens)
    {
        QList<BuildToken> kept;
        for (const BuildToken &token : tokens) {
            if (BuildTokenFilterModel::matches(token, m_filter))
                kept << token;
        }
        m_rows += kept.size();
        if (m_writer) {
            // Begun with the first rows, so that a request failing at once prints nothing.
            if (!std::exchange(m_begun, true))
                m_writer->begin();
            m_writer->write(kept);
        }
        else
            writeTable(kept);
        m_stdout.flush(); // a pipe reader sees each page as it comes
    }

    // Empty when everything was written (and the file saved), else why not: then no file is
    // left behind.
    QString finish()
    {
        if (m_writer) {
            if (!std::exchange(m_begun, true))
                m_writer->begin();
            m_writer->finish();
        } else if (!m_tableStarted) {
            writeTable({}); // the header alone says there was nothing
        }
        m_stdout.flush();
        const QString writeError = m_writer ? m_writer->errorString() : m_tableError;
        if (m_path.isEmpty())
            return writeError;
        if (!writeError.isEmpty()) {
            m_file.cancel();
            return TokenExport::cannotSave(m_path, writeError);
        }
        return m_file.commit();
    }

    // After a failure: what was written to standard output stays there, a file is not left.
    void abandon()
    {
        m_stdout.flush();
        if (!m_path.isEmpty())
            m_file.cancel();
    }

    qint64 rows() const { return m_rows; }
    bool toFile() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }

private:
    QIODevice *device() { return m_path.isEmpty() ? &m_stdout : m_file.device(); }

    void writeTable(const QList<BuildToken> &tokens)
    {
        QList<QStringList> rows;
        if (!m_tableStarted) {
            QStringList headers;
            for (int column : m_columns)
                headers << TokenColumns::at(column).displayTitle().toUpper();
            rows.append(headers);
        }
        for (const BuildToken &token : tokens) {
            QStringList cells;
            for (int column : m_columns)
                cells << printable(TokenColumns::at(column).cell(token)); // a name may hold ESC or a line break
            rows.append(cells);
        }
        if (!m_tableStarted)
            m_widths = columnWidths(rows);
        m_tableStarted = true;
        const QByteArray bytes = formatRows(rows, m_widths).toUtf8();
        if (m_tableError.isEmpty() && device()->write(bytes) != bytes.size())
            m_tableError = device()->errorString();
    }

    std::optional<TokenExport::Format> m_format;
    QList<int> m_columns;
    bool m_excelBom;
    QString m_filter;
    QString m_path;
    QFile m_stdout;
    ExportFile m_file;
    std::unique_ptr<TokenWriter> m_writer;
    bool m_begun = false;
    bool m_tableStarted = false;
    QList<qsizetype> m_widths;
    QString m_tableError; // the first write the device refused
    qint64 m_rows = 0;
};

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
    const QCommandLineOption accountOption(u"account"_s, Texts::tr("The account id (else CLOUDFLARE_ACCOUNT_ID, else the profile's)."), u"ID"_s);
    const QCommandLineOption profileOption(u"profile"_s, Texts::tr("Use this profile's account, API base and keychain secret. CLOUDFLARE_* credentials in the environment still win."),
                                           //: A value's name in --help (--profile <NAME>); the messages name it too
                                           Texts::tr("NAME"));
    const QCommandLineOption pageOption(u"page"_s, Texts::tr("The page to print (default 1)."), u"N"_s);
    const QCommandLineOption perPageOption(u"per-page"_s, Texts::tr("Tokens per page, 1 to 200 (default 50)."), u"M"_s);
    const QCommandLineOption formatOption(u"format"_s, Texts::tr("table (default), csv, json or ndjson: the app's export writers."),
                                          //: A value's name in --help (--format <FORMAT>)
                                          Texts::tr("FORMAT"), u"table"_s);
    const QCommandLineOption outputOption(u"output"_s, Texts::tr("Write to FILE (atomically: all or nothing) instead of standard output."), Texts::tr("FILE"));
    const QCommandLineOption filterOption(u"filter"_s, Texts::tr("Keep only the tokens with TEXT in any field, any case (as the app's filter)."),
                                          //: A value's name in --help (--filter <TEXT>); the description names it too
                                          Texts::tr("TEXT"));
    const QCommandLineOption excelOption(u"excel"_s, Texts::tr("With csv: start with a UTF-8 byte order mark, for Excel."));
    const QCommandLineOption apiBaseOption(u"api-base"_s, Texts::tr("The API base URL (default %1).").arg(ApiClient::defaultBaseUrl().toString()), u"URL"_s);
    const QCommandLineOption timeoutOption(u"timeout"_s, Texts::tr("Transfer timeout in seconds (default 30)."), u"S"_s);
    const QCommandLineOption allOption(u"all"_s, Texts::tr("Every page, 200 a page, several at once; rows are written as they come."));
    const QCommandLineOption healthOption(u"health"_s, Texts::tr("Add each token's health (active, disabled, expired, revoked, missing or unknown), "
                                                                 "its API token's status, expiry and last use; needs \u201c"
                                                                 "API Tokens Read\u201d. Rows are written once every page and the check are in."));
    const QCommandLineOption usageOption(u"usage"_s, Texts::tr("Add used_by: the Workers' live build triggers that use each token, as "
                                                               "\u201cworker/trigger\u201d. It costs a request per Worker that uses Builds; "
                                                               "rows are written once it is done."));
    const QCommandLineOption concurrencyOption(u"concurrency"_s, Texts::tr("With --all: pages asked for at once, %1 to %2 (default %3).")
                                                                    .arg(AllPagesJob::MinConcurrency).arg(AllPagesJob::MaxConcurrency)
                                                                    .arg(AllPagesJob::DefaultConcurrency), u"N"_s);
    const QCommandLineOption demoOption(u"demo"_s, Texts::tr("List the demo account, answered inside this program (no network, no "
                                                         "credentials): the app's --demo data."));
    const QCommandLineOption demoTokensOption(u"demo-tokens"_s, Texts::tr("With --demo: how many build tokens the demo account has (default 300)."),
                                              u"N"_s);
    parser.addOptions({accountOption, profileOption, pageOption, perPageOption, allOption, concurrencyOption, healthOption, usageOption, formatOption,
                       outputOption, filterOption, excelOption, apiBaseOption, timeoutOption, settingsOption(), demoOption, demoTokensOption});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(ExitOk);

    int page = 1;
    if (!readInt(parser, pageOption, 1, PageMath::LastPage, &page))
        return usageError(Texts::tr("--page must be a whole number of at least 1."));
    int perPage = BuildTokensService::DefaultPerPage;
    if (!readInt(parser, perPageOption, BuildTokensService::MinPerPage, BuildTokensService::MaxPerPage, &perPage))
        return usageError(rangeError(u"per-page"_s, BuildTokensService::MinPerPage, BuildTokensService::MaxPerPage));
    const bool all = parser.isSet(allOption);
    if (all && (parser.isSet(pageOption) || parser.isSet(perPageOption)))
        return usageError(Texts::tr("--all reads every page, 200 a page: leave out --page and --per-page."));
    int concurrency = AllPagesJob::DefaultConcurrency;
    if (parser.isSet(concurrencyOption) && !all)
        return usageError(Texts::tr("--concurrency goes with --all."));
    if (!readInt(parser, concurrencyOption, AllPagesJob::MinConcurrency, AllPagesJob::MaxConcurrency, &concurrency))
        return usageError(rangeError(u"concurrency"_s, AllPagesJob::MinConcurrency, AllPagesJob::MaxConcurrency));
    int timeoutSeconds = int(std::chrono::duration_cast<std::chrono::seconds>(ApiClient::DefaultTransferTimeout).count());
    if (!readInt(parser, timeoutOption, 1, 3600, &timeoutSeconds))
        return usageError(rangeError(u"timeout"_s, 1, 3600));
    const QString formatName = parser.value(formatOption);
    const std::optional<TokenExport::Format> format = TokenExport::formatFromName(formatName);
    if (!format && formatName != u"table"_s)
        return usageError(Texts::tr("--format must be table, csv, json or ndjson, not \u201c%1\u201d.").arg(formatName));
    if (parser.isSet(excelOption) && format != TokenExport::Format::Csv)
        return usageError(Texts::tr("--excel goes with --format csv."));
    if (parser.isSet(outputOption) && parser.value(outputOption).isEmpty())
        return usageError(Texts::tr("--output needs a file name."));
    // "-" is standard output, as scripts write it.
    const QString output = parser.value(outputOption) == u"-"_s ? QString() : parser.value(outputOption);

    const bool demo = parser.isSet(demoOption);
    if (!demo && parser.isSet(demoTokensOption))
        return usageError(Texts::tr("--demo-tokens goes with --demo."));
    if (demo && (parser.isSet(profileOption) || parser.isSet(apiBaseOption)))
        return usageError(Texts::tr("--demo lists the demo's own account: leave out --profile and --api-base."));
    int demoTokens = 300;
    if (!readInt(parser, demoTokensOption, 0, 1000000, &demoTokens))
        return usageError(rangeError(u"demo-tokens"_s, 0, 1000000));
    // Only for --demo: making its data is work a real listing does not need.
    std::unique_ptr<DemoApi> demoApi; // not an optional: GCC 12 -O3 warns of a disengaged one
    if (demo)
        demoApi = std::make_unique<DemoApi>(demoTokens);

    const std::unique_ptr<QSettings> settings = ProfileStore::openSettings(parser.value(settingsOption()));
    KeychainSecretStore keychain;
    ProfileStore profiles(settings.get(), &keychain);
    std::optional<Profile> profile;
    if (parser.isSet(profileOption)) {
        profile = profiles.profile(parser.value(profileOption));
        if (!profile)
            return usageError(Texts::tr("No profile named \u201c%1\u201d; 'build-tokens profiles list' shows them.").arg(parser.value(profileOption)));
    }

    const QString account = demo ? firstSet({parser.value(accountOption), DemoApi::accountId()})
                                 : firstSet({parser.value(accountOption),
                                             QProcessEnvironment::systemEnvironment().value(u"CLOUDFLARE_ACCOUNT_ID"_s),
                                             profile ? profile->accountId : QString()});
    if (account.isEmpty())
        return usageError(Texts::tr("--account ID is required (or set CLOUDFLARE_ACCOUNT_ID, or use a profile with an account)."));
    if (const QString problem = BuildTokensService::checkAccountId(account); !problem.isEmpty())
        return usageError(problem);
    const QString base = firstSet({parser.value(apiBaseOption), profile ? profile->apiBaseUrl : QString()});
    const QUrl baseUrl = demo ? DemoNetworkAccessManager::baseUrl() : base.isEmpty() ? ApiClient::defaultBaseUrl() : QUrl(base);
    if (const QString problem = ApiClient::checkBaseUrl(baseUrl); !problem.isEmpty())
        return usageError(problem);
    // The demo's token is no secret: it opens nothing but the demo.
    const std::optional<Credentials> fromEnvironment = demo ? Credentials::fromApiToken(DemoApi::apiToken())
                                                            : credentialsFromEnvironment();
    if (fromEnvironment) {
        if (const QString problem = fromEnvironment->problem(); !problem.isEmpty())
            return usageError(Texts::tr("From the environment: %1").arg(problem));
    }
    if (!fromEnvironment && !profile)
        return usageError(Texts::tr("Set CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY, or use --profile NAME."));

    const bool health = parser.isSet(healthOption);
    const bool usage = parser.isSet(usageOption);
    QList<ColumnSpec::Group> groups{ColumnSpec::Group::Listing};
    if (health)
        groups << ColumnSpec::Group::Health;
    if (usage)
        groups << ColumnSpec::Group::Usage;
    ListOutput listOutput(format, parser.isSet(excelOption), parser.value(filterOption), output, TokenColumns::ofGroups(groups));
    if (const QString problem = listOutput.open(); !problem.isEmpty())
        return fail(ExitOutput, problem); // before anything is sent

    const std::unique_ptr<QNetworkAccessManager> network = demo ? std::make_unique<DemoNetworkAccessManager>(demoApi.get())
                                                                : std::make_unique<QNetworkAccessManager>();
    ApiClient client(network.get());
    client.setBaseUrl(baseUrl);
    client.setTransferTimeout(std::chrono::seconds(timeoutSeconds));
    // A script's --timeout is its budget for waiting too: a rate-limit wait past it is
    // reported (exit 5) rather than sat out.
    RetryPolicy policy;
    policy.maxRetryAfter = std::min<std::chrono::seconds>(policy.maxRetryAfter, std::chrono::seconds(timeoutSeconds));
    client.setRetryPolicy(policy);
    BuildTokensService service(&client);
    BuildTokenTableModel rows;
    BrowserSession session(&service, &rows);
    session.setAccountId(account);
    session.setPerPage(perPage);

    int exitCode = ExitOk;
    // The listing is in: the output is saved, and a line on standard error says what it was.
    auto done = [&](QString summary) {
        if (const QString error = listOutput.finish(); !error.isEmpty()) {
            exitCode = fail(ExitOutput, error);
        } else {
            if (parser.isSet(filterOption))
                summary += u" \u00b7 "_s + Texts::tr("%1 shown after the filter").arg(listOutput.rows());
            if (listOutput.toFile())
                summary += u" \u00b7 "_s + Texts::tr("written to %1").arg(listOutput.path());
            err() << printable(summary) << '\n';
        }
        app.quit();
    };
    auto failed = [&](const ApiError &error, qint64 fetched) {
        listOutput.abandon();
        exitCode = fail(exitCodeFor(error), error.toText());
        if (fetched > 0 && listOutput.toFile())
            err() << "build-tokens: "
                  << printable(Texts::tr("%1 tokens were fetched before the error; nothing was written to %2.", nullptr,
                                         Translations::numerus(fetched)).arg(fetched).arg(listOutput.path()))
                  << '\n';
        else if (fetched > 0)
            err() << "build-tokens: "
                  << Texts::tr("%1 tokens were written before the error.", nullptr, Translations::numerus(listOutput.rows()))
                         .arg(listOutput.rows())
                  << '\n';
        app.quit();
    };
    // With --health or --usage the rows wait for them, which need them all; else they go out
    // as they come.
    QList<BuildToken> held;
    auto take = [&](const QList<BuildToken> &tokens) {
        if (health || usage)
            held += tokens;
        else
            listOutput.write(tokens);
    };
    TokenHealthService healthService(&client);
    UsageScanService usageService(&client);
    // The health check, then `then`.
    auto checkHealth = [&](std::function<void()> then) {
        QList<IdText> ids;
        for (const BuildToken &token : std::as_const(held))
            ids << token.cloudflareTokenId;
        HealthJob *job = healthService.check(ids, &client);
        QObject::connect(job, &Job::finished, &app, [&, job, ids, then] {
            HealthById byTokenId;
            if (job->result().ok()) {
                byTokenId = job->result().value().byTokenId;
                if (job->result().value().permissionMissing)
                    err() << "build-tokens: "
                          //: %1 is the permission's name
                          << Texts::tr("every health is unknown: the credentials may not read API tokens. Add \u201c%1\u201d to "
                                       "the API token (Cloudflare dashboard: My Profile \u2192 API Tokens \u2192 Edit).")
                                 .arg(TokenHealth::requiredPermission())
                          << '\n';
            } else {
                // The list is good: it is written all the same, every health unknown.
                const ApiError &error = job->result().error();
                err() << "build-tokens: " << printable(Texts::tr("the health check failed, every health is unknown: %1")
                                                           .arg(error.toText()))
                      << '\n';
                for (const IdText &id : std::as_const(ids))
                    byTokenId.insert(id, std::make_shared<const TokenHealth>(TokenHealth::notChecked(error.summary())));
            }
            applyHealth(&held, byTokenId);
            then();
        });
    };
    // The usage scan, then `then`. A failed scan leaves used_by null, and says so.
    auto scanUsage = [&](std::function<void()> then) {
        UsageJob *job = usageService.scan(account, &client);
        QObject::connect(job, &Job::finished, &app, [&, job, then] {
            if (job->result().ok())
                applyUsage(&held, job->result().value());
            else
                err() << "build-tokens: "
                      << printable(Texts::tr("the usage scan failed, used_by is null: %1").arg(job->result().error().toText()))
                      << '\n';
            then();
        });
    };
    // The listing is in: with --health or --usage those run first, one after the other.
    auto listed = [&](const QString &summary) {
        if (!health && !usage)
            return done(summary);
        std::function<void()> write = [&, summary] {
            listOutput.write(held);
            done(summary);
        };
        if (usage)
            write = [&, write] { scanUsage(write); };
        if (health)
            write = [&, write] { checkHealth(write); };
        write();
    };
    QObject::connect(&session, &BrowserSession::pageLoaded, &app, [&] {
        take(rows.tokens());
        listed(session.summary());
    });
    QObject::connect(&session, &BrowserSession::failed, &app, [&](const ApiError &error) { failed(error, 0); });
    // Every page streams through the output as it comes: the account is never held whole.
    auto listAll = [&] {
        // Owned by the client, so that what is left of it goes before the network manager its
        // replies belong to (a reply outliving it crashed on the way out).
        auto *job = new AllPagesJob(client, account, concurrency, &client);
        QObject::connect(job, &AllPagesJob::pageReady, &app, [&](const QList<BuildToken> &tokens) { take(tokens); });
        QObject::connect(job, &Job::finished, &app, [&, job] {
            if (!job->result().ok())
                return failed(job->result().error(), job->tokensDone());
            const AllPagesSummary &summary = job->result().value();
            listed(Texts::tr("All pages (%1) \u00b7 %2").arg(summary.pages)
                     .arg(Texts::tr("%1 tokens", nullptr, Translations::numerus(summary.tokens)).arg(summary.tokens)));
        });
    };
    auto start = [&](const Credentials &credentials) {
        client.setCredentials(credentials);
        if (all)
            listAll();
        else
            session.loadPage(page);
    };
    if (fromEnvironment) {
        start(*fromEnvironment);
    } else {
        profiles.readSecret(profile->name, &app, [&](const SecretStore::Result &result) {
            if (result.ok())
                return start(profile->credentials(result.secret));
            exitCode = fail(ExitKeychain, result.error == SecretStore::Error::NotFound
                                              ? Texts::tr("No secret is stored for profile \u201c%1\u201d; store it again with "
                                                          "'build-tokens profiles add %1'.").arg(profile->name)
                                              : result.message);
            listOutput.abandon();
            app.quit();
        });
    }
    app.exec();
    return exitCode;
}

} // namespace Cli
