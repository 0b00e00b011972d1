#include "ProfileDialog.h"

#include "AccountPicker.h"
#include "Theme.h"
#include "api/AccountsService.h"
#include "api/ApiClient.h"
#include "api/BuildTokensService.h"
#include "api/TokenVerifier.h"
#include "auth/ProfileStore.h"
#include "model/UntrustedText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

enum SchemeIndex { ApiTokenIndex, GlobalApiKeyIndex };

// Where a user makes an API token, and finds the Global API Key ("API Keys" on the same page).
const QString ApiTokensPage = u"https://dash.cloudflare.com/profile/api-tokens"_s;

QString keyWarningText()
{
    return ProfileDialog::tr("A Global API Key can do anything your user can. An API token with only "
                             "\u201cWorkers CI Read\u201d is the safer choice.");
}

} // namespace

ProfileDialog::ProfileDialog(ProfileStore *profiles, QNetworkAccessManager *network,
                             const std::optional<Profile> &existing, QWidget *parent)
    : QDialog(parent), m_profiles(profiles), m_network(network), m_existing(existing.has_value())
{
    setObjectName(u"profileDialog"_s);
    setWindowTitle(existing ? tr("Edit Profile \u201c%1\u201d").arg(UntrustedText::isolate(existing->name)) : tr("New Profile"));
    setAttribute(Qt::WA_DeleteOnClose);

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(u"nameEdit"_s);
    m_nameEdit->setPlaceholderText(tr("e.g. work"));
    m_schemeBox = new QComboBox(this);
    m_schemeBox->setObjectName(u"schemeBox"_s);
    m_schemeBox->insertItem(ApiTokenIndex, tr("API token (recommended)"));
    m_schemeBox->insertItem(GlobalApiKeyIndex, tr("Email and Global API Key"));
    m_emailEdit = new QLineEdit(this);
    m_emailEdit->setObjectName(u"emailEdit"_s);
    m_secretEdit = new QLineEdit(this);
    m_secretEdit->setObjectName(u"secretEdit"_s);
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_secretEdit->setPlaceholderText(existing ? tr("Saved; type a new one to replace it") : QString());
    m_showSecret = new QCheckBox(tr("S&how"), this);
    m_showSecret->setObjectName(u"showSecretBox"_s);
    m_showSecret->setToolTip(tr("Show the secret as you type it"));
    connect(m_showSecret, &QCheckBox::toggled, this, [this](bool show) {
        m_secretEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });
    // A paste often brings a space or a line break along: say that it is left out.
    connect(m_secretEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        bool trimmed = false;
        if (!Credentials::withoutSurroundingSpace(text, &trimmed).isEmpty() && trimmed)
            showResult(tr("The spaces around the secret will be left out."), true);
    });
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secretEdit, 1);
    secretRow->addWidget(m_showSecret);

    // Our own fixed words and link, the one rich text here; the link opens in the browser and
    // is reached with Tab.
    m_secretHelp = new ToneLabel(ToneLabel::Tone::Muted, this);
    m_secretHelp->setObjectName(u"secretHelp"_s);
    m_secretHelp->setTextFormat(Qt::RichText);
    m_secretHelp->setOpenExternalLinks(true);
    m_secretHelp->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);

    m_keyWarning = new QLabel(u"\u26a0 "_s + keyWarningText(), this);
    m_keyWarning->setObjectName(u"keyWarning"_s);
    m_keyWarning->setWordWrap(true);

    m_accountPicker = new AccountPicker(this);
    m_accountPicker->setObjectName(u"accountPicker"_s);
    m_fetchAccountsButton = new QPushButton(tr("&Fetch Accounts"), this);
    m_fetchAccountsButton->setObjectName(u"fetchAccountsButton"_s);
    m_fetchAccountsButton->setToolTip(tr("List the accounts these credentials can see"));
    connect(m_fetchAccountsButton, &QPushButton::clicked, this, &ProfileDialog::fetchAccounts);
    auto *accountRow = new QHBoxLayout;
    accountRow->addWidget(m_accountPicker, 1);
    accountRow->addWidget(m_fetchAccountsButton);

    m_apiBaseEdit = new QLineEdit(this);
    m_apiBaseEdit->setObjectName(u"apiBaseEdit"_s);
    m_apiBaseEdit->setPlaceholderText(ApiClient::defaultBaseUrl().toString());

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->addRow(tr("&Name:"), m_nameEdit);
    m_form->addRow(tr("&Sign in with:"), m_schemeBox);
    m_form->addRow(tr("&Email:"), m_emailEdit);
    m_secretLabel = new QLabel(this);
    m_secretLabel->setBuddy(m_secretEdit);
    // Under the secret's field, in its row: a row of its own without a label keeps the height
    // its wrapped text has at its narrowest (QFormLayout), a gap above and below.
    auto *secretColumn = new QVBoxLayout;
    secretColumn->addLayout(secretRow);
    secretColumn->addWidget(m_secretHelp);
    secretColumn->addWidget(m_keyWarning);
    m_form->addRow(m_secretLabel, secretColumn);
    // A label made here: QFormLayout gives a label a buddy (which makes "&" a mnemonic) only
    // for a widget field, not for a row layout.
    auto *accountLabel = new QLabel(tr("Default &account:"), this);
    accountLabel->setBuddy(m_accountPicker);
    m_form->addRow(accountLabel, accountRow);
    m_form->addRow(tr("API &base URL:"), m_apiBaseEdit);

    m_testButton = new QPushButton(tr("Test &Connection"), this);
    m_testButton->setObjectName(u"testButton"_s);
    m_testButton->setToolTip(tr("Ask Cloudflare whether these credentials work"));
    connect(m_testButton, &QPushButton::clicked, this, &ProfileDialog::testConnection);
    m_resultLabel = new ToneLabel(ToneLabel::Tone::Normal, this); // the server's words (a token's status) and ours
    m_resultLabel->setObjectName(u"resultLabel"_s);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_resultLabel->hide(); // until there is one: empty, a screen reader would find a nameless control
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop | Qt::AlignLeft); // as narrow alone as beside a result
    testRow->addWidget(m_resultLabel, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (existing) {
        m_removeButton = m_buttons->addButton(tr("&Remove Profile\u2026"), QDialogButtonBox::DestructiveRole);
        m_removeButton->setObjectName(u"removeButton"_s);
        connect(m_removeButton, &QPushButton::clicked, this, &ProfileDialog::confirmRemove);
    }

    // The fields in one widget, so that saving can hold them all still while Cancel works.
    m_fields = new QWidget(this);
    m_fields->setLayout(m_form);
    m_form->setContentsMargins(0, 0, 0, 0);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_fields);
    layout->addLayout(testRow);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    if (existing) {
        m_nameEdit->setText(existing->name);
        m_nameEdit->setReadOnly(true);
        m_nameEdit->setFrame(false);
        m_nameEdit->setToolTip(tr("A profile's name cannot change: its keychain entry is named after it"));
        showNameAsFixed();
        m_schemeBox->setCurrentIndex(existing->scheme == Credentials::Scheme::GlobalApiKey ? GlobalApiKeyIndex : ApiTokenIndex);
        m_emailEdit->setText(existing->email);
        m_accountPicker->setAccountId(existing->accountId);
        m_apiBaseEdit->setText(existing->apiBaseUrl);
    }
    connect(m_schemeBox, &QComboBox::currentIndexChanged, this, &ProfileDialog::applySchemeVisibility);
    applySchemeVisibility();
    resize(sizeHint().expandedTo(QSize(620, 0)));
}

