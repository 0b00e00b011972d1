#include "PaginationBar.h"

#include "Actions.h"
#include "api/PageMath.h"
#include "session/ActiveProfile.h"
#include "session/BrowserSession.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSpinBox>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace {

QToolButton *buttonFor(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    button->setAccessibleName(action->iconText()); // without the & of a mnemonic
    return button;
}

} // namespace

const QList<int> &PaginationBar::perPageChoices()
{
    static const QList<int> choices{10, 25, 50, 100, 200};
    return choices;
}

PaginationBar::PaginationBar(BrowserSession *session, ActiveProfile *active, const Actions *actions, QWidget *parent)
    : QWidget(parent), m_session(session), m_active(active)
{
    m_first = actions->action(Actions::FirstPage);
    m_previous = actions->action(Actions::PreviousPage);
    m_next = actions->action(Actions::NextPage);
    m_last = actions->action(Actions::LastPage);
    m_cancel = actions->action(Actions::Cancel);
    connect(m_first, &QAction::triggered, session, &BrowserSession::firstPage);
    connect(m_previous, &QAction::triggered, session, &BrowserSession::previousPage);
    connect(m_next, &QAction::triggered, session, &BrowserSession::nextPage);
    connect(m_last, &QAction::triggered, session, &BrowserSession::lastPage);
    connect(m_cancel, &QAction::triggered, session, &BrowserSession::cancel);
    connect(m_cancel, &QAction::triggered, active, &ActiveProfile::cancelWaiting);

    m_pageBox = new QSpinBox(this);
    m_pageBox->setObjectName(u"pageBox"_s);
    m_pageBox->setAccessibleName(tr("Page number"));
    m_pageBox->setToolTip(tr("Type a page number and press Enter"));
    m_pageBox->setRange(1, 1);
    m_pageBox->setKeyboardTracking(false); // one request per typed number, not per digit
    m_pageBox->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_pageBox->setAlignment(Qt::AlignRight);
    m_pageBox->setMinimumWidth(m_pageBox->fontMetrics().horizontalAdvance(u"0000000"_s));
    // Any page number can be typed (a range of 1..25 would refuse the second 9 of 99 and
    // load page 9); one past the last goes to the last.
    connect(m_pageBox, &QSpinBox::editingFinished, this, [this] {
        const auto total = m_session->totalPages();
        const int page = total ? std::min(m_pageBox->value(), PageMath::lastNameablePage(*total)) : m_pageBox->value();
        m_pageBox->setValue(page);
        if (page != m_session->page() || !m_session->hasPage() || m_session->mode() == BrowserSession::Mode::AllPages)
            m_session->loadPage(page);
    });
    m_ofPagesLabel = new QLabel(this);
    m_ofPagesLabel->setObjectName(u"ofPagesLabel"_s);

    m_perPageBox = new QComboBox(this);
    m_perPageBox->setObjectName(u"perPageBox"_s);
    m_perPageBox->setAccessibleName(tr("Rows per page"));
    m_perPageBox->setToolTip(tr("Rows per page"));
    for (int choice : perPageChoices())
        m_perPageBox->addItem(QLocale().toString(choice), choice);
    connect(m_perPageBox, &QComboBox::activated, this, &PaginationBar::onPerPageActivated);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(u"summaryLabel"_s);
    // "All pages: 3 of 7 loaded · 600 tokens" wraps rather than widen the window past an
    // 800-pixel screen.
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextFormat(Qt::PlainText);
    m_summaryLabel->setMinimumWidth(
        m_summaryLabel->fontMetrics().horizontalAdvance(BrowserSession::tr("Page %1 of %2").arg(u"00"_s, u"00"_s)));
    m_busyIndicator = new QProgressBar(this);
    m_busyIndicator->setObjectName(u"busyIndicator"_s);
    // Narrow, and Cancel an icon (named, with its key in the tooltip): busy, the bar still
    // fits a 720 px window; wide enough for the pages of Load All Pages ("49 of 500").
    m_busyIndicator->setFixedWidth(m_busyIndicator->fontMetrics().horizontalAdvance(pagesDone(500, 500)) + 16);
    m_busyIndicator->setAccessibleName(tr("Loading"));
    m_cancelButton = buttonFor(m_cancel, this);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(buttonFor(m_first, this));
    layout->addWidget(buttonFor(m_previous, this));
    // Alt+O: every letter of "Page" is a menu's or the connection bar's already.
    m_pageLabel = new QLabel(tr("G&o to page"), this);
    m_pageLabel->setBuddy(m_pageBox);
    layout->addWidget(m_pageLabel);
    layout->addWidget(m_pageBox);
    layout->addWidget(m_ofPagesLabel);
    layout->addWidget(buttonFor(m_next, this));
    layout->addWidget(buttonFor(m_last, this));
    QToolButton *allPages = buttonFor(actions->action(Actions::LoadAllPages), this);
    allPages->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    layout->addWidget(allPages);
    layout->addSpacing(6);
    auto *perPageLabel = new QLabel(tr("&Rows per page:"), this);
    perPageLabel->setBuddy(m_perPageBox);
    layout->addWidget(perPageLabel);
    layout->addWidget(m_perPageBox);
    layout->addSpacing(6);
    layout->addWidget(m_summaryLabel, 1);
    layout->addWidget(m_busyIndicator);
    layout->addWidget(m_cancelButton);

    m_busyDelay.setSingleShot(true);
    m_busyDelay.setInterval(BusyDelayMs);
    connect(&m_busyDelay, &QTimer::timeout, this, [this] { showBusy(true); });
    connect(session, &BrowserSession::stateChanged, this, &PaginationBar::refresh);
    connect(active, &ActiveProfile::waitingChanged, this, &PaginationBar::refresh);
    refresh();
}

