#pragma once

#include <QNetworkAccessManager>
#include <QUrl>

class DemoApi;

// A network manager that answers requests for the demo's origin from a DemoApi in this
// process, as an HTTP server would (status, reason, headers, body, the error Qt gives for the
// status, the latency, abort() and the transfer timeout), and sends every other request out
// as usual. The app's --demo and `build-tokens list --demo` use it: no socket, no server.
class DemoNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT

public:
    // `api` outlives this manager and its replies.
    explicit DemoNetworkAccessManager(const DemoApi *api, QObject *parent = nullptr);

    // https://demo.invalid/client/v4: ".invalid" never resolves (RFC 6761), so a request
    // that got past this manager could reach no one.
    static QUrl baseUrl();

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    const DemoApi *m_api;
};