bool ProfileDialog::isGlobalKey() const
{
    return m_schemeBox->currentIndex() == GlobalApiKeyIndex;
}

void ProfileDialog::applySchemeVisibility()
{
    const bool key = isGlobalKey();
    m_form->setRowVisible(m_emailEdit, key);
    m_keyWarning->setVisible(key);
    m_secretLabel->setText(key ? tr("Global API &Key:") : tr("API &token:"));
    // "\u201c" "API" apart: lupdate would take the "A" for a fifth hex digit of the escape.
    m_secretHelp->setText(key ? tr("Your Global API Key is in the \u201c" "API Keys\u201d section of "
                                   "<a href=\"%1\">Cloudflare's API Tokens page</a>.")
                                    .arg(ApiTokensPage)
                              : tr("Use a <i>user</i> API token with the \u201cWorkers CI Read\u201d permission; the Builds API "
                                   "rejects account-owned tokens. <a href=\"%1\">Create one on Cloudflare's API Tokens page</a>")
                                    .arg(ApiTokensPage));
    growToFit();
}

void ProfileDialog::growToFit()
{
    // The layout's minimum gives a wrapped label one line: text that appears would be cut off.
    resize(width(), std::max(height(), heightForWidth(width())));
}

void ProfileDialog::showNameAsFixed()
{
    // A read-only line edit looks like any other; on the window's colour it reads as fixed.
    QPalette fixed = palette();
    fixed.setColor(QPalette::Base, fixed.color(QPalette::Window));
    m_nameEdit->setPalette(fixed);
}

