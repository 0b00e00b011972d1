#include "AppStyle.h"

#include "Icons.h"

#include <QApplication>
#include <QStyleOption>

using namespace Qt::Literals::StringLiterals;

void AppStyle::install()
{
    QApplication::setStyle(new AppStyle(QApplication::style()->name()));
}

QIcon AppStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option, const QWidget *widget) const
{
    switch (standardIcon) {
    case SP_LineEditClearButton:
        return Icons::themed(u"edit-clear"_s);
    case SP_ToolBarHorizontalExtensionButton: {
        const Qt::LayoutDirection direction = option ? option->direction
                                              : widget ? widget->layoutDirection()
                                                       : QGuiApplication::layoutDirection();
        return Icons::themed(direction == Qt::RightToLeft ? u"toolbar-extension-rtl"_s : u"toolbar-extension"_s);
    }
    default:
        return QProxyStyle::standardIcon(standardIcon, option, widget);
    }
}
