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

PageJob *BuildTokensService::fetchPage(const QString &accountId, int page, int perPage, QObject *parent)
{
    auto *job = new PageJob(*m_client, parent ? parent : this);
    if (const QString problem = checkAccountId(accountId); !problem.isEmpty()) {
        job->failLater(ApiError(ApiError::Kind::InvalidRequest, problem));
    } else if (page < 1) {
        job->failLater(ApiError(ApiError::Kind::InvalidRequest, tr("Page %1 does not exist: pages start at 1.").arg(page)));
    } else if (perPage < MinPerPage || perPage > MaxPerPage) {
        job->failLater(ApiError(ApiError::Kind::InvalidRequest, tr("Rows per page must be from %1 to %2, not %3.")
                                                                    .arg(MinPerPage).arg(MaxPerPage).arg(perPage)));
    } else {
        const QUrlQuery query{{u"page"_s, QString::number(page)}, {u"per_page"_s, QString::number(perPage)}};
        job->get(u"accounts/"_s + accountId + u"/builds/tokens"_s, query, [job](const ApiResult<Envelope> &envelope) {
            job->finish(envelope.ok() ? EnvelopeParser::parseBuildTokenPage(envelope.value())
                                      : ApiResult<BuildTokenPage>(envelope.error()));
        });
    }
    return job;
}
