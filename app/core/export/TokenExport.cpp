#include "TokenExport.h"

#include "ExportFile.h"
#include "TokenWriter.h"
#include "../model/TokenColumns.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace TokenExport {

namespace {

bool startsLikeFormula(QStringView cell)
{
    if (cell.isEmpty())
        return false;
    switch (cell.front().unicode()) {
    case u'=': case u'+': case u'-': case u'@': case u'\t': case u'\r': return true;
    // Their full-width forms: spreadsheets in East Asian locales read them as the same.
    case u'\uff1d': case u'\uff0b': case u'\uff0d': case u'\uff20': return true;
    default: return false;
    }
}

struct CsvSpecial
{
    static bool at(char16_t c) { return c == u',' || c == u'"' || c == u'\r' || c == u'\n'; }
    // The four are ',' or below, letters, digits and - above it: most steps end at the first test.
    static bool inFour(quint64 four)
    {
        return Utf8Buffer::hasBelow(four, u',' + 1)
               && (Utf8Buffer::hasUnit(four, u',') || Utf8Buffer::hasUnit(four, u'"') || Utf8Buffer::hasUnit(four, u'\r')
                   || Utf8Buffer::hasUnit(four, u'\n'));
    }
};

struct Quote
{
    static bool at(char16_t c) { return c == u'"'; }
    static bool inFour(quint64 four) { return Utf8Buffer::hasUnit(four, u'"'); }
};

struct JsonSpecial
{
    static bool at(char16_t c) { return c < 0x20 || c == u'"' || c == u'\\'; }
    static bool inFour(quint64 four)
    {
        return (Utf8Buffer::hasBelow(four, u'"' + 1) && (Utf8Buffer::hasBelow(four, 0x20) || Utf8Buffer::hasUnit(four, u'"')))
               || Utf8Buffer::hasUnit(four, u'\\');
    }
};

void appendCsvField(Utf8Buffer &out, QStringView cell)
{
    const bool defuse = startsLikeFormula(cell);
    const qsizetype start = out.size();
    if (defuse)
        out.append('\'');
    // Written plainly first, as nearly every cell is, and taken back if it needs quotes.
    if (!cell.startsWith(u' ') && !cell.endsWith(u' ') && out.appendUtf8Until<CsvSpecial>(cell) == cell.size())
        return;
    out.truncate(start);
    out.append('"');
    if (defuse)
        out.append('\'');
    for (qsizetype i = out.appendUtf8Until<Quote>(cell); i < cell.size(); i += out.appendUtf8Until<Quote>(cell.sliced(i))) {
        out.append("\"\"");
        ++i;
    }
    out.append('"');
}

// One record, the cell of each of `columns` given by `cellOf`.
template<typename CellOf>
void appendCsvRecordOf(Utf8Buffer &out, const QList<int> &columns, CellOf cellOf)
{
    bool first = true;
    for (int column : columns) {
        if (!first)
            out.append(',');
        first = false;
        appendCsvField(out, cellOf(TokenColumns::at(column)));
    }
    out.append("\r\n");
}

void appendJsonEscape(Utf8Buffer &out, char16_t c)
{
    switch (c) {
    case u'"': out.append("\\\""); break;
    case u'\\': out.append("\\\\"); break;
    case u'\b': out.append("\\b"); break;
    case u'\f': out.append("\\f"); break;
    case u'\n': out.append("\\n"); break;
    case u'\r': out.append("\\r"); break;
    case u'\t': out.append("\\t"); break;
    default:
        out.append("\\u00");
        out.append("0123456789abcdef"[c >> 4]);
        out.append("0123456789abcdef"[c & 0xF]);
    }
}

// A JSON string literal, escaped as RFC 8259 asks: QJsonObject would sort the keys, so
// objects are written by hand to keep them in column order.
void appendJsonString(Utf8Buffer &out, QStringView text)
{
    out.append('"');
    for (qsizetype i = out.appendUtf8Until<JsonSpecial>(text); i < text.size();
         i += out.appendUtf8Until<JsonSpecial>(text.sliced(i))) {
        appendJsonEscape(out, text.at(i++).unicode());
    }
    out.append('"');
}

// A value a column gives as JSON itself (null, an array): Qt writes it, wrapped in an array
// because a lone value cannot be a QJsonDocument.
void appendJsonValue(Utf8Buffer &out, const QJsonValue &value)
{
    if (value.isString())
        return appendJsonString(out, value.toString());
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    out.append(QByteArrayView(array).sliced(1, array.size() - 2));
}

} // namespace

QStringList fieldNames(const QList<int> &columns)
{
    QStringList names;
    for (int column : columns)
        names << TokenColumns::at(column).apiField;
    return names;
}

JsonObjectLayout jsonObjectLayout(int indent, const QList<int> &columns)
{
    const bool indented = indent >= 0;
    const QByteArray outer(qMax(indent, 0), ' ');
    JsonObjectLayout layout;
    layout.columns = columns;
    layout.open = outer + '{';
    layout.beforeMember = indented ? '\n' + outer + QByteArray(4, ' ') : QByteArray();
    layout.afterKey = indented ? ": " : ":";
    layout.close = (indented ? '\n' + outer : QByteArray()) + '}';
    for (int column : columns) {
        Utf8Buffer before;
        if (!layout.beforeValue.isEmpty())
            before.append(',');
        before.append(layout.beforeMember);
        appendJsonString(before, TokenColumns::at(column).apiField);
        before.append(layout.afterKey);
        layout.beforeValue.append(before.take());
    }
    return layout;
}

