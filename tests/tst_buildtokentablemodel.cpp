#include "demo/DemoTokenGenerator.h"
#include "model/BuildTokenTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

class TestBuildTokenTableModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<BuildTokenTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester; // alive for the whole test

private slots:
    void init()
    {
        m_model = std::make_unique<BuildTokenTableModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void startsEmptyWithFourColumns()
    {
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->columnCount(), 4);
        QCOMPARE(m_model->headerData(BuildTokenTableModel::Name, Qt::Horizontal).toString(), u"Name"_s);
        QCOMPARE(m_model->headerData(BuildTokenTableModel::Uuid, Qt::Horizontal).toString(), u"UUID"_s);
        QCOMPARE(m_model->headerData(BuildTokenTableModel::CloudflareTokenId, Qt::Horizontal).toString(), u"Cloudflare token ID"_s);
        QCOMPARE(m_model->headerData(BuildTokenTableModel::OwnerType, Qt::Horizontal).toString(), u"Owner type"_s);
    }

    void setTokensResetsAndShowsEveryField()
    {
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        const QList<BuildToken> tokens = DemoTokenGenerator::generate(25);
        m_model->setTokens(tokens);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(m_model->rowCount(), 25);
        for (int row : {0, 7, 24}) {
            QCOMPARE(m_model->index(row, BuildTokenTableModel::Name).data().toString(), tokens[row].name);
            QCOMPARE(m_model->index(row, BuildTokenTableModel::Uuid).data().toString(), tokens[row].uuid);
            QCOMPARE(m_model->index(row, BuildTokenTableModel::CloudflareTokenId).data().toString(), tokens[row].cloudflareTokenId);
            QCOMPARE(m_model->index(row, BuildTokenTableModel::OwnerType).data().toString(), u"user"_s);
        }
        // A later page replaces the rows whole.
        m_model->setTokens(tokens.mid(0, 3));
        QCOMPARE(reset.size(), 2);
        QCOMPARE(m_model->rowCount(), 3);
        m_model->setTokens({});
        QCOMPARE(m_model->rowCount(), 0);
    }

    void missingFieldsAreEmptyCells()
    {
        BuildToken bare;
        bare.uuid = u"only-a-uuid"_s;
        m_model->setTokens({bare});
        QCOMPARE(m_model->index(0, BuildTokenTableModel::Name).data().toString(), QString());
        QCOMPARE(m_model->index(0, BuildTokenTableModel::Uuid).data().toString(), u"only-a-uuid"_s);
        QVERIFY(!m_model->index(0, BuildTokenTableModel::Name).data(Qt::DecorationRole).isValid());
        QVERIFY(!m_model->index(0, 0, m_model->index(0, 0)).isValid());
    }
};

QTEST_GUILESS_MAIN(TestBuildTokenTableModel)
#include "tst_buildtokentablemodel.moc"
