#pragma once

#include <QProxyStyle>

// The style Qt chose (the desktop's, or the one -style or QT_STYLE_OVERRIDE names), with the
// app's drawn icons where Qt's common style loads a PNG for a widget the window always has
// (the menu bar's overflow button, a line edit's clear button). Loading a PNG by its file
// name makes Qt load every image format plugin (GIF, ICO, JPEG, SVG) to ask each whether it
// reads PNG, 2 ms before the first page is drawn; and Qt's clear button is a dark grey
// picture that a dark theme hides.
class AppStyle : public QProxyStyle
{
    Q_OBJECT

public:
    using QProxyStyle::QProxyStyle;

    // Makes this the application's style, over the one Qt chose. Before any widget is made.
    static void install();

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
};
