#include "DemoApiServer.h"

#include "DemoTokenGenerator.h"

#include "../api/PageMath.h"

#include <QCryptographicHash>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <zlib.h>

#include <algorithm>
#include <array>
#include <memory>

using namespace Qt::Literals::StringLiterals;

// A response kept as plain, copyable data until it is sent (QHttpServerResponse is move-only).
struct DemoReply
{
    QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok;
    QByteArray mimeType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QHttpServerResponse toResponse() const
    {
        QHttpServerResponse response(mimeType, body, status);
        for (const auto &[name, value] : headers)
            response.addHeader(name, value);
        return response;
    }
};

namespace {

using Status = QHttpServerResponse::StatusCode;

// The shape of both `errors` and `messages`.
QJsonArray messageArray(const QList<QPair<int, QString>> &errors)
{
    QJsonArray array;
    for (const auto &[code, message] : errors)
        array.append(QJsonObject{{u"code"_s, code}, {u"message"_s, message}});
    return array;
}

DemoReply envelopeReply(Status status, const QJsonObject &envelope)
{
    return {status, "application/json", QJsonDocument(envelope).toJson(QJsonDocument::Compact), {}};
}

QJsonObject envelope(bool success, const QJsonArray &errors, const QJsonArray &messages,
                     const QJsonValue &result)
{
    return QJsonObject{{u"success"_s, success}, {u"errors"_s, errors}, {u"messages"_s, messages},
                       {u"result"_s, result}};
}

DemoReply errorReply(Status status, const QList<QPair<int, QString>> &errors)
{
    return envelopeReply(status, envelope(false, messageArray(errors), {}, QJsonValue::Null));
}

DemoReply missingAuthHeaders()
{
    return errorReply(Status::BadRequest, {{9106, u"Missing X-Auth-Key, X-Auth-Email or Authorization headers"_s}});
}

DemoReply invalidApiToken()
{
    return errorReply(Status::Unauthorized, {{1000, u"Invalid API Token"_s}});
}

DemoReply unknownAccount(const DemoApiServer::Request &request)
{
    static const QString prefix = u"/client/v4"_s;
    return errorReply(Status::NotFound, {{7003, u"Could not route to %1, perhaps your object identifier "
                                                "is invalid?"_s.arg(request.path.mid(prefix.size()))}});
}

QByteArray bearer(const QString &token)
{
    return "Bearer " + token.toUtf8();
}

bool isWellFormedBearer(const QByteArray &authorization)
{
    return authorization.startsWith("Bearer ") && authorization.size() > 7;
}

// The answer to credentials a route does not let in, as Cloudflare gives it.
DemoReply authFailure(const DemoApiServer::Request &request)
{
    const QByteArray authorization = request.header("Authorization");
    if (!authorization.isEmpty()) {
        if (!isWellFormedBearer(authorization)) {
            const QJsonArray errors{QJsonObject{
                {u"code"_s, 6003},
                {u"message"_s, u"Invalid request headers"_s},
                {u"error_chain"_s, messageArray({{6111, u"Invalid format for Authorization header"_s}})}}};
            return envelopeReply(Status::BadRequest, envelope(false, errors, {}, QJsonValue::Null));
        }
        if (authorization == bearer(DemoApiServer::apiTokenWithoutBuildsAccess()))
            return errorReply(Status::Forbidden, {{10000, u"Authentication error"_s}});
        if (authorization == bearer(DemoApiServer::expiredApiToken()))
            return errorReply(Status::Unauthorized, {{9109, u"Invalid access token"_s}});
        return invalidApiToken();
    }
    if (!request.header("X-Auth-Key").isEmpty() || !request.header("X-Auth-Email").isEmpty())
        return errorReply(Status::Forbidden, {{9103, u"Unknown X-Auth-Key or X-Auth-Email"_s}});
    return missingAuthHeaders();
}

// Whether a listing route lets the caller in. Listing accounts needs no permission, so a
// token without "Workers CI Read" may do that but not list build tokens.
bool mayList(const DemoApiServer::Request &request, bool alsoWithoutBuildsAccess, const QStringList &extraApiTokens)
{
    const QByteArray authorization = request.header("Authorization");
    if (authorization == bearer(DemoApiServer::apiToken()) || authorization == bearer(DemoApiServer::apiTokenWithoutTokensRead())
        || (alsoWithoutBuildsAccess && authorization == bearer(DemoApiServer::apiTokenWithoutBuildsAccess())))
        return true;
    for (const QString &token : extraApiTokens) {
        if (authorization == bearer(token))
            return true;
    }
    return request.header("X-Auth-Email") == DemoApiServer::email().toUtf8()
           && request.header("X-Auth-Key") == DemoApiServer::globalApiKey().toUtf8();
}

// 32 hex digits, Cloudflare's id format, always the same for the same seed.
QString hexId(const QByteArray &seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Md5).toHex());
}

