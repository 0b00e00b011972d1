#include "UsageScan.h"

#include "AppCore.h"
#include "api/UsageScanService.h"
#include "model/TokenColumns.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>
#include <QProgressDialog>
#include <QTableView>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

UsageScan::UsageScan(AppCore *core, QAction *action, QTableView *table, QWidget *window)
    : QObject(window), m_core(core), m_action(action), m_table(table), m_window(window)
{
    connect(action, &QAction::triggered, this, &UsageScan::start);
    connect(&core->presenter, &TableAreaPresenter::changed, this, &UsageScan::enableAction);
    enableAction();
    // Other rows (another account or profile): a scan for the old ones would land on them.
    connect(&core->session, &BrowserSession::cleared, this, [this] {
        if (m_job)
            m_job->cancel();
    });
}

QString UsageScan::costText() const
{
    const auto last = m_workersByAccount.constFind(m_core->session.accountId());
    if (last != m_workersByAccount.constEnd()) {
        //: %1 is a number of requests, %2 of Workers
        return tr("The last scan found %2 Workers: this one makes up to %1 requests, of the 1,200 every 5 minutes "
                  "Cloudflare allows you.")
            .arg(UsageScanService::requestsAtMostFor(*last))
            .arg(*last);
    }
    return tr("It makes one request for the account's Workers, one for every %1 Workers, and one for each Worker "
              "that builds with Workers Builds, of the 1,200 every 5 minutes Cloudflare allows you.")
        .arg(UsageScanService::LatestBatch);
}

void UsageScan::enableAction()
{
    m_action->setEnabled(m_core->rows.rowCount() > 0 && !m_job);
}

void UsageScan::start()
{
    if (m_job || m_core->rows.rowCount() == 0)
        return;
    auto *ask = new QMessageBox(QMessageBox::Question, tr("Scan Usage"),
                                tr("Find which Workers' build triggers use each build token?"), QMessageBox::Cancel, m_window);
    ask->setObjectName(u"usageScanQuestion"_s);
    ask->setInformativeText(costText());
    QPushButton *scan = ask->addButton(tr("&Scan"), QMessageBox::AcceptRole);
    ask->setDefaultButton(scan);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::finished, this, [this, ask, scan] {
        if (ask->clickedButton() == static_cast<QAbstractButton *>(scan))
            run();
    });
    ask->open();
}

void UsageScan::run()
{
    const QString accountId = m_core->session.accountId();
    m_job = m_core->usageService.scan(accountId, this);
    m_progress = new QProgressDialog(tr("Scanning the account's Workers\u2026"), tr("Cancel"), 0, 0, m_window);
    m_progress->setObjectName(u"usageScanProgress"_s);
    m_progress->setWindowTitle(tr("Scan Usage"));
    m_progress->setMinimumDuration(0);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_progress, &QProgressDialog::canceled, m_job, &Job::cancel);
    connect(m_job, &Job::progress, m_progress, [this](qint64 done, qint64 total) {
        m_progress->setMaximum(int(qMax<qint64>(total, 0)));
        m_progress->setValue(int(done));
        //: %1 of %2 requests
        m_progress->setLabelText(tr("Scanning the account's Workers: request %1 of %2\u2026").arg(done).arg(total));
    });
    connect(m_job, &Job::finished, this, [this, job = m_job.data(), accountId] {
        m_job = nullptr;
        if (m_progress)
            m_progress->close();
        enableAction();
        if (!job->result().ok()) {
            if (job->result().error().kind() == ApiError::Kind::Canceled)
                emit statusMessage(tr("Usage scan canceled"), 3000);
            else
                //: %1 is the error
                emit statusMessage(tr("The usage scan failed: %1").arg(job->result().error().summary()), 0);
            return;
        }
        const UsageReport &report = job->result().value();
        m_workersByAccount.insert(accountId, report.workers);
        if (accountId != m_core->session.accountId())
            return;
        m_core->rows.setUsage(report);
        m_table->showColumn(TokenColumns::UsedBy);
        int unused = 0;
        for (const BuildToken &token : m_core->rows.tokens())
            unused += token.usage && token.usage->isEmpty() ? 1 : 0;
        //: %1 Workers, %2 of them with Workers Builds, %3 requests; then how many build tokens no trigger uses
        emit statusMessage(tr("Usage scanned: %1 Workers, %2 build with Workers Builds (%3 requests); %n build token(s) "
                              "unused",
                              nullptr, unused)
                               .arg(report.workers)
                               .arg(report.workersWithBuilds)
                               .arg(report.requests),
                           10000);
    });
    enableAction();
    m_progress->show();
}
