#pragma once

#include "../api/Account.h"
#include "../api/ApiToken.h"
#include "../api/BuildToken.h"
#include "../auth/Profile.h"
#include "DemoTokenGenerator.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <optional>

// A fake Cloudflare API v4 without any transport: build-token and account listing with paging
// and validation like the real API, Workers and their build triggers, token verification and
// auth checks. A request in, its answer out. It ships: the app's --demo and `build-tokens list
// --demo` reach it in-process through DemoNetworkAccessManager; tests, benchmarks and the
// developer's demo server reach it over HTTP through DemoApiServer, which adds the faults.
class DemoApi
{
public:
    // The demo's own credentials: not secrets, they open nothing but the demo.
    static QString accountId();        // "Demo Company": setTokenCount's build tokens
    static QString stagingAccountId(); // "Demo Staging": 12 build tokens
    static QString sandboxAccountId(); // "Demo Sandbox": none
    static QString apiToken();         // active, expires on 1 Jan 2030
    // A user API token without the "Workers CI Read" permission; active, no expiry date.
    static QString apiTokenWithoutBuildsAccess();
    static QString expiredApiToken();
    // A user API token with "Workers CI Read" but not "API Tokens Read": it lists build
    // tokens, and GET /user/tokens refuses it with 403.
    static QString apiTokenWithoutTokensRead();
    // An account-owned token of accountId(): valid, but the Builds API refuses it.
    static QString accountOwnedApiToken();
    static QString email();
    static QString globalApiKey();
    // Where every route is: /client/v4, as on api.cloudflare.com.
    static QString basePath();
    // The profile "Demo" for the demo at `baseUrl`; its secret is apiToken().
    static Profile profileAt(const QUrl &baseUrl);
    // A QTemporaryDir template for the settings of one demo session: in the desktop session's
    // runtime folder (XDG_RUNTIME_DIR, a tmpfs) where there is one, else in the temporary
    // folder. QSettings saves through QSaveFile, which waits for the disk (fsync): on a tmpfs
    // the demo's first page does not wait for a disk to store settings thrown away at exit.
    static QString settingsFolderTemplate();

    // One request as the demo received it; the tests read what was really sent.
    struct Request
    {
        QString path;
        QUrlQuery query;
        QList<QPair<QByteArray, QByteArray>> headers;
        qint64 receivedMs = 0; // since the demo started: when it arrived, for wait checks
        QByteArray method = "GET";
        QByteArray header(const QByteArray &name) const;
    };

    // An answer as plain, copyable data, for whichever transport sends it.
    struct Reply
    {
        int status = 200;
        QByteArray mimeType = "application/json";
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    // Cloudflare's envelope around `errors` (code, message), and a JSON answer.
    static Reply errorReply(int status, const QList<QPair<int, QString>> &errors);
    static Reply jsonReply(int status, const QJsonObject &json);

    // Demo Company with `tokenCount` build tokens (see setTokenCount()).
    explicit DemoApi(int tokenCount = 300);

    // The answer to `request`, with the Ratelimit header if one is set; the latency is the
    // transport's to wait.
    Reply answer(const Request &request) const;

    // Of the account accountId().
    void setTokenCount(int count);
    // The tokens as they are now: a test changes the list while a client pages through it.
    void setTokens(const QList<BuildToken> &tokens)
    {
        DemoAccount &account = m_accounts.first();
        account.tokens = tokens;
        account.ungenerated = 0;
        m_generatedApiTokens.reset();
        m_apiTokensById.reset();
    }
    int tokenCount() const { return int(tokenCountOf(m_accounts.first())); }
    const QList<BuildToken> &tokens() const { return tokensOf(m_accounts.first()); }

    // Appends `count` accounts without build tokens ("Demo Account 4", ...) after the three
    // named ones, so that GET /accounts has several pages.
    void setExtraAccountCount(int count);
    // Every account, in the order GET /accounts lists them.
    QList<Account> accounts() const;

