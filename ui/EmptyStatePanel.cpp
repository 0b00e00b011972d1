#include "EmptyStatePanel.h"

#include "Theme.h"

#include <QAction>
#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

EmptyStatePanel::EmptyStatePanel(QWidget *parent) : QWidget(parent), m_text(new ToneLabel(ToneLabel::Tone::Muted, this))
{
    m_text->setObjectName(u"placeholder"_s);
    m_text->setAlignment(Qt::AlignCenter);
    m_row = new QHBoxLayout;
    m_row->addStretch(1);
    m_row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_text);
    layout->addLayout(m_row);
    layout->addStretch(1);
}

void EmptyStatePanel::showState(const QString &text, const QList<QAction *> &actions)
{
    m_text->setText(text);
    if (actions == m_actions)
        return;
    m_actions = actions;
    qDeleteAll(std::exchange(m_buttons, {}));
    for (QAction *action : actions) {
        auto *button = new QPushButton(action->icon(), action->text(), this);
        button->setObjectName(action->objectName() + u"Button"_s);
        button->setToolTip(action->toolTip());
        button->setAutoDefault(true); // Enter presses the focused button here too, not only in dialogs
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        m_row->insertWidget(m_row->count() - 1, button);
        m_buttons << button;
    }
    if (!m_buttons.isEmpty()) {
        m_buttons.first()->setDefault(true);
        if (isVisible())
            m_buttons.first()->setFocus();
    }
}

QString EmptyStatePanel::text() const
{
    return m_text->text();
}
