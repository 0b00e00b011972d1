// Every page of an account at a fixed server latency, through AllPagesJob: the default
// concurrency against one page at a time, each next to the floor of its run, the round trips
// it cannot avoid (page 1, then the other pages `concurrency` at a time) times one measured
// round trip. Prints a markdown table and the machine.
//
//   bench_fetchall [--tokens N] [--latency-ms MS] [--rounds R]

#include "ApiFixture.h"
#include "AwaitResult.h"
#include "MachineInfo.h"
#include "Median.h"
#include "session/AllPagesJob.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

// Milliseconds for every page at `concurrency`, or -1 when the run failed or lost a token.
qint64 fetchAll(ApiFixture &f, int concurrency)
{
    QElapsedTimer clock;
    clock.start();
    auto *job = new AllPagesJob(f.client, DemoApiServer::accountId(), concurrency, nullptr);
    const auto result = awaitJob<AllPagesSummary>(job, 600000);
    if (!result || !result->ok() || result->value().tokens != f.server.tokenCount())
        return -1;
    return clock.elapsed();
}

// One request's round trip on a warm connection: the unit of the floor.
qint64 roundTrip(ApiFixture &f)
{
    QElapsedTimer clock;
    clock.start();
    const auto result = f.fetchPage(1, AllPagesJob::PerPage);
    return result && result->ok() ? clock.elapsed() : -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times Load All Pages against DemoApiServer."_s);
    parser.addHelpOption();
    const QCommandLineOption tokensOption(u"tokens"_s, u"Tokens in the account (default 10000)."_s, u"N"_s, u"10000"_s);
    const QCommandLineOption latencyOption(u"latency-ms"_s, u"Server latency (default 50)."_s, u"MS"_s, u"50"_s);
    const QCommandLineOption roundsOption(u"rounds"_s, u"Runs of each (default 5)."_s, u"R"_s, u"5"_s);
    parser.addOptions({tokensOption, latencyOption, roundsOption});
    parser.process(app);
    const int tokens = qMax(1, parser.value(tokensOption).toInt());
    const int latencyMs = qMax(0, parser.value(latencyOption).toInt());
    const int rounds = qMax(1, parser.value(roundsOption).toInt());

    std::printf("machine: %s\n", qPrintable(machineInfo()));
    std::printf("fetch all: %d tokens, %d ms server latency, median of %d runs\n\n", tokens, latencyMs, rounds);

    ApiFixture f;
    f.server.setTokenCount(tokens);
    f.server.setLatency(std::chrono::milliseconds(latencyMs));
    const qint64 pages = (tokens + AllPagesJob::PerPage - 1) / AllPagesJob::PerPage;

    std::printf("| concurrency | median ms | round trips | floor ms | ratio |\n|---|---|---|---|---|\n");
    QList<qint64> medians;
    for (int concurrency : {AllPagesJob::DefaultConcurrency, 1}) {
        if (fetchAll(f, concurrency) < 0) { // warm-up: every connection it needs is open
            std::fprintf(stderr, "the warm-up run failed\n");
            return 1;
        }
        QList<qint64> times;
        QList<qint64> trips;
        for (int round = 0; round < rounds; ++round) {
            trips.append(roundTrip(f));
            times.append(fetchAll(f, concurrency));
            if (times.last() < 0 || trips.last() < 0) {
                std::fprintf(stderr, "a run failed\n");
                return 1;
            }
        }
        const qint64 roundTrips = 1 + (pages - 1 + concurrency - 1) / concurrency;
        const qint64 floor = roundTrips * median(trips);
        medians.append(median(times));
        std::printf("| %d | %lld | %lld | %lld | %.2f |\n", concurrency, static_cast<long long>(medians.last()),
                    static_cast<long long>(roundTrips), static_cast<long long>(floor), double(medians.last()) / double(floor));
    }
    std::printf("\nspeed-up of concurrency %d over 1: %.1fx\n", AllPagesJob::DefaultConcurrency,
                double(medians.at(1)) / double(medians.at(0)));
    return 0;
}
