#include "BuildTokensService.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

BuildTokensService::BuildTokensService(ApiClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
}

QString BuildTokensService::checkAccountId(const QString &accountId)
{
    if (accountId.isEmpty())
        return tr("Enter an account ID.");
    // Cloudflare's ids are 32 hex digits; accept any id-like text, but nothing that could
    // change the request path.
    static const QRegularExpression idPattern(u"^[A-Za-z0-9_-]{1,64}$"_s);
    if (!idPattern.match(accountId).hasMatch())
        return tr("The account ID may only contain letters, digits, \u201c-\u201d and \u201c_\u201d "
                  "(Cloudflare's are 32 hex digits).");
    return {};
}

ApiCall *BuildTokensService::fetchPage(const QString &accountId, int page, int perPage,
                                      QObject *context, PageCallback done)
{
    ApiCall *call = nullptr;
    if (const QString problem = checkAccountId(accountId); !problem.isEmpty()) {
        call = m_client->fail(ApiError(ApiError::Kind::InvalidRequest, problem));
    } else if (page < 1) {
        call = m_client->fail(ApiError(ApiError::Kind::InvalidRequest,
                                       tr("Page %1 does not exist: pages start at 1.").arg(page)));
    } else if (perPage < MinPerPage || perPage > MaxPerPage) {
        call = m_client->fail(ApiError(ApiError::Kind::InvalidRequest,
                                       tr("Rows per page must be from %1 to %2, not %3.")
                                           .arg(MinPerPage).arg(MaxPerPage).arg(perPage)));
    } else {
        const QUrlQuery query{{u"page"_s, QString::number(page)}, {u"per_page"_s, QString::number(perPage)}};
        call = m_client->get(u"accounts/"_s + accountId + u"/builds/tokens"_s, query);
    }
    connect(call, &ApiCall::finished, context, [call, done = std::move(done)] {
        const ApiResult<Envelope> &envelope = call->result();
        done(envelope.ok() ? EnvelopeParser::parseBuildTokenPage(envelope.value())
                           : ApiResult<BuildTokenPage>(envelope.error()));
    });
    return call;
}
