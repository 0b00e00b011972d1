#pragma once

#include "api/Account.h"

#include <QComboBox>

// An editable account chooser: the accounts the credentials can see ("Name — id"), and any
// id typed by hand.
class AccountPicker : public QComboBox
{
    Q_OBJECT

public:
    explicit AccountPicker(QWidget *parent = nullptr);

    // Keeps what is typed or chosen.
    void setAccounts(const QList<Account> &accounts);
    // The chosen account's id, or the text typed, trimmed.
    QString accountId() const;
    void setAccountId(const QString &id);
    // The name of account `id` as the list gave it; empty when the list does not hold it.
    QString accountName(const QString &id) const;
};
