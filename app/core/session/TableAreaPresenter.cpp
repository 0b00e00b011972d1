#include "TableAreaPresenter.h"

#include "../model/BuildTokenTableModel.h"
#include "../model/UntrustedText.h"
#include "ActiveProfile.h"
#include "BrowserSession.h"

#include <QLocale>

TableAreaPresenter::TableAreaPresenter(ActiveProfile *active, BrowserSession *session, QObject *parent)
    : QObject(parent), m_active(active), m_session(session)
{
    connect(m_active, &ActiveProfile::changed, this, [this] {
        clearProblem(); // it spoke of the previous profile
        emit changed();
    });
    connect(m_active, &ActiveProfile::secretFailed, this,
            [this](const QString &summary, const QString &details) { setProblem(summary, details, true); });
    connect(m_active, &ActiveProfile::waitingChanged, this, [this](bool waiting) {
        if (waiting) {
            clearProblem(); // it spoke of an earlier try
            emit statusMessage(secretWaitText() + u' ' + tr("(Esc stops waiting)"), 0);
        } else if (!m_session->isBusy() && !hasProblem()) {
            emit statusMessage({}, 0); // given up, or read: the request's own message follows
        }
        emit changed();
    });
    connect(m_session, &BrowserSession::stateChanged, this, &TableAreaPresenter::changed);
    connect(m_session, &BrowserSession::busyChanged, this, &TableAreaPresenter::onBusyChanged);
    connect(m_session, &BrowserSession::failed, this, &TableAreaPresenter::onFailed);
    connect(m_session, &BrowserSession::pageLoaded, this, [this] {
        const QLocale locale;
        if (m_session->mode() == BrowserSession::Mode::AllPages)
            emit statusMessage(tr("Loaded all pages (%1) in %2 ms")
                                   .arg(BrowserSession::tokensText(m_session->rows()->rowCount()), locale.toString(m_loadTimer.elapsed())),
                               5000);
        else
            emit statusMessage(tr("Loaded page %1 in %2 ms").arg(m_session->page()).arg(m_loadTimer.elapsed()), 5000);
    });
}

TableAreaPresenter::State TableAreaPresenter::state() const
{
    if (m_session->hasPage())
        return m_session->rows()->rowCount() > 0 ? State::Rows : State::NoTokens;
    if (m_session->isBusy() || m_active->isWaitingForSecret())
        return State::Loading;
    if (hasProblem())
        return State::Error;
    return m_active->profile() ? State::ChooseAccount : State::NoProfile;
}

QString TableAreaPresenter::placeholderText() const
{
    switch (state()) {
    case State::NoProfile:
        return tr("To see your build tokens, add a profile with a Cloudflare API token (New Profile\u2026, Ctrl+N), "
                  "or look around on demo data first.");
    case State::ChooseAccount: return tr("Choose an account and press Load.");
    case State::Loading: return m_session->isBusy() ? tr("Loading build tokens\u2026") : secretWaitText();
    case State::Rows: return {};
    case State::NoTokens:
        return m_session->page() > 1 ? tr("This page is empty: it is past the last page.")
                                     : tr("This account has no build tokens.");
    case State::Error: return tr("The build tokens could not be loaded: the message above says why.");
    }
    return {};
}

QList<TableAreaPresenter::Step> TableAreaPresenter::nextSteps() const
{
    switch (state()) {
    case State::NoProfile: return {Step::AddProfile, Step::ExploreDemo};
    case State::NoTokens: return {m_session->page() > 1 ? Step::FirstPage : Step::OtherAccount};
    case State::ChooseAccount:
    case State::Loading:
    case State::Rows:
    case State::Error: return {};
    }
    return {};
}

TableAreaPresenter::Step TableAreaPresenter::problemStep() const
{
    if (!m_active->profile())
        return Step::AddProfile;
    return m_problemIsTheProfiles ? Step::EditProfile : Step::Retry;
}

QString TableAreaPresenter::secretWaitText() const
{
    return tr("Reading the secret of \u201c%1\u201d from the keychain\u2026").arg(UntrustedText::isolate(m_active->name()));
}

void TableAreaPresenter::showProblem(const QString &summary, const QString &details)
{
    setProblem(summary, details, false);
}

void TableAreaPresenter::setProblem(const QString &summary, const QString &details, bool theProfiles)
{
    m_problemSummary = summary;
    m_problemDetails = details;
    m_problemIsTheProfiles = theProfiles;
    emit statusMessage(summary, 0);
    emit changed();
}

void TableAreaPresenter::clearProblem()
{
    m_problemSummary.clear();
    m_problemDetails.clear();
    m_problemIsTheProfiles = false;
}

void TableAreaPresenter::onBusyChanged(bool busy)
{
    if (busy) {
        clearProblem(); // it spoke of an earlier request
        m_loadTimer.start();
        emit statusMessage(m_session->mode() == BrowserSession::Mode::AllPages
                               ? tr("Loading all pages\u2026 (Esc cancels and keeps the rows loaded so far)")
                               : tr("Loading page %1\u2026").arg(m_session->requestedPage()),
                           0);
    }
    emit changed();
}

void TableAreaPresenter::onFailed(const ApiError &error)
{
    if (error.kind() == ApiError::Kind::Canceled) {
        emit statusMessage(tr("Canceled"), 5000);
        return;
    }
    setProblem(error.summary(), error.details(), error.kind() == ApiError::Kind::Auth);
}
