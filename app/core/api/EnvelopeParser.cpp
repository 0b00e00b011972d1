#include "EnvelopeParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <array>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

// Largest integer a JSON number (a double) holds exactly.
constexpr double MaxExactInteger = 9007199254740992.0; // 2^53

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return u"a boolean"_s;
    case QJsonValue::Double: return u"a number"_s;
    case QJsonValue::String: return u"a string"_s;
    case QJsonValue::Array: return u"an array"_s;
    case QJsonValue::Object: return u"an object"_s;
    case QJsonValue::Undefined: break;
    }
    return u"nothing"_s;
}

ApiError malformed(const QString &detail)
{
    return ApiError(ApiError::Kind::Malformed, detail);
}

bool looksLikeMarkup(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    return trimmed.startsWith('<');
}

} // namespace

namespace EnvelopeParser {

ApiError wrongType(const QString &field, const QString &expected, const QJsonValue &got)
{
    return malformed(u"Field \u201c%1\u201d should be %2 but is %3."_s.arg(field, expected, typeName(got)));
}

bool readOptionalString(const QJsonObject &object, const QString &key, const QString &path,
                        QString *out, ApiError *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    return readRequiredString(object, key, path, out, error);
}

bool readRequiredString(const QJsonObject &object, const QString &key, const QString &path,
                        QString *out, ApiError *error)
{
    const QJsonValue value = object.value(key);
    if (!value.isString()) {
        *error = wrongType(path, u"a string"_s, value);
        return false;
    }
    *out = value.toString();
    return true;
}

} // namespace EnvelopeParser

namespace {

using EnvelopeParser::readOptionalString;
using EnvelopeParser::readRequiredString;
using EnvelopeParser::wrongType;

bool readOptionalCount(const QJsonObject &object, const QString &key, std::optional<qint64> *out,
                       ApiError *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    const QString path = u"result_info."_s + key;
    if (!value.isDouble()) {
        *error = wrongType(path, u"a number"_s, value);
        return false;
    }
    const double d = value.toDouble();
    if (d < 0 || d > MaxExactInteger || d != static_cast<double>(static_cast<qint64>(d))) {
        *error = malformed(u"Field \u201c%1\u201d should be a whole number from 0 to 2^53 but is %2."_s
                               .arg(path, QString::number(d, 'g', 17)));
        return false;
    }
    *out = static_cast<qint64>(d);
    return true;
}

ApiResult<QList<ApiMessage>> parseMessages(const QJsonValue &value, const QString &field)
{
    if (value.isUndefined() || value.isNull())
        return QList<ApiMessage>{};
    if (!value.isArray())
        return wrongType(field, u"an array"_s, value);
    QList<ApiMessage> messages;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue item = array.at(i);
        const QString path = field + u'[' + QString::number(i) + u']';
        // Cloudflare's documented example has plain strings here.
        if (item.isString()) {
            messages.append({0, item.toString()});
            continue;
        }
        if (!item.isObject())
            return wrongType(path, u"an object"_s, item);
        const QJsonObject object = item.toObject();
        ApiMessage message;
        const QJsonValue code = object.value(u"code"_s);
        if (code.isDouble())
            message.code = code.toInteger();
        else if (!code.isUndefined() && !code.isNull())
            return wrongType(path + u".code"_s, u"a number"_s, code);
        ApiError error;
        if (!readOptionalString(object, u"message"_s, path + u".message"_s, &message.message, &error))
            return error;
        messages.append(message);
    }
    return messages;
}

// The objects of a list's `result`, each read by `readItem(object, path, &item, &error)`.
// A null or absent result is an empty list, as Cloudflare sends for some empty lists.
template<typename T, typename ReadItem>
ApiResult<QList<T>> parseItems(const QJsonValue &result, const QString &expected, ReadItem readItem)
{
    QList<T> items;
    if (result.isUndefined() || result.isNull())
        return items;
    if (!result.isArray())
        return wrongType(u"result"_s, expected, result);
    const QJsonArray array = result.toArray();
    items.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue value = array.at(i);
        const QString path = u"result["_s + QString::number(i) + u']';
        if (!value.isObject())
            return wrongType(path, u"an object"_s, value);
        T item;
        ApiError error;
        if (!readItem(value.toObject(), path, &item, &error))
            return error;
        items.append(std::move(item));
    }
    return items;
}

bool readBuildToken(const QJsonObject &object, const QString &path, BuildToken *token, ApiError *error)
{
    const std::array<std::pair<QString, QString *>, 4> fields{{{u"build_token_name"_s, &token->name},
                                                               {u"build_token_uuid"_s, &token->uuid},
                                                               {u"cloudflare_token_id"_s, &token->cloudflareTokenId},
                                                               {u"owner_type"_s, &token->ownerType}}};
    qsizetype known = 0;
    for (const auto &[name, target] : fields) {
        if (!readOptionalString(object, name, path + u'.' + name, target, error))
            return false;
        known += object.contains(name) ? 1 : 0;
    }
    if (object.size() > known) { // copied only then: most rows have nothing else
        token->unknownFields = object;
        for (const auto &field : fields)
            token->unknownFields.remove(field.first);
    }
    return true;
}

