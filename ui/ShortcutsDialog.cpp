#include "ShortcutsDialog.h"

#include "Actions.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

struct ShortcutsDialog
{
    Q_DECLARE_TR_FUNCTIONS(ShortcutsDialog)
};

} // namespace

void showKeyboardShortcuts(const Actions *actions, QWidget *parent)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(u"shortcutsDialog"_s);
    dialog->setWindowTitle(ShortcutsDialog::tr("Keyboard Shortcuts"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);

    auto *table = new QTableWidget(0, 2, dialog);
    table->setObjectName(u"shortcutsTable"_s);
    table->setAccessibleName(ShortcutsDialog::tr("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({ShortcutsDialog::tr("Action"), ShortcutsDialog::tr("Keys")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setTabKeyNavigation(false); // Tab goes on to Close
    const auto addRow = [table](const QString &what, const QList<QKeySequence> &keys) {
        QStringList texts;
        for (const QKeySequence &key : keys)
            texts << key.toString(QKeySequence::NativeText);
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(what));
        table->setItem(row, 1, new QTableWidgetItem(texts.join(u", "_s)));
    };
    for (const QAction *action : actions->all()) {
        // "&Copy Rows" reads as "Copy Rows"; "Export…" keeps its ellipsis (it opens a dialog).
        if (!action->shortcut().isEmpty())
            addRow(QString(action->text()).remove(u'&'), {action->shortcut()});
    }
    // What the window does with keys that no action has.
    addRow(ShortcutsDialog::tr("The current row's menu"), {QKeySequence(Qt::SHIFT | Qt::Key_F10), QKeySequence(Qt::Key_Menu)});
    addRow(ShortcutsDialog::tr("Press the focused button"), {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Space)});
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(dialog->sizeHint().expandedTo(QSize(420, 460)));
    dialog->open();
}
