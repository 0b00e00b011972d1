#pragma once

#include "../api/BuildToken.h"
#include "../model/TokenColumns.h"
#include "Utf8Buffer.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

// The formats behind every export: the GUI's Export and Copy, and the CLI's --format. Pure
// functions over rows, so the same rows give the same bytes wherever they are written; the
// whole-list ones are a TokenWriter (TokenWriter.h) over a buffer. `columns` are positions in
// TokenColumns, in the order written: by default the listing's own (the CLI adds the health
// columns when asked; the app exports every column).
class QIODevice;

namespace TokenExport {

enum class Format { Csv, Json, Ndjson };

// The API's own field names of `columns`: the CSV header and the JSON keys.
QStringList fieldNames(const QList<int> &columns = TokenColumns::listing());

// One token as a JSON object, its keys in TokenColumns' order (QJsonObject would sort them),
// then, when asked, the fields the app does not know. `indent` < 0 writes it on one line;
// else its braces get `indent` spaces and each key four more, as QJsonDocument::Indented.
QByteArray toJsonObject(const BuildToken &token, int indent, bool withUnknownFields = false,
                        const QList<int> &columns = TokenColumns::listing());

// The bytes around the values of such an object, for one `indent`: made once for all the
// objects a writer writes, so that the keys are escaped once rather than once a row.
struct JsonObjectLayout
{
    QList<int> columns;
    QByteArray open;               // the braces' indent and {
    QList<QByteArray> beforeValue; // for each column: the comma, line break and indent, "key":
    QByteArray beforeMember;       // for a member after the columns: the line break and indent
    QByteArray afterKey;           // : or ": "
    QByteArray close;              // the line break and indent, }
};
JsonObjectLayout jsonObjectLayout(int indent, const QList<int> &columns = TokenColumns::listing());
// toJsonObject, appended to `out`.
void appendJsonObject(Utf8Buffer &out, const BuildToken &token, const JsonObjectLayout &layout,
                      bool withUnknownFields = false);

std::optional<Format> formatFromName(const QString &name); // "csv", "json", "ndjson"
QString formatName(Format format);
QString fileSuffix(Format format);

// RFC 4180: a header row of field names, CRLF after every record, a field quoted when it
// holds , " CR or LF or starts or ends with a space, quotes doubled. A cell that a
// spreadsheet would run as a formula (starting with = + - @ tab or CR) gets a leading ',
// as OWASP advises. `excelBom` puts a UTF-8 byte order mark first, which Excel needs to read
// UTF-8.
QByteArray toCsv(const QList<BuildToken> &tokens, bool excelBom = false, const QList<int> &columns = TokenColumns::listing());
// An array of objects with the API's field names, in column order. A column's JSON value is
// a string, or what its ColumnSpec::jsonValue says (null where a health check did not tell).
QByteArray toJson(const QList<BuildToken> &tokens, const QList<int> &columns = TokenColumns::listing());
// One compact object a line.
QByteArray toNdjson(const QList<BuildToken> &tokens, const QList<int> &columns = TokenColumns::listing());
QByteArray write(Format format, const QList<BuildToken> &tokens, bool excelBom = false,
                 const QList<int> &columns = TokenColumns::listing());
// The header record, and one token's record, as above, appended to `out`.
void appendCsvHeader(Utf8Buffer &out, const QList<int> &columns);
void appendCsvRecord(Utf8Buffer &out, const BuildToken &token, const QList<int> &columns);

// For the clipboard: a header row of column titles, then a row per token, the given
// TokenColumns in the given order, tab-separated; tabs and line breaks in cells become
// spaces, formula cells are defused as in CSV.
QString toTsv(const QList<BuildToken> &tokens, const QList<int> &columns);

// A spreadsheet formula cell made inert, or the cell as it was.
QString defuseFormula(const QString &cell);

// Writes `path` as ExportFile says (a regular file atomically, a device or FIFO directly):
// `write` fills it and returns empty, or why it gave up (then that is the result). On any
// failure no regular file, partial or whole, is left there. Empty on success, else why not,
// in words for a person.
QString saveToFile(const QString &path, const std::function<QString(QIODevice &file)> &write);
QString saveToFile(const QString &path, const QByteArray &data);
// What a failed export says: the file could not be opened or written, or not saved at the end.
QString cannotWrite(const QString &path, const QString &why);
QString cannotSave(const QString &path, const QString &why);

} // namespace TokenExport
