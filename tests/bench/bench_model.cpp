// The token table at 100,000 rows: appending them as 500 pages of 200 (alone, under a
// filter, under a sort held back until the last page as AppCore does), one filter keystroke
// and one sort by name, each the median of several runs. Prints a markdown table and the
// machine.
//
//   bench_model [--tokens N] [--rounds R]

#include "MachineInfo.h"
#include "Median.h"
#include "api/TokenHealth.h"
#include "demo/DemoTokenGenerator.h"
#include "model/BuildTokenFilterModel.h"
#include "model/BuildTokenTableModel.h"
#include "model/TokenColumns.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Table
{
    BuildTokenTableModel rows;
    BuildTokenFilterModel filter;
    Table() { filter.setTokenModel(&rows); }
};

// As the session gets them: one list a page.
QList<QList<BuildToken>> inPages(const QList<BuildToken> &tokens)
{
    QList<QList<BuildToken>> pages;
    for (qsizetype first = 0; first < tokens.size(); first += 200)
        pages.append(tokens.mid(first, 200));
    return pages;
}

void appendAsPages(BuildTokenTableModel &rows, const QList<QList<BuildToken>> &pages)
{
    for (const QList<BuildToken> &page : pages)
        rows.appendTokens(page);
}

// The median milliseconds of `rounds` runs of `measured`, each after its own `setUp`.
double medianMs(int rounds, const std::function<void(Table &)> &setUp, const std::function<void(Table &)> &measured)
{
    QList<double> times;
    for (int round = 0; round < rounds; ++round) {
        Table table;
        setUp(table);
        QElapsedTimer clock;
        clock.start();
        measured(table);
        times.append(double(clock.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times the token table's model at many rows."_s);
    parser.addHelpOption();
    const QCommandLineOption tokensOption(u"tokens"_s, u"Rows (default 100000)."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption roundsOption(u"rounds"_s, u"Runs of each (default 5)."_s, u"R"_s, u"5"_s);
    parser.addOptions({tokensOption, roundsOption});
    parser.process(app);
    const int count = qMax(1, parser.value(tokensOption).toInt());
    const int rounds = qMax(1, parser.value(roundsOption).toInt());
    const QList<QList<BuildToken>> tokens = inPages(DemoTokenGenerator::generate(count));

    std::printf("machine: %s\n", qPrintable(machineInfo()));
    std::printf("model: %d tokens in pages of 200, median of %d runs\n\n", count, rounds);
    std::printf("| figure | median ms | target ms |\n|---|---|---|\n");
    const auto row = [](const char *figure, double ms, const char *target) {
        std::printf("| %s | %.1f | %s |\n", figure, ms, target);
    };
    const auto nothing = [](Table &) {};
    const auto filled = [&tokens](Table &table) { appendAsPages(table.rows, tokens); };

    row("append, no view", medianMs(rounds, nothing, [&](Table &t) { appendAsPages(t.rows, tokens); }), "< 100");
    row("append under a filter", medianMs(rounds, [](Table &t) { t.filter.setFilterText(u"staging"_s); },
                                          [&](Table &t) { appendAsPages(t.rows, tokens); }),
        "< 300");
    // As AppCore does during Load All Pages: a page shown, sorted, replaced by the run's first
    // (a reset); dynamic sorting off while pages come, one sort after.
    const auto sortedRun = [&tokens](Table &t) {
        t.rows.appendTokens(tokens.first());
        t.filter.sort(TokenColumns::Name);
        t.filter.setDynamicSortFilter(false);
        t.rows.clear();
    };
    row("append sorted by name (sorted once at the end)",
        medianMs(rounds, sortedRun,
                 [&](Table &t) {
                     appendAsPages(t.rows, tokens);
                     t.filter.setDynamicSortFilter(true);
                 }),
        "< 1000");
    row("that sort at the end, alone (one event-loop turn)",
        medianMs(rounds, [&](Table &t) { sortedRun(t); appendAsPages(t.rows, tokens); },
                 [](Table &t) { t.filter.setDynamicSortFilter(true); }),
        "< 50");
    row("filter, one keystroke", medianMs(rounds, filled, [](Table &t) { t.filter.setFilterText(u"stag"_s); }), "< 50");
    row("sort by name", medianMs(rounds, filled, [](Table &t) { t.filter.sort(TokenColumns::Name); }), "< 200");
    // What a health check of every row hands the model (one API token a row), sorted by name.
    HealthById health;
    for (const QList<BuildToken> &page : tokens) {
        for (const BuildToken &token : page) {
            ApiToken apiToken;
            apiToken.id = token.cloudflareTokenId;
            apiToken.name = QString(u"Workers Builds - "_s + token.name);
            apiToken.status = u"active"_s;
            health.insert(token.cloudflareTokenId,
                          std::make_shared<const TokenHealth>(TokenHealth::of(apiToken, QDateTime::currentDateTimeUtc())));
        }
    }
    row("health of every row arriving, sorted by name",
        medianMs(rounds, [&](Table &t) { filled(t); t.filter.sort(TokenColumns::Name); },
                 [&health](Table &t) { t.rows.setHealth(health); }),
        "< 50");
    return 0;
}
