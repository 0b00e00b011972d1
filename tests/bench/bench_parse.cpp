// Parsing one page of 200 build tokens as the client does (envelope, then the page), next to
// its floor measured in the same run: QJsonDocument::fromJson and the four strings of each
// item taken out, nothing checked. Median of many runs; prints a markdown table and the machine.
//
//   bench_parse [--tokens N] [--runs R]

#include "MachineInfo.h"
#include "Median.h"
#include "api/EnvelopeParser.h"
#include "demo/DemoTokenGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray pageBody(int tokens)
{
    QJsonArray result;
    for (const BuildToken &token : DemoTokenGenerator::generate(tokens))
        result.append(DemoTokenGenerator::toJson(token));
    const QJsonObject info{{u"page"_s, 1}, {u"per_page"_s, tokens}, {u"count"_s, tokens},
                           {u"total_count"_s, tokens}, {u"total_pages"_s, 1}};
    return QJsonDocument(QJsonObject{{u"success"_s, true}, {u"errors"_s, QJsonArray()}, {u"messages"_s, QJsonArray()},
                                     {u"result"_s, result}, {u"result_info"_s, info}})
        .toJson(QJsonDocument::Compact);
}

double medianUs(int runs, const std::function<qsizetype()> &parse)
{
    QList<double> times;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        if (parse() <= 0)
            qFatal("nothing parsed");
        times.append(double(clock.nsecsElapsed()) / 1e3);
    }
    return median(times);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times the parsing of one page of build tokens."_s);
    parser.addHelpOption();
    const QCommandLineOption tokensOption(u"tokens"_s, u"Tokens on the page (default 200)."_s, u"N"_s, u"200"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs of each (default 501)."_s, u"R"_s, u"501"_s);
    parser.addOptions({tokensOption, runsOption});
    parser.process(app);
    const int tokens = qMax(1, parser.value(tokensOption).toInt());
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const QByteArray body = pageBody(tokens);

    const auto client = [&body] {
        const ApiResult<Envelope> envelope = EnvelopeParser::interpretResponse(200, body);
        const ApiResult<BuildTokenPage> page = EnvelopeParser::parseBuildTokenPage(envelope.value());
        return page.ok() ? page.value().tokens.size() : 0;
    };
    const auto floor = [&body] {
        const QJsonArray items = QJsonDocument::fromJson(body).object().value(u"result"_s).toArray();
        QList<BuildToken> parsed;
        parsed.reserve(items.size());
        for (const QJsonValue &item : items) {
            const QJsonObject object = item.toObject();
            parsed.append({object.value(u"build_token_name"_s).toString(), object.value(u"build_token_uuid"_s).toString(),
                           object.value(u"cloudflare_token_id"_s).toString(), object.value(u"owner_type"_s).toString(), {}});
        }
        return parsed.size();
    };
    medianUs(runs / 10 + 1, client); // warm-up
    medianUs(runs / 10 + 1, floor);
    const double clientUs = medianUs(runs, client);
    const double floorUs = medianUs(runs, floor);

    std::printf("machine: %s\n", qPrintable(machineInfo()));
    std::printf("parse: one page of %d tokens (%lld bytes), median of %d runs\n\n", tokens,
                static_cast<long long>(body.size()), runs);
    std::printf("| figure | median us | floor us | ratio | target |\n|---|---|---|---|---|\n");
    std::printf("| parse a page | %.0f | %.0f | %.2f | <= 1.2 |\n", clientUs, floorUs, clientUs / floorUs);
    // For scripts/bench.sh --check: a ratio of two timings, allowed the script's tolerance.
    std::printf("budget: parse-ratio %g <= 1.2 ratio\n", clientUs / floorUs);
    return 0;
}
