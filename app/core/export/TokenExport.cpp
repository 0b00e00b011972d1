#include "TokenExport.h"

#include "../model/BuildTokenTableModel.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

namespace TokenExport {

namespace {

QJsonObject toObject(const BuildToken &token)
{
    QJsonObject object;
    for (qsizetype column = 0; column < fieldNames().size(); ++column)
        object.insert(fieldNames().at(column), BuildTokenTableModel::field(token, int(column)));
    return object;
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

const QStringList &fieldNames()
{
    static const QStringList names{u"build_token_name"_s, u"build_token_uuid"_s, u"cloudflare_token_id"_s,
                                   u"owner_type"_s};
    return names;
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
        for (qsizetype column = 0; column < fieldNames().size(); ++column)
            cells << BuildTokenTableModel::field(token, int(column));
        text += csvRecord(cells);
    }
    return (excelBom ? QByteArray("\xEF\xBB\xBF") : QByteArray()) + text.toUtf8();
}

QByteArray toJson(const QList<BuildToken> &tokens)
{
    QJsonArray array;
    for (const BuildToken &token : tokens)
        array.append(toObject(token));
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QByteArray toNdjson(const QList<BuildToken> &tokens)
{
    QByteArray lines;
    for (const BuildToken &token : tokens)
        lines += QJsonDocument(toObject(token)).toJson(QJsonDocument::Compact) + '\n';
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

QString toTsv(const QList<BuildToken> &tokens, const QList<int> &columns, const QStringList &headers)
{
    auto clean = [](QString cell) {
        return defuseFormula(cell.replace(u'\t', u' ').replace(u'\r', u' ').replace(u'\n', u' '));
    };
    QString text = headers.join(u'\t') + u'\n';
    for (const BuildToken &token : tokens) {
        QStringList cells;
        for (int column : columns)
            cells << clean(BuildTokenTableModel::field(token, column));
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
