#include "EnterClicksButtons.h"

#include <QApplication>
#include <QKeyEvent>
#include <QPushButton>

EnterClicksButtons::EnterClicksButtons(QWidget *window) : QObject(window), m_window(window)
{
    // The buttons come and go (a banner's actions): the application sees every one's keys.
    qApp->installEventFilter(this);
}

bool EnterClicksButtons::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    if ((key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter)
        || (key->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier)
        return false;
    auto *button = qobject_cast<QAbstractButton *>(watched);
    if (!button || button->window() != m_window || !button->isEnabled())
        return false;
    // One that takes Enter itself (the empty-state panel's) is left to do so.
    if (const auto *push = qobject_cast<QPushButton *>(button); push && (push->autoDefault() || push->isDefault()))
        return false;
    button->click();
    return true;
}
