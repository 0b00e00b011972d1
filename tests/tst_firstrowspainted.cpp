// whenFirstRowsPainted: once, after the first paint that shows rows, with their number; an
// empty table's paints do not count.

#include "FirstRowsPainted.h"

#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestFirstRowsPainted : public QObject
{
    Q_OBJECT

private slots:
    void calledOnceWhenRowsArePainted()
    {
        QStandardItemModel model(0, 2);
        QTableView view;
        view.setModel(&model);
        QList<int> calls;
        whenFirstRowsPainted(&view, [&calls](int rows) { calls.append(rows); });
        view.resize(400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.viewport()->repaint(); // painted, but empty
        QCoreApplication::processEvents();
        QVERIFY(calls.isEmpty());

        for (int row = 0; row < 3; ++row)
            model.appendRow({new QStandardItem(u"r%1"_s.arg(row)), new QStandardItem(u"c"_s)});
        QTRY_COMPARE(calls, QList<int>{3});

        model.appendRow({new QStandardItem(u"r3"_s), new QStandardItem(u"c"_s)});
        view.viewport()->repaint();
        QCoreApplication::processEvents();
        QCOMPARE(calls, QList<int>{3}); // the watch has ended
    }
};

QTEST_MAIN(TestFirstRowsPainted)
#include "tst_firstrowspainted.moc"
