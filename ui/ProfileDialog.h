#pragma once

#include "auth/Profile.h"

#include <QDialog>

#include <functional>

#include <optional>

class AccountPicker;
class ApiClient;
class ProfileStore;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class ToneLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

// Adds or edits one profile: name, auth scheme, secret (to the keychain), email, default
// account (picked from GET /accounts or typed), API base URL, and a connection test. Shown
// with open(), never exec(): the UI never runs a nested event loop.
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    // `existing` empty: a new profile.
    ProfileDialog(ProfileStore *profiles, QNetworkAccessManager *network, const std::optional<Profile> &existing,
                  QWidget *parent = nullptr);

signals:
    void saved(const QString &name);
    void removed(const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    bool isGlobalKey() const;
    void applySchemeVisibility();
    // As tall as the fields need at this width, after text or rows appeared.
    void growToFit();
    // An existing profile's name, which cannot change, drawn on the window's colour.
    void showNameAsFixed();
    enum class Purpose { Connect, Save };
    // The profile as the fields describe it, or why they do not.
    QString typedSecret() const; // as typed, without the spaces around it
    std::optional<Profile> profileFromFields(Purpose purpose, QString *problem) const;
    // Calls `use` with a client (owned by `use` from then on) set up from the fields and the
    // typed secret, or an existing profile's stored one; else the result line says why not.
    void withClientFromFields(const std::function<void(ApiClient &)> &use);
    void testConnection();
    void fetchAccounts();
    void save();
    void finishSave(const Profile &profile);
    void offerSessionOnly(const Profile &profile, const QString &secret, const QString &problem);
    void confirmRemove();
    // While the keychain saves or removes: the fields and Save hold still, Cancel works.
    void setSaving(bool saving);
    void showResult(const QString &text, bool good);

    ProfileStore *m_profiles;
    QNetworkAccessManager *m_network;
    bool m_existing;
    QWidget *m_fields;
    QFormLayout *m_form;
    QLineEdit *m_nameEdit;
    QComboBox *m_schemeBox;
    QLineEdit *m_emailEdit;
    QLabel *m_secretLabel;
    QLineEdit *m_secretEdit;
    QCheckBox *m_showSecret;
    ToneLabel *m_secretHelp; // what secret is needed, and where to get it
    QLabel *m_keyWarning;
    AccountPicker *m_accountPicker;
    QPushButton *m_fetchAccountsButton;
    QLineEdit *m_apiBaseEdit;
    QPushButton *m_testButton;
    ToneLabel *m_resultLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_removeButton = nullptr; // an existing profile's only
};
