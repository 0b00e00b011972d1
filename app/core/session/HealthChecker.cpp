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
    m_applyTimer.setSingleShot(true);
    m_applyTimer.setInterval(0);
    connect(&m_applyTimer, &QTimer::timeout, this, &HealthChecker::applyNextPart);
    // The rows being given a check's health went (another page, a new run of all pages).
    connect(session->rows(), &QAbstractItemModel::modelReset, this, &HealthChecker::stopApplying);
    // Other rows (another account or profile): a check of the old ones would land on them.
    connect(session, &BrowserSession::cleared, this, &HealthChecker::cancel);
}

QList<IdText> HealthChecker::idsShown() const
{
    // Duplicates stay: the service keeps the ids as a set, made a part an event-loop turn
    // (100,000 ids made into a set here, and sorted, held the GUI thread 70 ms).
    const QList<BuildToken> &tokens = m_session->rows()->tokens();
    QList<IdText> ids;
    ids.reserve(tokens.size());
    for (const BuildToken &token : tokens) {
        if (!token.cloudflareTokenId.isEmpty())
            ids << token.cloudflareTokenId;
    }
    return ids;
}

void HealthChecker::onListed()
{
    stopApplying(); // those rows are gone
    const QList<IdText> ids = idsShown();
    if (ids.isEmpty())
        return;
    const auto cached = m_cache.constFind(m_session->accountId());
    if (cached != m_cache.constEnd() && m_clock() - cached->atMs < std::chrono::milliseconds(CacheLifetime).count()) {
        const bool coversAll = std::all_of(ids.begin(), ids.end(),
                                           [&cached](const IdText &id) { return cached->report.byTokenId.contains(id); });
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
    const QList<IdText> ids = idsShown();
    if (ids.isEmpty()) {
        emit statusMessage(tr("No rows to check"), 3000);
        return;
    }
    start(ids, true);
}

void HealthChecker::start(const QList<IdText> &ids, bool asked)
{
    cancel();
    m_asked = asked;
    const QString accountId = m_session->accountId();
    m_job = m_service->check(ids, this);
    connect(m_job, &Job::finished, this, [this, job = m_job.data(), accountId] { onFinished(job, accountId); });
    if (asked) {
        const qsizetype distinct = QSet<QString>(ids.begin(), ids.end()).size();
        emit statusMessage(tr("Checking the health of %n API token(s)\u2026", nullptr, int(distinct)), 0);
    }
    emit busyChanged(true);
}

void HealthChecker::cancel()
{
    stopApplying();
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
    if (!job->result().ok()) {
        emit busyChanged(false);
        //: %1 is the error
        emit statusMessage(tr("The health check failed: %1").arg(job->result().error().summary()), 0);
        return;
    }
    const HealthReport &report = job->result().value();
    m_permissionMissing = report.permissionMissing;
    m_cache.insert(accountId, Cached{m_clock(), report});
    if (accountId != m_session->accountId())
        return announce();
    m_applying = report.byTokenId;
    m_appliedRows = 0;
    applyNextPart();
}

void HealthChecker::applyNextPart()
{
    BuildTokenTableModel *rows = m_session->rows();
    rows->setHealth(m_applying, m_appliedRows, m_appliedRows + RowsATurn - 1);
    m_appliedRows += RowsATurn;
    if (m_appliedRows < rows->rowCount()) {
        m_applyTimer.start();
        return;
    }
    m_applying = {};
    announce();
}

void HealthChecker::stopApplying()
{
    if (!m_applyTimer.isActive()) // between two parts, or not at all
        return;
    m_applyTimer.stop();
    m_applying = {};
    emit busyChanged(false);
    if (m_asked)
        emit statusMessage({}, 0);
}

void HealthChecker::announce()
{
    emit busyChanged(false);
    emit checked();
    if (m_permissionMissing) {
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