void PaginationBar::onPerPageActivated(int index)
{
    m_session->setPerPage(m_perPageBox->itemData(index).toInt());
}

void PaginationBar::refresh()
{
    const bool busy = m_session->isBusy() || m_active->isWaitingForSecret();
    m_first->setEnabled(m_session->hasPage() && m_session->canGoBack());
    m_previous->setEnabled(m_session->hasPage() && m_session->canGoBack());
    m_next->setEnabled(m_session->canGoForward());
    m_last->setEnabled(m_session->canGoLast());
    m_cancel->setEnabled(busy);
    if (!busy) {
        m_busyDelay.stop();
        showBusy(false);
    } else if (m_busyIndicator->isHidden() && !m_busyDelay.isActive()) {
        m_busyDelay.start();
    }
    const bool allPages = m_session->mode() == BrowserSession::Mode::AllPages;
    // A page has no progress to show; all pages have pages done of pages known.
    const auto [done, of] = m_session->allPagesProgress();
    // A run goes no further than the last page a page number names.
    m_busyIndicator->setRange(0, allPages && of > 0 ? PageMath::lastNameablePage(of) : 0);
    m_busyIndicator->setValue(int(qMin<qint64>(done, m_busyIndicator->maximum())));
    m_busyIndicator->setTextVisible(m_busyIndicator->maximum() > 0);
    m_busyIndicator->setFormat(pagesDone(m_busyIndicator->value(), m_busyIndicator->maximum()));
    // All pages are one table: there is no page to type, only a way back to page 1.
    m_pageLabel->setVisible(!allPages);
    m_pageBox->setVisible(!allPages);
    m_ofPagesLabel->setVisible(!allPages);

    const auto total = m_session->totalPages();
    const int maxPage = total ? PageMath::lastNameablePage(*total) : PageMath::LastPage;
    m_pageBox->setEnabled(m_session->hasPage());
    {
        const QSignalBlocker blocker(m_pageBox);
        m_pageBox->setRange(1, PageMath::LastPage);
        if (!m_pageBox->hasFocus())
            m_pageBox->setValue(m_session->page());
    }
    m_ofPagesLabel->setText(total ? tr("of %1").arg(QLocale().toString(maxPage)) : QString());
    m_pageBox->setAccessibleDescription(total ? tr("%Ln pages in all", nullptr, maxPage) : QString());
    m_perPageBox->setCurrentIndex(m_perPageBox->findData(m_session->perPage()));
    m_summaryLabel->setText(m_session->isBusy() && !allPages ? tr("Loading page %1\u2026").arg(QLocale().toString(m_session->requestedPage()))
                                              : m_session->summary());
}

QString PaginationBar::pagesDone(int done, int of)
{
    //: Pages loaded of all pages, in the busy indicator of Load All Pages
    return tr("%1 of %2").arg(QLocale().toString(done), QLocale().toString(of));
}

void PaginationBar::showBusy(bool shown)
{
    m_busyIndicator->setVisible(shown);
    m_cancelButton->setVisible(shown);
}
