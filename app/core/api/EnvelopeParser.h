#pragma once

#include "Account.h"
#include "ApiToken.h"
#include "ApiResult.h"
#include "BuildToken.h"
#include "PageInfo.h"
#include "TokenUsage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>

// Cloudflare API v4's response envelope:
// {"success", "errors": [{"code", "message"}], "messages", "result", "result_info"}.
struct Envelope
{
    int httpStatus = 0; // of the response it came in, for the errors found in it later
    bool success = false;
    QList<ApiMessage> errors;
    QJsonValue result;
    QJsonValue resultInfo; // Undefined when absent
};

struct BuildTokenPage
{
    QList<BuildToken> tokens;
    PageInfo info;
};

// Pure functions from bytes to values. Tolerant of missing optional fields, strict about
// wrong types: an error names the field ("result[3].build_token_name").
namespace EnvelopeParser {

// The envelope in `body`, or a Malformed error saying why it is not one.
ApiResult<Envelope> parseEnvelope(const QByteArray &body);

// Success needs a 2xx status *and* `success: true`; anything else becomes the ApiError the
// status and `errors[]` stand for (an `errors` entry beside `success: true` is not an error,
// as in Cloudflare's own documented example).
ApiResult<Envelope> interpretResponse(int httpStatus, const QByteArray &body);

ApiResult<PageInfo> parsePageInfo(const QJsonValue &resultInfo);
// `perPage`, when above 0, is what was asked for: a page with more items is malformed, and is
// refused before its items are read (90,000 empty objects for per_page 50 took 2.5 GB).
ApiResult<BuildTokenPage> parseBuildTokenPage(const Envelope &envelope, int perPage = 0);
// The items of List accounts. An account without an id is an error: it could not be used.
ApiResult<QList<Account>> parseAccounts(const Envelope &envelope);
// The items of List tokens (GET /user/tokens), at most `perPage` when above 0, and one token
// (GET /user/tokens/{id}). A token without an id is an error: nothing could point at it.
ApiResult<QList<ApiToken>> parseApiTokens(const Envelope &envelope, int perPage = 0);
ApiResult<ApiToken> parseApiToken(const Envelope &envelope);
// The Workers of GET /accounts/{a}/workers/scripts (one list, not paged). A Worker without an
// id (its name) is an error; one without a tag is kept with an empty one.
ApiResult<QList<WorkerScript>> parseWorkers(const Envelope &envelope);
// The tags of result.builds of GET .../builds/builds/latest: the Workers that use Builds.
ApiResult<QSet<QString>> parseLatestBuildTags(const Envelope &envelope);
// The triggers of GET .../builds/workers/{tag}/triggers, deleted ones included.
ApiResult<QList<BuildTrigger>> parseTriggers(const Envelope &envelope);

// Building blocks for the parsers of other results.
ApiError wrongType(const QString &field, const QString &expected, const QJsonValue &got);
// A missing or null string leaves `out` as it is; any other type is an error naming `path`.
bool readOptionalString(const QJsonObject &object, const QString &key, const QString &path,
                        QString *out, ApiError *error);
bool readRequiredString(const QJsonObject &object, const QString &key, const QString &path,
                        QString *out, ApiError *error);

// `result` as it is, or its error carrying the HTTP status of the response `envelope` came in.
template<typename T>
ApiResult<T> withStatusOf(const Envelope &envelope, ApiResult<T> result)
{
    if (result.ok())
        return result;
    ApiError error = result.error();
    error.setHttpStatus(envelope.httpStatus);
    return error;
}

} // namespace EnvelopeParser
