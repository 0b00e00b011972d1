#include "demo/DemoTokenGenerator.h"
#include "model/BuildTokenTableModel.h"
#include "model/TokenColumns.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>

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

    void columnsComeFromTheRegistry()
    {
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->columnCount(), TokenColumns::count());
        const QStringList titles{u"Name"_s,   u"UUID"_s,            u"Cloudflare token ID"_s, u"Owner type"_s,
                                 u"Health"_s, u"API token status"_s, u"Expires"_s,            u"Last used"_s,
                                 u"Used by"_s};
        QCOMPARE(TokenColumns::count(), titles.size());
        for (int column = 0; column < TokenColumns::count(); ++column)
            QCOMPARE(m_model->headerData(column, Qt::Horizontal).toString(), titles[column]);
        QCOMPARE(TokenColumns::indexOf(u"uuid"_s), int(TokenColumns::Uuid));
        QCOMPARE(TokenColumns::indexOf(u"no such column"_s), -1);
    }

    void appendInsertsEachBatchAndShowsEveryField()
    {
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        const QList<BuildToken> tokens = DemoTokenGenerator::generate(25);
        m_model->appendTokens(tokens.mid(0, 10));
        m_model->appendTokens(tokens.mid(10));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 10); // first new row
        QCOMPARE(inserted.at(1).at(2).toInt(), 24); // last new row
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(m_model->rowCount(), 25);
        for (int row : {0, 7, 10, 24}) {
            QCOMPARE(m_model->index(row, TokenColumns::Name).data().toString(), tokens[row].name);
            QCOMPARE(m_model->index(row, TokenColumns::Uuid).data().toString(), tokens[row].uuid);
            QCOMPARE(m_model->index(row, TokenColumns::CloudflareTokenId).data().toString(), tokens[row].cloudflareTokenId);
            QCOMPARE(m_model->index(row, TokenColumns::OwnerType).data().toString(), u"user"_s);
            QCOMPARE(m_model->rowOfUuid(tokens[row].uuid), row);
        }
        m_model->appendTokens({});
        QCOMPARE(inserted.size(), 2);
    }

    void tooltipsShowTextNeverRichText_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("an image from a device") << u"<img src=\"file:///dev/zero\">"_s;
        QTest::newRow("markup") << u"<b>bold</b> & <a href=\"x\">link</a>"_s;
        QTest::newRow("an entity") << u"&lt;not a tag&gt;"_s;
        QTest::newRow("white space") << u"  two  spaces\tand a tab"_s;
    }
    void tooltipsShowTextNeverRichText()
    {
        QFETCH(QString, name);
        m_model->appendTokens({BuildToken{name, u"u-1"_s, u"c-1"_s, u"user"_s, {}}});
        const QString tip = m_model->index(0, TokenColumns::Name).data(Qt::ToolTipRole).toString();
        QCOMPARE(m_model->index(0, TokenColumns::Name).data().toString(), name); // the cell is the text itself
        // As Qt renders the tooltip: exactly the text, and nothing it would load.
        QTextDocument document;
        document.setHtml(tip);
        QCOMPARE(document.toPlainText(), name);
        QVERIFY2(!tip.contains(u"<img"_s) && !tip.contains(u"<b>"_s), qPrintable(tip));
    }

    // A screen reader gets what a Health cell's tooltip tells: why.
    void aHealthCellsReasonIsItsAccessibleDescription()
    {
        BuildToken token = DemoTokenGenerator::token(0);
        TokenHealth missing = TokenHealth::missing();
        missing.note = u"Another member's API token, or a deleted one"_s;
        token.health = std::make_shared<const TokenHealth>(missing);
        m_model->appendTokens({token});
        const QModelIndex health = m_model->index(0, TokenColumns::indexOf(u"health"_s));
        const QString description = health.data(Qt::AccessibleDescriptionRole).toString();
        QVERIFY2(description.contains(u"Another member's API token"_s), qPrintable(description));
        QVERIFY(description.startsWith(health.data().toString())); // "Missing: …"
        QCOMPARE(m_model->index(0, TokenColumns::Name).data(Qt::AccessibleDescriptionRole).toString(), QString());
    }

    // One line per cell: a line break would cut the name off unseen, and spaces alone look
    // like a blank. The token, and so every export and copy, keeps the name as it is.
    void lineBreaksAndBlankNamesAreMarkedInTheCell()
    {
        m_model->appendTokens({BuildToken{u"deploy\nprod\r\nx"_s, u"u-1"_s, u"c-1"_s, u"user"_s, {}},
                               BuildToken{u"   "_s, u"u-2"_s, u"c-2"_s, u"user"_s, {}},
                               BuildToken{QString(), u"u-3"_s, u"c-3"_s, u"user"_s, {}}});
        QCOMPARE(m_model->index(0, TokenColumns::Name).data().toString(), u"deploy\u23ceprod\u23cex"_s);
        QCOMPARE(m_model->index(1, TokenColumns::Name).data().toString(), u"\u2423\u2423\u2423"_s);
        QCOMPARE(m_model->index(2, TokenColumns::Name).data().toString(), QString()); // no name: an empty cell
        QCOMPARE(m_model->token(0).name, u"deploy\nprod\r\nx"_s);
        QCOMPARE(m_model->token(1).name, u"   "_s);
        QTextDocument document; // the tooltip shows the lines as they are
        document.setHtml(m_model->index(0, TokenColumns::Name).data(Qt::ToolTipRole).toString());
        QVERIFY2(document.toPlainText().startsWith(u"deploy\nprod\n"_s), qPrintable(document.toPlainText()));
    }

    void aTokenThatComesAgainIsUpdatedInPlace()
    {
        QList<BuildToken> tokens = DemoTokenGenerator::generate(5);
        m_model->appendTokens(tokens);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        BuildToken renamed = tokens[3];
        renamed.name = u"renamed"_s;
        const BuildToken fresh = DemoTokenGenerator::token(99);
        m_model->appendTokens({renamed, fresh, fresh});
        QCOMPARE(m_model->rowCount(), 6); // one new row: the repeated uuid is not a second one
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 3);
        QCOMPARE(m_model->index(3, TokenColumns::Name).data().toString(), u"renamed"_s);
        QCOMPARE(m_model->rowOfUuid(fresh.uuid), 5);
    }

    // The uuid index grows as rows come (and from reserve()), rehashing what it has: every
    // row is found by its uuid after each growth, a uuid that comes again in a later batch
    // updates its row, and uuids of any shape are found.
    void theIndexFindsEveryRowAsItGrows_data()
    {
        QTest::addColumn<int>("reserved");
        QTest::newRow("grown batch by batch") << 0;
        QTest::newRow("reserved first") << 5000;
    }
    void theIndexFindsEveryRowAsItGrows()
    {
        QFETCH(int, reserved);
        m_model->reserve(reserved);
        QList<BuildToken> tokens = DemoTokenGenerator::generate(5000);
        tokens[17].uuid = u"not-a-uuid"_s;
        tokens[18].uuid = u"182BD5E5-6E1A-4FE4-A799-AA6D9A6AB26E"_s; // upper case: kept as text
        for (qsizetype from = 0; from < tokens.size(); from += 200)
            m_model->appendTokens(tokens.mid(from, 200) + tokens.mid(from / 2, 3)); // 3 seen before
        QCOMPARE(m_model->rowCount(), 5000);
        for (int row = 0; row < tokens.size(); ++row)
            QCOMPARE(m_model->rowOfUuid(tokens[row].uuid), row);
        QCOMPARE(m_model->rowOfUuid(u"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"_s), -1);
        QCOMPARE(m_model->rowOfUuid(DemoTokenGenerator::token(5000).uuid), -1);
    }

    void tokensWithoutUuidAreNeverMerged()
    {
        BuildToken bare;
        bare.name = u"no uuid"_s;
        m_model->appendTokens({bare, bare});
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->rowOfUuid(QString()), -1);
    }

    void clearEmptiesRowsAndIndex()
    {
        const QList<BuildToken> tokens = DemoTokenGenerator::generate(3);
        m_model->appendTokens(tokens);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->clear();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->rowOfUuid(tokens[0].uuid), -1);
        m_model->clear(); // nothing to clear: no reset the views would redraw for
        QCOMPARE(reset.size(), 1);
        m_model->appendTokens(tokens.mid(1));
        QCOMPARE(m_model->rowOfUuid(tokens[2].uuid), 1);
    }

    void missingFieldsAreEmptyCells()
    {
        BuildToken bare;
        bare.uuid = u"only-a-uuid"_s;
        m_model->appendTokens({bare});
        QCOMPARE(m_model->index(0, TokenColumns::Name).data().toString(), QString());
        QCOMPARE(m_model->index(0, TokenColumns::Uuid).data().toString(), u"only-a-uuid"_s);
        QVERIFY(!m_model->index(0, TokenColumns::Name).data(Qt::DecorationRole).isValid());
        QVERIFY(!m_model->index(0, 0, m_model->index(0, 0)).isValid());
    }

    // A part of the rows at a time: only those change, and say so for the health columns; a
    // range past the rows is cut to them.
    void healthForSomeRows()
    {
        const QList<BuildToken> tokens = DemoTokenGenerator::generate(5);
        m_model->appendTokens(tokens);
        HealthById health;
        for (const BuildToken &token : tokens)
            health.insert(token.cloudflareTokenId, std::make_shared<const TokenHealth>(TokenHealth::missing()));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setHealth(health, 1, 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), m_model->index(1, TokenColumns::Health));
        QCOMPARE(changed.first().at(1).toModelIndex(), m_model->index(2, TokenColumns::LastUsedOn));
        QVERIFY(!m_model->token(0).health);
        QCOMPARE(m_model->token(1).health, health.value(tokens[1].cloudflareTokenId)); // the record itself, shared
        QVERIFY(m_model->token(2).health);
        QVERIFY(!m_model->token(3).health);
        m_model->setHealth(health, 3, 99);
        QVERIFY(m_model->token(4).health);
        QCOMPARE(changed.last().at(1).toModelIndex().row(), 4);
        m_model->setHealth({}, 5, 9); // no such rows: nothing
        QCOMPARE(changed.size(), 2);
        // And the index the views ask for: none outside the table.
        QVERIFY(!m_model->index(5, 0).isValid());
        QVERIFY(!m_model->index(0, TokenColumns::count()).isValid());
        QVERIFY(!m_model->index(-1, 0).isValid());
    }
};

QTEST_MAIN(TestBuildTokenTableModel)
#include "tst_buildtokentablemodel.moc"
