#include "AccountsService.h"

#include "PageMath.h"

using namespace Qt::Literals::StringLiterals;

namespace {

bool isLastPage(int page, qsizetype received, const PageInfo &info)
{
    // An empty page ends it even when the totals promise more: nothing more is coming.
    if (received == 0)
        return true;
    if (const std::optional<qint64> total = PageMath::totalPages(info, AccountsService::PerPage))
        return page >= *total;
    return received < AccountsService::PerPage;
}

// Requests `page` and, from its answer, the next; canceling the job ends the chain.
void requestPage(AccountsJob *job, int page, QList<Account> accounts)
{
    const QUrlQuery query{{u"page"_s, QString::number(page)},
                          {u"per_page"_s, QString::number(AccountsService::PerPage)}};
    job->get(u"accounts"_s, query, [job, page, accounts = std::move(accounts)](const ApiResult<Envelope> &envelope) mutable {
        if (!envelope.ok())
            return job->finish(envelope.error());
        const ApiResult<QList<Account>> items = EnvelopeParser::parseAccounts(envelope.value());
        if (!items.ok())
            return job->finish(items.error());
        const ApiResult<PageInfo> info = EnvelopeParser::withStatusOf(
            envelope.value(), EnvelopeParser::parsePageInfo(envelope.value().resultInfo));
        if (!info.ok())
            return job->finish(info.error());
        accounts += items.value();
        emit job->progress(page, info.value().totalPages.value_or(-1));
        if (isLastPage(page, items.value().size(), info.value()))
            return job->finish(accounts);
        if (page >= AccountsService::MaxPages) {
            return job->finish(ApiError(ApiError::Kind::Malformed,
                                        AccountsService::tr("The account list did not end after %1 pages; stopped there.")
                                            .arg(AccountsService::MaxPages),
                                        envelope.value().httpStatus));
        }
        requestPage(job, page + 1, std::move(accounts));
    });
}

} // namespace

AccountsService::AccountsService(ApiClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
}

AccountsJob *AccountsService::listAll(QObject *parent)
{
    auto *job = new AccountsJob(*m_client, parent ? parent : this);
    requestPage(job, 1, {});
    return job;
}
