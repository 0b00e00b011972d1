// The window (offscreen) and the CLI at scale:
//  - load: Load All Pages of a large account served by `build-tokens-demo-server` in another
//    process (so its memory is not counted here): the longest stall of the event loop while
//    the pages come, the time it took, and the process's peak RSS with every row loaded.
//  - the CLI: peak RSS of `build-tokens list --all --format csv` of the same account to a file.
//  - startup: from starting a process to the first page painted, the app as `--demo` opens
//    (its demo API in the process, no latency) next to a plain QTableView of 200 rows
//    started the same way; medians of several starts of this same program in the other modes.
// Prints a markdown table and the machine.
//
//   bench_gui [--tokens N] [--rounds R]      (the child modes: --child-app, --child-plain)

#include "AppCore.h"
#include "MachineInfo.h"
#include "Median.h"
#include "MainWindow.h"
#include "auth/MemorySecretStore.h"
#include "auth/ProfileStore.h"
#include "demo/DemoApiServer.h"
#include "demo/DemoNetworkAccessManager.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <cstdio>
#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int DemoPort = 8797;

qint64 peakRssKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Says "painted" and ends the event loop once `view` has painted a row.
void exitOnFirstRowsPainted(QAbstractItemView *view)
{
    struct Watcher : QObject
    {
        QAbstractItemView *view;
        bool painted = false;
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (!painted && event->type() == QEvent::Paint && view->model() && view->model()->rowCount() > 0) {
                painted = true;
                // After this paint: the frame is drawn once the event is handled.
                QTimer::singleShot(0, [] {
                    std::printf("painted\n");
                    std::fflush(stdout);
                    QCoreApplication::quit(); // the parent's clock stopped at the line; a normal exit cleans up
                });
            }
            return false;
        }
    };
    auto *watcher = new Watcher;
    watcher->view = view;
    view->viewport()->installEventFilter(watcher);
}

// The app as main() opens it with --demo, without the demo's latency.
int childApp(QApplication &app)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"demo.ini"_s), QSettings::IniFormat);
    MemorySecretStore secrets;
    ProfileStore profiles(&settings, &secrets);
    DemoApi demo;
    demo.setTokenCount(300);
    const Profile profile = DemoApi::profileAt(DemoNetworkAccessManager::baseUrl());
    profiles.save(profile);
    profiles.keepSecretForSession(profile.name, DemoApi::apiToken());
    AppCore core(&profiles, &settings, std::make_unique<DemoNetworkAccessManager>(&demo));
    MainWindow window(&core);
    exitOnFirstRowsPainted(window.findChild<QTableView *>(u"tokenTable"_s));
    window.show();
    window.openLastProfile();
    return app.exec();
}

int childPlain(QApplication &app)
{
    QStandardItemModel model(200, 4);
    for (int row = 0; row < 200; ++row) {
        for (int column = 0; column < 4; ++column)
            model.setItem(row, column, new QStandardItem(u"r%1c%2"_s.arg(row).arg(column)));
    }
    QTableView view;
    view.setModel(&model);
    exitOnFirstRowsPainted(&view);
    view.resize(1120, 720);
    view.show();
    return app.exec();
}

// Milliseconds from starting this program in `mode` to its "painted", or -1.
qint64 startToPaint(const QString &mode)
{
    QProcess child;
    QElapsedTimer clock;
    clock.start();
    child.start(QCoreApplication::applicationFilePath(), {mode});
    if (!child.waitForReadyRead(30000) || !child.readAll().startsWith("painted"))
        return -1;
    const qint64 ms = clock.elapsed();
    child.waitForFinished();
    return ms;
}

// Peak RSS of `build-tokens list --all` of every token to a CSV file, in KiB, or -1. The
// demo server is another child that is still running, so RUSAGE_CHILDREN counts the CLI alone
// (when no larger child has ended before).
qint64 cliPeakRssKiB(int tokens)
{
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QStringLiteral(BTB_DEMO_SERVER_PATH), {u"--port"_s, QString::number(DemoPort), u"--tokens"_s,
                                                        QString::number(tokens)});
    if (!server.waitForReadyRead(10000))
        return -1;
    QTemporaryDir dir;
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"CLOUDFLARE_API_TOKEN"_s, DemoApiServer::apiToken());
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(BTB_CLI_PATH), {u"list"_s, u"--all"_s, u"--format"_s, u"csv"_s, u"--account"_s,
                                             DemoApiServer::accountId(), u"--api-base"_s,
                                             u"http://127.0.0.1:%1/client/v4"_s.arg(DemoPort), u"--output"_s,
                                             dir.filePath(u"all.csv"_s)});
    const bool ok = cli.waitForFinished(120000) && cli.exitCode() == 0;
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    server.kill();
    server.waitForFinished();
    return ok ? qint64(usage.ru_maxrss) : -1;
}

struct LoadFigures
{
    qint64 loadMs = -1;
    qint64 longestStallMs = -1;
    qint64 peakRssKiB = -1;
};

