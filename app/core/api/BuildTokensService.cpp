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
    // Anchored as a whole: "$" would let "ok\n" through, and the request to another path.
    static const QRegularExpression idPattern(QRegularExpression::anchoredPattern(u"[A-Za-z0-9_-]{1,64}"_s));
    if (!idPattern.match(accountId).hasMatch())
        return tr("The account ID may only contain letters, digits, \u201c-\u201d and \u201c_\u201d "
                  "(Cloudflare's are 32 hex digits).");
    return {};
}

QString BuildTokensService::checkPageRequest(const QString &accountId, int page, int perPage)
{
    if (QString problem = checkAccountId(accountId); !problem.isEmpty())
        return problem;
    if (page < 1)
        return tr("Page %1 does not exist: pages start at 1.").arg(page);
    if (perPage < MinPerPage || perPage > MaxPerPage)
        return tr("Rows per page must be from %1 to %2, not %3.").arg(MinPerPage).arg(MaxPerPage).arg(perPage);
    return {};
}

void BuildTokensService::getPage(Job *job, const QString &accountId, int page, int perPage,
                                 std::function<void(const ApiResult<BuildTokenPage> &)> onDone)
{
    Q_ASSERT(checkPageRequest(accountId, page, perPage).isEmpty());
    const QUrlQuery query{{u"page"_s, QString::number(page)}, {u"per_page"_s, QString::number(perPage)}};
    job->get(u"accounts/"_s + accountId + u"/builds/tokens"_s, query,
             [onDone = std::move(onDone), perPage](const ApiResult<Envelope> &envelope) {
                 onDone(envelope.ok() ? EnvelopeParser::parseBuildTokenPage(envelope.value(), perPage)
                                      : ApiResult<BuildTokenPage>(envelope.error()));
             });
}

PageJob *BuildTokensService::fetchPage(const QString &accountId, int page, int perPage, QObject *parent)
{
    auto *job = new PageJob(*m_client, parent ? parent : this);
    if (const QString problem = checkPageRequest(accountId, page, perPage); !problem.isEmpty())
        job->failLater(ApiError(ApiError::Kind::InvalidRequest, problem));
    else
        getPage(job, accountId, page, perPage, [job](const ApiResult<BuildTokenPage> &result) { job->finish(result); });
    return job;
}
