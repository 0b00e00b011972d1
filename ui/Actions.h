#pragma once

#include <QList>
#include <QObject>

class QAction;
class QMenu;
class QMenuBar;

// Every action of the main window, made in one place with its text, icon, shortcut (a
// standard key where Qt has one), status tip and object name. Who owns a widget connects
// to an action's triggered(); menus, tool buttons and a list of shortcuts read them here.
class Actions : public QObject
{
    Q_OBJECT

public:
    enum Id {
        NewProfile,
        EditProfile,
        Export,
        Load,
        LoadAllPages,
        Reload,
        CheckHealth,
        ScanUsage,
        Quit,
        CopyRows,
        SelectAll,
        Find,
        FirstPage,
        PreviousPage,
        NextPage,
        LastPage,
        Cancel,
        Preferences,
        DetailsPane,
        KeyboardShortcuts,
        Documentation,
        About,
        AboutQt,
    };

    explicit Actions(QObject *parent = nullptr);

    QAction *action(Id id) const { return m_actions.at(id); }
    // All of them, in the order of Id.
    const QList<QAction *> &all() const { return m_actions; }
    // Adds the window's menus (File, Edit, View, Go, Help), holding every action, to
    // `menuBar`; View ends with `columns`, the table's column chooser.
    void fillMenuBar(QMenuBar *menuBar, QMenu *columns) const;

private:
    QList<QAction *> m_actions;
};
