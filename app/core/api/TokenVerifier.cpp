#include "TokenVerifier.h"

#include "BuildTokensService.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString Active = u"active"_s;

// In the language shown: "1 Jan 2030", "1. Jan. 2030" (QDateTime::toString would say "Jan" in any).
QString dayText(const QDateTime &when)
{
    //: The format of an expiry date (QLocale::toString): d the day, MMM the month's short name, yyyy the year
    return QLocale().toString(when.toUTC(), TokenVerifier::tr("d MMM yyyy"));
}

bool readOptionalDateTime(const QJsonObject &object, const QString &key, const QString &path,
                          QDateTime *out, ApiError *error)
{
    QString text;
    if (!EnvelopeParser::readOptionalString(object, key, path, &text, error))
        return false;
    if (text.isEmpty())
        return true;
    *out = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (out->isValid())
        return true;
    *error = ApiError(ApiError::Kind::Malformed,
                      TokenVerifier::tr("Field \u201c%1\u201d should be an ISO 8601 date and time but is \u201c%2\u201d.")
                          .arg(path, text));
    return false;
}

ApiResult<TokenCheck> readTokenCheck(const QJsonValue &result)
{
    if (!result.isObject())
        return EnvelopeParser::wrongType(u"result"_s, QCoreApplication::translate("EnvelopeParser", "an object"), result);
    const QJsonObject object = result.toObject();
    TokenCheck check;
    ApiError error;
    if (!EnvelopeParser::readRequiredString(object, u"status"_s, u"result.status"_s, &check.status, &error)
        || !EnvelopeParser::readOptionalString(object, u"id"_s, u"result.id"_s, &check.tokenId, &error)
        || !readOptionalDateTime(object, u"expires_on"_s, u"result.expires_on"_s, &check.expiresOn, &error))
        return error;
    return check;
}

ApiResult<TokenCheck> checkFrom(const ApiResult<Envelope> &envelope)
{
    return envelope.ok() ? TokenVerifier::parseTokenCheck(envelope.value())
                         : ApiResult<TokenCheck>(envelope.error());
}

// A token the user endpoint refused may be an account-owned one: ask the account's own
// endpoint, and if that refuses it too, report why the user endpoint did.
void verifyAccountToken(TokenCheckJob *job, const QString &accountId, const ApiError &userTokenError)
{
    job->get(u"accounts/"_s + accountId + u"/tokens/verify"_s, [job, userTokenError](const ApiResult<Envelope> &envelope) {
        if (!envelope.ok())
            return job->finish(userTokenError);
        const ApiResult<TokenCheck> check = checkFrom(envelope);
        if (!check.ok())
            return job->finish(check);
        TokenCheck accountToken = check.value();
        accountToken.accountOwned = true;
        job->finish(accountToken);
    });
}

} // namespace

QString TokenCheck::summary() const
{
    if (globalApiKey)
        return tr("Global API Key accepted");
    if (accountOwned)
        return tr("This is an account-owned API token: the Builds API accepts only user API tokens. "
                  "Create a user API token with Workers CI Read.");
    if (status == Active)
        return expiresOn.isValid() ? tr("Active API token, expires %1").arg(dayText(expiresOn))
                                   : tr("Active API token, no expiry date");
    if (status == u"expired"_s)
        return expiresOn.isValid() ? tr("Expired API token (expired on %1)").arg(dayText(expiresOn))
                                   : tr("Expired API token");
    if (status == u"disabled"_s)
        return tr("Disabled API token");
    //: %1 is the status as Cloudflare's API gives it, e.g. "revoked"
    return tr("API token status: %1").arg(status);
}

bool TokenCheck::isUsable() const
{
    return status == Active && !accountOwned;
}

TokenVerifier::TokenVerifier(ApiClient *client, QObject *parent) : QObject(parent), m_client(client)
{
}

ApiResult<TokenCheck> TokenVerifier::parseTokenCheck(const Envelope &envelope)
{
    return EnvelopeParser::withStatusOf(envelope, readTokenCheck(envelope.result));
}

TokenCheckJob *TokenVerifier::verify(const QString &accountId, QObject *parent)
{
    auto *job = new TokenCheckJob(*m_client, parent ? parent : this);
    if (m_client->credentials().scheme == Credentials::Scheme::GlobalApiKey) {
        // A Global API Key has no verify endpoint: any cheap authenticated call tells.
        job->get(u"accounts"_s, QUrlQuery{{u"per_page"_s, u"5"_s}}, [job](const ApiResult<Envelope> &envelope) {
            if (!envelope.ok())
                return job->finish(envelope.error());
            TokenCheck check;
            check.status = Active;
            check.globalApiKey = true;
            job->finish(check);
        });
        return job;
    }
    job->get(u"user/tokens/verify"_s, [job, accountId](const ApiResult<Envelope> &envelope) {
        const bool mayBeAccountToken = !envelope.ok() && envelope.error().kind() == ApiError::Kind::Auth
                                       && BuildTokensService::checkAccountId(accountId).isEmpty();
        if (mayBeAccountToken)
            return verifyAccountToken(job, accountId, envelope.error());
        job->finish(checkFrom(envelope));
    });
    return job;
}