DemoReply verifiedReply(const QString &token, const QString &status, const QString &expiresOn)
{
    QJsonObject result{{u"id"_s, hexId(token.toUtf8())}, {u"status"_s, status}};
    if (!expiresOn.isEmpty())
        result.insert(u"expires_on"_s, expiresOn);
    const QJsonArray messages = status == u"active"_s
                                    ? messageArray({{10000, u"This API Token is valid and active"_s}})
                                    : QJsonArray();
    return envelopeReply(Status::Ok, envelope(true, {}, messages, result));
}

// `start`, then `spaces` spaces (JSON whitespace: the whole is still the same JSON), as gzip at
// zlib's best ratio, which packs a run of one byte about a thousand times. Made a chunk at a
// time, so the bytes it unpacks to are never all in memory here.
QByteArray gzipWithSpaces(const QByteArray &start, qint64 spaces)
{
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, MAX_WBITS + 16 /* a gzip header and trailer */, 9,
                 Z_DEFAULT_STRATEGY);
    QByteArray packed;
    auto deflateAll = [&stream, &packed](QByteArrayView in, int flush) {
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
        stream.avail_in = uInt(in.size());
        std::array<char, 64 * 1024> out;
        do {
            stream.next_out = reinterpret_cast<Bytef *>(out.data());
            stream.avail_out = uInt(out.size());
            deflate(&stream, flush);
            packed.append(out.data(), qsizetype(out.size() - stream.avail_out));
        } while (stream.avail_out == 0); // the output was full: there is more of it
    };
    deflateAll(start, Z_NO_FLUSH);
    const QByteArray chunk(64 * 1024, ' ');
    for (qint64 left = spaces; left > 0; left -= chunk.size())
        deflateAll(QByteArrayView(chunk).first(qMin(left, chunk.size())), Z_NO_FLUSH);
    deflateAll({}, Z_FINISH);
    deflateEnd(&stream);
    return packed;
}

// Strict like Cloudflare: a parameter that is present must be a whole number in range.
bool readIntParameter(const QUrlQuery &query, const QString &name, int defaultValue, int min, int max, int *out)
{
    if (!query.hasQueryItem(name)) {
        *out = defaultValue;
        return true;
    }
    bool isNumber = false;
    const int value = query.queryItemValue(name).toInt(&isNumber);
    if (!isNumber || value < min || value > max)
        return false;
    *out = value;
    return true;
}

// Whether the caller may read its API tokens ("API Tokens Read"); a Global API Key may.
bool mayReadApiTokens(const DemoApiServer::Request &request, const QStringList &extraApiTokens)
{
    const QByteArray authorization = request.header("Authorization");
    return authorization != bearer(DemoApiServer::apiTokenWithoutTokensRead()) && mayList(request, false, extraApiTokens);
}

DemoReply tokensUnreadable(const DemoApiServer::Request &request)
{
    if (request.header("Authorization") == bearer(DemoApiServer::apiTokenWithoutTokensRead()))
        return errorReply(Status::Forbidden, {{9109, u"Unauthorized to access requested resource"_s}});
    return authFailure(request);
}

} // namespace

struct DemoApiServer::PendingReply
{
    QPointer<QTcpSocket> socket;
    QHttpServerResponder responder;
    DemoReply reply;
    QMetaObject::Connection watch = {}; // the socket's disconnected()
    bool held = false;
    qsizetype sent = 0; // of a trickled body
};