    // Lets `token` in like apiToken() on the listing routes: a test's own secret, which it
    // can then look for on disk without finding this source tree's demo token instead.
    void acceptApiToken(const QString &token) { m_extraApiTokens.append(token); }
    // How long each answer takes; the transports wait it without blocking.
    void setLatency(std::chrono::milliseconds latency) { m_latency = latency; }
    std::chrono::milliseconds latency() const { return m_latency; }
    // Every answer says `Ratelimit: "default";r=<remaining>;t=<resetSeconds>`, as Cloudflare's do.
    void setRatelimit(int remaining, int resetSeconds);
    // Leave total_count and total_pages out of result_info, as some Cloudflare lists do.
    void setSendsTotals(bool sends) { m_sendsTotals = sends; }
    // The caller's API tokens (GET /user/tokens and /user/tokens/{id}); by default those
    // DemoTokenGenerator::apiTokensFor() gives every account's build tokens.
    void setApiTokens(const QList<ApiToken> &listed, const QList<ApiToken> &unlisted = {});

    // The Workers of accountId() (GET workers/scripts, builds/latest, builds/workers/{tag}/
    // triggers) instead of those DemoTokenGenerator::workersFor() makes from its build tokens.
    void setWorkers(const QList<DemoWorker> &workers)
    {
        m_accounts.first().workers = workers;
        m_accounts.first().workersSet = true;
    }

private:
    struct DemoAccount
    {
        Account account;
        // Made when all of them are first asked for (a page makes its own): a demo of
        // 100,000 tokens shows its first page at once, and --demo does not make 300 before
        // the window's first paint.
        mutable QList<BuildToken> tokens;
        mutable int ungenerated = 0; // DemoTokenGenerator's tokens from firstGenerated on, not made yet
        int firstGenerated = 0;
        // Set by a test (workersSet). Not a std::optional: GCC 12 at -O3 takes a disengaged one
        // moved with the account for uninitialized (-Wmaybe-uninitialized, the DEB's build).
        QList<DemoWorker> workers = {};
        bool workersSet = false;
    };
    // per_page's default and bounds, which differ from one list endpoint to another.
    struct PerPageRange
    {
        int defaultValue;
        int min;
        int max;
    };

    Reply route(const Request &request) const;
    const DemoAccount *findAccount(const QString &id) const;
    // The account of a route that needs "Workers CI Read", or null with the answer refusing it.
    const DemoAccount *buildsAccount(const QString &accountId, const Request &request, Reply *refusal) const;
    QList<DemoWorker> workersOf(const DemoAccount &account) const;
    static const QList<BuildToken> &tokensOf(const DemoAccount &account);
    static qsizetype tokenCountOf(const DemoAccount &account);
    // Token `index` of `account`, made alone while the account's are not made yet (a page).
    static BuildToken tokenAt(const DemoAccount &account, qsizetype index);
    Reply listBuildTokens(const QString &accountId, const Request &request) const;
    Reply listWorkers(const QString &accountId, const Request &request) const;
    Reply latestBuilds(const QString &accountId, const Request &request) const;
    Reply listTriggers(const QString &accountId, const QString &tag, const Request &request) const;
    Reply listAccounts(const Request &request) const;
    Reply verifyUserToken(const Request &request) const;
    Reply verifyAccountToken(const QString &accountId, const Request &request) const;
    DemoTokenGenerator::DemoApiTokens apiTokens() const;
    Reply listApiTokens(const Request &request) const;
    Reply apiTokenDetails(const QString &tokenId, const Request &request) const;
    // `withTotalPages` false: result_info without total_pages, as GET /user/tokens answers.
    Reply listPage(const QUrlQuery &query, PerPageRange perPageRange, qsizetype total,
                   const std::function<QJsonValue(qsizetype)> &item, bool withTotalPages = true) const;

    QList<DemoAccount> m_accounts;
    std::chrono::milliseconds m_latency{0};
    bool m_sendsTotals = true;
    std::optional<DemoTokenGenerator::DemoApiTokens> m_apiTokens; // set by a test
    mutable std::optional<DemoTokenGenerator::DemoApiTokens> m_generatedApiTokens; // else those of the accounts' tokens
    // apiTokens() by id, made on the first look-up: a health check of 100,000 rows asks for
    // some 17,000 by id, and a scan of the list for each took a core for a minute.
    mutable std::optional<QHash<QString, ApiToken>> m_apiTokensById;
    QByteArray m_ratelimit;
    QStringList m_extraApiTokens;
};
