// Pages fetched one after another on one kept-alive connection, at a fixed server latency:
// each page should cost the latency and little more. Prints the times and the machine.
// 200 tokens a page by default: such a page (about 36 KB) no longer fits in the socket's
// first 32 KiB write chunk with the headers, so it leaves in two send()s, where Nagle's
// algorithm once added the client's delayed ACK (~40 ms) to every page.
//
//   bench_sequentialpages [--pages N] [--per-page N] [--latency-ms MS] [--rounds R]

#include "ApiFixture.h"
#include "AwaitResult.h"
#include "MachineInfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

// Milliseconds for `pages` pages, or -1 when one failed. awaitJob runs an event loop rather
// than QTest::qWaitFor, whose 10 ms naps between rounds would be measured too.
qint64 fetchPages(ApiFixture &f, int pages, int perPage)
{
    QElapsedTimer clock;
    clock.start();
    for (int page = 1; page <= pages; ++page) {
        const auto result = awaitJob(f.service.fetchPage(DemoApiServer::accountId(), page, perPage));
        if (!result || !result->ok())
            return -1;
    }
    return clock.elapsed();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times sequential page requests against DemoApiServer."_s);
    parser.addHelpOption();
    const QCommandLineOption pagesOption(u"pages"_s, u"Pages per round (default 10)."_s, u"N"_s, u"10"_s);
    const QCommandLineOption latencyOption(u"latency-ms"_s, u"Server latency (default 50)."_s, u"MS"_s, u"50"_s);
    const QCommandLineOption roundsOption(u"rounds"_s, u"Rounds (default 5)."_s, u"R"_s, u"5"_s);
    const QCommandLineOption perPageOption(u"per-page"_s, u"Tokens a page (default 200)."_s, u"N"_s, u"200"_s);
    parser.addOptions({pagesOption, latencyOption, roundsOption, perPageOption});
    parser.process(app);
    const int pages = qMax(1, parser.value(pagesOption).toInt());
    const int latencyMs = qMax(0, parser.value(latencyOption).toInt());
    const int rounds = qMax(1, parser.value(roundsOption).toInt());
    const int perPage = qBound(1, parser.value(perPageOption).toInt(), 200);

    std::printf("machine: %s\n", qPrintable(machineInfo()));
    std::printf("%d pages of %d tokens, one after another, %d ms server latency, %d rounds\n",
                pages, perPage, latencyMs, rounds);

    ApiFixture f;
    f.server.setTokenCount(pages * perPage);
    f.server.setLatency(std::chrono::milliseconds(latencyMs));
    // Opens the connection, so every round measures a kept-alive one.
    if (fetchPages(f, 1, perPage) < 0) {
        std::fprintf(stderr, "the warm-up request failed\n");
        return 1;
    }
    QList<qint64> times;
    for (int round = 1; round <= rounds; ++round) {
        const qint64 ms = fetchPages(f, pages, perPage);
        if (ms < 0) {
            std::fprintf(stderr, "round %d: a request failed\n", round);
            return 1;
        }
        times.append(ms);
        std::printf("round %d: %lld ms (%.1f ms a page, %.1f ms over the latency)\n", round,
                    static_cast<long long>(ms), double(ms) / pages, double(ms) / pages - latencyMs);
    }
    std::sort(times.begin(), times.end());
    std::printf("median: %lld ms for %d pages (ideal %d ms)\n", static_cast<long long>(times.at(times.size() / 2)),
                pages, pages * latencyMs);
    return 0;
}