QString DemoApiServer::accountId() { return u"023e105f4ecef8ad9ca31a8372d0c353"_s; }
QString DemoApiServer::stagingAccountId() { return u"9a7806061c88ada191ed06f989cc3dac"_s; }
QString DemoApiServer::sandboxAccountId() { return u"4b2e5f1d8c3a47e69d0f7a6b5c4e3d21"_s; }
QString DemoApiServer::apiToken() { return u"demo-api-token"_s; }
QString DemoApiServer::apiTokenWithoutBuildsAccess() { return u"demo-token-without-workers-ci-read"_s; }
QString DemoApiServer::expiredApiToken() { return u"demo-expired-token"_s; }
QString DemoApiServer::apiTokenWithoutTokensRead() { return u"demo-token-without-api-tokens-read"_s; }
QString DemoApiServer::accountOwnedApiToken() { return u"demo-account-owned-token"_s; }
QString DemoApiServer::email() { return u"demo@example.com"_s; }
QString DemoApiServer::globalApiKey() { return u"demo-global-api-key"_s; }

QByteArray DemoApiServer::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

DemoApiServer::DemoApiServer(QObject *parent) : QObject(parent)
{
    m_clock.start();
    // Past any main account's tokens (benchmarks go to 100,000), so staging's are other tokens.
    constexpr int stagingFirstToken = 1000000;
    m_accounts = {{{accountId(), u"Demo Company"_s}, {}},
                  {{stagingAccountId(), u"Demo Staging"_s}, DemoTokenGenerator::generate(12, stagingFirstToken)},
                  {{sandboxAccountId(), u"Demo Sandbox"_s}, {}}};
    setTokenCount(300);

    using Method = QHttpServerRequest::Method;
    m_server.route(u"/client/v4/accounts"_s, Method::Get,
                   [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                       serve(request, std::move(responder), [this](const Request &r) { return listAccounts(r); });
                   });
    m_server.route(u"/client/v4/accounts/<arg>/builds/tokens"_s, Method::Get,
                   [this](const QString &id, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                       serve(request, std::move(responder), [this, id](const Request &r) { return listBuildTokens(id, r); });
                   });
    m_server.route(u"/client/v4/accounts/<arg>/workers/scripts"_s, Method::Get,
                   [this](const QString &id, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                       serve(request, std::move(responder), [this, id](const Request &r) { return listWorkers(id, r); });
                   });
    m_server.route(u"/client/v4/accounts/<arg>/builds/builds/latest"_s, Method::Get,
                   [this](const QString &id, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                       serve(request, std::move(responder), [this, id](const Request &r) { return latestBuilds(id, r); });
                   });
    m_server.route(u"/client/v4/accounts/<arg>/builds/workers/<arg>/triggers"_s, Method::Get,
                   [this](const QString &id, const QString &tag, const QHttpServerRequest &request,
                          QHttpServerResponder &&responder) {
                       serve(request, std::move(responder),
                             [this, id, tag](const Request &r) { return listTriggers(id, tag, r); });
                   });
    m_server.route(u"/client/v4/accounts/<arg>/tokens/verify"_s, Method::Get,
                   [this](const QString &id, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                       serve(request, std::move(responder), [this, id](const Request &r) { return verifyAccountToken(id, r); });
                   });
    m_server.route(u"/client/v4/user/tokens/verify"_s, Method::Get,
                   [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                       serve(request, std::move(responder), [this](const Request &r) { return verifyUserToken(r); });
                   });
    m_server.route(u"/client/v4/user/tokens"_s, Method::Get,
                   [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                       serve(request, std::move(responder), [this](const Request &r) { return listApiTokens(r); });
                   });
    m_server.route(u"/client/v4/user/tokens/<arg>"_s, Method::Get,
                   [this](const QString &id, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                       serve(request, std::move(responder), [this, id](const Request &r) { return apiTokenDetails(id, r); });
                   });
}

