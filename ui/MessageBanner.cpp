#include "MessageBanner.h"

#include "Theme.h"

#include <QAccessible>
#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace {

// Fixed pairs rather than the palette's own roles: a palette has no "error" role, and a
// tint of the window colour alone is too faint to notice. Each pair has a contrast ratio
// above 7:1 (WCAG AAA).
struct Colours
{
    QColor background;
    QColor border;
    QColor text;
};
const Colours Light{QColor(0xfd, 0xec, 0xea), QColor(0xe0, 0xa5, 0xa0), QColor(0x61, 0x1a, 0x15)};
const Colours Dark{QColor(0x4a, 0x1c, 0x19), QColor(0x8c, 0x3b, 0x35), QColor(0xfd, 0xde, 0xdb)};

} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent), m_text(new QLabel(this))
{
    setObjectName(u"errorBanner"_s);
    setAccessibleName(tr("Error"));
    m_text->setObjectName(u"errorText"_s);
    m_text->setWordWrap(true);
    // By keyboard too, so that a screen reader user can reach the message and copy from it.
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setTextFormat(Qt::RichText); // every part of it is HTML-escaped
    auto *dismiss = new QToolButton(this);
    dismiss->setText(tr("Dismiss"));
    dismiss->setAccessibleName(tr("Dismiss the error"));
    dismiss->setAutoRaise(true);
    connect(dismiss, &QToolButton::clicked, this, &MessageBanner::clear);
    m_buttons = new QHBoxLayout;
    m_buttons->setContentsMargins(0, 0, 0, 0);
    m_buttons->addWidget(dismiss);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_buttons);
    layout->setAlignment(m_buttons, Qt::AlignTop);
    applyTextColour();
    hide();
}

void MessageBanner::showMessage(const QString &summary, const QString &details, const QList<QAction *> &actions)
{
    // The buttons of the last message go; Dismiss, the last one, stays.
    while (m_buttons->count() > 1) {
        QLayoutItem *item = m_buttons->takeAt(0); // the layout's item is ours once taken
        delete item->widget();
        delete item;
    }
    for (QAction *action : actions) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAccessibleName(QString(action->text()).remove(u'&'));
        m_buttons->insertWidget(m_buttons->count() - 1, button);
    }
    m_message = summary + u'\n' + details;
    m_text->setText(u"<b>"_s + summary.toHtmlEscaped() + u"</b><br>"_s + details.toHtmlEscaped().replace(u'\n', u"<br>"_s));
    setAccessibleDescription(m_message);
    show();
    // A new problem is news even when the banner was showing an older one.
    QAccessibleEvent alert(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void MessageBanner::clear()
{
    hide();
    m_message.clear();
    m_text->clear();
    setAccessibleDescription(QString());
}

bool MessageBanner::darkPalette() const
{
    // The frame's own palette is never changed here, so it is the window's (light or dark).
    return Theme::isDark(palette());
}

void MessageBanner::applyTextColour()
{
    QPalette labelPalette = m_text->palette();
    labelPalette.setColor(QPalette::WindowText, (darkPalette() ? Dark : Light).text);
    m_text->setPalette(labelPalette);
}

void MessageBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTextColour();
    QFrame::changeEvent(event);
}

void MessageBanner::paintEvent(QPaintEvent *)
{
    const Colours &colours = darkPalette() ? Dark : Light;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(colours.border);
    painter.setBrush(colours.background);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
}
