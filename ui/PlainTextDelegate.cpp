#include "PlainTextDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace {

// Lays out the text of `layout` on one line in `width` as Qt's common style does
// (QCommonStylePrivate::viewItemDrawText); false when it takes more than one line.
bool layOutOneLine(QTextLayout &layout, const QStyleOptionViewItem &option, int width)
{
    QTextOption textOption;
    textOption.setWrapMode(option.features & QStyleOptionViewItem::WrapText ? QTextOption::WordWrap : QTextOption::ManualWrap);
    textOption.setTextDirection(option.direction);
    textOption.setAlignment(QStyle::visualAlignment(option.direction, option.displayAlignment));
    layout.setTextOption(textOption);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(width);
    line.setPosition(QPointF(0, 0));
    const bool oneLine = !layout.createLine().isValid();
    layout.endLayout();
    return oneLine;
}

} // namespace

void PlainTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const auto others = QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator;
    if ((opt.features & others) || (opt.state & QStyle::State_Editing) || opt.text.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = opt.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    // The text's rect: the whole cell (no icon, no check box), less the style's margins.
    const int textMargin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect textRect = opt.rect.adjusted(textMargin, 0, -textMargin, 0);
    QTextLayout layout(opt.text, opt.font);
    bool oneLine = layOutOneLine(layout, opt, textRect.width());
    if (oneLine && layout.lineAt(0).naturalTextWidth() > textRect.width()) {
        // Elided as the style elides (QFontMetrics::elidedText is the same text engine call).
        layout.setText(QFontMetrics(opt.font).elidedText(opt.text, opt.textElideMode, textRect.width()));
        oneLine = layOutOneLine(layout, opt, textRect.width());
    }
    if (!oneLine) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    // Background and selection: the style's, for a cell without text (nor focus, whose frame
    // is drawn over the text).
    QStyleOptionViewItem background = opt;
    background.text.clear();
    background.features &= ~QStyleOptionViewItem::HasDisplay;
    background.state &= ~QStyle::State_HasFocus;
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    // The pen and the place the common style gives the text.
    QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
        group = QPalette::Inactive;
    const QRect placed = QStyle::alignedRect(Qt::LayoutDirectionAuto, opt.displayAlignment,
                                             layout.boundingRect().size().toSize(), textRect);
    painter->save();
    painter->setClipRect(opt.rect);
    painter->setPen(opt.palette.color(group, opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    layout.draw(painter, QPointF(textRect.x(), placed.top()));
    if (opt.state & QStyle::State_HasFocus) {
        // As the common style frames the current cell (QCommonStyle::drawControl).
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(opt);
        focus.rect = style->subElementRect(QStyle::SE_ItemViewItemFocusRect, &opt, widget);
        focus.state |= QStyle::State_KeyboardFocusChange | QStyle::State_Item;
        focus.backgroundColor = opt.palette.color(opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled,
                                                  opt.state & QStyle::State_Selected ? QPalette::Highlight : QPalette::Window);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }
    painter->restore();
}