DemoApiServer::~DemoApiServer()
{
    // The sockets close as m_server goes, which is no client going away; and the watches
    // would run on a half-destroyed server.
    for (const auto &[id, pending] : m_pending)
        disconnect(pending->watch);
}

void DemoApiServer::serve(const QHttpServerRequest &request, QHttpServerResponder &&responder,
                          const Route &route)
{
    const Request recorded{request.url().path(), request.query(), request.headers(), m_clock.elapsed()};
    m_requests.append(recorded);
    // Qt HttpServer 6.4 queues the status line and headers, then the body, in the socket's
    // 32 KiB write chunks: a larger answer (a page of 200 tokens) leaves in two send()s, and
    // Nagle's algorithm holds the second until the client's delayed ACK of the first, ~40 ms.
    responder.socket()->setSocketOption(QAbstractSocket::LowDelayOption, 1);

    if (m_fault != Fault::None && m_faultTimes != 0) {
        if (m_faultTimes > 0)
            --m_faultTimes;
        if (m_fault == Fault::DroppedConnection) {
            responder.socket()->abort();
            return;
        }
        if (m_fault == Fault::SlowBody) {
            trickle(route(recorded), std::move(responder));
            return;
        }
        respond(faultReply(m_fault, recorded, route), std::move(responder));
        return;
    }
    respond(route(recorded), std::move(responder));
}

void DemoApiServer::trickle(const DemoReply &reply, QHttpServerResponder &&responder)
{
    // Headers at once, then the body a byte at a time: never idle long enough for a
    // transfer (inactivity) timeout, never done either.
    const quint64 id = keepAside(reply, std::move(responder));
    PendingReply &pending = *m_pending.at(id);
    pending.responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    pending.responder.writeHeader("Content-Type", reply.mimeType);
    pending.responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [this, timer, id] {
        const auto it = m_pending.find(id);
        if (it == m_pending.end()) { // the client went away, and was counted then
            timer->deleteLater();
            return;
        }
        PendingReply &pending = *it->second;
        if (!pending.socket || pending.socket->state() != QAbstractSocket::ConnectedState) {
            timer->deleteLater();
            finishPending(id, false);
            return;
        }
        if (pending.sent < pending.reply.body.size())
            pending.responder.writeBody(pending.reply.body.constData() + pending.sent++, 1);
        if (pending.sent >= pending.reply.body.size()) {
            timer->deleteLater();
            finishPending(id, true);
        }
    });
    timer->start(50);
}

void DemoApiServer::setRatelimit(int remaining, int resetSeconds)
{
    m_ratelimit = "\"default\";r=" + QByteArray::number(remaining) + ";t=" + QByteArray::number(resetSeconds);
}

void DemoApiServer::respond(DemoReply reply, QHttpServerResponder &&responder)
{
    if (!m_ratelimit.isEmpty())
        reply.headers.append({"Ratelimit", m_ratelimit});
    if (m_latency.count() <= 0 && !m_holdReplies) {
        reply.toResponse().write(std::move(responder));
        ++m_answeredCount;
        emit replyWritten();
        return;
    }
    // Answer later from this thread's event loop: nothing sleeps, so the GUI's --demo mode
    // stays responsive. Qt 6.4 writes a delayed (QFuture) answer to the socket even after
    // the client has gone, and crashes; a guarded socket lets a canceled request go quietly.
    const quint64 id = keepAside(std::move(reply), std::move(responder));
    if (m_latency.count() > 0)
        QTimer::singleShot(m_latency, this, [this, id] { dueNow(id); });
    else
        dueNow(id);
}

// Keeps the answer and its responder until they are written, watching the socket so that a
// client going away meanwhile is counted at once.
quint64 DemoApiServer::keepAside(DemoReply reply, QHttpServerResponder &&responder)
{
    const quint64 id = m_nextPendingId++;
    QTcpSocket *socket = responder.socket();
    auto pending = std::make_unique<PendingReply>(PendingReply{socket, std::move(responder), std::move(reply)});
    pending->watch = connect(socket, &QAbstractSocket::disconnected, this, [this, id] { finishPending(id, false); });
    m_pending.emplace(id, std::move(pending));
    return id;
}

