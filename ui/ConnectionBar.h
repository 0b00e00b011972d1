#pragma once

#include "api/Account.h"

#include <QWidget>

class AccountPicker;
class ActiveProfile;
class ProfileStore;
class QComboBox;
class QLabel;
class QPushButton;

// The row above the table: the profile to browse with (New…, Edit…), the account, Load, and
// a warning under it for a Global API Key. Choosing a profile selects it in ActiveProfile;
// whatever ActiveProfile selects (a removed profile, the last one on start) shows here.
class ConnectionBar : public QWidget
{
    Q_OBJECT

public:
    ConnectionBar(ProfileStore *profiles, ActiveProfile *active, QWidget *parent = nullptr);

    // The account chosen or typed, trimmed.
    QString accountId() const;
    void setAccounts(const QList<Account> &accounts);
    // The name of account `id` from the list, or empty.
    QString accountName(const QString &id) const;
    bool hasAccounts() const;
    // Puts the focus in the account field, its text selected, to type or pick another.
    void focusAccount();

signals:
    void loadRequested();
    void newProfileRequested();
    void editProfileRequested();

private:
    void refreshProfiles();
    void showActiveProfile();

    ProfileStore *m_profiles;
    ActiveProfile *m_active;
    QComboBox *m_profileBox;
    QPushButton *m_editButton;
    AccountPicker *m_accountPicker;
    QLabel *m_keyWarning;
};
