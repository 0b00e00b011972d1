#pragma once

#include "TokenExport.h"
#include "Utf8Buffer.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

class QIODevice;

// An export written as it goes: begin(), write() rows any number of times, finish(), so the
// CLI can stream an account page by page and never hold all of it. However the rows are split
// into write() calls, the bytes are those of TokenExport::toCsv / toJson / toNdjson, which are
// this writer over a QBuffer.
class TokenWriter
{
public:
    // `device` is open for writing and outlives the writer, which does not own it.
    // It writes `columns` (positions in TokenColumns), in that order.
    static std::unique_ptr<TokenWriter> create(TokenExport::Format format, QIODevice *device, bool excelBom = false,
                                               const QList<int> &columns = TokenColumns::listing());
    virtual ~TokenWriter();

    TokenWriter(const TokenWriter &) = delete;
    TokenWriter &operator=(const TokenWriter &) = delete;

    void begin(); // CSV: the byte order mark if asked, the header row; JSON: "[\n"; NDJSON: nothing
    void write(const QList<BuildToken> &tokens);
    void finish(); // JSON: "]\n"

    // False from the first write the device refused: from then on nothing more is written, so
    // a stream is never left with a hole in the middle.
    bool ok() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    qint64 rowsWritten() const { return m_rowsWritten; } // rows the device took

protected:
    TokenWriter(QIODevice *device, const QList<int> &columns);
    const QList<int> &columns() const { return m_columns; }

private:
    virtual void appendHead(Utf8Buffer &out) = 0;
    // `index` counts the rows before this one, over every write() call.
    virtual void appendRow(Utf8Buffer &out, const BuildToken &token, qint64 index) = 0;
    virtual void appendTail(Utf8Buffer &out, qint64 rows) = 0;

    void flush();

    QIODevice *m_device;
    QList<int> m_columns;
    Utf8Buffer m_buffer;
    QString m_error;
    qint64 m_rowsWritten = 0;
    qint64 m_rowsBuffered = 0;
};
