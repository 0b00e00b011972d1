#include "ConnectionBar.h"

#include "AccountPicker.h"
#include "Icons.h"
#include "auth/ProfileStore.h"
#include "session/ActiveProfile.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

ConnectionBar::ConnectionBar(ProfileStore *profiles, ActiveProfile *active, QWidget *parent)
    : QWidget(parent), m_profiles(profiles), m_active(active)
{
    m_profileBox = new QComboBox(this);
    m_profileBox->setObjectName(u"profileBox"_s);
    m_profileBox->setAccessibleName(tr("Profile"));
    m_profileBox->setMinimumContentsLength(10); // with the account field, the bar fits a 720 px window
    m_profileBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_profileBox, &QComboBox::currentIndexChanged, this, [this] { m_active->select(m_profileBox->currentText()); });
    auto *profileLabel = new QLabel(tr("&Profile:"), this);
    profileLabel->setBuddy(m_profileBox);

    m_editButton = new QPushButton(tr("Edi&t\u2026"), this); // Alt+E opens the Edit menu
    m_editButton->setObjectName(u"editProfileButton"_s);
    m_editButton->setToolTip(tr("Change this profile's secret, account or API base URL, test it, or remove it"));
    connect(m_editButton, &QPushButton::clicked, this, &ConnectionBar::editProfileRequested);
    auto *newButton = new QPushButton(tr("&New\u2026"), this);
    newButton->setObjectName(u"newProfileButton"_s);
    newButton->setToolTip(tr("Add a profile (Ctrl+N)"));
    connect(newButton, &QPushButton::clicked, this, &ConnectionBar::newProfileRequested);

    m_accountPicker = new AccountPicker(this);
    m_accountPicker->setObjectName(u"accountPicker"_s);
    m_accountPicker->setAccessibleName(tr("Account"));
    connect(m_accountPicker, &QComboBox::activated, this, &ConnectionBar::loadRequested);
    connect(m_accountPicker->lineEdit(), &QLineEdit::returnPressed, this, &ConnectionBar::loadRequested);
    auto *accountLabel = new QLabel(tr("&Account:"), this);
    accountLabel->setBuddy(m_accountPicker);

    auto *loadButton = new QPushButton(Icons::themed(u"view-refresh"_s), tr("&Load"), this);
    loadButton->setObjectName(u"loadButton"_s);
    loadButton->setToolTip(tr("Load the first page of the account's build tokens (Enter)"));
    connect(loadButton, &QPushButton::clicked, this, &ConnectionBar::loadRequested);

    m_keyWarning = new QLabel(tr("\u26a0 This profile uses a Global API Key, which can do anything your user can. "
                                 "An API token with only \u201cWorkers CI Read\u201d is the safer choice."), this);
    m_keyWarning->setObjectName(u"keyWarning"_s);
    m_keyWarning->setWordWrap(true);
    m_keyWarning->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(profileLabel);
    row->addWidget(m_profileBox);
    row->addWidget(m_editButton);
    row->addWidget(newButton);
    row->addSpacing(16);
    row->addWidget(accountLabel);
    row->addWidget(m_accountPicker, 1);
    row->addWidget(loadButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_keyWarning);

    connect(m_profiles, &ProfileStore::profilesChanged, this, [this] {
        refreshProfiles();
        if (m_profileBox->currentText() != m_active->name())
            m_active->select(m_profileBox->currentText()); // it was removed: nothing of it may stay
    });
    connect(m_active, &ActiveProfile::changed, this, &ConnectionBar::showActiveProfile);
    refreshProfiles();
}

QString ConnectionBar::accountId() const
{
    return m_accountPicker->accountId();
}

void ConnectionBar::setAccounts(const QList<Account> &accounts)
{
    m_accountPicker->setAccounts(accounts);
}

QString ConnectionBar::accountName(const QString &id) const
{
    return m_accountPicker->accountName(id);
}

void ConnectionBar::focusAccount()
{
    m_accountPicker->setFocus(Qt::OtherFocusReason);
    m_accountPicker->lineEdit()->selectAll();
}

bool ConnectionBar::hasAccounts() const
{
    return m_accountPicker->count() > 0;
}

void ConnectionBar::refreshProfiles()
{
    const QStringList names = m_profiles->names();
    const QSignalBlocker blocker(m_profileBox);
    m_profileBox->clear();
    m_profileBox->addItems(names);
    m_profileBox->setCurrentIndex(names.indexOf(m_active->name()));
    m_profileBox->setEnabled(!names.isEmpty());
    m_editButton->setEnabled(m_profileBox->currentIndex() >= 0);
}

void ConnectionBar::showActiveProfile()
{
    {
        const QSignalBlocker blocker(m_profileBox);
        m_profileBox->setCurrentIndex(m_profileBox->findText(m_active->name()));
    }
    const std::optional<Profile> &profile = m_active->profile();
    m_editButton->setEnabled(profile.has_value());
    m_keyWarning->setVisible(profile && profile->scheme == Credentials::Scheme::GlobalApiKey);
    m_accountPicker->setAccounts({}); // another profile's accounts
    m_accountPicker->setAccountId(m_active->accountId());
}
