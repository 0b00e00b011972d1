#pragma once

#include <QElapsedTimer>
#include <QObject>

class ActiveProfile;
class ApiError;
class BrowserSession;

// What the table area shows, decided without a widget: one explicit state, the text that
// stands in for the table when there are no rows, the problem for the banner above it, and
// the status messages of loading. The window only draws what this says.
class TableAreaPresenter : public QObject
{
    Q_OBJECT

public:
    enum class State {
        NoProfile,     // nothing to browse with yet
        ChooseAccount, // a profile, no listing yet
        Loading,       // a listing (or the secret it needs) is on its way and no rows are shown
        Rows,          // rows are shown (a request may be in flight over them)
        NoTokens,      // the page came back empty
        Error,         // the listing could not be loaded: the problem says why
    };
    Q_ENUM(State)

    // The ways on offered to a person: buttons in the empty table, and one in the banner.
    enum class Step { AddProfile, ExploreDemo, FirstPage, OtherAccount, EditProfile, Retry };

    // `active` and `session` outlive this object.
    TableAreaPresenter(ActiveProfile *active, BrowserSession *session, QObject *parent = nullptr);

    State state() const;
    // What stands in for the table in every state but Rows.
    QString placeholderText() const;

    // The problem of the latest request, until the next one starts or the profile changes.
    bool hasProblem() const { return !m_problemSummary.isEmpty(); }
    QString problemSummary() const { return m_problemSummary; }
    QString problemDetails() const { return m_problemDetails; }
    // What the empty table offers in its state (none while rows show or a listing comes).
    QList<Step> nextSteps() const;
    // The banner's way on: a profile when there is none; editing it when the problem is the
    // profile's (refused credentials, a secret that cannot be read); else another try.
    Step problemStep() const;
    // A problem found before any request could start (no profile, no secret).
    void showProblem(const QString &summary, const QString &details);

signals:
    void changed();
    // A passing message for the status bar; `timeoutMs` 0 keeps it until the next.
    void statusMessage(const QString &text, int timeoutMs);

private:
    void clearProblem();
    void setProblem(const QString &summary, const QString &details, bool theProfiles);
    QString secretWaitText() const;
    void onBusyChanged(bool busy);
    void onFailed(const ApiError &error);

    ActiveProfile *m_active;
    BrowserSession *m_session;
    QString m_problemSummary;
    QString m_problemDetails;
    bool m_problemIsTheProfiles = false;
    QElapsedTimer m_loadTimer;
};
