// The export writers against the floors under them: N demo tokens written as CSV and NDJSON
// by TokenWriter into a QBuffer, in one write() (the GUI's export) and in pages (the CLI's
// stream), and by hand-written loops that append the same bytes to one QByteArray and do
// nothing else. A floor's output is checked against the writer's, so a ratio compares equal
// work. Prints a markdown table and the machine.
//
//   bench_export [--tokens N] [--runs R] [--page N]

#include "MachineInfo.h"
#include "Median.h"
#include "demo/DemoTokenGenerator.h"
#include "export/TokenWriter.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringEncoder>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray viaWriter(TokenExport::Format format, const QList<QList<BuildToken>> &pages)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const std::unique_ptr<TokenWriter> writer = TokenWriter::create(format, &buffer);
    writer->begin();
    for (const QList<BuildToken> &page : pages)
        writer->write(page);
    writer->finish();
    return bytes;
}

// Cut beforehand, so that copying the rows is not timed.
QList<QList<BuildToken>> pagesOf(const QList<BuildToken> &tokens, qsizetype size)
{
    QList<QList<BuildToken>> pages;
    for (qsizetype from = 0; from < tokens.size(); from += size)
        pages.append(tokens.mid(from, size));
    return pages;
}

// How a floor turns a cell into UTF-8: toUtf8(), a QByteArray a cell, is the plain way (and
// the one the old whole-file writers were 2.7x / 4.8x slower than); Qt's own encoder
// (vectorised for ASCII) straight into the output is the tightest.
enum class Encoding { ToUtf8, Encoder };

// The floor's output. Not QByteArray::append(const char *): after QCommandLineParser::process()
// its memcpy() of a few bytes ran four times slower here (see "Short appends" in
// docs/decisions.md), which made the NDJSON floor three times slower.
class Utf8Out
{
public:
    explicit Utf8Out(Encoding encoding) : m_encoding(encoding) {}

    void append(QStringView text)
    {
        if (m_encoding == Encoding::ToUtf8) {
            append(QByteArrayView(text.toUtf8()));
            return;
        }
        const qsizetype used = m_bytes.size();
        m_bytes.resize(used + m_encoder.requiredSpace(text.size()));
        m_bytes.truncate(m_encoder.appendToBuffer(m_bytes.data() + used, text) - m_bytes.constData());
    }
    void append(QByteArrayView bytes)
    {
        const qsizetype used = m_bytes.size();
        m_bytes.resize(used + bytes.size());
        std::copy(bytes.begin(), bytes.end(), m_bytes.data() + used);
    }
    QByteArray bytes() const { return m_bytes; }

private:
    Encoding m_encoding;
    QByteArray m_bytes;
    QStringEncoder m_encoder{QStringEncoder::Utf8};
};

// The demo's cells need no quoting, defusing or escaping, so a floor is the encoding and the
// copying alone.
QByteArray csvFloor(const QList<BuildToken> &tokens, Encoding encoding)
{
    Utf8Out out(encoding);
    out.append("build_token_name,build_token_uuid,cloudflare_token_id,owner_type\r\n");
    for (const BuildToken &token : tokens) {
        out.append(token.name);
        out.append(",");
        out.append(token.uuid.toString());
        out.append(",");
        out.append(token.cloudflareTokenId.toString());
        out.append(",");
        out.append(token.ownerType.toString());
        out.append("\r\n");
    }
    return out.bytes();
}

QByteArray ndjsonFloor(const QList<BuildToken> &tokens, Encoding encoding)
{
    Utf8Out out(encoding);
    for (const BuildToken &token : tokens) {
        out.append(R"({"build_token_name":")");
        out.append(token.name);
        out.append(R"(","build_token_uuid":")");
        out.append(token.uuid.toString());
        out.append(R"(","cloudflare_token_id":")");
        out.append(token.cloudflareTokenId.toString());
        out.append(R"(","owner_type":")");
        out.append(token.ownerType.toString());
        out.append("\"}\n");
    }
    return out.bytes();
}

// The median of `runs` timings of `produce`, in milliseconds; `output` gets what it made.
double medianMs(int runs, const std::function<QByteArray()> &produce, QByteArray &output)
{
    output = produce(); // not timed: it pays for growing the heap to its size
    QList<double> times;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        output = produce();
        times.append(double(clock.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times the export writers against a direct UTF-8 writer of the same bytes."_s);
    parser.addHelpOption();
    const QCommandLineOption tokensOption(u"tokens"_s, u"How many tokens (default 100000)."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs of each, the median is shown (default 7)."_s, u"R"_s, u"7"_s);
    const QCommandLineOption pageOption(u"page"_s, u"Rows a write() when streaming (default 1000)."_s, u"N"_s, u"1000"_s);
    parser.addOptions({tokensOption, runsOption, pageOption});
    parser.process(app);
    const int count = qMax(1, parser.value(tokensOption).toInt());
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const int page = qMax(1, parser.value(pageOption).toInt());

    const QList<BuildToken> tokens = DemoTokenGenerator::generate(count);
    struct Figure
    {
        QString name;
        TokenExport::Format format;
        QList<QList<BuildToken>> pages;
        std::function<QByteArray(const QList<BuildToken> &, Encoding)> floor;
    };
    const QList<Figure> figures{
        {u"CSV, one write()"_s, TokenExport::Format::Csv, {tokens}, csvFloor},
        {u"CSV, write() per %1 rows"_s.arg(page), TokenExport::Format::Csv, pagesOf(tokens, page), csvFloor},
        {u"NDJSON, one write()"_s, TokenExport::Format::Ndjson, {tokens}, ndjsonFloor},
        {u"NDJSON, write() per %1 rows"_s.arg(page), TokenExport::Format::Ndjson, pagesOf(tokens, page), ndjsonFloor},
    };

    std::printf("machine: %s\n", qPrintable(machineInfo()));
    std::printf("%d demo tokens, median of %d runs\n\n", count, runs);
    std::printf("| figure | median ms | floor ms: toUtf8() a cell | ratio | floor ms: one encoder, no temporaries | ratio |\n"
                "|---|---:|---:|---:|---:|---:|\n");
    for (const Figure &figure : figures) {
        QByteArray written;
        const double ms = medianMs(runs, [&] { return viaWriter(figure.format, figure.pages); }, written);
        std::printf("| %s (%.1f MB) | %.1f", qPrintable(figure.name), double(written.size()) / 1e6, ms);
        for (Encoding encoding : {Encoding::ToUtf8, Encoding::Encoder}) {
            QByteArray floorBytes;
            const double floorMs = medianMs(runs, [&] { return figure.floor(tokens, encoding); }, floorBytes);
            if (floorBytes != written) {
                std::fprintf(stderr, "\n%s: a floor wrote other bytes than the writer\n", qPrintable(figure.name));
                return 1;
            }
            std::printf(" | %.1f | %.2fx", floorMs, ms / floorMs);
        }
        std::printf(" |\n");
    }
    return 0;
}