bool readAccount(const QJsonObject &object, const QString &path, Account *account, ApiError *error)
{
    return readRequiredString(object, u"id"_s, path + u".id"_s, &account->id, error)
           && readOptionalString(object, u"name"_s, path + u".name"_s, &account->name, error);
}

ApiResult<BuildTokenPage> parseBuildTokenItems(const Envelope &envelope)
{
    const ApiResult<QList<BuildToken>> tokens =
        parseItems<BuildToken>(envelope.result, u"an array of build tokens"_s, readBuildToken);
    if (!tokens.ok())
        return tokens.error();
    const ApiResult<PageInfo> info = EnvelopeParser::parsePageInfo(envelope.resultInfo);
    if (!info.ok())
        return info.error();
    return BuildTokenPage{tokens.value(), info.value()};
}

} // namespace

namespace EnvelopeParser {

ApiResult<Envelope> parseEnvelope(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return malformed(u"The response body is empty."_s);
    if (looksLikeMarkup(body))
        return malformed(u"The response is an HTML or XML page, not JSON."_s);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QString what = parseError.error == QJsonParseError::IllegalUTF8String
                                 ? u"is not valid UTF-8"_s
                                 : u"is not valid JSON (%1)"_s.arg(parseError.errorString());
        return malformed(u"The response body %1 at byte %2 of %3; it may be truncated or not JSON."_s
                             .arg(what)
                             .arg(parseError.offset)
                             .arg(body.size()));
    }
    if (!document.isObject())
        return malformed(u"The response is JSON but not Cloudflare's envelope: the top level is an "
                         "array, not an object."_s);

    const QJsonObject object = document.object();
    const QJsonValue success = object.value(u"success"_s);
    if (success.isUndefined())
        return malformed(u"The response is JSON but not Cloudflare's envelope: it has no "
                         "\u201csuccess\u201d field."_s);
    if (!success.isBool())
        return wrongType(u"success"_s, u"a boolean"_s, success);

    const ApiResult<QList<ApiMessage>> errors = parseMessages(object.value(u"errors"_s), u"errors"_s);
    if (!errors.ok())
        return errors.error();

    Envelope envelope;
    envelope.success = success.toBool();
    envelope.errors = errors.value();
    envelope.result = object.value(u"result"_s);
    envelope.resultInfo = object.value(u"result_info"_s);
    return envelope;
}

ApiResult<Envelope> interpretResponse(int httpStatus, const QByteArray &body)
{
    const bool statusOk = httpStatus >= 200 && httpStatus < 300;
    const ApiResult<Envelope> parsed = parseEnvelope(body);
    if (statusOk && parsed.ok() && parsed.value().success) {
        Envelope envelope = parsed.value();
        envelope.httpStatus = httpStatus;
        return envelope;
    }
    if (statusOk && !parsed.ok()) {
        ApiError error = parsed.error();
        error.setHttpStatus(httpStatus);
        return error;
    }
    ApiError error = ApiError::fromResponse(httpStatus, parsed.ok() ? parsed.value().errors
                                                                     : QList<ApiMessage>{});
    if (!parsed.ok())
        error.setDetail(parsed.error().detail());
    return error;
}

ApiResult<PageInfo> parsePageInfo(const QJsonValue &resultInfo)
{
    PageInfo info;
    if (resultInfo.isUndefined() || resultInfo.isNull())
        return info;
    if (!resultInfo.isObject())
        return wrongType(u"result_info"_s, u"an object"_s, resultInfo);
    const QJsonObject object = resultInfo.toObject();
    ApiError error;
    if (!readOptionalCount(object, u"page"_s, &info.page, &error)
        || !readOptionalCount(object, u"per_page"_s, &info.perPage, &error)
        || !readOptionalCount(object, u"count"_s, &info.count, &error)
        || !readOptionalCount(object, u"total_count"_s, &info.totalCount, &error)
        || !readOptionalCount(object, u"total_pages"_s, &info.totalPages, &error))
        return error;
    return info;
}

ApiResult<BuildTokenPage> parseBuildTokenPage(const Envelope &envelope)
{
    return withStatusOf(envelope, parseBuildTokenItems(envelope));
}

ApiResult<QList<Account>> parseAccounts(const Envelope &envelope)
{
    return withStatusOf(envelope, parseItems<Account>(envelope.result, u"an array of accounts"_s, readAccount));
}

} // namespace EnvelopeParser
