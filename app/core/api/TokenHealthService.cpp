#include "TokenHealthService.h"

#include "EnvelopeParser.h"
#include "IdShape.h"

#include <QHash>

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

// What a check has learnt so far; shared by the chain of requests.
struct HealthCheck
{
    HealthJob *job = nullptr;
    // Every id asked about has its entry from the start, null until its health is known: the
    // ids to check without a set of their own beside the report (some 3 MB at 100,000 ids,
    // part of the peak). The ids of an API token's shape are the ones to look for; the
    // others are missing at once.
    HealthReport report;
    qsizetype unknown = 0; // entries still null
    qint64 listed = 0;
    // Texts most API tokens share (a status, dates, a note), kept once: at 100,000 tokens a
    // copy of each was 25 MB.
    QHash<QString, SharedText> texts;
    QHash<QStringList, SharedList> policyLists; // the same, for a token's whole list of policies
    std::shared_ptr<const TokenHealth> missing; // the record of every missing token

    // The check's records, made in blocks rather than each in an allocation of its own (with
    // a shared_ptr's count beside it: 30 bytes a record, 3 MB at 100,000). A row's pointer to
    // its record shares the ownership of them all (the aliasing shared_ptr), so they go
    // together once no row, cache or report holds any.
    struct Records
    {
        std::vector<std::unique_ptr<TokenHealth[]>> blocks;
        size_t blockSize = 0;
        size_t used = 0; // of the last block
    };
    std::shared_ptr<Records> records = std::make_shared<Records>();
    std::shared_ptr<const TokenHealth> made(TokenHealth health)
    {
        Records &r = *records;
        if (r.used == r.blockSize) { // a check of one page needs no room for 100,000
            r.blockSize = qBound(size_t(64), r.blockSize * 2, size_t(4096));
            r.blocks.push_back(std::make_unique<TokenHealth[]>(r.blockSize));
            r.used = 0;
        }
        TokenHealth *slot = &r.blocks.back()[r.used++];
        *slot = std::move(health);
        return {records, slot};
    }

    // `shared` as the one copy `table` keeps of its value (null stays null).
    template<typename Value, typename Shared>
    static Shared kept(QHash<Value, Shared> *table, const Shared &shared)
    {
        if (!shared)
            return shared;
        auto it = table->constFind(shared.value());
        if (it == table->constEnd())
            it = table->insert(shared.value(), shared);
        return *it;
    }
    // Records `health` for `id`, with the texts it shares with others kept once.
    void record(const IdText &id, TokenHealth health)
    {
        health.note = kept(&texts, health.note);
        record(id, made(std::move(health)));
    }
    // A missing token's record says nothing of its own: one record for all of them (a
    // record is some 150 bytes, and a twelfth of the demo's tokens are missing).
    void recordMissing(const IdText &id)
    {
        if (!missing)
            missing = std::make_shared<const TokenHealth>(TokenHealth::missing());
        record(id, missing);
    }
    void record(const IdText &id, std::shared_ptr<const TokenHealth> health)
    {
        const auto asked = report.byTokenId.find(id);
        if (asked == report.byTokenId.end()) {
            report.byTokenId.insert(id, std::move(health));
            return;
        }
        if (!asked.value())
            --unknown;
        asked.value() = std::move(health);
    }
    // Whether `id` is one asked about that a listed API token may answer.
    bool isWanted(const IdText &id) const { return isIdShaped(id) && report.byTokenId.contains(id); }
    // `token` with the texts it shares with others kept once.
    ApiToken compact(ApiToken token)
    {
        // The dates too, where they repeat: modified_on is issued_on until a token changes,
        // tokens one script made share their dates, an expiry is often a round date (and the
        // demo's dates repeat); a date no other token has costs an entry of the table until
        // the check ends.
        for (SharedText *text : {&token.status, &token.issuedOn, &token.modifiedOn, &token.notBefore, &token.expiresOn, &token.lastUsedOn})
            *text = kept(&texts, *text);
        token.policies = kept(&policyLists, token.policies); // most tokens of one purpose have the same
        return token;
    }
};
using Check = std::shared_ptr<HealthCheck>;

bool isPermissionRefused(const ApiError &error)
{
    return error.httpStatus() == 401 || error.httpStatus() == 403;
}

void finish(const Check &check)
{
    Q_ASSERT(check->unknown == 0); // every id asked about has its health
    check->job->finish(check->report);
}

// Asks for the ids the list lacked, one after another, then finishes.
void requestMissing(const Check &check, QList<IdText> ids)
{
    if (ids.isEmpty())
        return finish(check);
    const IdText id = ids.takeFirst();
    ++check->report.requests;
    check->job->get(u"user/tokens/"_s + id.toString(), [check, id, ids = std::move(ids)](const ApiResult<Envelope> &envelope) mutable {
        emit check->job->progress(check->report.requests, -1);
        if (envelope.ok()) {
            const ApiResult<ApiToken> token = EnvelopeParser::parseApiToken(envelope.value());
            check->record(id, token.ok() ? TokenHealth::of(check->compact(token.value()), QDateTime::currentDateTimeUtc())
                                         : TokenHealth::notChecked(token.error().summary()));
        } else if (envelope.error().httpStatus() == 404) { // the error code is undocumented
            check->recordMissing(id);
        } else if (isPermissionRefused(envelope.error())) {
            check->record(id, TokenHealth::withoutPermission());
        } else {
            check->record(id, TokenHealth::notChecked(envelope.error().summary()));
        }
        requestMissing(check, std::move(ids));
    });
}

