#include "ClearButton.h"

#include <QAction>
#include <QLineEdit>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

void addClearButton(QLineEdit *edit, const QString &name)
{
    edit->setClearButtonEnabled(true);
    // The action and its button are Qt's, found by the name Qt gives the action.
    if (auto *clear = edit->findChild<QAction *>(u"_q_qlineeditclearaction"_s)) {
        clear->setText(name);
        clear->setToolTip(name);
    }
    for (auto *button : edit->findChildren<QToolButton *>()) {
        button->setAccessibleName(name);
        button->setToolTip(name);
    }
}
