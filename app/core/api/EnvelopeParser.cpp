#include "EnvelopeParser.h"

#include <QCoreApplication>
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

// What a field holds, as %3 of "Field \u201c%1\u201d should be %2 but is %3." (wrongType).
QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QCoreApplication::translate("EnvelopeParser", "null");
    case QJsonValue::Bool: return QCoreApplication::translate("EnvelopeParser", "a boolean");
    case QJsonValue::Double: return QCoreApplication::translate("EnvelopeParser", "a number");
    case QJsonValue::String: return QCoreApplication::translate("EnvelopeParser", "a string");
    case QJsonValue::Array: return QCoreApplication::translate("EnvelopeParser", "an array");
    case QJsonValue::Object: return QCoreApplication::translate("EnvelopeParser", "an object");
    case QJsonValue::Undefined: break;
    }
    return QCoreApplication::translate("EnvelopeParser", "nothing");
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
    //: %1 is a JSON field such as result[3].build_token_name; %2 and %3 are kinds of value such as
    //: "a string" or "an array of accounts" (each translated on its own in this context)
    return malformed(QCoreApplication::translate("EnvelopeParser", "Field \u201c%1\u201d should be %2 but is %3.")
                         .arg(field, expected, typeName(got)));
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
        *error = wrongType(path, QCoreApplication::translate("EnvelopeParser", "a string"), value);
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
        *error = wrongType(path, QCoreApplication::translate("EnvelopeParser", "a number"), value);
        return false;
    }
    const double d = value.toDouble();
    if (d < 0 || d > MaxExactInteger || d != static_cast<double>(static_cast<qint64>(d))) {
        *error = malformed(QCoreApplication::translate("EnvelopeParser",
                                                       "Field \u201c%1\u201d should be a whole number from 0 to 2^53 but is %2.")
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
        return wrongType(field, QCoreApplication::translate("EnvelopeParser", "an array"), value);
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
            return wrongType(path, QCoreApplication::translate("EnvelopeParser", "an object"), item);
        const QJsonObject object = item.toObject();
        ApiMessage message;
        const QJsonValue code = object.value(u"code"_s);
        if (code.isDouble())
            message.code = code.toInteger();
        else if (!code.isUndefined() && !code.isNull())
            return wrongType(path + u".code"_s, QCoreApplication::translate("EnvelopeParser", "a number"), code);
        ApiError error;
        if (!readOptionalString(object, u"message"_s, path + u".message"_s, &message.message, &error))
            return error;
        messages.append(message);
    }
    return messages;
}

// "result[3]": built only when an error names it, never on the way of a good page.
QString itemPath(qsizetype index)
{
    return u"result["_s + QString::number(index) + u']';
}

// The objects of a list's `result`, each read by `readItem(object, index, &item, &error)`.
// A null or absent result is an empty list, as Cloudflare sends for some empty lists.
template<typename T, typename ReadItem>
ApiResult<QList<T>> parseItems(const QJsonValue &result, const QString &expected, ReadItem readItem, int maxItems = 0)
{
    QList<T> items;
    if (result.isUndefined() || result.isNull())
        return items;
    if (!result.isArray())
        return wrongType(u"result"_s, expected, result);
    const QJsonArray array = result.toArray();
    if (maxItems > 0 && array.size() > maxItems) {
        return malformed(QCoreApplication::translate("EnvelopeParser", "The page holds %1 items, but only %2 were asked for.")
                             .arg(array.size())
                             .arg(maxItems));
    }
    items.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue value = array.at(i);
        if (!value.isObject())
            return wrongType(itemPath(i), QCoreApplication::translate("EnvelopeParser", "an object"), value);
        T item;
        ApiError error;
        if (!readItem(value.toObject(), i, &item, &error))
            return error;
        items.append(std::move(item));
    }
    return items;
}

// The hot loop of a page (200 of these): one lookup a field, and no string made unless an
// error needs it.
bool readBuildToken(const QJsonObject &object, qsizetype index, BuildToken *token, ApiError *error)
{
    static const std::array<QString, 4> fields{u"build_token_name"_s, u"build_token_uuid"_s, u"cloudflare_token_id"_s,
                                               u"owner_type"_s};
    std::array<QString, 4> texts;
    qsizetype known = 0;
    for (size_t i = 0; i < fields.size(); ++i) {
        const QJsonValue value = object.value(fields[i]);
        if (value.isUndefined())
            continue;
        ++known;
        if (value.isString()) {
            texts[i] = value.toString();
        } else if (!value.isNull()) {
            *error = wrongType(itemPath(index) + u'.' + fields[i], QCoreApplication::translate("EnvelopeParser", "a string"), value);
            return false;
        }
    }
    token->name = texts[0];
    token->uuid = texts[1];
    token->cloudflareTokenId = texts[2];
    // The one documented owner type, every row's: one copy for all of them.
    static const SharedText user(u"user"_s);
    token->ownerType = texts[3] == user ? user : SharedText(texts[3]);
    if (object.size() > known) { // copied only then: most rows have nothing else
        token->unknownFields = object;
        for (const QString &field : fields)
            token->unknownFields.remove(field);
    }
    return true;
}

