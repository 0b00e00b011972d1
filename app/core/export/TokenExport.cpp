#include "TokenExport.h"

#include "../model/TokenColumns.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

namespace TokenExport {

namespace {

// A JSON string literal, escaped as RFC 8259 asks: QJsonObject would sort the keys, so
// objects are written by hand to keep them in column order.
void appendJsonString(QByteArray &out, const QString &text)
{
    out += '"';
    qsizetype plainFrom = 0; // plain runs are converted whole, so surrogate pairs stay pairs
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c >= 0x20 && c != u'"' && c != u'\\')
            continue;
        out += QStringView(text).mid(plainFrom, i - plainFrom).toUtf8();
        plainFrom = i + 1;
        switch (c) {
        case u'"': out += "\\\""; break;
        case u'\\': out += "\\\\"; break;
        case u'\b': out += "\\b"; break;
        case u'\f': out += "\\f"; break;
        case u'\n': out += "\\n"; break;
        case u'\r': out += "\\r"; break;
        case u'\t': out += "\\t"; break;
        default: out += "\\u00" + QByteArray::number(c, 16).rightJustified(2, '0');
        }
    }
    out += QStringView(text).mid(plainFrom).toUtf8();
    out += '"';
}

QString csvField(const QString &raw)
{
    const QString cell = defuseFormula(raw);
    const bool quote = cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\r') || cell.contains(u'\n')
                       || cell.startsWith(u' ') || cell.endsWith(u' ');
    if (!quote)
        return cell;
    return u'"' + QString(cell).replace(u"\""_s, u"\"\""_s) + u'"';
}

QString csvRecord(const QStringList &cells)
{
    QStringList fields;
    for (const QString &cell : cells)
        fields << csvField(cell);
    return fields.join(u',') + u"\r\n"_s;
}

} // namespace

QStringList fieldNames()
{
    QStringList names;
    for (const ColumnSpec &column : TokenColumns::all())
        names << column.apiField;
    return names;
}

QByteArray toJsonObject(const BuildToken &token, int indent, bool withUnknownFields)
{
    QList<std::pair<QString, QByteArray>> members; // key, value already in JSON
    for (const ColumnSpec &column : TokenColumns::all()) {
        QByteArray value;
        appendJsonString(value, column.value(token));
        members.append({column.apiField, value});
    }
    if (withUnknownFields) {
        for (auto it = token.unknownFields.begin(); it != token.unknownFields.end(); ++it) {
            // A lone value cannot be a QJsonDocument: wrap it in an array and unwrap it.
            const QByteArray array = QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact);
            members.append({it.key(), array.mid(1, array.size() - 2)});
        }
    }
    const bool indented = indent >= 0;
    const QByteArray outer(qMax(indent, 0), ' ');
    const QByteArray inner = indented ? outer + QByteArray(4, ' ') : QByteArray();
    QByteArray out = outer + (indented ? "{\n" : "{");
    for (qsizetype i = 0; i < members.size(); ++i) {
        out += inner;
        appendJsonString(out, members.at(i).first);
        out += (indented ? ": " : ":") + members.at(i).second;
        if (i + 1 < members.size())
            out += ',';
        if (indented)
            out += '\n';
    }
    return out + outer + '}';
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
    static const QString triggers = u"=+-@\t\r"_s;
    if (!cell.isEmpty() && triggers.contains(cell.front()))
        return u'\'' + cell;
    return cell;
}

QByteArray toCsv(const QList<BuildToken> &tokens, bool excelBom)
{
    QString text = csvRecord(fieldNames());
    for (const BuildToken &token : tokens) {
        QStringList cells;
        for (const ColumnSpec &column : TokenColumns::all())
            cells << column.value(token);
        text += csvRecord(cells);
    }
    return (excelBom ? QByteArray("\xEF\xBB\xBF") : QByteArray()) + text.toUtf8();
}

QByteArray toJson(const QList<BuildToken> &tokens)
{
    // The layout of QJsonDocument::Indented, which this replaced.
    QByteArray out = "[\n";
    for (qsizetype i = 0; i < tokens.size(); ++i)
        out += toJsonObject(tokens.at(i), 4) + (i + 1 < tokens.size() ? ",\n" : "\n");
    return out + "]\n";
}

QByteArray toNdjson(const QList<BuildToken> &tokens)
{
    QByteArray lines;
    for (const BuildToken &token : tokens)
        lines += toJsonObject(token, -1) + '\n';
    return lines;
}

QByteArray write(Format format, const QList<BuildToken> &tokens, bool excelBom)
{
    switch (format) {
    case Format::Csv: return toCsv(tokens, excelBom);
    case Format::Json: return toJson(tokens);
    case Format::Ndjson: return toNdjson(tokens);
    }
    return {};
}

QString toTsv(const QList<BuildToken> &tokens, const QList<int> &columns)
{
    auto clean = [](QString cell) {
        return defuseFormula(cell.replace(u'\t', u' ').replace(u'\r', u' ').replace(u'\n', u' '));
    };
    QStringList headers;
    for (int column : columns)
        headers << TokenColumns::at(column).displayTitle();
    QString text = headers.join(u'\t') + u'\n';
    for (const BuildToken &token : tokens) {
        QStringList cells;
        for (int column : columns)
            cells << clean(TokenColumns::at(column).value(token));
        text += cells.join(u'\t') + u'\n';
    }
    return text;
}

QString saveToFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        //: %1 is a file name, %2 why it could not be written
        return QCoreApplication::translate("TokenExport", "Cannot write %1: %2").arg(path, file.errorString());
    if (file.write(data) != data.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        //: %1 is a file name, %2 why it could not be written
        return QCoreApplication::translate("TokenExport", "Cannot write %1: %2").arg(path, why);
    }
    if (!file.commit())
        //: %1 is a file name, %2 why it could not be saved
        return QCoreApplication::translate("TokenExport", "Cannot save %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace TokenExport
