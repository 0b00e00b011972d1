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
    for (const QAction *action : actions->all()) {
        if (action->shortcut().isEmpty())
            continue;
        const int row = table->rowCount();
        table->insertRow(row);
        // "&Copy Rows" reads as "Copy Rows"; "Export…" keeps its ellipsis (it opens a dialog).
        table->setItem(row, 0, new QTableWidgetItem(QString(action->text()).remove(u'&')));
        table->setItem(row, 1, new QTableWidgetItem(action->shortcut().toString(QKeySequence::NativeText)));
    }
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