// The latency, if any, is over: held or written now.
void DemoApiServer::dueNow(quint64 id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return; // its client went away meanwhile
    if (m_holdReplies) {
        it->second->held = true;
        emit replyHeld();
        return;
    }
    write(id);
}

// True when the answer kept aside as `id` was written; false when its client has gone.
bool DemoApiServer::write(quint64 id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return false;
    PendingReply &pending = *it->second;
    const bool connected = pending.socket && pending.socket->state() == QAbstractSocket::ConnectedState;
    if (connected)
        pending.reply.toResponse().write(std::move(pending.responder));
    finishPending(id, connected);
    return connected;
}

// Counts the answer kept aside as `id` as written or aborted, once, and forgets it.
void DemoApiServer::finishPending(quint64 id, bool answered)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    disconnect(it->second->watch);
    m_pending.erase(it);
    if (answered) {
        ++m_answeredCount;
        emit replyWritten();
    } else {
        ++m_abortedCount;
        emit requestAborted();
    }
}

int DemoApiServer::heldReplyCount() const
{
    return int(std::count_if(m_pending.begin(), m_pending.end(), [](const auto &entry) { return entry.second->held; }));
}

int DemoApiServer::releaseHeldReplies(ReleaseOrder order, int count)
{
    QList<quint64> held;
    for (const auto &[id, pending] : m_pending) {
        if (pending->held)
            held.append(id);
    }
    if (order == ReleaseOrder::NewestFirst)
        std::reverse(held.begin(), held.end());
    if (count >= 0)
        held.resize(qMin(held.size(), qsizetype(count)));
    int written = 0;
    for (const quint64 id : held)
        written += write(id) ? 1 : 0;
    return written;
}

bool DemoApiServer::listen(quint16 port)
{
    m_port = m_server.listen(QHostAddress::LocalHost, port);
    return m_port != 0;
}

QUrl DemoApiServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/client/v4"_s.arg(m_port));
}

Profile DemoApiServer::profile() const
{
    Profile demo;
    demo.name = u"Demo"_s;
    demo.accountId = accountId();
    demo.apiBaseUrl = baseUrl().toString();
    return demo;
}

void DemoApiServer::setTokenCount(int count)
{
    m_accounts.first().tokens = DemoTokenGenerator::generate(qMax(0, count));
    m_generatedApiTokens.reset();
}

void DemoApiServer::setExtraAccountCount(int count)
{
    constexpr qsizetype namedAccounts = 3;
    m_accounts.resize(namedAccounts);
    for (int i = 0; i < count; ++i) {
        const qsizetype number = namedAccounts + i + 1;
        const Account account{hexId("demo-account-" + QByteArray::number(number)),
                              u"Demo Account "_s + QString::number(number)};
        m_accounts.append(DemoAccount{account, {}});
    }
    m_generatedApiTokens.reset();
}

QList<Account> DemoApiServer::accounts() const
{
    QList<Account> accounts;
    for (const DemoAccount &account : m_accounts)
        accounts.append(account.account);
    return accounts;
}

void DemoApiServer::setFault(Fault fault, int times)
{
    m_fault = fault;
    m_faultTimes = times;
}

const DemoApiServer::DemoAccount *DemoApiServer::findAccount(const QString &id) const
{
    for (const DemoAccount &account : m_accounts) {
        if (account.account.id == id)
            return &account;
    }
    return nullptr;
}

const DemoApiServer::DemoAccount *DemoApiServer::buildsAccount(const QString &accountId, const Request &request,
                                                              DemoReply *refusal) const
{
    if (!mayList(request, false, m_extraApiTokens)) {
        *refusal = authFailure(request);
        return nullptr;
    }
    const DemoAccount *account = findAccount(accountId);
    if (!account)
        *refusal = unknownAccount(request);
    return account;
}

QList<DemoWorker> DemoApiServer::workersOf(const DemoAccount &account) const
{
    return account.workersSet ? account.workers : DemoTokenGenerator::workersFor(account.account.id, account.tokens);
}