bool readAccount(const QJsonObject &object, qsizetype index, Account *account, ApiError *error)
{
    const QString path = itemPath(index);
    return readRequiredString(object, u"id"_s, path + u".id"_s, &account->id, error)
           && readOptionalString(object, u"name"_s, path + u".name"_s, &account->name, error);
}

// A policy as one line, "Allow: Workers CI Read, API Tokens Read"; its resources are left
// out (long account and zone ids that say little to a person).
bool readPolicies(const QJsonValue &value, const QString &path, QStringList *out, ApiError *error)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray()) {
        *error = EnvelopeParser::wrongType(path, QCoreApplication::translate("EnvelopeParser", "an array"), value);
        return false;
    }
    const QJsonArray policies = value.toArray();
    for (qsizetype i = 0; i < policies.size(); ++i) {
        const QJsonObject policy = policies.at(i).toObject();
        const QString effect = policy.value(u"effect"_s).toString();
        QStringList names;
        for (const QJsonValue &group : policy.value(u"permission_groups"_s).toArray())
            names << group.toObject().value(u"name"_s).toString();
        names.removeAll(QString());
        const QString verb = effect == u"deny"_s ? QCoreApplication::translate("EnvelopeParser", "Deny")
                                                 : QCoreApplication::translate("EnvelopeParser", "Allow");
        out->append(verb + u": "_s + names.join(u", "_s));
    }
    return true;
}

bool readApiToken(const QJsonObject &object, qsizetype index, ApiToken *token, ApiError *error)
{
    const QString path = index < 0 ? u"result"_s : itemPath(index);
    QString id;
    QString name;
    std::array<QString, 6> texts; // SharedText's, read as strings
    static const std::array<std::pair<QString, SharedText ApiToken::*>, 6> fields{{
        {u"status"_s, &ApiToken::status},
        {u"issued_on"_s, &ApiToken::issuedOn},
        {u"modified_on"_s, &ApiToken::modifiedOn},
        {u"not_before"_s, &ApiToken::notBefore},
        {u"expires_on"_s, &ApiToken::expiresOn},
        {u"last_used_on"_s, &ApiToken::lastUsedOn},
    }};
    if (!readRequiredString(object, u"id"_s, path + u".id"_s, &id, error)
        || !readOptionalString(object, u"name"_s, path + u".name"_s, &name, error))
        return false;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (!readOptionalString(object, fields[i].first, path + u'.' + fields[i].first, &texts[i], error))
            return false;
    }
    token->id = id;
    token->name = name;
    for (size_t i = 0; i < fields.size(); ++i)
        token->*fields[i].second = texts[i];
    QStringList policies;
    if (!readPolicies(object.value(u"policies"_s), path + u".policies"_s, &policies, error))
        return false;
    token->policies = policies;
    return true;
}

// A list of strings such as branch_includes; absent or null is empty.
bool readStringList(const QJsonValue &value, const QString &path, QStringList *out, ApiError *error)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray()) {
        *error = wrongType(path, QCoreApplication::translate("EnvelopeParser", "an array of strings"), value);
        return false;
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString()) {
            *error = wrongType(path + u'[' + QString::number(i) + u']',
                               QCoreApplication::translate("EnvelopeParser", "a string"), array.at(i));
            return false;
        }
        out->append(array.at(i).toString());
    }
    return true;
}

bool readWorker(const QJsonObject &object, qsizetype index, WorkerScript *worker, ApiError *error)
{
    const QString path = itemPath(index);
    return readRequiredString(object, u"id"_s, path + u".id"_s, &worker->name, error)
           && readOptionalString(object, u"tag"_s, path + u".tag"_s, &worker->tag, error);
}

bool readTrigger(const QJsonObject &object, qsizetype index, BuildTrigger *trigger, ApiError *error)
{
    const QString path = itemPath(index);
    return readOptionalString(object, u"trigger_uuid"_s, path + u".trigger_uuid"_s, &trigger->uuid, error)
           && readOptionalString(object, u"trigger_name"_s, path + u".trigger_name"_s, &trigger->name, error)
           && readOptionalString(object, u"build_token_uuid"_s, path + u".build_token_uuid"_s, &trigger->buildTokenUuid, error)
           && readStringList(object.value(u"branch_includes"_s), path + u".branch_includes"_s, &trigger->branchIncludes, error)
           && readOptionalString(object, u"deleted_on"_s, path + u".deleted_on"_s, &trigger->deletedOn, error);
}

