// What a row costs in memory: N build tokens parsed from the API's JSON, as the app parses a
// page, then held by BuildTokenTableModel; and what keeping each token's raw QJsonObject as
// well (as rows did before the column registry) would add. Counts the heap with glibc's
// mallinfo2(), so the figures are bytes the allocator handed out, not pages the OS mapped.
//
//   bench_rowmemory [--tokens N]

#include "api/EnvelopeParser.h"
#include "demo/DemoTokenGenerator.h"
#include "model/BuildTokenTableModel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <malloc.h>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

qint64 heapBytes()
{
    return qint64(mallinfo2().uordblks);
}

// The body of one "List build tokens" answer holding every token.
QByteArray body(int count)
{
    QJsonArray items;
    for (const BuildToken &token : DemoTokenGenerator::generate(count))
        items.append(DemoTokenGenerator::toJson(token));
    return QJsonDocument(QJsonObject{{u"success"_s, true}, {u"errors"_s, QJsonArray()}, {u"messages"_s, QJsonArray()},
                                     {u"result"_s, items}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures the heap a row of the token table takes."_s);
    parser.addHelpOption();
    const QCommandLineOption tokensOption(u"tokens"_s, u"How many tokens (default 100000)."_s, u"N"_s, u"100000"_s);
    parser.addOption(tokensOption);
    parser.process(app);
    const int count = qMax(1, parser.value(tokensOption).toInt());

    const QByteArray json = body(count);
    BuildTokenTableModel model;
    QList<QJsonObject> raw;
    const qint64 start = heapBytes();
    std::optional<ApiResult<Envelope>> envelope = EnvelopeParser::interpretResponse(200, json);
    const qint64 parsed = heapBytes();
    {
        const ApiResult<BuildTokenPage> page = EnvelopeParser::parseBuildTokenPage(envelope->value());
        model.appendTokens(page.value().tokens);
    } // the parsed page is gone: what it left is the model's
    const qint64 rowBytes = heapBytes() - parsed;
    {
        const QJsonArray items = envelope->value().result.toArray();
        raw.reserve(items.size());
        for (const QJsonValue &item : items)
            raw.append(item.toObject());
    }
    envelope.reset(); // the document is gone: each kept object holds its own part of it
    const qint64 rawBytes = heapBytes() - start - rowBytes;
    std::printf("%d tokens: the model holds %.1f MiB, %lld bytes a row (fields, uuid index)\n", count,
                double(rowBytes) / (1024 * 1024), rowBytes / count);
    std::printf("keeping each raw QJsonObject as well would add %.1f MiB, %lld bytes a row (%.0f%% of such a row)\n",
                double(rawBytes) / (1024 * 1024), rawBytes / count, 100.0 * double(rawBytes) / double(rowBytes + rawBytes));
    return model.rowCount() == count && raw.size() == count ? 0 : 1;
}
