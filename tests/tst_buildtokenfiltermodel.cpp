#include "demo/DemoTokenGenerator.h"
#include "model/BuildTokenFilterModel.h"
#include "model/BuildTokenTableModel.h"

#include <QAbstractItemModelTester>
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
    void init()
    {
        m_source = std::make_unique<BuildTokenTableModel>();
        m_proxy = std::make_unique<BuildTokenFilterModel>();
        m_proxy->setTokenModel(m_source.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_source->setTokens(DemoTokenGenerator::generate(52)); // 13 projects x 4 environments
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
        QVERIFY(BuildTokenFilterModel::matches(t, t.uuid.mid(9, 4).toUpper()));
        QVERIFY(BuildTokenFilterModel::matches(t, t.cloudflareTokenId.right(6)));
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
        for (const QString &name : column(BuildTokenTableModel::Name))
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
        m_proxy->sort(BuildTokenTableModel::Name, Qt::AscendingOrder);
        QStringList names = column(BuildTokenTableModel::Name);
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
        QCOMPARE(names, sorted);
        m_proxy->sort(BuildTokenTableModel::Uuid, Qt::DescendingOrder);
        const QStringList uuids = column(BuildTokenTableModel::Uuid);
        QVERIFY(std::is_sorted(uuids.rbegin(), uuids.rend(), [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; }));
        QCOMPARE(m_proxy->token(0).uuid, uuids.first());
        // Back to the API's order.
        m_proxy->sort(-1);
        QCOMPARE(m_proxy->token(0).uuid, DemoTokenGenerator::token(0).uuid);
    }

    void newPageResetsAndKeepsFilter()
    {
        m_proxy->setFilterText(u"blog"_s);
        QSignalSpy reset(m_proxy.get(), &QAbstractItemModel::modelReset);
        m_source->setTokens(DemoTokenGenerator::generate(104));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(m_proxy->rowCount(), 8);
    }
};

QTEST_GUILESS_MAIN(TestBuildTokenFilterModel)
#include "tst_buildtokenfiltermodel.moc"
