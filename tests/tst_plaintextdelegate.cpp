// PlainTextDelegate draws every cell exactly as QStyledItemDelegate does: compared pixel for
// pixel in a table view and for each state a cell can be in.

#include "PlainTextDelegate.h"

#include <QApplication>
#include <QFont>
#include <QHeaderView>
#include <QPainter>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QImage drawn(const QAbstractItemDelegate &delegate, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    QImage image(option.rect.size() + QSize(8, 8), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.translate(4 - option.rect.x(), 4 - option.rect.y());
    delegate.paint(&painter, option, index);
    return image;
}

} // namespace

class TestPlainTextDelegate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_model.setColumnCount(1);
        const QStringList texts{u"checkout-api-production"_s, u"5180ea18-eccd-5823-82ee-a752eb3c9bdb"_s,
                                u"Not checked"_s, u"x"_s, u"two\nlines"_s, u"\u05E9\u05DC\u05D5\u05DD world"_s, QString()};
        for (const QString &text : texts)
            m_model.appendRow(new QStandardItem(text));
        m_view.setModel(&m_model);
        m_view.setWordWrap(false);
        m_view.resize(400, 300);
    }

    // Each cell in each state: as wide as its text and narrower (elided), every alignment,
    // both directions, selected or not, focused, disabled, in an inactive window, on an
    // alternate row, in another font and colour.
    void drawsAsQtDoes_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("alignment");
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("rightToLeft");
        QTest::addColumn<bool>("alternate");
        QTest::addColumn<bool>("decorated"); // a font and a foreground brush from the model
        const int plain = QStyle::State_Enabled | QStyle::State_Active;
        const QList<int> states{plain, plain | QStyle::State_Selected, plain | QStyle::State_HasFocus,
                                plain | QStyle::State_Selected | QStyle::State_HasFocus, QStyle::State_Active,
                                QStyle::State_Enabled | QStyle::State_Selected};
        const QList<int> alignments{int(Qt::AlignLeft | Qt::AlignVCenter), int(Qt::AlignRight | Qt::AlignVCenter),
                                    int(Qt::AlignHCenter | Qt::AlignTop), int(Qt::AlignLeft | Qt::AlignBottom)};
        for (int row = 0; row < m_model.rowCount(); ++row) {
            for (int width : {300, 60, 12}) {
                for (int alignment : alignments) {
                    for (int state : states) {
                        for (bool rightToLeft : {false, true}) {
                            const bool alternate = (state + alignment) % 2;
                            const bool decorated = (row + width) % 2;
                            QTest::addRow("row %d, %d px, align %x, state %x%s%s%s", row, width, alignment, state,
                                          rightToLeft ? ", RTL" : "", alternate ? ", alternate" : "",
                                          decorated ? ", font and colour" : "")
                                << row << width << alignment << state << rightToLeft << alternate << decorated;
                        }
                    }
                }
            }
        }
    }
    void drawsAsQtDoes()
    {
        QFETCH(int, row);
        QFETCH(int, width);
        QFETCH(int, alignment);
        QFETCH(int, state);
        QFETCH(bool, rightToLeft);
        QFETCH(bool, alternate);
        QFETCH(bool, decorated);
        QStandardItem *item = m_model.item(row);
        item->setData(decorated ? QVariant(QBrush(Qt::darkRed)) : QVariant(), Qt::ForegroundRole);
        QFont bold = m_view.font();
        bold.setBold(true);
        item->setData(decorated ? QVariant(bold) : QVariant(), Qt::FontRole);
        item->setData(alignment, Qt::TextAlignmentRole);

        QStyleOptionViewItem option;
        option.initFrom(&m_view);
        option.widget = &m_view;
        option.rect = QRect(10, 20, width, 24);
        option.state = QStyle::State(state);
        option.direction = rightToLeft ? Qt::RightToLeft : Qt::LeftToRight;
        option.showDecorationSelected = true; // as QTableView gives it
        option.textElideMode = Qt::ElideRight;
        if (alternate)
            option.features |= QStyleOptionViewItem::Alternate;
        const QModelIndex index = m_model.index(row, 0);
        const QStyledItemDelegate qt;
        const PlainTextDelegate plain;
        QCOMPARE(drawn(plain, option, index), drawn(qt, option, index));
    }

    // A whole view, as a person sees it: the rows, the selection, the elided cells.
    void aTableLooksTheSame()
    {
        QTableView view;
        QStandardItemModel model(30, 3);
        for (int row = 0; row < 30; ++row) {
            model.setItem(row, 0, new QStandardItem(u"token-%1-production"_s.arg(row)));
            model.setItem(row, 1, new QStandardItem(u"5180ea18-eccd-5823-82ee-a752eb3c%1"_s.arg(row, 4, 10, QChar(u'0'))));
            model.setItem(row, 2, new QStandardItem(row % 3 ? u"Active"_s : u"Expired"_s));
        }
        view.setModel(&model);
        view.setWordWrap(false);
        view.setAlternatingRowColors(true);
        view.setColumnWidth(1, 120); // elided
        view.resize(500, 400);
        view.selectionModel()->select(model.index(3, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage byQt = view.viewport()->grab().toImage();
        view.setItemDelegate(new PlainTextDelegate(&view));
        const QImage byUs = view.viewport()->grab().toImage();
        QCOMPARE(byUs, byQt);
    }

private:
    QStandardItemModel m_model;
    QTableView m_view;
};

QTEST_MAIN(TestPlainTextDelegate)
#include "tst_plaintextdelegate.moc"