void ProfileDialog::changeEvent(QEvent *event)
{
    // The desktop switched theme: the window's colour is another.
    if (event->type() == QEvent::PaletteChange && m_existing)
        showNameAsFixed();
    QDialog::changeEvent(event);
}

QString ProfileDialog::typedSecret() const
{
    return Credentials::withoutSurroundingSpace(m_secretEdit->text(), nullptr);
}

std::optional<Profile> ProfileDialog::profileFromFields(Purpose purpose, QString *problem) const
{
    Profile profile;
    profile.name = m_nameEdit->text();
    profile.scheme = isGlobalKey() ? Credentials::Scheme::GlobalApiKey : Credentials::Scheme::ApiToken;
    profile.email = isGlobalKey() ? m_emailEdit->text().trimmed() : QString();
    profile.accountId = m_accountPicker->accountId();
    profile.apiBaseUrl = m_apiBaseEdit->text().trimmed();
    // A connection test needs no name yet.
    *problem = purpose == Purpose::Save ? Profile::checkName(profile.name) : QString();
    if (problem->isEmpty() && purpose == Purpose::Save && !m_existing && m_profiles->profile(profile.name))
        *problem = tr("A profile named \u201c%1\u201d exists already.").arg(UntrustedText::isolate(profile.name));
    if (problem->isEmpty() && isGlobalKey() && profile.email.isEmpty())
        *problem = tr("Enter the email of the Cloudflare user the Global API Key belongs to.");
    if (problem->isEmpty() && isGlobalKey())
        *problem = Credentials::checkField(Credentials::Field::Email, profile.email);
    if (problem->isEmpty())
        *problem = Credentials::checkField(isGlobalKey() ? Credentials::Field::GlobalApiKey : Credentials::Field::ApiToken,
                                           typedSecret());
    if (problem->isEmpty() && !profile.accountId.isEmpty())
        *problem = BuildTokensService::checkAccountId(profile.accountId);
    if (problem->isEmpty() && !profile.apiBaseUrl.isEmpty())
        *problem = ApiClient::checkBaseUrl(QUrl(profile.apiBaseUrl));
    if (!problem->isEmpty())
        return std::nullopt;
    return profile;
}

void ProfileDialog::withClientFromFields(const std::function<void(ApiClient &)> &use)
{
    QString problem;
    const std::optional<Profile> profile = profileFromFields(Purpose::Connect, &problem);
    if (!profile) {
        showResult(problem, false);
        return;
    }
    auto connectWith = [this, profile = *profile, use](const QString &secret) {
        ApiClient client(m_network); // the job started with it keeps a copy
        client.useProfile(profile, secret);
        use(client);
    };
    const QString typed = typedSecret();
    if (!typed.isEmpty() || !m_existing) {
        connectWith(typed); // an empty one is refused by the client, with a message
        return;
    }
    m_profiles->readSecret(profile->name, this, [this, connectWith](const SecretStore::Result &result) {
        if (result.ok())
            connectWith(result.secret);
        else
            showResult(result.error == SecretStore::Error::NotFound ? tr("No secret is stored for this profile: enter it.")
                                                                   : result.message,
                       false);
    });
}

void ProfileDialog::testConnection()
{
    showResult(tr("Testing\u2026"), true);
    withClientFromFields([this](ApiClient &client) {
        TokenCheckJob *job = TokenVerifier(&client).verify(m_accountPicker->accountId(), this);
        connect(job, &Job::finished, this, [this, job] {
            const ApiResult<TokenCheck> &result = job->result();
            if (result.ok())
                showResult(result.value().summary(), result.value().isUsable());
            else
                showResult(result.error().toText(), false);
        });
    });
}

