#include "TokenWriter.h"

#include <QCoreApplication>
#include <QIODevice>

namespace {

// Rows are gathered in memory and handed to the device in one write: one device call per
// row would cost more than the row. The cap keeps a big batch from being held twice.
constexpr qsizetype FlushSize = 64 * 1024;

class CsvWriter final : public TokenWriter
{
public:
    CsvWriter(QIODevice *device, bool excelBom, const QList<int> &columns)
        : TokenWriter(device, columns), m_excelBom(excelBom)
    {
    }

private:
    void appendHead(Utf8Buffer &out) override
    {
        if (m_excelBom)
            out.append("\xEF\xBB\xBF");
        TokenExport::appendCsvHeader(out, columns());
    }
    void appendRow(Utf8Buffer &out, const BuildToken &token, qint64) override
    {
        TokenExport::appendCsvRecord(out, token, columns());
    }
    void appendTail(Utf8Buffer &, qint64) override {}

    bool m_excelBom;
};

// The layout of QJsonDocument::Indented, which the whole-list writer once used: the ",\n"
// goes before every object but the first, as a stream does not know which one is last.
class JsonWriter final : public TokenWriter
{
public:
    JsonWriter(QIODevice *device, const QList<int> &columns) : TokenWriter(device, columns) {}

private:
    void appendHead(Utf8Buffer &out) override { out.append("[\n"); }
    void appendRow(Utf8Buffer &out, const BuildToken &token, qint64 index) override
    {
        if (index > 0)
            out.append(",\n");
        TokenExport::appendJsonObject(out, token, m_layout);
    }
    void appendTail(Utf8Buffer &out, qint64 rows) override { out.append(rows > 0 ? "\n]\n" : "]\n"); }

    const TokenExport::JsonObjectLayout m_layout = TokenExport::jsonObjectLayout(4, columns());
};

class NdjsonWriter final : public TokenWriter
{
public:
    NdjsonWriter(QIODevice *device, const QList<int> &columns) : TokenWriter(device, columns) {}

private:
    void appendHead(Utf8Buffer &) override {}
    void appendRow(Utf8Buffer &out, const BuildToken &token, qint64) override
    {
        TokenExport::appendJsonObject(out, token, m_layout);
        out.append('\n');
    }
    void appendTail(Utf8Buffer &, qint64) override {}

    const TokenExport::JsonObjectLayout m_layout = TokenExport::jsonObjectLayout(-1, columns());
};

} // namespace

std::unique_ptr<TokenWriter> TokenWriter::create(TokenExport::Format format, QIODevice *device, bool excelBom,
                                                 const QList<int> &columns)
{
    switch (format) {
    case TokenExport::Format::Csv: return std::make_unique<CsvWriter>(device, excelBom, columns);
    case TokenExport::Format::Json: return std::make_unique<JsonWriter>(device, columns);
    case TokenExport::Format::Ndjson: return std::make_unique<NdjsonWriter>(device, columns);
    }
    return nullptr;
}

TokenWriter::TokenWriter(QIODevice *device, const QList<int> &columns) : m_device(device), m_columns(columns)
{
    Q_ASSERT(device);
}

TokenWriter::~TokenWriter() = default;

void TokenWriter::begin()
{
    if (!ok())
        return;
    appendHead(m_buffer);
    flush();
}

void TokenWriter::write(const QList<BuildToken> &tokens)
{
    for (const BuildToken &token : tokens) {
        if (!ok())
            return;
        appendRow(m_buffer, token, m_rowsWritten + m_rowsBuffered);
        ++m_rowsBuffered;
        if (m_buffer.size() >= FlushSize)
            flush();
    }
    flush();
}

void TokenWriter::finish()
{
    if (!ok())
        return;
    appendTail(m_buffer, m_rowsWritten + m_rowsBuffered);
    flush();
}

void TokenWriter::flush()
{
    if (m_buffer.size() == 0 || !ok())
        return;
    // QIODevice::write() would only warn, and QIODevice::errorString() would say "Unknown error".
    if (!m_device->isWritable())
        m_error = QCoreApplication::translate("TokenWriter", "The output is not open for writing");
    else if (m_device->write(m_buffer.data(), m_buffer.size()) != m_buffer.size())
        m_error = m_device->errorString();
    else
        m_rowsWritten += m_rowsBuffered;
    m_rowsBuffered = 0;
    m_buffer.clear();
}
