#pragma once

// GPL-3 where linked: Qt HttpServer is GPL-3 only on Debian, so only the tests, the benchmarks
// and the developer's demo server (build-tokens-demo-server) link this; nothing shipped does.

#include "DemoApi.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QList>
#include <QObject>
#include <QUrl>

#include <map>
#include <memory>

// The demo API (DemoApi) over HTTP on 127.0.0.1 only, with what only tests want: fault
// switches, held replies, a request log and counters. It backs the developer's demo server,
// every integration test and every benchmark. All Qt HttpServer code lives here because its
// API changed after Qt 6.4.
class DemoApiServer : public QObject, public DemoApi
{
    Q_OBJECT

public:
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

    explicit DemoApiServer(QObject *parent = nullptr);
    ~DemoApiServer() override;

    // Binds to 127.0.0.1 only; `port` 0 picks a free one. False when the port is taken.
    bool listen(quint16 port = 0);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const; // http://127.0.0.1:PORT/client/v4
    // The profile that browses this server: "Demo", accountId(), baseUrl(); its secret is apiToken().
    Profile profile() const { return profileAt(baseUrl()); }

    // The next `times` requests (or all, with -1) answer with `fault`.
    void setFault(Fault fault, int times = -1);
    void setRetryAfterSeconds(int seconds) { m_retryAfterSeconds = seconds; }
    void setRedirectTarget(const QUrl &origin) { m_redirectTarget = origin; }
    void setOversizedBodyBytes(qint64 bytes) { m_oversizedBodyBytes = bytes; }
    void setGzipBombSpaces(qint64 spaces) { m_gzipBombSpaces = spaces; }

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
    struct PendingReply; // an answer delayed, held or trickling: its responder and socket

    void serve(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void respond(Reply reply, QHttpServerResponder &&responder);
    void trickle(const Reply &reply, QHttpServerResponder &&responder);
    quint64 keepAside(Reply reply, QHttpServerResponder &&responder);
    void dueNow(quint64 id);
    bool write(quint64 id);
    void finishPending(quint64 id, bool answered);
    Reply faultReply(Fault fault, const Request &request) const;

    QHttpServer m_server;
    quint16 m_port = 0;
    Fault m_fault = Fault::None;
    int m_faultTimes = 0;
    int m_retryAfterSeconds = 1;
    QUrl m_redirectTarget;
    qint64 m_oversizedBodyBytes = 17 * 1024 * 1024;
    qint64 m_gzipBombSpaces = 50 * 1024 * 1024; // about 50 KB packed
    QElapsedTimer m_clock;
    QList<Request> m_requests;
    bool m_holdReplies = false;
    int m_answeredCount = 0;
    int m_abortedCount = 0;
    quint64 m_nextPendingId = 0;
    std::map<quint64, std::unique_ptr<PendingReply>> m_pending; // by arrival
};

Q_DECLARE_METATYPE(DemoApiServer::Fault)
