// TLS and proxies, on loopback: a certificate error is reported with the host and the
// reason and never ignored, and the system's proxy (https_proxy) is used without the proxy
// ever seeing a credential.

#include "ApiFixture.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Kind = ApiError::Kind;

class TestTransport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A self-signed certificate for 127.0.0.1, made here so no key lives in the repository.
        QProcess openssl;
        openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"2"_s,
                                     u"-subj"_s, u"/CN=127.0.0.1"_s, u"-keyout"_s, m_dir.filePath(u"key.pem"_s),
                                     u"-out"_s, m_dir.filePath(u"cert.pem"_s)});
        QVERIFY(QTest::qWaitFor([&openssl] { return openssl.state() == QProcess::NotRunning; }, 30000));
        QCOMPARE(openssl.exitCode(), 0);
    }

    void certificateErrorsAreReportedNotIgnored()
    {
        QFile certFile(m_dir.filePath(u"cert.pem"_s));
        QFile keyFile(m_dir.filePath(u"key.pem"_s));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        QSslServer server;
        server.setSslConfiguration(tls);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QSignalSpy handshakeFailures(&server, &QSslServer::errorOccurred);
        int sessions = 0; // handshakes that succeeded
        QByteArray decrypted;
        connect(&server, &QTcpServer::pendingConnectionAvailable, this, [&server, &sessions, &decrypted] {
            ++sessions;
            QTcpSocket *socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &decrypted] { decrypted += socket->readAll(); });
        });

        ApiFixture f;
        f.client.setBaseUrl(QUrl(u"https://127.0.0.1:%1/client/v4"_s.arg(server.serverPort())));
        const auto result = f.fetchPage(1, 10);
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), Kind::Tls);
        const QString text = result->error().toText();
        QVERIFY2(text.contains(u"127.0.0.1"_s) && text.contains(u"certificate"_s, Qt::CaseInsensitive), qPrintable(text));
        QVERIFY(!text.contains(DemoApiServer::apiToken()));
        // The server's side of the handshake has ended too: no request can follow on it.
        QVERIFY(QTest::qWaitFor([&handshakeFailures] { return !handshakeFailures.isEmpty(); }, 10000));
        QCOMPARE(sessions, 0);
        QVERIFY(decrypted.isEmpty()); // the request, and so the token, was never sent
    }

    void systemProxyIsUsedAndSeesNoCredential()
    {
        // A proxy that records what it is asked, then refuses.
        QTcpServer proxy;
        QVERIFY(proxy.listen(QHostAddress::LocalHost));
        QByteArray asked;
        connect(&proxy, &QTcpServer::newConnection, this, [&proxy, &asked] {
            QTcpSocket *socket = proxy.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &asked] {
                asked += socket->readAll();
                if (asked.contains("\r\n\r\n")) {
                    socket->write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
                    socket->disconnectFromHost();
                }
            });
        });
        qputenv("https_proxy", "http://127.0.0.1:" + QByteArray::number(proxy.serverPort()));
        qputenv("no_proxy", "");

        ApiFixture f;
        // Never resolved or reached: only the local proxy is asked to connect to it.
        f.client.setBaseUrl(QUrl(u"https://api.example.invalid/client/v4"_s));
        const auto result = f.fetchPage(1, 10);
        qunsetenv("https_proxy");
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind(), Kind::Network);
        QVERIFY2(asked.startsWith("CONNECT api.example.invalid:443"), asked.constData());
        QVERIFY(!asked.contains("Authorization"));
        QVERIFY(!asked.contains(DemoApiServer::apiToken().toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
