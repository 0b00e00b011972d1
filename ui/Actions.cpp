#include "Actions.h"

#include "Icons.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>

using namespace Qt::Literals::StringLiterals;

Actions::Actions(QObject *parent)
    : QObject(parent)
{
    struct Spec
    {
        Id id;
        const char *objectName;
        const char *icon; // a theme name, or none
        QString text;
        QKeySequence shortcut;
        QString statusTip;
        bool checkable = false;
    };
    const QList<Spec> specs{
        {NewProfile, "newProfileAction", nullptr, tr("&New Profile\u2026"), QKeySequence::New,
         tr("Add a profile: credentials kept in the keychain")},
        {EditProfile, "editProfileAction", nullptr, tr("&Edit Profile\u2026"), {},
         tr("Change, test or remove the current profile")},
        {Export, "exportAction", "document-save-as", tr("E&xport\u2026"), QKeySequence(Qt::CTRL | Qt::Key_E),
         tr("Save the selected rows, or all rows shown, as CSV, JSON or NDJSON")},
        {Load, "loadAction", "view-refresh", tr("&Load First Page"), QKeySequence(Qt::CTRL | Qt::Key_Return),
         tr("Load the first page of the account's build tokens")},
        {LoadAllPages, "loadAllPagesAction", "go-bottom", tr("Load All Page&s"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
         tr("Load every page of the account into one table, to sort, filter and export them all")},
        {Reload, "reloadAction", nullptr, tr("&Reload"), QKeySequence::Refresh,
         tr("Load the page shown, or all pages, again")},
        {CheckHealth, "checkHealthAction", nullptr, tr("Check &Health"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
         tr("Ask Cloudflare whether each build token's API token is still active (needs \u201c"
            "API Tokens Read\u201d)")},
        {ScanUsage, "scanUsageAction", nullptr, tr("Scan &Usage\u2026"), {},
         tr("Find which Workers' build triggers use each build token (a request per Worker that uses Builds)")},
        {Quit, "quitAction", "application-exit", tr("&Quit"), QKeySequence::Quit, tr("Quit Build Token Browser")},
        {CopyRows, "copyAction", "edit-copy", tr("&Copy Rows"), QKeySequence::Copy,
         tr("Copy the selected rows as tab-separated text with a header row")},
        {SelectAll, "selectAllAction", nullptr, tr("Select &All"), QKeySequence::SelectAll, tr("Select every row shown")},
        {Find, "findAction", nullptr, tr("&Filter\u2026"), QKeySequence::Find, tr("Show only the rows that contain some text")},
        {FirstPage, "firstPageAction", "go-first", tr("First page"), QKeySequence(Qt::ALT | Qt::Key_Home),
         tr("Go to the first page")},
        {PreviousPage, "previousPageAction", "go-previous", tr("Previous page"), QKeySequence::Back,
         tr("Go to the previous page")},
        {NextPage, "nextPageAction", "go-next", tr("Next page"), QKeySequence::Forward, tr("Go to the next page")},
        {LastPage, "lastPageAction", "go-last", tr("Last page"), QKeySequence(Qt::ALT | Qt::Key_End),
         tr("Go to the last page")},
        {Cancel, "cancelAction", "process-stop", tr("Cancel"), QKeySequence::Cancel, tr("Cancel the request in progress")},
        // QKeySequence::Preferences is Cmd+, on macOS and nothing elsewhere; Ctrl+, is that key
        // on every platform, and GNOME's for preferences.
        {Preferences, "preferencesAction", nullptr, tr("&Preferences\u2026"), QKeySequence(Qt::CTRL | Qt::Key_Comma),
         tr("Set the transfer timeout and how many pages Load All Pages asks for at once")},
        {DetailsPane, "detailsPaneAction", nullptr, tr("&Details Pane"), QKeySequence(Qt::Key_F9),
         tr("Show or hide the fields of the current token beside the table"), true},
        {KeyboardShortcuts, "keyboardShortcutsAction", nullptr, tr("&Keyboard Shortcuts"), {},
         tr("List every keyboard shortcut")},
        {Documentation, "documentationAction", nullptr, tr("&Documentation"), QKeySequence::HelpContents,
         tr("Open the user guide in the web browser")},
        {About, "aboutAction", nullptr, tr("&About Build Token Browser"), {}, tr("Show the version")},
        {AboutQt, "aboutQtAction", nullptr, tr("About &Qt"), {}, tr("Show the version and licence of Qt")},
    };
    m_actions.resize(specs.size());
    for (const Spec &spec : specs) {
        auto *action = new QAction(spec.text, this);
        action->setObjectName(QString::fromLatin1(spec.objectName));
        if (spec.icon)
            action->setIcon(Icons::themed(QString::fromLatin1(spec.icon)));
        action->setShortcut(spec.shortcut);
        action->setCheckable(spec.checkable);
        action->setStatusTip(spec.statusTip);
        // A tool button shows the tip; the key is worth learning there.
        action->setToolTip(spec.shortcut.isEmpty() ? spec.statusTip
                                                   : u"%1 (%2)"_s.arg(spec.statusTip, spec.shortcut.toString(QKeySequence::NativeText)));
        m_actions[spec.id] = action;
    }
}

void Actions::fillMenuBar(QMenuBar *menuBar, QMenu *columns) const
{
    QAction *const separator = nullptr;
    const auto addMenu = [menuBar](const QString &title, const QList<QAction *> &actions) {
        QMenu *menu = menuBar->addMenu(title);
        for (QAction *action : actions) {
            if (action)
                menu->addAction(action);
            else
                menu->addSeparator();
        }
        return menu;
    };
    const auto a = [this](Id id) { return action(id); };
    addMenu(tr("&File"),
            {a(NewProfile), a(EditProfile), separator, a(Export), separator, a(Load), a(LoadAllPages), a(Reload), a(CheckHealth), a(ScanUsage),
             separator, a(Quit)});
    addMenu(tr("&Edit"), {a(CopyRows), a(SelectAll), a(Find), separator, a(Preferences)});
    addMenu(tr("&View"), {a(DetailsPane)})->addMenu(columns);
    addMenu(tr("&Go"), {a(FirstPage), a(PreviousPage), a(NextPage), a(LastPage), separator, a(Cancel)});
    addMenu(tr("&Help"), {a(Documentation), a(KeyboardShortcuts), separator, a(About), a(AboutQt)});
}