// result.builds is a map from tag to build; only its keys matter here, but each value must be
// a build (an object) for the map to be trusted.
ApiResult<QSet<QString>> parseLatestBuildTagsOf(const QJsonValue &result)
{
    QSet<QString> tags;
    if (result.isUndefined() || result.isNull())
        return tags;
    const QString anObject = QCoreApplication::translate("EnvelopeParser", "an object");
    if (!result.isObject())
        return wrongType(u"result"_s, anObject, result);
    const QJsonValue builds = result.toObject().value(u"builds"_s);
    if (builds.isUndefined() || builds.isNull())
        return tags;
    if (!builds.isObject())
        return wrongType(u"result.builds"_s, anObject, builds);
    const QJsonObject map = builds.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it.value().isObject())
            return wrongType(u"result.builds."_s + it.key(), anObject, it.value());
        tags.insert(it.key());
    }
    return tags;
}

ApiResult<BuildTokenPage> parseBuildTokenItems(const Envelope &envelope, int perPage)
{
    const ApiResult<QList<BuildToken>> tokens =
        parseItems<BuildToken>(envelope.result, QCoreApplication::translate("EnvelopeParser", "an array of build tokens"),
                               readBuildToken, perPage);
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
        return malformed(QCoreApplication::translate("EnvelopeParser", "The response body is empty."));
    if (looksLikeMarkup(body))
        return malformed(QCoreApplication::translate("EnvelopeParser", "The response is an HTML or XML page, not JSON."));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::IllegalUTF8String) {
        return malformed(QCoreApplication::translate("EnvelopeParser", "The response body is not valid UTF-8 at byte %1 "
                                                                       "of %2; it may be truncated or not JSON.")
                             .arg(parseError.offset)
                             .arg(body.size()));
    }
    if (parseError.error != QJsonParseError::NoError) {
        //: %1 is Qt's description of the JSON error
        return malformed(QCoreApplication::translate("EnvelopeParser", "The response body is not valid JSON (%1) at "
                                                                       "byte %2 of %3; it may be truncated or not JSON.")
                             .arg(parseError.errorString(), QString::number(parseError.offset),
                                  QString::number(body.size())));
    }
    if (!document.isObject())
        return malformed(QCoreApplication::translate("EnvelopeParser", "The response is JSON but not Cloudflare's "
                                                                       "envelope: the top level is an array, not an object."));

    const QJsonObject object = document.object();
    const QJsonValue success = object.value(u"success"_s);
    if (success.isUndefined())
        return malformed(QCoreApplication::translate("EnvelopeParser", "The response is JSON but not Cloudflare's "
                                                                       "envelope: it has no \u201csuccess\u201d field."));
    if (!success.isBool())
        return wrongType(u"success"_s, QCoreApplication::translate("EnvelopeParser", "a boolean"), success);

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
        return wrongType(u"result_info"_s, QCoreApplication::translate("EnvelopeParser", "an object"), resultInfo);
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

ApiResult<BuildTokenPage> parseBuildTokenPage(const Envelope &envelope, int perPage)
{
    return withStatusOf(envelope, parseBuildTokenItems(envelope, perPage));
}

ApiResult<QList<Account>> parseAccounts(const Envelope &envelope)
{
    return withStatusOf(envelope, parseItems<Account>(envelope.result,
                                                      QCoreApplication::translate("EnvelopeParser", "an array of accounts"),
                                                      readAccount));
}

ApiResult<QList<ApiToken>> parseApiTokens(const Envelope &envelope, int perPage)
{
    return withStatusOf(envelope, parseItems<ApiToken>(envelope.result,
                                                       QCoreApplication::translate("EnvelopeParser", "an array of API tokens"),
                                                       readApiToken, perPage));
}

ApiResult<ApiToken> parseApiToken(const Envelope &envelope)
{
    if (!envelope.result.isObject())
        return withStatusOf(envelope, ApiResult<ApiToken>(wrongType(
                                          u"result"_s, QCoreApplication::translate("EnvelopeParser", "an object"), envelope.result)));
    ApiToken token;
    ApiError error;
    if (!readApiToken(envelope.result.toObject(), -1, &token, &error))
        return withStatusOf(envelope, ApiResult<ApiToken>(error));
    return token;
}

ApiResult<QList<WorkerScript>> parseWorkers(const Envelope &envelope)
{
    return withStatusOf(envelope, parseItems<WorkerScript>(envelope.result,
                                                           QCoreApplication::translate("EnvelopeParser", "an array of Workers"),
                                                           readWorker));
}

ApiResult<QSet<QString>> parseLatestBuildTags(const Envelope &envelope)
{
    return withStatusOf(envelope, parseLatestBuildTagsOf(envelope.result));
}

ApiResult<QList<BuildTrigger>> parseTriggers(const Envelope &envelope)
{
    return withStatusOf(envelope, parseItems<BuildTrigger>(envelope.result,
                                                           QCoreApplication::translate("EnvelopeParser", "an array of triggers"),
                                                           readTrigger));
}

} // namespace EnvelopeParser