DemoReply DemoApiServer::listBuildTokens(const QString &accountId, const Request &request) const
{
    DemoReply refusal;
    const DemoAccount *account = buildsAccount(accountId, request, &refusal);
    if (!account)
        return refusal;
    const QList<BuildToken> &tokens = account->tokens;
    return listPage(request.query, {50, 1, 200}, tokens.size(),
                    [&tokens](qsizetype i) { return QJsonValue(DemoTokenGenerator::toJson(tokens.at(i))); });
}

DemoReply DemoApiServer::listWorkers(const QString &accountId, const Request &request) const
{
    DemoReply refusal;
    const DemoAccount *account = buildsAccount(accountId, request, &refusal);
    if (!account)
        return refusal;
    QJsonArray result;
    for (const DemoWorker &worker : workersOf(*account))
        result.append(DemoTokenGenerator::toJson(worker));
    return envelopeReply(Status::Ok, envelope(true, {}, {}, result)); // not paged
}

DemoReply DemoApiServer::latestBuilds(const QString &accountId, const Request &request) const
{
    DemoReply refusal;
    const DemoAccount *account = buildsAccount(accountId, request, &refusal);
    if (!account)
        return refusal;
    const QStringList tags = request.query.queryItemValue(u"external_script_ids"_s, QUrl::FullyDecoded)
                                 .split(u',', Qt::SkipEmptyParts);
    if (tags.isEmpty())
        return errorReply(Status::BadRequest, {{12002, u"Invalid request: external_script_ids is required"_s}});
    if (tags.size() > 20)
        return errorReply(Status::BadRequest, {{12002, u"Invalid request: at most 20 external_script_ids"_s}});
    QJsonObject builds;
    for (const DemoWorker &worker : workersOf(*account)) {
        if (worker.usesBuilds && tags.contains(worker.tag))
            builds.insert(worker.tag, DemoTokenGenerator::latestBuildJson(worker));
    }
    return envelopeReply(Status::Ok, envelope(true, {}, {}, QJsonObject{{u"builds"_s, builds}}));
}

DemoReply DemoApiServer::listTriggers(const QString &accountId, const QString &tag, const Request &request) const
{
    DemoReply refusal;
    const DemoAccount *account = buildsAccount(accountId, request, &refusal);
    if (!account)
        return refusal;
    for (const DemoWorker &worker : workersOf(*account)) {
        if (worker.tag != tag)
            continue;
        QJsonArray result;
        for (const DemoTrigger &trigger : worker.triggers)
            result.append(DemoTokenGenerator::toJson(trigger, worker));
        return envelopeReply(Status::Ok, envelope(true, {}, {}, result));
    }
    return errorReply(Status::NotFound, {{12000, u"Not found"_s}}); // the Builds API's documented answer
}

DemoReply DemoApiServer::listAccounts(const Request &request) const
{
    if (!mayList(request, true, m_extraApiTokens))
        return authFailure(request);
    return listPage(request.query, {20, 5, 50}, m_accounts.size(), [this](qsizetype i) {
        const Account &account = m_accounts.at(i).account;
        return QJsonValue(QJsonObject{{u"id"_s, account.id}, {u"name"_s, account.name}, {u"type"_s, u"standard"_s}});
    });
}

DemoReply DemoApiServer::verifyUserToken(const Request &request) const
{
    struct UserToken
    {
        QString token;
        QString status;
        QString expiresOn;
    };
    static const std::array userTokens{
        UserToken{apiToken(), u"active"_s, u"2030-01-01T00:00:00Z"_s},
        UserToken{apiTokenWithoutBuildsAccess(), u"active"_s, QString()},
        UserToken{expiredApiToken(), u"expired"_s, u"2024-06-30T00:00:00Z"_s}};

    const QByteArray authorization = request.header("Authorization");
    // Only an API token can be verified: Global API Key headers count as no credentials.
    if (authorization.isEmpty())
        return missingAuthHeaders();
    for (const UserToken &known : userTokens) {
        if (authorization == bearer(known.token))
            return verifiedReply(known.token, known.status, known.expiresOn);
    }
    return authFailure(request);
}

