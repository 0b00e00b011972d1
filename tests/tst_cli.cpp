// build-tokens as a script runs it: a separate process, no display, talking to
// DemoApiServer over loopback; profiles against the real gnome-keyring that CTest's
// with-keyring wrapper starts.

#include "ApiFixture.h"
#include "AppInfo.h"
#include "export/TokenExport.h"
#include "model/TokenColumns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using Fault = DemoApiServer::Fault;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// The environment of a script on a machine without a display or any Cloudflare variables.
QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "CLOUDFLARE_API_TOKEN",
                             "CLOUDFLARE_EMAIL", "CLOUDFLARE_API_KEY", "CLOUDFLARE_ACCOUNT_ID"})
        env.remove(QString::fromLatin1(name));
    return env;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ApiFixture> f;
    QTemporaryDir m_dir;

    // Waits with the event loop running, so that the in-process server can answer.
    Run run(const QStringList &arguments, const QProcessEnvironment &env, const QByteArray &input = {},
            const QString &program = QStringLiteral(BTB_CLI_PATH))
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(program, arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 30000)) {
            process.kill();
            return {};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }
    Run list(const QStringList &extra, const QString &token = DemoApiServer::apiToken())
    {
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"CLOUDFLARE_API_TOKEN"_s, token);
        return run(QStringList{u"list"_s, u"--api-base"_s, f->server.baseUrl().toString(),
                               u"--account"_s, DemoApiServer::accountId()} + extra, env);
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        f = std::make_unique<ApiFixture>();
        f->server.setTokenCount(1234);
    }
    void cleanup() { f.reset(); }

    void listPrintsATable()
    {
        const Run r = list({u"--page"_s, u"2"_s});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 51);
        // Every column of the registry, in its order, with the cells each reads.
        const QString header = QString::fromUtf8(lines.first());
        const QString row = QString::fromUtf8(lines.at(1));
        const BuildToken &first = f->server.tokens().at(50);
        qsizetype headerAt = -1;
        qsizetype cellAt = -1;
        for (int index : TokenColumns::listing()) {
            const ColumnSpec &column = TokenColumns::at(index);
            const qsizetype h = header.indexOf(column.displayTitle().toUpper());
            const qsizetype c = row.indexOf(column.value(first), cellAt + 1);
            QVERIFY2(h > headerAt && c > cellAt, qPrintable(column.id));
            QCOMPARE(c, h); // the cell stands under its title
            headerAt = h;
            cellAt = c;
        }
        QVERIFY2(r.err.contains("Page 2 of 25"), r.err.constData());
    }

    void listPrintsJson()
    {
        const Run r = list({u"--page"_s, u"3"_s, u"--per-page"_s, u"200"_s, u"--format"_s, u"json"_s});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(r.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray array = document.array();
        QCOMPARE(array.size(), 200);
        for (int i : {0, 199}) {
            const QJsonObject object = array.at(i).toObject();
            const BuildToken &token = f->server.tokens().at(400 + i);
            QCOMPARE(object.value(u"build_token_uuid"_s).toString(), token.uuid);
            QCOMPARE(object.value(u"build_token_name"_s).toString(), token.name);
            QCOMPARE(object.value(u"cloudflare_token_id"_s).toString(), token.cloudflareTokenId);
            QCOMPARE(object.value(u"owner_type"_s).toString(), u"user"_s);
        }
    }

    // --health adds health, token_status, expires_on and last_used_on to each object, null
    // where the API gave none; without it there are none of them.
    void listHealthInJsonAndNdjson()
    {
        f->server.setTokenCount(12); // one of each state (DemoTokenGenerator::apiTokensFor)
        const QStringList verdicts{u"active"_s,  u"active"_s,  u"active"_s,   u"active"_s, u"active"_s,  u"expired"_s,
                                   u"disabled"_s, u"expired"_s, u"revoked"_s, u"missing"_s, u"active"_s, u"unknown"_s};
        for (const QString &format : {u"json"_s, u"ndjson"_s}) {
            f->server.clearRequests();
            const Run r = list({u"--health"_s, u"--all"_s, u"--format"_s, format});
            QCOMPARE(r.exitCode, 0);
            QList<QJsonObject> objects;
            if (format == u"json"_s) {
                for (const QJsonValue &value : QJsonDocument::fromJson(r.out).array())
                    objects << value.toObject();
            } else {
                for (const QByteArray &line : r.out.trimmed().split('\n'))
                    objects << QJsonDocument::fromJson(line).object();
            }
            QCOMPARE(objects.size(), 12);
            for (int i = 0; i < 12; ++i) {
                const QJsonObject &object = objects.at(i);
                QCOMPARE(object.value(u"build_token_uuid"_s).toString(), f->server.tokens().at(i).uuid);
                QCOMPARE(object.value(u"health"_s).toString(), verdicts.at(i));
                for (const QString &key : {u"token_status"_s, u"expires_on"_s, u"last_used_on"_s})
                    QVERIFY2(object.contains(key), qPrintable(key));
            }
            QCOMPARE(objects.at(0).value(u"token_status"_s).toString(), u"active"_s);
            QVERIFY(objects.at(0).value(u"expires_on"_s).isNull());
            QCOMPARE(objects.at(1).value(u"expires_on"_s).toString(), u"2027-06-30T00:00:00Z"_s);
            QVERIFY(!objects.at(0).value(u"last_used_on"_s).toString().isEmpty());
            QCOMPARE(objects.at(8).value(u"token_status"_s).toString(), u"revoked (exposed)"_s);
            QCOMPARE(objects.at(11).value(u"token_status"_s).toString(), u"suspended"_s);
            QVERIFY(objects.at(9).value(u"token_status"_s).isNull()); // missing: no record
            QVERIFY(r.err.isEmpty() || !r.err.contains("unknown:"));
        }
        const Run plain = list({u"--format"_s, u"json"_s});
        const QJsonObject object = QJsonDocument::fromJson(plain.out).array().first().toObject();
        QVERIFY(!object.contains(u"health"_s));
        QCOMPARE(object.size(), 4);
    }

    void listHealthInCsvAndTheTable()
    {
        f->server.setTokenCount(12);
        const Run csv = list({u"--health"_s, u"--format"_s, u"csv"_s, u"--filter"_s, u"missing"_s});
        QCOMPARE(csv.exitCode, 0);
        const QList<QByteArray> lines = csv.out.split('\n');
        QCOMPARE(lines.first(), QByteArray("build_token_name,build_token_uuid,cloudflare_token_id,owner_type,health,"
                                           "token_status,expires_on,last_used_on\r"));
        QCOMPARE(lines.size(), 3); // the filter finds the one missing token by its health
        QVERIFY(lines.at(1).contains(",missing,,,"));
        const Run table = list({u"--health"_s});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.startsWith("NAME "));
        QVERIFY(table.out.contains("HEALTH"));
        QVERIFY(table.out.contains("Revoked"));
    }

    // --usage adds used_by, an array of "worker/trigger" (empty when no live trigger uses the
    // token); with --health too, every field of both.
    void listUsageAndHealth()
    {
        f->server.setTokenCount(3);
        const QList<BuildToken> tokens = f->server.tokens();
        const QString tag = QString(32, u'b');
        f->server.setWorkers({{u"api-worker"_s, tag, true,
                               {{u"production"_s, u"t1"_s, tokens.at(0).uuid, {u"main"_s}},
                                {u"old"_s, u"t2"_s, tokens.at(1).uuid, {}, u"2026-01-01T00:00:00Z"_s}}}});
        f->server.clearRequests();
        const Run r = list({u"--usage"_s, u"--health"_s, u"--format"_s, u"ndjson"_s});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(first.value(u"used_by"_s).toArray(), QJsonArray({u"api-worker/production"_s}));
        QCOMPARE(first.value(u"health"_s).toString(), u"active"_s);
        QCOMPARE(QJsonDocument::fromJson(lines.at(1)).object().value(u"used_by"_s).toArray(), QJsonArray()); // deleted
        // The listing, the health check (one list page, nothing by id), the scan (3 requests).
        QCOMPARE(f->server.requests().size(), 1 + 1 + 3);

        const Run csv = list({u"--usage"_s, u"--format"_s, u"csv"_s});
        QCOMPARE(csv.exitCode, 0);
        QVERIFY(csv.out.startsWith("build_token_name,build_token_uuid,cloudflare_token_id,owner_type,used_by\r\n"));
        QVERIFY(csv.out.contains(",api-worker/production\r\n"));
    }

    void aFailedUsageScanStillWritesTheList()
    {
        f->server.setTokenCount(2);
        f->server.setFault(Fault::None);
        QObject::connect(&f->server, &DemoApiServer::replyWritten, this, [this] {
            if (f->server.requests().size() == 1)
                f->server.setFault(Fault::ServerError);
        }, Qt::SingleShotConnection);
        const Run r = list({u"--usage"_s, u"--format"_s, u"ndjson"_s});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(QJsonDocument::fromJson(lines.first()).object().value(u"used_by"_s).isNull());
        QVERIFY2(r.err.contains("the usage scan failed"), r.err.constData());
    }

    // The list still comes: every health unknown, and stderr names the permission to add.
    void listHealthWithoutThePermission()
    {
        f->server.setTokenCount(3);
        const Run r = list({u"--health"_s, u"--format"_s, u"ndjson"_s}, DemoApiServer::apiTokenWithoutTokensRead());
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        for (const QByteArray &line : lines)
            QCOMPARE(QJsonDocument::fromJson(line).object().value(u"health"_s).toString(), u"unknown"_s);
        QVERIFY2(r.err.contains("\xe2\x80\x9c" "API Tokens Read\xe2\x80\x9d"), r.err.constData());
    }

    // A health check that fails keeps the list good: written, every health unknown, exit 0.
    void aFailedHealthCheckStillWritesTheList()
    {
        f->server.setTokenCount(3);
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"CLOUDFLARE_API_TOKEN"_s, DemoApiServer::apiToken());
        // The list's request passes, the health check's first one does not.
        f->server.setFault(Fault::None);
        QObject::connect(&f->server, &DemoApiServer::replyWritten, this, [this] {
            if (f->server.requests().size() == 1)
                f->server.setFault(Fault::NotEnvelope);
        }, Qt::SingleShotConnection);
        const Run r = run({u"list"_s, u"--api-base"_s, f->server.baseUrl().toString(), u"--account"_s,
                           DemoApiServer::accountId(), u"--health"_s, u"--format"_s, u"ndjson"_s}, env);
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(QJsonDocument::fromJson(lines.first()).object().value(u"health"_s).toString(), u"unknown"_s);
        QVERIFY2(r.err.contains("the health check failed"), r.err.constData());
    }

    void exportFormatsWithFilterAndOutput()
    {
        const QString path = m_dir.filePath(u"page3.csv"_s);
        const Run csv = list({u"--page"_s, u"3"_s, u"--format"_s, u"csv"_s, u"--output"_s, path});
        QCOMPARE(csv.exitCode, 0);
        QVERIFY(csv.out.isEmpty());
        QVERIFY2(csv.err.contains("written to"), csv.err.constData());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), TokenExport::toCsv(f->server.tokens().mid(100, 50)));

        const Run excel = list({u"--format"_s, u"csv"_s, u"--excel"_s, u"--per-page"_s, u"3"_s});
        QCOMPARE(excel.out, TokenExport::toCsv(f->server.tokens().mid(0, 3), true));

        // The same rows the app's filter keeps, through the same writer.
        const Run filtered = list({u"--format"_s, u"ndjson"_s, u"--filter"_s, u"STAGING"_s});
        QCOMPARE(filtered.exitCode, 0);
        QList<BuildToken> staging;
        for (const BuildToken &token : f->server.tokens().mid(0, 50)) {
            if (token.name.contains(u"staging"_s))
                staging << token;
        }
        QCOMPARE(staging.size(), 13);
        QCOMPARE(filtered.out, TokenExport::toNdjson(staging));
        QVERIFY(filtered.err.contains("13 shown after the filter"));

        const Run json = list({u"--format"_s, u"json"_s, u"--filter"_s, u"no such token"_s});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(json.out).array(), QJsonArray());
    }

    void listAllWritesEveryPageAsTheAppExports_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("concurrency");
        QTest::addColumn<bool>("toFile");
        QTest::newRow("csv") << u"csv"_s << u"6"_s << false;
        QTest::newRow("json, one at a time") << u"json"_s << u"1"_s << false;
        QTest::newRow("ndjson") << u"ndjson"_s << u"6"_s << false;
        QTest::newRow("csv to a file") << u"csv"_s << u"16"_s << true;
    }
    void listAllWritesEveryPageAsTheAppExports()
    {
        QFETCH(QString, format);
        QFETCH(QString, concurrency);
        QFETCH(bool, toFile);
        const QString path = m_dir.filePath(u"all."_s + format);
        QStringList arguments{u"--all"_s, u"--format"_s, format, u"--concurrency"_s, concurrency};
        if (toFile)
            arguments << u"--output"_s << path;
        const Run r = list(arguments);
        QCOMPARE(r.exitCode, 0);
        QByteArray written = r.out;
        if (toFile) {
            QVERIFY(r.out.isEmpty());
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            written = file.readAll();
        }
        // Byte for byte what File -> Export writes for the same rows.
        QCOMPARE(written, TokenExport::write(*TokenExport::formatFromName(format), f->server.tokens()));
        QVERIFY2(r.err.contains("All pages (7) \xc2\xb7 1234 tokens"), r.err.constData());
        QCOMPARE(f->server.requests().size(), 7); // one a page, none past the last
        for (const DemoApiServer::Request &request : f->server.requests())
            QCOMPARE(request.query.queryItemValue(u"per_page"_s), u"200"_s);
    }

    void listAllAsATable()
    {
        const Run r = list({u"--all"_s, u"--filter"_s, u"production"_s});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QList<BuildToken> production;
        for (const BuildToken &token : f->server.tokens()) {
            if (token.name.contains(u"production"_s))
                production << token;
        }
        QCOMPARE(lines.size(), 1 + production.size());
        QVERIFY(lines.first().startsWith("NAME"));
        // Pages after the first keep its column widths: every UUID stands under its title.
        const qsizetype uuidAt = lines.first().indexOf("UUID");
        for (qsizetype i = 0; i < production.size(); ++i)
            QCOMPARE(lines.at(i + 1).indexOf(production.at(i).uuid.toString().toUtf8()), uuidAt);
        QVERIFY2(r.err.contains(QByteArray(QByteArray::number(production.size()) + " shown after the filter")), r.err.constData());
    }

    void listAllStopsAtAFailingPageAndSaysWhatItWrote()
    {
        f->server.setHoldReplies(true);
        QProcess process;
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"CLOUDFLARE_API_TOKEN"_s, DemoApiServer::apiToken());
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(BTB_CLI_PATH), {u"list"_s, u"--api-base"_s, f->server.baseUrl().toString(), u"--account"_s,
                                                     DemoApiServer::accountId(), u"--all"_s, u"--format"_s, u"ndjson"_s});
        QTRY_COMPARE(f->server.heldReplyCount(), 1); // page 1
        f->server.setFault(Fault::BadGateway); // every page after it, every attempt
        f->server.setHoldReplies(false);
        f->server.releaseHeldReplies();
        QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 30000);
        QCOMPARE(process.exitCode(), 1);
        QCOMPARE(process.readAllStandardOutput(), TokenExport::toNdjson(f->server.tokens().mid(0, 200)));
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("HTTP 502") && err.contains("200 tokens were written before the error"), err.constData());
    }

    void controlCharactersAreShownNotObeyed()
    {
        // A co-worker names a build token so that a terminal would retitle itself, and a
        // line break and a CSI forge a row and clear the screen.
        QList<BuildToken> tokens = f->server.tokens().mid(0, 3);
        tokens[1].name = u"evil\x1b]0;pwned\x07\nFORGED ROW\u009b2J\x7f"_s;
        f->server.setTokens(tokens);
        const Run table = list({});
        QCOMPARE(table.exitCode, 0);
        for (const QByteArray &raw : {QByteArray("\x1b"), QByteArray("\x07"), QByteArray("\xc2\x9b"), QByteArray("\x7f")})
            QVERIFY2(!table.out.contains(raw), raw.toHex().constData());
        QCOMPARE(table.out.trimmed().split('\n').size(), 4); // the header and three rows, none forged
        QVERIFY2(table.out.contains("evil\\x1b]0;pwned\\x07\\x0aFORGED ROW\\x9b2J\\x7f"), table.out.constData());
        // The data formats keep the text exactly as it is.
        const Run json = list({u"--format"_s, u"json"_s});
        QCOMPARE(QJsonDocument::fromJson(json.out).array().at(1).toObject().value(u"build_token_name"_s).toString(), tokens[1].name);
        // So do messages that carry someone's text, here a file name.
        const Run bad = list({u"--format"_s, u"csv"_s, u"--output"_s, m_dir.filePath(u"no such folder\x1b[2J/tokens.csv"_s)});
        QCOMPARE(bad.exitCode, 9);
        QVERIFY2(!bad.err.contains('\x1b') && bad.err.contains("\\x1b[2J"), bad.err.constData());
    }

    // A terminal that orders text both ways would let U+202E reverse the rest of the row (the
    // uuid beside the name); a zero-width space makes two names look alike.
    void bidiControlsAndInvisibleCharactersAreShownEscaped()
    {
        QList<BuildToken> tokens = f->server.tokens().mid(0, 2);
        tokens[0].name = u"\u202eevil\u2069\u202e"_s;
        tokens[1].name = u"dep\u200bloy"_s;
        f->server.setTokens(tokens);
        const Run table = list({});
        QCOMPARE(table.exitCode, 0);
        for (const QByteArray &raw : {QString(u'\u202e').toUtf8(), QString(u'\u2069').toUtf8(), QString(u'\u200b').toUtf8()})
            QVERIFY2(!table.out.contains(raw), raw.toHex().constData());
        QVERIFY2(table.out.contains("\\u202eevil\\u2069\\u202e"), table.out.constData());
        QVERIFY2(table.out.contains("dep\\u200bloy"), table.out.constData());
        const Run json = list({u"--format"_s, u"json"_s});
        QCOMPARE(QJsonDocument::fromJson(json.out).array().at(0).toObject().value(u"build_token_name"_s).toString(), tokens[0].name);
    }

    void outputToStandardOutputAndDevices()
    {
        const QByteArray expected = TokenExport::toCsv(f->server.tokens().mid(0, 50));
        QCOMPARE(list({u"--format"_s, u"csv"_s, u"--output"_s, u"-"_s}).out, expected);
        const Run stdoutFile = list({u"--format"_s, u"csv"_s, u"--output"_s, u"/dev/stdout"_s}); // a pipe here
        QCOMPARE(stdoutFile.exitCode, 0);
        QCOMPARE(stdoutFile.out, expected);
        // A full disk is an error (9), not a success. As root, on a twin of /dev/full of the
        // test's own, so that a broken rule could not replace the machine's.
        QString full = u"/dev/full"_s;
        if (geteuid() == 0) {
            full = m_dir.filePath(u"full"_s);
            QCOMPARE(mknod(QFile::encodeName(full).constData(), S_IFCHR | 0666, makedev(1, 7)), 0);
        }
        const Run onFull = list({u"--format"_s, u"csv"_s, u"--output"_s, full});
        QCOMPARE(onFull.exitCode, 9);
        QVERIFY2(onFull.err.contains(full.toUtf8()), onFull.err.constData());
        QVERIFY(!QFileInfo(full).isFile());
    }

    void unwritableOutputLeavesNothing()
    {
        QFile blocker(m_dir.filePath(u"blocker"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString path = m_dir.filePath(u"blocker/tokens.csv"_s);
        const Run r = list({u"--format"_s, u"csv"_s, u"--output"_s, path});
        QCOMPARE(r.exitCode, 9);
        QVERIFY2(r.err.contains(path.toUtf8()), r.err.constData());
        QVERIFY(!QFile::exists(path));
        QCOMPARE(list({u"--format"_s, u"json"_s, u"--excel"_s}).exitCode, 2);
    }

    void globalApiKeyFromTheEnvironment()
    {
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"CLOUDFLARE_EMAIL"_s, DemoApiServer::email());
        env.insert(u"CLOUDFLARE_API_KEY"_s, DemoApiServer::globalApiKey());
        env.insert(u"CLOUDFLARE_ACCOUNT_ID"_s, DemoApiServer::accountId());
        const Run r = run({u"list"_s, u"--api-base"_s, f->server.baseUrl().toString(), u"--per-page"_s, u"5"_s}, env);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed().split('\n').size(), 6);
        QCOMPARE(f->server.requests().first().header("X-Auth-Key"), DemoApiServer::globalApiKey().toUtf8());
    }

    void usageErrorsSendNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("per-page 0") << QStringList{u"--per-page"_s, u"0"_s} << u"--per-page"_s;
        QTest::newRow("per-page 201") << QStringList{u"--per-page"_s, u"201"_s} << u"--per-page"_s;
        QTest::newRow("per-page text") << QStringList{u"--per-page"_s, u"all"_s} << u"--per-page"_s;
        QTest::newRow("page 0") << QStringList{u"--page"_s, u"0"_s} << u"--page"_s;
        QTest::newRow("bad format") << QStringList{u"--format"_s, u"xml"_s} << u"--format"_s;
        QTest::newRow("unknown option") << QStringList{u"--bogus"_s} << u"bogus"_s;
        QTest::newRow("http to a remote host") << QStringList{u"--api-base"_s, u"http://api.cloudflare.com/client/v4"_s} << u"https://"_s;
        QTest::newRow("bad account id") << QStringList{u"--account"_s, u"a/b"_s} << u"account ID"_s;
        QTest::newRow("all with a page") << QStringList{u"--all"_s, u"--page"_s, u"2"_s} << u"--page"_s;
        QTest::newRow("all with per-page") << QStringList{u"--all"_s, u"--per-page"_s, u"10"_s} << u"--per-page"_s;
        QTest::newRow("concurrency without all") << QStringList{u"--concurrency"_s, u"3"_s} << u"--all"_s;
        QTest::newRow("concurrency 0") << QStringList{u"--all"_s, u"--concurrency"_s, u"0"_s} << u"--concurrency"_s;
        QTest::newRow("concurrency 17") << QStringList{u"--all"_s, u"--concurrency"_s, u"17"_s} << u"--concurrency"_s;
    }
    void usageErrorsSendNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const Run r = list(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(says), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QVERIFY(f->server.requests().isEmpty());
    }

    void credentialsFromTheEnvironmentThatWouldAddAHeaderAreRefused()
    {
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"CLOUDFLARE_API_TOKEN"_s, u"demo-api-token\nX-Evil: 1"_s);
        const Run r = run({u"list"_s, u"--api-base"_s, f->server.baseUrl().toString(), u"--account"_s, DemoApiServer::accountId()}, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("control character") && !r.err.contains("X-Evil"), r.err.constData());
        QVERIFY(f->server.requests().isEmpty());
    }

    void usageErrorsWithoutCredentialsOrCommand()
    {
        const Run noCredentials = run({u"list"_s, u"--api-base"_s, f->server.baseUrl().toString(), u"--account"_s, DemoApiServer::accountId()}, cleanEnvironment());
        QCOMPARE(noCredentials.exitCode, 2);
        QVERIFY(noCredentials.err.contains("CLOUDFLARE_API_TOKEN"));
        QCOMPARE(run({u"list"_s, u"--api-base"_s, f->server.baseUrl().toString()}, cleanEnvironment()).exitCode, 2);
        QCOMPARE(run({u"frobnicate"_s}, cleanEnvironment()).exitCode, 2);
        QCOMPARE(run({}, cleanEnvironment()).exitCode, 2);
        QVERIFY(f->server.requests().isEmpty());
    }

    void exitCodeForEachErrorClass_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("account");
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        const QString token = DemoApiServer::apiToken();
        const QString account = DemoApiServer::accountId();
        QTest::newRow("auth") << u"wrong-token"_s << account << Fault::None << 3 << u"Invalid API Token"_s;
        QTest::newRow("not found") << token << u"ffffffffffffffffffffffffffffffff"_s << Fault::None << 4 << u"7003"_s;
        QTest::newRow("rate limited") << token << account << Fault::RateLimited << 5 << u"HTTP 429"_s;
        QTest::newRow("malformed") << token << account << Fault::HtmlPage << 7 << u"HTML"_s;
        QTest::newRow("truncated") << token << account << Fault::TruncatedJson << 7 << u"truncated"_s;
        QTest::newRow("gzip bomb") << token << account << Fault::GzipBomb << 7 << u"compression bomb"_s;
        QTest::newRow("server error") << token << account << Fault::ServerError << 1 << u"HTTP 503"_s;
    }
    void exitCodeForEachErrorClass()
    {
        QFETCH(QString, token);
        QFETCH(QString, account);
        QFETCH(Fault, fault);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        f->server.setFault(fault);
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"CLOUDFLARE_API_TOKEN"_s, token);
        const Run r = run({u"list"_s, u"--api-base"_s, f->server.baseUrl().toString(), u"--account"_s, account}, env);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(says), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.contains(token.toUtf8()) || token == DemoApiServer::apiToken());
    }

    void aRateLimitWaitPastTheTimeoutIsReportedAtOnce()
    {
        f->server.setRatelimit(1, 10); // one request each 5 s from now on
        const Run r = list({u"--all"_s, u"--timeout"_s, u"2"_s, u"--format"_s, u"ndjson"_s});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains("more than 2 s"), r.err.constData());
        QCOMPARE(f->server.requests().size(), 1); // page 1; page 2 would have waited 5 s
    }

    void networkErrorExitCode()
    {
        quint16 closedPort = 0;
        {
            DemoApiServer gone;
            QVERIFY(gone.listen());
            closedPort = gone.port();
        }
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"CLOUDFLARE_API_TOKEN"_s, DemoApiServer::apiToken());
        const Run r = run({u"list"_s, u"--api-base"_s, u"http://127.0.0.1:%1/client/v4"_s.arg(closedPort),
                           u"--account"_s, DemoApiServer::accountId()}, env);
        QCOMPARE(r.exitCode, 6);
        QVERIFY(r.err.contains("Network error"));
    }

    void timeoutExitCode()
    {
        f->server.setLatency(std::chrono::milliseconds(3000));
        const Run r = list({u"--timeout"_s, u"1"_s});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains("timed out"), r.err.constData());
    }

    void secretsNeverPrinted()
    {
        const QString secret = u"cli-secret-4f9a2b7c1d"_s;
        const Run r = list({}, secret);
        QCOMPARE(r.exitCode, 3);
        QVERIFY(!r.out.contains(secret.toUtf8()));
        QVERIFY(!r.err.contains(secret.toUtf8()));
    }

    void profilesAddListUseRemove()
    {
        const QString settings = m_dir.filePath(u"cli.ini"_s);
        const QString secret = DemoApiServer::apiToken();
        const Run added = run({u"profiles"_s, u"add"_s, u"work"_s, u"--account"_s, DemoApiServer::accountId(),
                               u"--api-base"_s, f->server.baseUrl().toString(), u"--settings"_s, settings},
                              cleanEnvironment(), secret.toUtf8() + '\n');
        QVERIFY2(added.exitCode == 0, added.err.constData());
        QVERIFY(added.err.contains("keychain"));

        const Run listed = run({u"profiles"_s, u"list"_s, u"--settings"_s, settings}, cleanEnvironment());
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains("work"));
        QVERIFY(listed.out.contains(DemoApiServer::accountId().toUtf8()));
        QVERIFY(listed.out.contains(f->server.baseUrl().toString().toUtf8()));
        QVERIFY(!listed.out.contains(secret.toUtf8()));
        QVERIFY(!listed.err.contains(secret.toUtf8()));

        // The profile's account, API base and keychain secret, with nothing else given.
        const Run used = run({u"list"_s, u"--profile"_s, u"work"_s, u"--settings"_s, settings, u"--per-page"_s, u"5"_s}, cleanEnvironment());
        QVERIFY2(used.exitCode == 0, used.err.constData());
        QCOMPARE(used.out.trimmed().split('\n').size(), 6);
        QCOMPARE(f->server.requests().last().header("Authorization"), "Bearer " + secret.toUtf8());

        // Credentials in the environment win over the profile's.
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"CLOUDFLARE_API_TOKEN"_s, u"environment-token"_s);
        QCOMPARE(run({u"list"_s, u"--profile"_s, u"work"_s, u"--settings"_s, settings}, env).exitCode, 3);
        QCOMPARE(f->server.requests().last().header("Authorization"), QByteArray("Bearer environment-token"));

        const Run removed = run({u"profiles"_s, u"remove"_s, u"work"_s, u"--settings"_s, settings}, cleanEnvironment());
        QCOMPARE(removed.exitCode, 0);
        QCOMPARE(run({u"list"_s, u"--profile"_s, u"work"_s, u"--settings"_s, settings}, cleanEnvironment()).exitCode, 2);
        QVERIFY(run({u"profiles"_s, u"list"_s, u"--settings"_s, settings}, cleanEnvironment()).out.isEmpty());
    }

    void profilesAddRefusesBadInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("says");
        QTest::newRow("no secret") << QStringList{u"add"_s, u"p"_s} << QByteArray("\n") << u"standard input"_s;
        QTest::newRow("bad name") << QStringList{u"add"_s, u"a/b"_s} << QByteArray("s\n") << u"profile name"_s;
        QTest::newRow("key without email") << QStringList{u"add"_s, u"p"_s, u"--auth"_s, u"key"_s} << QByteArray("s\n") << u"--email"_s;
        QTest::newRow("bad auth") << QStringList{u"add"_s, u"p"_s, u"--auth"_s, u"password"_s} << QByteArray("s\n") << u"--auth"_s;
        QTest::newRow("bad account") << QStringList{u"add"_s, u"p"_s, u"--account"_s, u"x/y"_s} << QByteArray("s\n") << u"account ID"_s;
        QTest::newRow("http base") << QStringList{u"add"_s, u"p"_s, u"--api-base"_s, u"http://example.com"_s} << QByteArray("s\n") << u"https://"_s;
        QTest::newRow("CR in the secret") << QStringList{u"add"_s, u"p"_s} << QByteArray("tok\rX-Evil: 1\n") << u"control character"_s;
        QTest::newRow("LF in the email") << QStringList{u"add"_s, u"p"_s, u"--auth"_s, u"key"_s, u"--email"_s, u"a@b\nX-Evil: 1"_s}
                                         << QByteArray("s\n") << u"control character"_s;
        QTest::newRow("remove unknown") << QStringList{u"remove"_s, u"nobody"_s} << QByteArray() << u"No profile"_s;
        QTest::newRow("no action") << QStringList{} << QByteArray() << u"profiles list"_s;
    }
    void profilesAddRefusesBadInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(QString, says);
        const QString settings = m_dir.filePath(u"bad.ini"_s);
        const Run r = run(QStringList{u"profiles"_s} + arguments + QStringList{u"--settings"_s, settings}, cleanEnvironment(), input);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(says), r.err.constData());
        QVERIFY(run({u"profiles"_s, u"list"_s, u"--settings"_s, settings}, cleanEnvironment()).out.isEmpty());
    }

    void profilesAddWithoutKeychainSavesNothing()
    {
        const QString settings = m_dir.filePath(u"nokeychain.ini"_s);
        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=%1"_s.arg(m_dir.filePath(u"no-bus"_s)));
        const Run r = run({u"profiles"_s, u"add"_s, u"p"_s, u"--settings"_s, settings}, env, "cli-keychainless-secret\n");
        QCOMPARE(r.exitCode, 8);
        QVERIFY2(r.err.contains("keychain could not be reached"), r.err.constData());
        QVERIFY(!r.err.contains("cli-keychainless-secret"));
        QVERIFY(run({u"profiles"_s, u"list"_s, u"--settings"_s, settings}, cleanEnvironment()).out.isEmpty());
        QFile file(settings);
        QVERIFY(!file.open(QIODevice::ReadOnly) || !file.readAll().contains("cli-keychainless-secret"));
    }

    void helpListsCommandsAndExitCodes()
    {
        const Run help = run({u"--help"_s}, cleanEnvironment());
        QCOMPARE(help.exitCode, 0);
        for (const char *text : {"list", "profiles", "list --demo", "Exit codes", "rate limited", "malformed", "keychain"})
            QVERIFY2(help.out.contains(text), text);
        QVERIFY(!help.out.contains("demo-server")); // a developer's program of its own now
        const Run listHelp = run({u"list"_s, u"--help"_s}, cleanEnvironment());
        QCOMPARE(listHelp.exitCode, 0);
        QVERIFY(listHelp.out.contains("--per-page"));
        const Run version = run({u"--version"_s}, cleanEnvironment());
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.contains(AppInfo::Version.latin1()));
    }

    void demoServerServesTheCli()
    {
        const QString demoServer = QStringLiteral(BTB_DEMO_SERVER_PATH);
        QProcess server;
        server.setProcessEnvironment(cleanEnvironment());
        server.start(demoServer, {u"--port"_s, u"0"_s, u"--tokens"_s, u"20"_s});
        QVERIFY(QTest::qWaitFor([&server] { return server.canReadLine(); }, 15000));
        const QUrl baseUrl(QString::fromUtf8(server.readLine().trimmed()));
        QCOMPARE(baseUrl.host(), u"127.0.0.1"_s);
        QVERIFY(baseUrl.port() > 0);

        QProcessEnvironment env = cleanEnvironment();
        env.insert(u"CLOUDFLARE_API_TOKEN"_s, DemoApiServer::apiToken());
        const Run r = run({u"list"_s, u"--api-base"_s, baseUrl.toString(), u"--account"_s, DemoApiServer::accountId(),
                           u"--format"_s, u"json"_s}, env);
        server.kill();
        server.waitForFinished(5000);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 20);
        QVERIFY(r.err.contains("Page 1 of 1"));

        const Run badPort = run({u"--port"_s, u"70000"_s}, cleanEnvironment(), {}, demoServer);
        QCOMPARE(badPort.exitCode, 2);
        QVERIFY2(badPort.err.startsWith("build-tokens-demo-server: "), badPort.err.constData());
        const Run help = run({u"--help"_s}, cleanEnvironment(), {}, demoServer);
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains("GPL-3"), help.out.constData());
        // build-tokens itself no longer has the command.
        QCOMPARE(run({u"demo-server"_s}, cleanEnvironment()).exitCode, 2);
    }

    void listDemoNeedsNoServerAndNoCredentials()
    {
        const Run r = run({u"list"_s, u"--demo"_s, u"--demo-tokens"_s, u"7"_s, u"--format"_s, u"json"_s}, cleanEnvironment());
        QCOMPARE(r.exitCode, 0);
        const QJsonArray tokens = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(tokens.size(), 7);
        QCOMPARE(tokens.first().toObject().value(u"build_token_uuid"_s).toString(), DemoTokenGenerator::token(0).uuid);
        QVERIFY2(r.err.contains("Page 1 of 1"), r.err.constData());

        const Run all = run({u"list"_s, u"--demo"_s, u"--all"_s, u"--health"_s, u"--format"_s, u"ndjson"_s}, cleanEnvironment());
        QCOMPARE(all.exitCode, 0);
        QCOMPARE(all.out.count('\n'), 300); // the app's demo: 300 tokens
        QVERIFY(all.out.contains("\"health\":\"active\"")); // the check went through the demo too

        QCOMPARE(run({u"list"_s, u"--demo-tokens"_s, u"7"_s}, cleanEnvironment()).exitCode, 2);
        QCOMPARE(run({u"list"_s, u"--demo"_s, u"--api-base"_s, f->server.baseUrl().toString()}, cleanEnvironment()).exitCode, 2);
        QCOMPARE(run({u"list"_s, u"--demo"_s, u"--demo-tokens"_s, u"-1"_s}, cleanEnvironment()).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