LoadFigures loadAll(int tokens, bool sorted)
{
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QStringLiteral(BTB_DEMO_SERVER_PATH), {u"--port"_s, QString::number(DemoPort), u"--tokens"_s,
                                                        QString::number(tokens)});
    if (!server.waitForReadyRead(10000))
        return {};
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"bench.ini"_s), QSettings::IniFormat);
    MemorySecretStore secrets;
    ProfileStore profiles(&settings, &secrets);
    Profile profile;
    profile.name = u"bench"_s;
    profile.accountId = DemoApiServer::accountId();
    profile.apiBaseUrl = u"http://127.0.0.1:%1/client/v4"_s.arg(DemoPort);
    profiles.save(profile);
    profiles.keepSecretForSession(profile.name, DemoApiServer::apiToken());
    AppCore core(&profiles, &settings);
    MainWindow window(&core);
    window.resize(1120, 720);
    window.show();
    if (sorted)
        window.findChild<QTableView *>(u"tokenTable"_s)->sortByColumn(0, Qt::AscendingOrder);
    window.selectProfile(profile.name);
    QEventLoop loop;
    QObject::connect(&core.session, &BrowserSession::pageLoaded, &loop, [&] {
        if (core.session.hasAllPages())
            loop.quit();
    });
    // The loop's pulse: a timer every 5 ms, and the longest gap between two of its ticks.
    QTimer pulse;
    pulse.setTimerType(Qt::PreciseTimer);
    pulse.setInterval(5);
    QElapsedTimer sinceTick;
    qint64 longest = 0;
    QObject::connect(&pulse, &QTimer::timeout, [&] {
        longest = qMax(longest, sinceTick.restart());
    });
    QElapsedTimer clock;
    QTimer::singleShot(300, &loop, [&] { // page 1 of the profile first, then every page
        clock.start();
        sinceTick.start();
        pulse.start();
        window.loadAllPages();
    });
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    loop.exec();
    pulse.stop();
    longest = qMax(longest, sinceTick.elapsed()); // the last page's work ends the loop before a tick
    LoadFigures figures;
    if (core.rows.rowCount() == tokens)
        figures = {clock.elapsed(), longest, peakRssKiB()};
    server.kill();
    server.waitForFinished();
    return figures;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (app.arguments().contains(u"--child-app"_s))
        return childApp(app);
    if (app.arguments().contains(u"--child-plain"_s))
        return childPlain(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times the window at scale, offscreen."_s);
    parser.addHelpOption();
    const QCommandLineOption tokensOption(u"tokens"_s, u"Tokens to load (default 100000)."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption roundsOption(u"rounds"_s, u"Starts of each (default 7)."_s, u"R"_s, u"7"_s);
    parser.addOptions({tokensOption, roundsOption});
    parser.process(app);
    const int tokens = qMax(1, parser.value(tokensOption).toInt());
    const int rounds = qMax(1, parser.value(roundsOption).toInt());

    std::printf("machine: %s\n", qPrintable(machineInfo()));
    std::printf("window: Load All Pages of %d tokens (build-tokens-demo-server in another process, no latency); "
                "start to first page painted, median of %d starts\n\n", tokens, rounds);
    std::printf("| figure | value | target |\n|---|---|---|\n");
    // First: RUSAGE_CHILDREN keeps the largest child that ever ended, and the demo servers
    // of the loads below are larger.
    const qint64 cliRss = cliPeakRssKiB(tokens);
    if (cliRss < 0) {
        std::fprintf(stderr, "the CLI run failed\n");
        return 1;
    }
    std::printf("| peak RSS: CLI list --all to CSV | %.1f MB | < 40 MB |\n", double(cliRss) / 1024.0);
    for (bool sorted : {false, true}) {
        const LoadFigures figures = loadAll(tokens, sorted);
        if (figures.loadMs < 0) {
            std::fprintf(stderr, "the load failed\n");
            return 1;
        }
        std::printf("| Load All Pages%s: time | %lld ms | |\n", sorted ? ", sorted by name" : "",
                    static_cast<long long>(figures.loadMs));
        std::printf("| Load All Pages%s: longest event-loop stall | %lld ms | < 50 ms |\n", sorted ? ", sorted by name" : "",
                    static_cast<long long>(figures.longestStallMs));
        if (!sorted) // the second load's peak would include the first's
            std::printf("| peak RSS with every row loaded | %.1f MB | < 90 MB |\n", double(figures.peakRssKiB) / 1024.0);
    }
    QList<qint64> appTimes;
    QList<qint64> plainTimes;
    for (int round = 0; round < rounds; ++round) {
        appTimes.append(startToPaint(u"--child-app"_s));
        plainTimes.append(startToPaint(u"--child-plain"_s));
        if (appTimes.last() < 0 || plainTimes.last() < 0) {
            std::fprintf(stderr, "a start failed\n");
            return 1;
        }
    }
    std::printf("| start to first page painted: app (--demo, no latency) | %lld ms | |\n",
                static_cast<long long>(median(appTimes)));
    std::printf("| start to first page painted: plain QTableView, 200 rows | %lld ms | |\n",
                static_cast<long long>(median(plainTimes)));
    std::printf("| ratio | %.2f | <= 2 |\n", double(median(appTimes)) / double(median(plainTimes)));
    return 0;
}
