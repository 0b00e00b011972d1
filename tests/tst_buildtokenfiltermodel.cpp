#include "demo/DemoTokenGenerator.h"
#include "model/BuildTokenFilterModel.h"
#include "model/BuildTokenTableModel.h"
#include "model/TokenColumns.h"

#include <QAbstractItemModelTester>
#include <QCollator>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

class TestBuildTokenFilterModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<BuildTokenTableModel> m_source;
    std::unique_ptr<BuildTokenFilterModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester; // alive for the whole test

    QStringList column(int c) const
    {
        QStringList values;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            values << m_proxy->index(row, c).data().toString();
        return values;
    }

private slots:
    void initTestCase()
    {
        // Before any model is made: a column's count is fixed for a model's life.
        TokenColumns::append({u"name_length"_s, u"name_length"_s, "Name length", [](const BuildToken &t) { return t.name; },
                              [](const BuildToken &t) { return QVariant(t.name.size()); }});
    }
    void init()
    {
        m_source = std::make_unique<BuildTokenTableModel>();
        m_proxy = std::make_unique<BuildTokenFilterModel>();
        m_proxy->setTokenModel(m_source.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_source->appendTokens(DemoTokenGenerator::generate(52)); // 13 projects x 4 environments
    }
    void cleanup()
    {
        m_tester.reset();
        m_proxy.reset();
        m_source.reset();
    }

    void matchesAnyColumnIgnoringCase()
    {
        const BuildToken t = DemoTokenGenerator::token(0);
        QVERIFY(BuildTokenFilterModel::matches(t, QString()));
        QVERIFY(BuildTokenFilterModel::matches(t, u"CHECKOUT"_s));
        QVERIFY(BuildTokenFilterModel::matches(t, t.uuid.toString().mid(9, 4).toUpper()));
        QVERIFY(BuildTokenFilterModel::matches(t, t.cloudflareTokenId.toString().right(6)));
        QVERIFY(BuildTokenFilterModel::matches(t, u"USER"_s));
        QVERIFY(!BuildTokenFilterModel::matches(t, u"no such thing"_s));
    }

    void filtersRows()
    {
        QSignalSpy removed(m_proxy.get(), &QAbstractItemModel::rowsRemoved);
        QCOMPARE(m_proxy->rowCount(), 52);
        m_proxy->setFilterText(u"STAGING"_s);
        QCOMPARE(m_proxy->rowCount(), 13);
        QVERIFY(removed.size() > 0);
        for (const QString &name : column(TokenColumns::Name))
            QVERIFY(name.contains(u"staging"_s));
        QCOMPARE(m_proxy->token(0).name, m_proxy->index(0, 0).data().toString());
        m_proxy->setFilterText(u"docs-staging"_s);
        QCOMPARE(m_proxy->rowCount(), 1);
        m_proxy->setFilterText(u"nothing matches this"_s);
        QCOMPARE(m_proxy->rowCount(), 0);
        m_proxy->setFilterText(QString());
        QCOMPARE(m_proxy->rowCount(), 52);
    }

    void sortsAnyColumn()
    {
        m_proxy->sort(TokenColumns::Name, Qt::AscendingOrder);
        QStringList names = column(TokenColumns::Name);
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
        QCOMPARE(names, sorted);
        m_proxy->sort(TokenColumns::Uuid, Qt::DescendingOrder);
        const QStringList uuids = column(TokenColumns::Uuid);
        QVERIFY(std::is_sorted(uuids.rbegin(), uuids.rend(), [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; }));
        QCOMPARE(m_proxy->token(0).uuid, uuids.first());
        // Back to the API's order.
        m_proxy->sort(-1);
        QCOMPARE(m_proxy->token(0).uuid, DemoTokenGenerator::token(0).uuid);
    }

    // Numbers in names sort by their value, sorted at once or as rows come.
    void namesSortNaturally()
    {
        int next = 1000;
        const auto named = [&next](const QStringList &names) {
            QList<BuildToken> tokens;
            for (const QString &name : names) {
                BuildToken token = DemoTokenGenerator::token(next++);
                token.name = name;
                tokens << token;
            }
            return tokens;
        };
        const QStringList expected{u"api-2"_s, u"api-10"_s, u"Build-99"_s, u"build-100"_s, u"build-989"_s};
        m_source->clear();
        m_source->appendTokens(named({u"build-989"_s, u"api-10"_s, u"build-100"_s, u"api-2"_s, u"Build-99"_s}));
        m_proxy->sort(TokenColumns::Name, Qt::AscendingOrder);
        QCOMPARE(column(TokenColumns::Name), expected);
        m_source->clear();
        m_source->appendTokens(named({u"build-100"_s, u"api-2"_s}));
        m_source->appendTokens(named({u"build-989"_s, u"Build-99"_s, u"api-10"_s}));
        QCOMPARE(column(TokenColumns::Name), expected);
    }

    void appendedRowsAreFilteredAsTheyCome()
    {
        m_proxy->setFilterText(u"blog"_s);
        QCOMPARE(m_proxy->rowCount(), 4);
        QSignalSpy reset(m_proxy.get(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(m_proxy.get(), &QAbstractItemModel::rowsInserted);
        m_source->appendTokens(DemoTokenGenerator::generate(52, 52));
        QCOMPARE(reset.size(), 0);
        QVERIFY(inserted.size() > 0);
        QCOMPARE(m_proxy->rowCount(), 8);
        m_source->clear();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(m_proxy->rowCount(), 0);
    }

    void sortsByAColumnsOwnSortKey()
    {
        // A column that shows the name but sorts by its length: the proxy compares the key.
        const int lengthColumn = TokenColumns::count() - 1;
        QCOMPARE(TokenColumns::at(lengthColumn).id, u"name_length"_s);
        m_proxy->sort(lengthColumn, Qt::AscendingOrder);
        const QStringList names = column(lengthColumn);
        QVERIFY(std::is_sorted(names.begin(), names.end(), [](const QString &a, const QString &b) { return a.size() < b.size(); }));
        QVERIFY(!std::is_sorted(names.begin(), names.end())); // not by text
    }

    void sortKeysFollowAppendedAndChangedRows()
    {
        m_proxy->sort(TokenColumns::Name, Qt::AscendingOrder);
        m_source->appendTokens(DemoTokenGenerator::generate(52, 52)); // sorted in as they come
        BuildToken renamed = m_source->token(0);
        renamed.name = u"aaa-first-now"_s;
        m_source->appendTokens({renamed}); // same uuid: changed in place
        QCOMPARE(m_proxy->rowCount(), 104);
        QCOMPARE(m_proxy->token(0).name, u"aaa-first-now"_s);
        const QStringList names = column(TokenColumns::Name);
        QVERIFY(std::is_sorted(names.begin(), names.end(), [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; }));
        m_source->clear();
        m_source->appendTokens(DemoTokenGenerator::generate(3));
        QCOMPARE(column(TokenColumns::Name).size(), 3);
    }

    // What sorting by `column` must give: the source rows stably sorted by its cells' text,
    // compared by the model's collator, or by its own sort key.
    static QStringList sortedUuids(const QList<BuildToken> &tokens, Qt::SortOrder order, int column = TokenColumns::Name)
    {
        const ColumnSpec &spec = TokenColumns::at(column);
        const QCollator collator = BuildTokenFilterModel::textCollator(!spec.monospace);
        const auto less = [&](const BuildToken &a, const BuildToken &b) {
            if (spec.sortKey)
                return QVariant::compare(spec.sortKey(a), spec.sortKey(b)) == QPartialOrdering::Less;
            return collator.compare(spec.cell(a), spec.cell(b)) < 0;
        };
        QList<BuildToken> sorted = tokens;
        std::stable_sort(sorted.begin(), sorted.end(), [&](const BuildToken &a, const BuildToken &b) {
            return order == Qt::AscendingOrder ? less(a, b) : less(b, a);
        });
        QStringList uuids;
        for (const BuildToken &token : sorted)
            uuids << token.uuid;
        return uuids;
    }

    // The keys in `column` of the rows with these uuids, as sorting compares them: where rows
    // of equal keys go among each other is the proxy's to choose when it sorts rows in.
    QStringList keysOf(const QStringList &uuids, int column = TokenColumns::Name) const
    {
        const ColumnSpec &spec = TokenColumns::at(column);
        QStringList keys;
        for (const QString &uuid : uuids) {
            const BuildToken &token = m_source->token(m_source->rowOfUuid(uuid));
            keys << (spec.sortKey ? spec.sortKey(token).toString() : spec.cell(token).toCaseFolded());
        }
        return keys;
    }

    QStringList proxyUuids() const
    {
        QStringList uuids;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            uuids << m_proxy->token(row).uuid;
        return uuids;
    }

    void bulkLoadSortedAtItsEnd_data()
    {
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<bool>("dynamic");
        QTest::newRow("ascending, sorted at the end") << Qt::AscendingOrder << false;
        QTest::newRow("descending, sorted at the end") << Qt::DescendingOrder << false;
        QTest::newRow("ascending, sorted as rows come") << Qt::AscendingOrder << true;
    }

    void bulkLoadSortedAtItsEnd()
    {
        // As a sorted table fills from Load All Pages: a reset, then pages appended (their
        // keys merged into an order as they come), then sorted by ranks made from that order.
        // Names repeat (and differ only in case): ties keep the API's order.
        QFETCH(Qt::SortOrder, order);
        QFETCH(bool, dynamic);
        m_proxy->sort(TokenColumns::Name, order);
        m_source->clear();
        m_proxy->setDynamicSortFilter(dynamic);
        QList<BuildToken> tokens = DemoTokenGenerator::generate(700);
        for (int i = 0; i < tokens.size(); i += 7)
            tokens[i].name = tokens[i].name.toUpper();
        for (int i = 3; i < tokens.size(); i += 5)
            tokens[i].name = u"docs-shared"_s;
        for (qsizetype first = 0; first < tokens.size(); first += 200)
            m_source->appendTokens(tokens.mid(first, 200));
        m_proxy->setDynamicSortFilter(true);
        // Sorted once at the end, ties keep the API's order; rows sorted in as they come go
        // where the proxy puts them among their ties, so there the keys alone are compared.
        if (dynamic)
            QCOMPARE(keysOf(proxyUuids()), keysOf(sortedUuids(tokens, order)));
        else
            QCOMPARE(proxyUuids(), sortedUuids(tokens, order));
        // A row changed in place moves to its new place.
        BuildToken renamed = tokens.at(5);
        renamed.name = u"AAA first now"_s;
        tokens[5] = renamed;
        m_source->appendTokens({renamed});
        QCOMPARE(keysOf(proxyUuids()), keysOf(sortedUuids(tokens, order)));
    }

    void orderFollowsBatchesAndRowsChangedInPlace_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("dynamic");
        QTest::newRow("name, sorted at the end") << int(TokenColumns::Name) << false;
        QTest::newRow("name, sorted as rows come") << int(TokenColumns::Name) << true;
        // The column initTestCase() adds: its own sort key, the name's length (many ties).
        QTest::newRow("own sort key, sorted at the end") << TokenColumns::count() - 1 << false;
        QTest::newRow("own sort key, sorted as rows come") << TokenColumns::count() - 1 << true;
    }

    void orderFollowsBatchesAndRowsChangedInPlace()
    {
        // The order the proxy's sorts compare is kept as batches come and rows change in the
        // sorted column, never made anew: after each, sorting every row again from the API's
        // order (invalidate()) gives the stable sort of the rows by their keys, exactly.
        QFETCH(int, column);
        QFETCH(bool, dynamic);
        m_proxy->sort(column, Qt::AscendingOrder);
        m_source->clear();
        m_proxy->setDynamicSortFilter(dynamic);
        QList<BuildToken> tokens = DemoTokenGenerator::generate(300);
        for (int i = 3; i < tokens.size(); i += 5)
            tokens[i].name = u"docs-shared"_s;
        for (int i = 0; i < tokens.size(); i += 4)
            tokens[i].name = tokens[i].name.toUpper(); // equal to the same name in lower case
        for (qsizetype first = 0; first < tokens.size(); first += 60)
            m_source->appendTokens(tokens.mid(first, 60));
        const auto sortedAgain = [&] {
            if (dynamic)
                QCOMPARE(keysOf(proxyUuids(), column), keysOf(sortedUuids(tokens, Qt::AscendingOrder, column), column));
            m_proxy->setDynamicSortFilter(true);
            m_proxy->invalidate();
            QCOMPARE(proxyUuids(), sortedUuids(tokens, Qt::AscendingOrder, column));
            m_proxy->setDynamicSortFilter(dynamic);
        };
        sortedAgain();
        if (QTest::currentTestFailed())
            return;
        // Changed in place (one dataChanged each): to the front, to the back, out of a run of
        // equal keys (its first row and one in its middle), into one in another case, and to
        // the same key.
        const auto rename = [&](int i, const QString &name) {
            tokens[i].name = name;
            m_source->appendTokens({tokens.at(i)});
        };
        rename(7, u"0"_s);
        rename(8, u"zzz-at-the-very-end-of-everything"_s);
        rename(3, u"b-out-of-the-run"_s);
        rename(13, u"x"_s);
        rename(9, u"Docs-Shared"_s);
        rename(18, u"docs-shared"_s);
        sortedAgain();
        if (QTest::currentTestFailed())
            return;
        // Another batch after those changes, and the health of every row (outside the sorted
        // column) changing nothing.
        const QList<BuildToken> more = DemoTokenGenerator::generate(40, 300);
        tokens.append(more);
        m_source->appendTokens(more);
        HealthById health;
        for (const BuildToken &token : std::as_const(tokens))
            health.insert(token.cloudflareTokenId, std::make_shared<const TokenHealth>(TokenHealth::missing()));
        m_source->setHealth(health);
        sortedAgain();
    }

    void orderIsMadeAnewAfterAnotherColumnOrNone()
    {
        // Sorted by another column, then by none, while rows come and change: sorting by name
        // again makes its order from the rows as they are.
        m_proxy->sort(TokenColumns::Name, Qt::AscendingOrder);
        m_proxy->sort(TokenColumns::Uuid, Qt::AscendingOrder);
        QList<BuildToken> tokens = m_source->tokens();
        const QList<BuildToken> more = DemoTokenGenerator::generate(30, 52);
        tokens.append(more);
        m_source->appendTokens(more);
        m_proxy->sort(-1);
        tokens[4].name = u"AAA"_s;
        m_source->appendTokens({tokens.at(4)});
        m_source->appendTokens(DemoTokenGenerator::generate(10, 82));
        tokens.append(DemoTokenGenerator::generate(10, 82));
        m_proxy->sort(TokenColumns::Name, Qt::DescendingOrder);
        QCOMPARE(proxyUuids(), sortedUuids(tokens, Qt::DescendingOrder));
        QCOMPARE(m_proxy->token(m_proxy->rowCount() - 1).name, u"AAA"_s);
    }

    void healthArrivingSortsOnlyByItsColumns()
    {
        // The health's dataChanged names the health columns: sorted by Health the rows move,
        // sorted by name the keys (and the order) stay.
        m_proxy->sort(TokenColumns::Health, Qt::AscendingOrder);
        const BuildToken last = m_source->token(m_source->rowCount() - 1);
        m_source->setHealth({{last.cloudflareTokenId, std::make_shared<const TokenHealth>(TokenHealth::missing())}});
        QCOMPARE(m_proxy->token(0).uuid, last.uuid); // missing sorts first, unchecked last
        m_proxy->sort(TokenColumns::Name, Qt::AscendingOrder);
        const QStringList before = column(TokenColumns::Name);
        m_source->setHealth({{m_source->token(0).cloudflareTokenId, std::make_shared<const TokenHealth>(TokenHealth::missing())}});
        QCOMPARE(column(TokenColumns::Name), before);
        QVERIFY(std::is_sorted(before.begin(), before.end(), [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; }));
    }
};

QTEST_GUILESS_MAIN(TestBuildTokenFilterModel)
#include "tst_buildtokenfiltermodel.moc"
