#include "AccountPicker.h"

#include "ClearButton.h"
#include "model/UntrustedText.h"

#include <QLineEdit>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int NameRole = Qt::UserRole + 1; // Qt::UserRole holds the id

} // namespace

AccountPicker::AccountPicker(QWidget *parent) : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    // The row it sits in stretches it; at its smallest the window still fits an 800 px screen.
    setMinimumContentsLength(14);
    lineEdit()->setPlaceholderText(tr("Account ID (32 hex digits), or pick one"));
    lineEdit()->setAccessibleName(tr("Account"));
    addClearButton(lineEdit(), tr("Clear the account"));
    // A chosen account shows from its start, its name, not scrolled to the id's end.
    connect(this, &QComboBox::currentIndexChanged, lineEdit(), [this] { lineEdit()->setCursorPosition(0); });
}

void AccountPicker::setAccounts(const QList<Account> &accounts)
{
    const QString current = accountId();
    const QSignalBlocker blocker(this);
    clear();
    for (const Account &account : accounts) {
        // Isolated: a name with a right-to-left override reversed the id after it.
        addItem(account.name.isEmpty() ? account.id : u"%1 \u2014 %2"_s.arg(UntrustedText::isolate(account.name), account.id),
                account.id);
        setItemData(count() - 1, account.name, NameRole);
    }
    setAccountId(current);
}

QString AccountPicker::accountName(const QString &id) const
{
    const int index = findData(id);
    return index >= 0 ? itemData(index, NameRole).toString() : QString();
}

QString AccountPicker::accountId() const
{
    const int index = currentIndex();
    if (index >= 0 && itemText(index) == currentText())
        return itemData(index).toString();
    return currentText().trimmed();
}

void AccountPicker::setAccountId(const QString &id)
{
    const int index = findData(id);
    if (index >= 0) {
        setCurrentIndex(index);
    } else {
        setCurrentIndex(-1);
        setEditText(id);
    }
    lineEdit()->setCursorPosition(0); // also when signals are blocked (setAccounts())
}
