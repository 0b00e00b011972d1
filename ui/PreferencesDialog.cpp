#include "PreferencesDialog.h"

#include "AppCore.h"
#include "Theme.h"
#include "api/ApiClient.h"
#include "session/AllPagesJob.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

int seconds(std::chrono::milliseconds duration)
{
    return int(std::chrono::duration_cast<std::chrono::seconds>(duration).count());
}

} // namespace

PreferencesDialog::PreferencesDialog(AppCore *core, QWidget *parent) : QDialog(parent), m_core(core)
{
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));
    setAttribute(Qt::WA_DeleteOnClose);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_timeoutBox = addSetting(form, tr("Transfer &timeout:"), tr("Transfer timeout in seconds"),
                              tr("A request that receives nothing for this long is sent again, %n attempts in all. A slow "
                                 "network or proxy may need more.",
                                 nullptr, core->client.retryPolicy().maxAttempts));
    m_timeoutBox->setObjectName(u"transferTimeoutBox"_s);
    m_timeoutBox->setRange(seconds(AppSettings::MinTransferTimeout), seconds(AppSettings::MaxTransferTimeout));
    m_timeoutBox->setSuffix(tr(" s", "after a number of seconds"));
    m_timeoutBox->setValue(seconds(core->settings.transferTimeout()));

    m_concurrencyBox = addSetting(form, tr("&Pages asked for at once:"), tr("Pages asked for at once"),
                                  tr("Load All Pages asks for this many pages at the same time. Fewer is gentler on a "
                                     "slow connection and on Cloudflare's rate limit."));
    m_concurrencyBox->setObjectName(u"concurrencyBox"_s);
    m_concurrencyBox->setRange(AllPagesJob::MinConcurrency, AllPagesJob::MaxConcurrency);
    m_concurrencyBox->setValue(core->settings.concurrency());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, &PreferencesDialog::restoreDefaults);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(sizeHint().expandedTo(QSize(480, 0)));
}

QSpinBox *PreferencesDialog::addSetting(QFormLayout *form, const QString &label, const QString &accessibleName,
                                        const QString &explanation)
{
    auto *box = new QSpinBox(this);
    box->setAccessibleName(accessibleName);
    box->setAccessibleDescription(explanation);
    // A number needs no more width than its own; the explanation takes the rest.
    box->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    auto *note = new ToneLabel(ToneLabel::Tone::Muted, this);
    note->setText(explanation);
    // The note in the box's row: a row of its own without a label keeps the height its
    // wrapped text has at its narrowest (QFormLayout). A label made here, as QFormLayout gives
    // one a buddy only beside a widget.
    auto *column = new QVBoxLayout;
    column->addWidget(box);
    column->addWidget(note);
    auto *name = new QLabel(label, this);
    name->setBuddy(box);
    form->addRow(name, column);
    return box;
}

void PreferencesDialog::restoreDefaults()
{
    m_timeoutBox->setValue(seconds(ApiClient::DefaultTransferTimeout));
    m_concurrencyBox->setValue(AllPagesJob::DefaultConcurrency);
}

void PreferencesDialog::accept()
{
    m_core->settings.setTransferTimeout(std::chrono::seconds(m_timeoutBox->value()));
    m_core->settings.setConcurrency(m_concurrencyBox->value());
    m_core->applyNetworkSettings();
    QDialog::accept();
}