// GET /user/tokens has total_count but no total_pages: the list ends at an empty or short
// page, or once total_count tokens came.
bool isLastPage(qsizetype received, qint64 listed, const PageInfo &info)
{
    if (received < TokenHealthService::PerPage)
        return true;
    return info.totalCount && listed >= *info.totalCount;
}

void requestListPage(const Check &check, int page)
{
    const QUrlQuery query{{u"page"_s, QString::number(page)},
                          {u"per_page"_s, QString::number(TokenHealthService::PerPage)},
                          {u"include_expired"_s, u"true"_s}}; // else expired tokens are just absent
    ++check->report.requests;
    check->job->get(u"user/tokens"_s, query, [check, page](const ApiResult<Envelope> &envelope) {
        emit check->job->progress(check->report.requests, -1);
        if (!envelope.ok()) {
            if (!isPermissionRefused(envelope.error()))
                return check->job->finish(envelope.error());
            check->report.permissionMissing = true;
            const auto withoutPermission = std::make_shared<const TokenHealth>(TokenHealth::withoutPermission());
            for (auto it = check->report.byTokenId.begin(); it != check->report.byTokenId.end(); ++it) {
                if (isIdShaped(it.key())) // every id asked about, the ones found on a page before too
                    it.value() = withoutPermission;
            }
            check->unknown = 0;
            return finish(check);
        }
        const ApiResult<QList<ApiToken>> tokens = EnvelopeParser::parseApiTokens(envelope.value(), TokenHealthService::PerPage);
        if (!tokens.ok())
            return check->job->finish(tokens.error());
        const ApiResult<PageInfo> info = EnvelopeParser::withStatusOf(
            envelope.value(), EnvelopeParser::parsePageInfo(envelope.value().resultInfo));
        if (!info.ok())
            return check->job->finish(info.error());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const ApiToken &token : tokens.value()) {
            if (check->isWanted(token.id))
                check->record(token.id, TokenHealth::of(check->compact(token), now));
        }
        check->listed += tokens.value().size();
        if (!isLastPage(tokens.value().size(), check->listed, info.value())) {
            if (page >= TokenHealthService::MaxPages) {
                return check->job->finish(ApiError(ApiError::Kind::Malformed,
                                                   TokenHealthService::tr("The API token list did not end after %1 pages; "
                                                                          "stopped there.")
                                                       .arg(TokenHealthService::MaxPages),
                                                   envelope.value().httpStatus));
            }
            return requestListPage(check, page + 1);
        }
        QList<IdText> unlisted;
        for (auto it = check->report.byTokenId.cbegin(); it != check->report.byTokenId.cend(); ++it) {
            if (!it.value())
                unlisted << it.key();
        }
        std::sort(unlisted.begin(), unlisted.end()); // the same requests in the same order every time
        requestMissing(check, unlisted);
    });
}

// Takes the ids to check a few thousand an event-loop turn (100,000 at once held the GUI
// thread 30 ms), then asks for the list.
void takeIds(const Check &check, const QList<IdText> &ids, qsizetype from)
{
    constexpr qsizetype IdsATurn = 20000;
    if (check->job->isFinished()) // canceled meanwhile
        return;
    const qsizetype to = qMin(ids.size(), from + IdsATurn);
    for (qsizetype i = from; i < to; ++i) {
        const IdText &id = ids.at(i);
        if (id.isEmpty())
            continue;
        if (isIdShaped(id)) {
            if (!check->report.byTokenId.contains(id)) {
                check->report.byTokenId.insert(id, nullptr);
                ++check->unknown;
            }
        } else
            check->recordMissing(id); // no API token has such an id
    }
    if (to < ids.size()) {
        QMetaObject::invokeMethod(check->job, [check, ids, to] { takeIds(check, ids, to); }, Qt::QueuedConnection);
        return;
    }
    if (check->unknown == 0)
        return finish(check);
    requestListPage(check, 1);
}

} // namespace

void applyHealth(QList<BuildToken> *tokens, const HealthById &byTokenId)
{
    for (BuildToken &token : *tokens)
        token.health = byTokenId.value(token.cloudflareTokenId);
}

TokenHealthService::TokenHealthService(ApiClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
}

HealthJob *TokenHealthService::check(const QList<IdText> &tokenIds, QObject *parent)
{
    auto *job = new HealthJob(*m_client, parent ? parent : this);
    auto check = std::make_shared<HealthCheck>();
    check->job = job;
    check->report.byTokenId.reserve(tokenIds.size());
    // From the event loop, even when there is nothing to ask.
    QMetaObject::invokeMethod(job, [check, tokenIds] { takeIds(check, tokenIds, 0); }, Qt::QueuedConnection);
    return job;
}