void ProfileDialog::fetchAccounts()
{
    showResult(tr("Fetching accounts\u2026"), true);
    withClientFromFields([this](ApiClient &client) {
        AccountsJob *job = AccountsService(&client).listAll(this);
        connect(job, &Job::finished, this, [this, job] {
            const ApiResult<QList<Account>> &result = job->result();
            if (result.ok()) {
                m_accountPicker->setAccounts(result.value());
                if (m_accountPicker->accountId().isEmpty() && !result.value().isEmpty())
                    m_accountPicker->setCurrentIndex(0);
                showResult(tr("%n accounts found.", nullptr, int(result.value().size())), true);
            } else {
                showResult(result.error().toText(), false);
            }
        });
    });
}

void ProfileDialog::save()
{
    QString problem;
    const std::optional<Profile> profile = profileFromFields(Purpose::Save, &problem);
    if (!profile) {
        showResult(problem, false);
        return;
    }
    const QString secret = typedSecret();
    if (secret.isEmpty()) {
        if (!m_existing) {
            showResult(isGlobalKey() ? tr("Enter the Global API Key.") : tr("Enter the API token."), false);
            return;
        }
        finishSave(*profile); // the stored secret stays
        return;
    }
    setSaving(true);
    showResult(tr("Saving the secret in the keychain\u2026 (Cancel stops waiting; the profile is then not saved)"), true);
    // Cancel destroys the dialog and with it this answer; ProfileStore then takes a new
    // profile's secret out of the keychain again.
    m_profiles->writeSecret(profile->name, secret, this, [this, profile = *profile, secret](const SecretStore::Result &result) {
        setSaving(false);
        if (result.ok())
            finishSave(profile);
        else
            offerSessionOnly(profile, secret, result.message);
    });
}

void ProfileDialog::finishSave(const Profile &profile)
{
    m_profiles->save(profile);
    emit saved(profile.name);
    accept();
}

void ProfileDialog::offerSessionOnly(const Profile &profile, const QString &secret, const QString &problem)
{
    showResult(problem, false);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Keychain Not Available"),
                                tr("The secret could not be saved in the keychain."), QMessageBox::Cancel, this);
    box->setObjectName(u"keychainProblemBox"_s);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(problem);
    // The keychain's own words; QMessageBox names its label so (the text format is the box's,
    // the informative label's is not).
    if (auto *informative = box->findChild<QLabel *>(u"qt_msgbox_informativelabel"_s))
        informative->setTextFormat(Qt::PlainText);
    QPushButton *sessionOnly = box->addButton(tr("Use for This &Session Only"), QMessageBox::AcceptRole);
    sessionOnly->setObjectName(u"sessionOnlyButton"_s);
    box->setDefaultButton(sessionOnly);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(sessionOnly, &QPushButton::clicked, this, [this, profile, secret] {
        // Memory only: the secret is gone when the app quits, and written nowhere.
        m_profiles->keepSecretForSession(profile.name, secret);
        finishSave(profile);
    });
    box->open();
}

void ProfileDialog::confirmRemove()
{
    const QString name = m_nameEdit->text();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Profile"),
                                tr("Remove profile \u201c%1\u201d and its secret from the keychain?").arg(UntrustedText::isolate(name)),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"confirmRemoveBox"_s);
    box->setTextFormat(Qt::PlainText); // the profile's name is the person's text
    QPushButton *remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"confirmRemoveButton"_s);
    // Enter keeps the profile: removing it takes a deliberate Alt+R or click.
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(remove, &QPushButton::clicked, this, [this, name] {
        setSaving(true);
        showResult(tr("Removing the secret from the keychain\u2026"), true);
        m_profiles->remove(name, this, [this](const SecretStore::Result &result) {
            if (!result.ok()) {
                showResult(tr("The profile is removed, but its keychain entry could not be: %1").arg(result.message), false);
                m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
                return;
            }
            accept();
        });
        emit removed(name); // its settings are gone already, whatever the keychain answers
    });
    box->open();
}

void ProfileDialog::setSaving(bool saving)
{
    m_fields->setEnabled(!saving);
    m_testButton->setEnabled(!saving);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!saving);
    if (m_removeButton)
        m_removeButton->setEnabled(!saving);
    if (saving)
        setCursor(Qt::BusyCursor); // an arrow too: Cancel still works
    else
        unsetCursor();
}

void ProfileDialog::showResult(const QString &text, bool good)
{
    m_resultLabel->showResult(text, good ? ToneLabel::Tone::Normal : ToneLabel::Tone::Error);
    growToFit();
}
