// PageMath at the edges a hostile server reaches: no items, one, INT_MAX, total_count at
// INT64_MAX, total_pages at 2^53, and per_page at its bounds (and past them). The sanitizer
// tree runs this too, so an overflow on the way fails it even when the answer came out right.

#include "api/PageMath.h"

#include <QTest>

#include <limits>

namespace {

constexpr qint64 Int64Max = std::numeric_limits<qint64>::max();
constexpr qint64 Int64Min = std::numeric_limits<qint64>::min();
constexpr int IntMax = std::numeric_limits<int>::max();
constexpr int IntMin = std::numeric_limits<int>::min();
constexpr qint64 TwoToThe53 = qint64(1) << 53;

} // namespace

class TestPageMath : public QObject
{
    Q_OBJECT

private slots:
    void pagesFor_data()
    {
        QTest::addColumn<qint64>("count");
        QTest::addColumn<qint64>("perPage");
        QTest::addColumn<qint64>("pages");
        QTest::newRow("none") << qint64(0) << qint64(50) << qint64(0);
        QTest::newRow("one") << qint64(1) << qint64(50) << qint64(1);
        QTest::newRow("a full page") << qint64(50) << qint64(50) << qint64(1);
        QTest::newRow("one over") << qint64(51) << qint64(50) << qint64(2);
        QTest::newRow("1234 at 50") << qint64(1234) << qint64(50) << qint64(25);
        QTest::newRow("per_page 1") << qint64(1234) << qint64(1) << qint64(1234);
        QTest::newRow("per_page 200") << qint64(1234) << qint64(200) << qint64(7);
        QTest::newRow("INT_MAX at 1") << qint64(IntMax) << qint64(1) << qint64(IntMax);
        QTest::newRow("2^53 at 200") << TwoToThe53 << qint64(200) << TwoToThe53 / 200 + 1;
        // (count + perPage - 1) / perPage went past INT64_MAX here.
        QTest::newRow("INT64_MAX at 200") << Int64Max << qint64(200) << Int64Max / 200 + 1;
        QTest::newRow("INT64_MAX at 1") << Int64Max << qint64(1) << Int64Max;
        QTest::newRow("INT64_MAX at INT64_MAX") << Int64Max << Int64Max << qint64(1);
        QTest::newRow("below 0 is none") << qint64(-5) << qint64(50) << qint64(0);
        QTest::newRow("INT64_MIN is none") << Int64Min << qint64(50) << qint64(0);
        QTest::newRow("per_page 0 is 1") << qint64(7) << qint64(0) << qint64(7);
        QTest::newRow("per_page INT64_MIN is 1") << qint64(7) << Int64Min << qint64(7);
    }
    void pagesFor()
    {
        QFETCH(qint64, count);
        QFETCH(qint64, perPage);
        QFETCH(qint64, pages);
        QCOMPARE(PageMath::pagesFor(count, perPage), pages);
    }

    void totalPagesPreferTotalPages()
    {
        PageInfo info;
        QVERIFY(!PageMath::totalPages(info, 50));
        info.totalCount = Int64Max;
        QCOMPARE(PageMath::totalPages(info, 200), Int64Max / 200 + 1);
        info.totalPages = TwoToThe53; // what the server says wins over what the count gives
        QCOMPARE(PageMath::totalPages(info, 200), TwoToThe53);
        info.totalPages = 0;
        QCOMPARE(PageMath::totalPages(info, 200), qint64(0));
    }

    void lastNameablePage_data()
    {
        QTest::addColumn<qint64>("totalPages");
        QTest::addColumn<int>("last");
        QTest::newRow("no pages") << qint64(0) << 1;
        QTest::newRow("one") << qint64(1) << 1;
        QTest::newRow("25") << qint64(25) << 25;
        QTest::newRow("INT_MAX") << qint64(IntMax) << IntMax;
        QTest::newRow("INT_MAX + 1") << qint64(IntMax) + 1 << IntMax;
        QTest::newRow("2^53") << TwoToThe53 << IntMax;
        QTest::newRow("INT64_MAX") << Int64Max << IntMax;
        QTest::newRow("below 0") << qint64(-1) << 1;
        QTest::newRow("INT64_MIN") << Int64Min << 1;
    }
    void lastNameablePage()
    {
        QFETCH(qint64, totalPages);
        QFETCH(int, last);
        QCOMPARE(PageMath::lastNameablePage(totalPages), last);
    }

    void firstRowOf_data()
    {
        QTest::addColumn<int>("page");
        QTest::addColumn<int>("perPage");
        QTest::addColumn<qint64>("row");
        QTest::newRow("page 1") << 1 << 50 << qint64(0);
        QTest::newRow("page 5 at 50") << 5 << 50 << qint64(200);
        QTest::newRow("page 2 at 1") << 2 << 1 << qint64(1);
        QTest::newRow("INT_MAX at 200") << IntMax << 200 << qint64(IntMax - 1) * 200;
        QTest::newRow("INT_MAX at INT_MAX") << IntMax << IntMax << qint64(IntMax - 1) * IntMax;
        QTest::newRow("page 0 is page 1") << 0 << 50 << qint64(0);
        QTest::newRow("INT_MIN is page 1") << IntMin << 50 << qint64(0);
        QTest::newRow("per_page 0 is 1") << 3 << 0 << qint64(2);
        QTest::newRow("per_page INT_MIN is 1") << 3 << IntMin << qint64(2);
    }
    void firstRowOf()
    {
        QFETCH(int, page);
        QFETCH(int, perPage);
        QFETCH(qint64, row);
        QCOMPARE(PageMath::firstRowOf(page, perPage), row);
    }

    void pageOfRow_data()
    {
        QTest::addColumn<qint64>("row");
        QTest::addColumn<int>("perPage");
        QTest::addColumn<int>("page");
        QTest::newRow("row 0") << qint64(0) << 50 << 1;
        QTest::newRow("last of page 1") << qint64(49) << 50 << 1;
        QTest::newRow("first of page 2") << qint64(50) << 50 << 2;
        QTest::newRow("row 200 at 100") << qint64(200) << 100 << 3;
        QTest::newRow("per_page 1") << qint64(IntMax - 1) << 1 << IntMax;
        // The first row of page INT_MAX at 200, at 10 a page: beyond any page number. The
        // session computed int(row / 10) + 1 here, which wrapped to -39, and loaded page 1.
        QTest::newRow("past INT_MAX") << qint64(IntMax - 1) * 200 << 10 << IntMax;
        QTest::newRow("INT64_MAX at 1") << Int64Max << 1 << IntMax;
        QTest::newRow("below 0 is row 0") << qint64(-1) << 50 << 1;
        QTest::newRow("INT64_MIN is row 0") << Int64Min << 50 << 1;
        QTest::newRow("per_page 0 is 1") << qint64(4) << 0 << 5;
    }
    void pageOfRow()
    {
        QFETCH(qint64, row);
        QFETCH(int, perPage);
        QFETCH(int, page);
        QCOMPARE(PageMath::pageOfRow(row, perPage), page);
    }

    void aPageHoldsItsOwnFirstAndLastRows()
    {
        for (int perPage : {1, 50, 200, IntMax}) {
            for (int page : {1, 2, 1000, IntMax - 1, IntMax}) {
                const qint64 first = PageMath::firstRowOf(page, perPage);
                QCOMPARE(PageMath::pageOfRow(first, perPage), page);
                QCOMPARE(PageMath::pageOfRow(first + perPage - 1, perPage), page);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestPageMath)
#include "tst_pagemath.moc"