void appendJsonObject(Utf8Buffer &out, const BuildToken &token, const JsonObjectLayout &layout, bool withUnknownFields)
{
    const QList<int> &columns = layout.columns;
    out.append(layout.open);
    for (qsizetype i = 0; i < columns.size(); ++i) {
        out.append(layout.beforeValue.at(i));
        const ColumnSpec &column = TokenColumns::at(columns.at(i));
        if (column.jsonValue)
            appendJsonValue(out, column.jsonValue(token));
        else
            appendJsonString(out, column.value(token));
    }
    if (withUnknownFields) {
        bool first = columns.isEmpty();
        for (auto it = token.unknownFields.begin(); it != token.unknownFields.end(); ++it) {
            if (!first)
                out.append(',');
            first = false;
            out.append(layout.beforeMember);
            appendJsonString(out, it.key());
            out.append(layout.afterKey);
            appendJsonValue(out, it.value());
        }
    }
    out.append(layout.close);
}

QByteArray toJsonObject(const BuildToken &token, int indent, bool withUnknownFields, const QList<int> &columns)
{
    Utf8Buffer out;
    appendJsonObject(out, token, jsonObjectLayout(indent, columns), withUnknownFields);
    return out.take();
}

std::optional<Format> formatFromName(const QString &name)
{
    for (Format format : {Format::Csv, Format::Json, Format::Ndjson}) {
        if (formatName(format) == name)
            return format;
    }
    return std::nullopt;
}

QString formatName(Format format)
{
    switch (format) {
    case Format::Csv: return u"csv"_s;
    case Format::Json: return u"json"_s;
    case Format::Ndjson: return u"ndjson"_s;
    }
    return {};
}

QString fileSuffix(Format format)
{
    return formatName(format);
}

QString defuseFormula(const QString &cell)
{
    return startsLikeFormula(cell) ? u'\'' + cell : cell;
}

void appendCsvHeader(Utf8Buffer &out, const QList<int> &columns)
{
    appendCsvRecordOf(out, columns, [](const ColumnSpec &column) -> const QString & { return column.apiField; });
}

void appendCsvRecord(Utf8Buffer &out, const BuildToken &token, const QList<int> &columns)
{
    appendCsvRecordOf(out, columns, [&token](const ColumnSpec &column) { return column.value(token); });
}

QByteArray toCsv(const QList<BuildToken> &tokens, bool excelBom, const QList<int> &columns)
{
    return write(Format::Csv, tokens, excelBom, columns);
}

QByteArray toJson(const QList<BuildToken> &tokens, const QList<int> &columns)
{
    return write(Format::Json, tokens, false, columns);
}

QByteArray toNdjson(const QList<BuildToken> &tokens, const QList<int> &columns)
{
    return write(Format::Ndjson, tokens, false, columns);
}

QByteArray write(Format format, const QList<BuildToken> &tokens, bool excelBom, const QList<int> &columns)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const std::unique_ptr<TokenWriter> writer = TokenWriter::create(format, &buffer, excelBom, columns);
    writer->begin();
    writer->write(tokens);
    writer->finish();
    return bytes;
}

QString toTsv(const QList<BuildToken> &tokens, const QList<int> &columns)
{
    // The formula rule is CSV's, on the cell as it came: "\t=1+1" is a formula there even
    // though the tab becomes a space here. A cell that starts with a quote is quoted, or a
    // spreadsheet takes the quote for the start of a quoted cell.
    auto clean = [](const QString &cell) {
        QString text = QString(cell).replace(u'\t', u' ').replace(u'\r', u' ').replace(u'\n', u' ');
        if (startsLikeFormula(cell) || startsLikeFormula(text))
            text.prepend(u'\'');
        if (text.startsWith(u'"'))
            text = u'"' + text.replace(u"\""_s, u"\"\""_s) + u'"';
        return text;
    };
    QStringList headers;
    for (int column : columns)
        headers << TokenColumns::at(column).displayTitle();
    QString text = headers.join(u'\t') + u'\n';
    for (const BuildToken &token : tokens) {
        QStringList cells;
        for (int column : columns)
            cells << clean(TokenColumns::at(column).cell(token));
        text += cells.join(u'\t') + u'\n';
    }
    return text;
}

QString saveToFile(const QString &path, const std::function<QString(QIODevice &file)> &write)
{
    ExportFile file(path);
    if (const QString error = file.open(); !error.isEmpty())
        return error;
    if (const QString error = write(*file.device()); !error.isEmpty()) {
        file.cancel();
        return error;
    }
    return file.commit();
}

QString saveToFile(const QString &path, const QByteArray &data)
{
    return saveToFile(path, [&](QIODevice &file) {
        return file.write(data) == data.size() ? QString() : cannotWrite(path, file.errorString());
    });
}

QString cannotWrite(const QString &path, const QString &why)
{
    //: %1 is a file name, %2 why it could not be written
    return QCoreApplication::translate("TokenExport", "Cannot write %1: %2").arg(path, why);
}

QString cannotSave(const QString &path, const QString &why)
{
    //: %1 is a file name, %2 why it could not be saved
    return QCoreApplication::translate("TokenExport", "Cannot save %1: %2").arg(path, why);
}

} // namespace TokenExport