DemoReply DemoApiServer::verifyAccountToken(const QString &accountId, const Request &request) const
{
    const QByteArray authorization = request.header("Authorization");
    if (authorization.isEmpty())
        return missingAuthHeaders();
    if (!isWellFormedBearer(authorization))
        return authFailure(request);
    if (!findAccount(accountId))
        return unknownAccount(request);
    if (accountId != DemoApiServer::accountId() || authorization != bearer(accountOwnedApiToken()))
        return invalidApiToken();
    return verifiedReply(accountOwnedApiToken(), u"active"_s, QString());
}

void DemoApiServer::setApiTokens(const QList<ApiToken> &listed, const QList<ApiToken> &unlisted)
{
    m_apiTokens = DemoTokenGenerator::DemoApiTokens{listed, unlisted};
}

DemoTokenGenerator::DemoApiTokens DemoApiServer::apiTokens() const
{
    if (m_apiTokens)
        return *m_apiTokens;
    // Made once: for 100,000 build tokens making them took 0.1 s, and a health check of them
    // asks for them some 18,000 times.
    if (!m_generatedApiTokens) {
        QList<BuildToken> buildTokens;
        for (const DemoAccount &account : m_accounts)
            buildTokens += account.tokens;
        m_generatedApiTokens = DemoTokenGenerator::apiTokensFor(buildTokens);
    }
    return *m_generatedApiTokens;
}

DemoReply DemoApiServer::listApiTokens(const Request &request) const
{
    if (!mayReadApiTokens(request, m_extraApiTokens))
        return tokensUnreadable(request);
    QList<ApiToken> listed = apiTokens().listed;
    // Without include_expired=true Cloudflare leaves expired tokens out, without a word.
    if (request.query.queryItemValue(u"include_expired"_s) != u"true"_s)
        listed.removeIf([](const ApiToken &token) { return token.status == u"expired"_s; });
    return listPage(request.query, {20, 5, 50}, listed.size(),
                    [&listed](qsizetype i) { return QJsonValue(DemoTokenGenerator::toJson(listed.at(i))); }, false);
}

DemoReply DemoApiServer::apiTokenDetails(const QString &tokenId, const Request &request) const
{
    if (!mayReadApiTokens(request, m_extraApiTokens))
        return tokensUnreadable(request);
    const DemoTokenGenerator::DemoApiTokens tokens = apiTokens();
    for (const QList<ApiToken> *list : {&tokens.listed, &tokens.unlisted}) {
        for (const ApiToken &token : *list) {
            if (token.id == tokenId)
                return envelopeReply(Status::Ok, envelope(true, {}, {}, DemoTokenGenerator::toJson(token)));
        }
    }
    return errorReply(Status::NotFound, {{1003, u"Token not found"_s}}); // Cloudflare's code is undocumented
}

DemoReply DemoApiServer::listPage(const QUrlQuery &query, PerPageRange perPageRange, qsizetype total,
                                  const std::function<QJsonValue(qsizetype)> &item, bool withTotalPages) const
{
    int page = 1;
    int perPage = perPageRange.defaultValue;
    if (!readIntParameter(query, u"page"_s, 1, 1, PageMath::LastPage, &page))
        return errorReply(Status::BadRequest, {{12002, u"Invalid request: page must be an integer of at least 1"_s}});
    if (!readIntParameter(query, u"per_page"_s, perPageRange.defaultValue, perPageRange.min, perPageRange.max, &perPage)) {
        return errorReply(Status::BadRequest, {{12002, u"Invalid request: per_page must be an integer from %1 to %2"_s
                                                           .arg(perPageRange.min).arg(perPageRange.max)}});
    }

    const qint64 first = PageMath::firstRowOf(page, perPage);
    QJsonArray result;
    for (qint64 i = first; i < qMin(qint64(total), first + perPage); ++i)
        result.append(item(i));
    QJsonObject resultInfo{{u"count"_s, result.size()}, {u"page"_s, page}, {u"per_page"_s, perPage}};
    if (m_sendsTotals) {
        resultInfo.insert(u"total_count"_s, total);
        if (withTotalPages)
            resultInfo.insert(u"total_pages"_s, PageMath::pagesFor(total, perPage));
    }
    QJsonObject answer = envelope(true, {}, {}, result);
    answer.insert(u"result_info"_s, resultInfo);
    return envelopeReply(Status::Ok, answer);
}

