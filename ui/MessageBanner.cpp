#include "MessageBanner.h"

#include "Theme.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace {

// A banner is an alert to a screen reader (AT-SPI's "alert" role): screen readers read an
// alert out when it comes (the Alert event below), where a frame's text waits to be found.
class BannerAccessible : public QAccessibleWidget
{
public:
    explicit BannerAccessible(QWidget *banner) : QAccessibleWidget(banner, QAccessible::AlertMessage) {}
};

QAccessibleInterface *bannerAccessible(const QString &className, QObject *object)
{
    if (className == u"MessageBanner"_s && object && object->isWidgetType())
        return new BannerAccessible(static_cast<QWidget *>(object));
    return nullptr;
}

} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent), m_text(new QLabel(this))
{
    static const bool accessible = [] {
        QAccessible::installFactory(&bannerAccessible);
        return true;
    }();
    Q_UNUSED(accessible)
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

void MessageBanner::paintEvent(QPaintEvent *)
{
    // The window's colour tinted with the palette's error red: it follows a light or a dark
    // theme, and the window text on it still reads at more than 7:1 (Fusion and Adwaita,
    // light and dark; tst_messagebanner checks the contrast).
    const QColor window = palette().color(QPalette::Window);
    const QColor red = Theme::errorText(palette());
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Theme::mix(window, red, 0.5));
    painter.setBrush(Theme::mix(window, red, 0.18));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
}
