#pragma once

class Actions;
class QWidget;

// Opens Help -> Keyboard Shortcuts over `parent` and returns at once: every action of
// `actions` that has a key, in menu order, as a table a screen reader can walk. The dialog
// deletes itself when closed.
void showKeyboardShortcuts(const Actions *actions, QWidget *parent);
