#include "AccountsService.h"

using namespace Qt::Literals::StringLiterals;

namespace {

bool isLastPage(int page, qsizetype received, const PageInfo &info)
{
    // An empty page ends it even when the totals promise more: nothing more is coming.
    if (received == 0)
        return true;
    if (info.totalPages)
        return page >= *info.totalPages;
    if (info.totalCount)
        return qint64(page) * AccountsService::PerPage >= *info.totalCount;
    return received < AccountsService::PerPage;
}

// Requests `page` and, from its answer, the next: the chain lives in the calls' connections,
// so destroying `context` ends it.
void requestPage(ApiClient *client, int page, QList<Account> accounts, QObject *context,
                 AccountsService::AccountsCallback done)
{
    const QUrlQuery query{{u"page"_s, QString::number(page)},
                          {u"per_page"_s, QString::number(AccountsService::PerPage)}};
    ApiCall *call = client->get(u"accounts"_s, query);
    QObject::connect(call, &ApiCall::finished, context,
                     [client, call, page, accounts = std::move(accounts), context,
                      done = std::move(done)]() mutable {
        const ApiResult<Envelope> &envelope = call->result();
        if (!envelope.ok())
            return done(envelope.error());
        const ApiResult<QList<Account>> items = EnvelopeParser::parseAccounts(envelope.value());
        if (!items.ok())
            return done(items.error());
        const ApiResult<PageInfo> info = EnvelopeParser::withStatusOf(
            envelope.value(), EnvelopeParser::parsePageInfo(envelope.value().resultInfo));
        if (!info.ok())
            return done(info.error());
        accounts += items.value();
        if (isLastPage(page, items.value().size(), info.value()))
            return done(accounts);
        if (page >= AccountsService::MaxPages) {
            return done(ApiError(ApiError::Kind::Malformed,
                                 AccountsService::tr("The account list did not end after %1 pages; stopped there.")
                                     .arg(AccountsService::MaxPages),
                                 envelope.value().httpStatus));
        }
        requestPage(client, page + 1, std::move(accounts), context, std::move(done));
    });
}

} // namespace

AccountsService::AccountsService(ApiClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
}

void AccountsService::listAll(QObject *context, AccountsCallback done)
{
    requestPage(m_client, 1, {}, context, std::move(done));
}
