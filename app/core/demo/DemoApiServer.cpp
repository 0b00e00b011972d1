#include "DemoApiServer.h"

#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <zlib.h>

#include <algorithm>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace {

using Status = QHttpServerResponse::StatusCode;

QHttpServerResponse toResponse(const DemoApi::Reply &reply)
{
    QHttpServerResponse response(reply.mimeType, reply.body, Status(reply.status));
    for (const auto &[name, value] : reply.headers)
        response.addHeader(name, value);
    return response;
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

} // namespace

struct DemoApiServer::PendingReply
{
    QPointer<QTcpSocket> socket;
    QHttpServerResponder responder;
    Reply reply;
    QMetaObject::Connection watch = {}; // the socket's disconnected()
    bool held = false;
    qsizetype sent = 0; // of a trickled body
};

DemoApiServer::DemoApiServer(QObject *parent) : QObject(parent)
{
    m_clock.start();
    // Every path goes to the demo API, which answers an unknown one as Cloudflare does.
    m_server.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        serve(request, std::move(responder));
    });
}

DemoApiServer::~DemoApiServer()
{
    // The sockets close as m_server goes, which is no client going away; and the watches
    // would run on a half-destroyed server.
    for (const auto &[id, pending] : m_pending)
        disconnect(pending->watch);
}

void DemoApiServer::serve(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const Request recorded{request.url().path(), request.query(), request.headers(), m_clock.elapsed(),
                           QByteArray(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(request.method()))).toUpper()};
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
            trickle(answer(recorded), std::move(responder));
            return;
        }
        respond(faultReply(m_fault, recorded), std::move(responder));
        return;
    }
    respond(answer(recorded), std::move(responder));
}

void DemoApiServer::trickle(const Reply &reply, QHttpServerResponder &&responder)
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

void DemoApiServer::respond(Reply reply, QHttpServerResponder &&responder)
{
    const std::chrono::milliseconds latency = this->latency();
    if (latency.count() <= 0 && !m_holdReplies) {
        toResponse(reply).write(std::move(responder));
        ++m_answeredCount;
        emit replyWritten();
        return;
    }
    // Answer later from this thread's event loop: nothing sleeps, so the GUI's --demo mode
    // stays responsive. Qt 6.4 writes a delayed (QFuture) answer to the socket even after
    // the client has gone, and crashes; a guarded socket lets a canceled request go quietly.
    const quint64 id = keepAside(std::move(reply), std::move(responder));
    if (latency.count() > 0)
        QTimer::singleShot(latency, this, [this, id] { dueNow(id); });
    else
        dueNow(id);
}

// Keeps the answer and its responder until they are written, watching the socket so that a
// client going away meanwhile is counted at once.
quint64 DemoApiServer::keepAside(Reply reply, QHttpServerResponder &&responder)
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
        toResponse(pending.reply).write(std::move(pending.responder));
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

void DemoApiServer::setFault(Fault fault, int times)
{
    m_fault = fault;
    m_faultTimes = times;
}

DemoApi::Reply DemoApiServer::faultReply(Fault fault, const Request &request) const
{
    static const QByteArray html = "<!DOCTYPE html><html><head><title>Sign in to the network</title>"
                                   "</head><body><h1>Welcome</h1></body></html>";
    switch (fault) {
    case Fault::RateLimited: {
        Reply reply = errorReply(int(Status::TooManyRequests), {{971, u"Please wait and consider throttling your request speed"_s}});
        reply.headers.append({"Retry-After", QByteArray::number(m_retryAfterSeconds)});
        return reply;
    }
    case Fault::ServerError:
        return errorReply(int(Status::ServiceUnavailable), {{10013, u"Service temporarily unavailable"_s}});
    case Fault::BadGateway:
        return {int(Status::BadGateway), "text/html", html, {}};
    case Fault::HtmlPage:
        return {int(Status::Ok), "text/html", html, {}};
    case Fault::TruncatedJson: {
        const QByteArray full = answer(request).body;
        return {int(Status::Ok), "application/json", full.left(full.size() / 2), {}};
    }
    case Fault::NotEnvelope:
        return {int(Status::Ok), "application/json", "[{\"build_token_name\":\"x\"}]", {}};
    case Fault::WrongType:
        return jsonReply(int(Status::Ok), QJsonObject{{u"success"_s, true},
                                                     {u"errors"_s, QJsonArray()},
                                                     {u"result"_s, QJsonArray()},
                                                     {u"result_info"_s, QJsonObject{{u"total_count"_s, u"many"_s}}}});
    case Fault::Redirect: {
        QUrl target = m_redirectTarget;
        target.setPath(request.path);
        target.setQuery(request.query);
        return {int(Status::Found), "text/plain", {}, {{"Location", target.toEncoded()}}};
    }
    case Fault::OversizedBody: {
        QByteArray body = R"({"success":true,"errors":[],"result":[],"padding":")";
        body += QByteArray(m_oversizedBodyBytes, 'x') + "\"}";
        return {int(Status::Ok), "application/json", body, {}};
    }
    case Fault::HugeTotals: {
        QJsonObject envelope = QJsonDocument::fromJson(answer(request).body).object();
        QJsonObject info = envelope.value(u"result_info"_s).toObject();
        info.insert(u"total_pages"_s, 9007199254740992.0); // 2^53, the most a count may be
        info.insert(u"total_count"_s, 9007199254740992.0);
        info.insert(u"count"_s, 5);
        envelope.insert(u"result_info"_s, info);
        return jsonReply(int(Status::Ok), envelope);
    }
    case Fault::UnknownStatus:
        return errorReply(999, {{1234, u"Something no client knows"_s}});
    case Fault::ProxyAuthRequired: {
        Reply reply = errorReply(int(Status::ProxyAuthenticationRequired), {{1234, u"Proxy authentication required"_s}});
        reply.headers.append(qMakePair(QByteArray("Proxy-Authenticate"), QByteArray("Basic realm=\"proxy\"")));
        return reply;
    }
    case Fault::TooManyItems: {
        QJsonObject envelope = QJsonDocument::fromJson(answer(request).body).object();
        QJsonArray items = envelope.value(u"result"_s).toArray();
        for (const QJsonValue &item : envelope.value(u"result"_s).toArray())
            items.append(item);
        envelope.insert(u"result"_s, items);
        return jsonReply(int(Status::Ok), envelope);
    }
    case Fault::GzipBomb: {
        Reply reply = answer(request);
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
