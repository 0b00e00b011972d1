#pragma once

#include <QObject>

class QWidget;

// Enter (or Return) clicks the focused button of `window`, as Space does. Qt gives Enter to a
// push button only where it is a dialog's default (autoDefault), and never to a tool button:
// in the window, Retry, Edit Profile…, Load, the page arrows and Load All Pages answered Space
// alone, which a keyboard user does not expect of a button. Dialogs keep Qt's own rule (Enter
// presses their default button).
class EnterClicksButtons : public QObject
{
    Q_OBJECT

public:
    explicit EnterClicksButtons(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
};
