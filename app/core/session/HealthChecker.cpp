#include "HealthChecker.h"

#include "../model/BuildTokenTableModel.h"
#include "BrowserSession.h"

#include <QElapsedTimer>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

HealthChecker::HealthChecker(TokenHealthService *service, BrowserSession *session, QObject *parent)
    : QObject(parent), m_service(service), m_session(session)
{
    m_clock = [timer = std::make_shared<QElapsedTimer>()] {
        if (!timer->isValid())
            timer->start();
        return timer->elapsed();
    };
    connect(session, &BrowserSession::pageLoaded, this, &HealthChecker::onListed);
    // Other rows (another account or profile): a check of the old ones would land on them.
    connect(session, &BrowserSession::cleared, this, &HealthChecker::cancel);
}

QStringList HealthChecker::idsShown() const
{
    QSet<QString> ids;
    for (const BuildToken &token : m_session->rows()->tokens()) {
        if (!token.cloudflareTokenId.isEmpty())
            ids.insert(token.cloudflareTokenId);
    }
    // Unsorted: the service keeps them as a set, and orders what it asks for one by one itself
    // (sorting 100,000 ids here cost 40 ms on the GUI thread).
    return QStringList(ids.begin(), ids.end());
}

void HealthChecker::onListed()
{
    const QStringList ids = idsShown();
    if (ids.isEmpty())
        return;
    const auto cached = m_cache.constFind(m_session->accountId());
    if (cached != m_cache.constEnd() && m_clock() - cached->atMs < std::chrono::milliseconds(CacheLifetime).count()) {
        const bool coversAll = std::all_of(ids.begin(), ids.end(),
                                           [&cached](const QString &id) { return cached->report.byTokenId.contains(id); });
        if (coversAll) {
            m_session->rows()->setHealth(cached->report.byTokenId);
            emit checked();
            return;
        }
    }
    if (m_automatic && !m_permissionMissing)
        start(ids, false);
}

void HealthChecker::check()
{
    const QStringList ids = idsShown();
    if (ids.isEmpty()) {
        emit statusMessage(tr("No rows to check"), 3000);
        return;
    }
    start(ids, true);
}

void HealthChecker::start(const QStringList &ids, bool asked)
{
    cancel();
    m_asked = asked;
    const QString accountId = m_session->accountId();
    m_job = m_service->check(ids, this);
    connect(m_job, &Job::finished, this, [this, job = m_job.data(), accountId] { onFinished(job, accountId); });
    if (asked)
        emit statusMessage(tr("Checking the health of %n API token(s)\u2026", nullptr, int(ids.size())), 0);
    emit busyChanged(true);
}

void HealthChecker::cancel()
{
    if (!m_job)
        return;
    HealthJob *job = m_job;
    m_job = nullptr;
    job->disconnect(this); // a canceled check says nothing
    job->cancel();
    emit busyChanged(false);
    if (m_asked)
        emit statusMessage({}, 0);
}

void HealthChecker::forget()
{
    cancel();
    m_cache.clear();
    m_permissionMissing = false;
}

void HealthChecker::onFinished(HealthJob *job, const QString &accountId)
{
    m_job = nullptr;
    emit busyChanged(false);
    if (!job->result().ok()) {
        //: %1 is the error
        emit statusMessage(tr("The health check failed: %1").arg(job->result().error().summary()), 0);
        return;
    }
    const HealthReport &report = job->result().value();
    m_permissionMissing = report.permissionMissing;
    m_cache.insert(accountId, Cached{m_clock(), report});
    if (accountId == m_session->accountId())
        m_session->rows()->setHealth(report.byTokenId);
    emit checked();
    if (report.permissionMissing) {
        //: %1 is the permission's name
        emit statusMessage(tr("Health unknown: the credentials may not read API tokens. Add \u201c%1\u201d to the API token, "
                              "then check again.")
                               .arg(TokenHealth::requiredPermission()),
                           0);
        return;
    }
    if (const QString summary = verdictSummary(m_asked); !summary.isEmpty())
        emit statusMessage(summary, 10000);
}

QString HealthChecker::verdictSummary(bool evenWhenFine) const
{
    int broken = 0;
    int unknown = 0;
    const QList<BuildToken> &tokens = m_session->rows()->tokens();
    for (const BuildToken &token : tokens) {
        if (!token.health || token.health->verdict == TokenHealth::Verdict::Unknown)
            ++unknown;
        else if (!token.health->isUsable())
            ++broken;
    }
    if (broken == 0 && (unknown == 0 || !evenWhenFine))
        return evenWhenFine ? tr("Health checked: every build token's API token is active") : QString();
    if (unknown == 0)
        return tr("Health checked: %n build token(s) will break a build (sort by Health to see them)", nullptr, broken);
    return tr("Health checked: %n build token(s) will break a build, %1 unknown", nullptr, broken).arg(unknown);
}
