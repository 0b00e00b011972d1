#pragma once

#include <QStyledItemDelegate>

// Draws a cell of plain text as QStyledItemDelegate does, pixel for pixel, with its text
// shaped once instead of three times: Qt's style measures the text to place it, lays it out
// again to see whether it must be elided, and once more to draw it. Shaping is most of the
// cost of drawing a page of ids: the table's first page took 32.5M instructions with Qt's
// delegate and takes 23.6M with this one (tst_plaintextdelegate holds the pixels equal). A
// cell with an icon, a check box or more than one line is drawn by QStyledItemDelegate itself.
class PlainTextDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
