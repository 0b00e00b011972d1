#pragma once

#include <QDialog>

class QFormLayout;
class QSpinBox;
struct AppCore;

// Edit -> Preferences: the transfer timeout and the pages Load All Pages asks for at once,
// which only the settings file could change before. OK saves them and applies them to the
// running core: the next request and the next Load All Pages use them. Shown with open(),
// never exec(); it deletes itself when closed.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    // `core` outlives the dialog.
    explicit PreferencesDialog(AppCore *core, QWidget *parent = nullptr);

    void accept() override;

private:
    // A spin box in `form` under a label with a mnemonic, and a muted line saying what it does.
    QSpinBox *addSetting(QFormLayout *form, const QString &label, const QString &accessibleName, const QString &explanation);
    void restoreDefaults();

    AppCore *m_core;
    QSpinBox *m_timeoutBox;
    QSpinBox *m_concurrencyBox;
};
