#pragma once

#include "EnvelopeParser.h"
#include "RateLimitGate.h"
#include "RetryPolicy.h"

#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

// One request of ApiClient's, sent again by its RetryPolicy after a failure worth retrying.
// It reports once through finished(), then deletes itself: read result() in a slot
// connected to finished(), never later. No QNetworkReply leaves it.
class ApiCall : public QObject
{
    Q_OBJECT

public:
    // `gate`, shared by every request with the same credentials, spaces requests out when
    // the server says few remain, and holds them all while a 429's Retry-After runs.
    // One attempt may last at most this many transfer timeouts, however steadily data trickles.
    static constexpr int DeadlineInTransferTimeouts = 4;

    ApiCall(QNetworkAccessManager *network, const QNetworkRequest &request, const RetryPolicy &policy,
            qint64 maxBodyBytes, std::shared_ptr<RateLimitGate> gate, QObject *parent);
    // A call that fails with `error` without touching the network, reported asynchronously
    // like any other so callers have one path.
    ApiCall(const ApiError &error, QObject *parent);

    // Reported as ApiError::Kind::Canceled, also while waiting to retry (Qt reports a
    // transfer timeout with the same code as a cancel).
    void cancel();

    bool isFinished() const { return m_finished; }
    int attempts() const { return m_attempts; }
    const ApiResult<Envelope> &result() const { return m_result; }

signals:
    void finished();
    // Attempt `attempt` failed with `reason`; the next is sent after `delay`.
    void retrying(const ApiError &reason, std::chrono::milliseconds delay, int attempt);

private:
    void schedule(std::chrono::milliseconds delay);
    void send();
    void onReplyFinished();
    void checkBodySize();
    ApiResult<Envelope> interpret() const;
    ApiError transportError() const;
    void finish(ApiResult<Envelope> result);

    QNetworkAccessManager *m_network = nullptr;
    QNetworkRequest m_request;
    RetryPolicy m_policy;
    qint64 m_maxBodyBytes = 0;
    std::shared_ptr<RateLimitGate> m_gate;
    QPointer<QNetworkReply> m_reply;
    QTimer m_sendTimer; // a retry's wait, or the rate limit gate's
    QTimer m_deadline;  // a whole attempt's limit: Qt's transfer timeout only measures silence
    bool m_overDeadline = false;
    int m_attempts = 0;
    int m_rateLimitWaits = 0;
    ApiResult<Envelope> m_result{ApiError(ApiError::Kind::Canceled, QString())};
    bool m_canceledByUser = false;
    bool m_tooLarge = false;
    bool m_finished = false;
};
