#pragma once

#include "../api/Account.h"
#include "../api/BuildToken.h"
#include "../auth/Profile.h"
#include "DemoTokenGenerator.h"

#include <QHttpServer>
#include <QJsonValue>
#include <QList>
#include <QElapsedTimer>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>

struct DemoReply;

// A fake Cloudflare API v4 on 127.0.0.1 only: build-token and account listing with paging and
// validation like the real API, Workers and their build triggers, token verification, auth checks, latency and fault switches.
// It backs the GUI's --demo mode, `build-tokens demo-server`, every integration test and
// every benchmark. All Qt HttpServer code lives here because its API changed after Qt 6.4.
class DemoApiServer : public QObject
{
    Q_OBJECT

public:
    // The demo's own credentials: not secrets, they open nothing but this server.
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

    enum class Fault {
        None,
        RateLimited,   // 429 with Retry-After and Cloudflare's error 971
        ServerError,   // 503 with an error envelope
        BadGateway,    // 502 with an HTML page, as a proxy sends
        HtmlPage,      // 200 with an HTML page, as a captive portal sends
        TruncatedJson, // 200 with JSON cut off halfway
        NotEnvelope,   // 200 with JSON that is not the envelope
        WrongType,     // 200 with an envelope whose result_info.total_count is a string
        Redirect,      // 302 to redirectTarget() + the same path
        DroppedConnection, // the connection closed with no answer at all
        OversizedBody,     // 200 with a body of setOversizedBodyBytes() bytes
        HugeTotals,        // 200 with the real rows but result_info claiming 2^53 pages and tokens
        SlowBody,          // the real answer, its body one byte every 50 ms
        TooManyItems,      // the real answer with every item twice: more than per_page
        UnknownStatus,     // HTTP 999 with an error envelope
        ProxyAuthRequired, // HTTP 407, as a proxy asking for credentials sends
        GzipBomb,          // 200, the real answer then setGzipBombSpaces() spaces, as gzip (~1,000:1)
    };

    // One request as the server received it; the tests read what was really sent.
    struct Request
    {
        QString path;
        QUrlQuery query;
        QList<QPair<QByteArray, QByteArray>> headers;
        qint64 receivedMs = 0; // since the server started: when it arrived, for wait checks
        QByteArray header(const QByteArray &name) const;
    };

    explicit DemoApiServer(QObject *parent = nullptr);
    ~DemoApiServer() override;

    // Binds to 127.0.0.1 only; `port` 0 picks a free one. False when the port is taken.
    bool listen(quint16 port = 0);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const; // http://127.0.0.1:PORT/client/v4
    // The profile that browses this server: "Demo", accountId(), baseUrl(); its secret is apiToken().
    Profile profile() const;

    // Of the account accountId().
    void setTokenCount(int count);
    // The tokens as they are now: a test changes the list while a client pages through it.
    void setTokens(const QList<BuildToken> &tokens) { m_accounts.first().tokens = tokens; }
    int tokenCount() const { return int(tokens().size()); }
    const QList<BuildToken> &tokens() const { return m_accounts.first().tokens; }

    // Appends `count` accounts without build tokens ("Demo Account 4", ...) after the three
    // named ones, so that GET /accounts has several pages.
    void setExtraAccountCount(int count);
    // Every account, in the order GET /accounts lists them.
    QList<Account> accounts() const;

    // Lets `token` in like apiToken() on the listing routes: a test's own secret, which it
    // can then look for on disk without finding this source tree's demo token instead.
    void acceptApiToken(const QString &token) { m_extraApiTokens.append(token); }
    void setLatency(std::chrono::milliseconds latency) { m_latency = latency; }
    // The next `times` requests (or all, with -1) answer with `fault`.
    void setFault(Fault fault, int times = -1);
    void setRetryAfterSeconds(int seconds) { m_retryAfterSeconds = seconds; }
    void setRedirectTarget(const QUrl &origin) { m_redirectTarget = origin; }
    void setOversizedBodyBytes(qint64 bytes) { m_oversizedBodyBytes = bytes; }
    void setGzipBombSpaces(qint64 spaces) { m_gzipBombSpaces = spaces; }
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

    const QList<Request> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