DemoReply DemoApiServer::faultReply(Fault fault, const Request &request, const Route &route) const
{
    static const QByteArray html = "<!DOCTYPE html><html><head><title>Sign in to the network</title>"
                                   "</head><body><h1>Welcome</h1></body></html>";
    switch (fault) {
    case Fault::RateLimited: {
        DemoReply reply = errorReply(Status::TooManyRequests, {{971, u"Please wait and consider throttling your request speed"_s}});
        reply.headers.append({"Retry-After", QByteArray::number(m_retryAfterSeconds)});
        return reply;
    }
    case Fault::ServerError:
        return errorReply(Status::ServiceUnavailable, {{10013, u"Service temporarily unavailable"_s}});
    case Fault::BadGateway:
        return {Status::BadGateway, "text/html", html, {}};
    case Fault::HtmlPage:
        return {Status::Ok, "text/html", html, {}};
    case Fault::TruncatedJson: {
        const QByteArray full = route(request).body;
        return {Status::Ok, "application/json", full.left(full.size() / 2), {}};
    }
    case Fault::NotEnvelope:
        return {Status::Ok, "application/json", "[{\"build_token_name\":\"x\"}]", {}};
    case Fault::WrongType:
        return envelopeReply(Status::Ok, QJsonObject{{u"success"_s, true},
                                                     {u"errors"_s, QJsonArray()},
                                                     {u"result"_s, QJsonArray()},
                                                     {u"result_info"_s, QJsonObject{{u"total_count"_s, u"many"_s}}}});
    case Fault::Redirect: {
        QUrl target = m_redirectTarget;
        target.setPath(request.path);
        target.setQuery(request.query);
        return {Status::Found, "text/plain", {}, {{"Location", target.toEncoded()}}};
    }
    case Fault::OversizedBody: {
        QByteArray body = R"({"success":true,"errors":[],"result":[],"padding":")";
        body += QByteArray(m_oversizedBodyBytes, 'x') + "\"}";
        return {Status::Ok, "application/json", body, {}};
    }
    case Fault::HugeTotals: {
        QJsonObject envelope = QJsonDocument::fromJson(route(request).body).object();
        QJsonObject info = envelope.value(u"result_info"_s).toObject();
        info.insert(u"total_pages"_s, 9007199254740992.0); // 2^53, the most a count may be
        info.insert(u"total_count"_s, 9007199254740992.0);
        info.insert(u"count"_s, 5);
        envelope.insert(u"result_info"_s, info);
        return envelopeReply(Status::Ok, envelope);
    }
    case Fault::UnknownStatus:
        return errorReply(Status(999), {{1234, u"Something no client knows"_s}});
    case Fault::ProxyAuthRequired: {
        DemoReply reply = errorReply(Status::ProxyAuthenticationRequired, {{1234, u"Proxy authentication required"_s}});
        reply.headers.append(qMakePair(QByteArray("Proxy-Authenticate"), QByteArray("Basic realm=\"proxy\"")));
        return reply;
    }
    case Fault::TooManyItems: {
        QJsonObject envelope = QJsonDocument::fromJson(route(request).body).object();
        QJsonArray items = envelope.value(u"result"_s).toArray();
        for (const QJsonValue &item : envelope.value(u"result"_s).toArray())
            items.append(item);
        envelope.insert(u"result"_s, items);
        return envelopeReply(Status::Ok, envelope);
    }
    case Fault::GzipBomb: {
        DemoReply reply = route(request);
        reply.body = gzipWithSpaces(reply.body, m_gzipBombSpaces);
        reply.headers.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("gzip")));
        return reply;
    }
    case Fault::DroppedConnection:
    case Fault::SlowBody:
    case Fault::None:
        break;
    }
    return {};
}