    // So that tests wait for events instead of for time. While on, every answer is kept aside
    // once computed (after the latency, if any) instead of written; turning it off holds no
    // more, and those held wait for releaseHeldReplies(). Fault::SlowBody is never held, and
    // Fault::DroppedConnection counts as neither answered nor aborted.
    void setHoldReplies(bool hold) { m_holdReplies = hold; }
    bool holdsReplies() const { return m_holdReplies; }
    int heldReplyCount() const;
    // Writes `count` held replies (all by default), oldest or newest first, to the clients
    // still connected (a client gone counts as aborted). Returns how many were written.
    enum class ReleaseOrder { OldestFirst, NewestFirst };
    int releaseHeldReplies(ReleaseOrder order = ReleaseOrder::OldestFirst, int count = -1);
    // Replies written to a connected client (a trickled body: once its last byte is).
    int answeredCount() const { return m_answeredCount; }
    // Requests whose client went away before its answer was written: counted as the
    // connection closes, also while the answer is delayed, held or trickling.
    int abortedCount() const { return m_abortedCount; }

signals:
    void replyHeld();
    void replyWritten();
    void requestAborted();

private:
    struct DemoAccount
    {
        Account account;
        QList<BuildToken> tokens;
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
    using Route = std::function<DemoReply(const Request &)>;
    struct PendingReply; // an answer delayed, held or trickling: its responder and socket

    void serve(const QHttpServerRequest &request, QHttpServerResponder &&responder, const Route &route);
    void respond(DemoReply reply, QHttpServerResponder &&responder);
    void trickle(const DemoReply &reply, QHttpServerResponder &&responder);
    quint64 keepAside(DemoReply reply, QHttpServerResponder &&responder);
    void dueNow(quint64 id);
    bool write(quint64 id);
    void finishPending(quint64 id, bool answered);
    DemoReply faultReply(Fault fault, const Request &request, const Route &route) const;
    const DemoAccount *findAccount(const QString &id) const;
    // The account of a route that needs "Workers CI Read", or null with the answer refusing it.
    const DemoAccount *buildsAccount(const QString &accountId, const Request &request, DemoReply *refusal) const;
    QList<DemoWorker> workersOf(const DemoAccount &account) const;
    DemoReply listBuildTokens(const QString &accountId, const Request &request) const;
    DemoReply listWorkers(const QString &accountId, const Request &request) const;
    DemoReply latestBuilds(const QString &accountId, const Request &request) const;
    DemoReply listTriggers(const QString &accountId, const QString &tag, const Request &request) const;
    DemoReply listAccounts(const Request &request) const;
    DemoReply verifyUserToken(const Request &request) const;
    DemoReply verifyAccountToken(const QString &accountId, const Request &request) const;
    DemoTokenGenerator::DemoApiTokens apiTokens() const;
    DemoReply listApiTokens(const Request &request) const;
    DemoReply apiTokenDetails(const QString &tokenId, const Request &request) const;
    // `withTotalPages` false: result_info without total_pages, as GET /user/tokens answers.
    DemoReply listPage(const QUrlQuery &query, PerPageRange perPageRange, qsizetype total,
                       const std::function<QJsonValue(qsizetype)> &item, bool withTotalPages = true) const;

    QHttpServer m_server;
    quint16 m_port = 0;
    QList<DemoAccount> m_accounts;
    std::chrono::milliseconds m_latency{0};
    Fault m_fault = Fault::None;
    int m_faultTimes = 0;
    int m_retryAfterSeconds = 1;
    QUrl m_redirectTarget;
    bool m_sendsTotals = true;
    std::optional<DemoTokenGenerator::DemoApiTokens> m_apiTokens; // set by a test
    mutable std::optional<DemoTokenGenerator::DemoApiTokens> m_generatedApiTokens; // else those of the accounts' tokens
    qint64 m_oversizedBodyBytes = 17 * 1024 * 1024;
    qint64 m_gzipBombSpaces = 50 * 1024 * 1024; // about 50 KB packed
    QByteArray m_ratelimit;
    QElapsedTimer m_clock;
    QStringList m_extraApiTokens;
    QList<Request> m_requests;
    bool m_holdReplies = false;
    int m_answeredCount = 0;
    int m_abortedCount = 0;
    quint64 m_nextPendingId = 0;
    std::map<quint64, std::unique_ptr<PendingReply>> m_pending; // by arrival
};

Q_DECLARE_METATYPE(DemoApiServer::Fault)
