// One entry in the column registry reaches every reader: the model, the filter, the writers
// and the details pane. The column is added at run time, before anything reads the registry.

#include "TokenDetailsPane.h"
#include "demo/DemoTokenGenerator.h"
#include "export/TokenExport.h"
#include "model/BuildTokenFilterModel.h"
#include "model/BuildTokenTableModel.h"
#include "model/TokenColumns.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QString nameLength(const BuildToken &token)
{
    return u"len-%1"_s.arg(token.name.size());
}

} // namespace

class TestTokenColumns : public QObject
{
    Q_OBJECT

private:
    int m_added = -1;
    BuildToken m_token = DemoTokenGenerator::token(0);

private slots:
    void initTestCase()
    {
        TokenColumns::append({u"name_length"_s, u"name_length"_s, "Name length", &nameLength});
        m_added = TokenColumns::count() - 1;
        QCOMPARE(TokenColumns::indexOf(u"name_length"_s), m_added);
        QCOMPARE(m_added, int(TokenColumns::UsedBy) + 1); // appended after the built-in columns
    }

    void modelAndFilterShowIt()
    {
        BuildTokenTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendTokens({m_token, DemoTokenGenerator::token(1)});
        QCOMPARE(model.columnCount(), m_added + 1);
        QCOMPARE(model.headerData(m_added, Qt::Horizontal).toString(), u"Name length"_s);
        QCOMPARE(model.index(0, m_added).data().toString(), nameLength(m_token));

        BuildTokenFilterModel proxy;
        proxy.setTokenModel(&model);
        proxy.setFilterText(nameLength(m_token));
        QVERIFY(BuildTokenFilterModel::matches(m_token, nameLength(m_token)));
        QVERIFY(proxy.rowCount() >= 1);
    }

    void everyWriterWritesIt()
    {
        const QByteArray csv = TokenExport::toCsv({m_token});
        QVERIFY(csv.startsWith("build_token_name,build_token_uuid,cloudflare_token_id,owner_type,name_length\r\n"));
        QVERIFY(csv.endsWith(QByteArray(",user," + nameLength(m_token).toUtf8() + "\r\n")));

        const QByteArray ndjson = TokenExport::toNdjson({m_token});
        QVERIFY(ndjson.endsWith(QByteArray("\"owner_type\":\"user\",\"name_length\":\"" + nameLength(m_token).toUtf8() + "\"}\n")));
        const QJsonArray json = QJsonDocument::fromJson(TokenExport::toJson({m_token})).array();
        QCOMPARE(json.at(0).toObject().value(u"name_length"_s).toString(), nameLength(m_token));

        QCOMPARE(TokenExport::toTsv({m_token}, {m_added, 0}),
                 u"Name length\tName\n"_s + nameLength(m_token) + u'\t' + m_token.name + u'\n');
    }

    // An API token without an expiry reads "Never"; not checked, the cell is blank; the
    // writers keep the value itself (empty, null in JSON).
    void anExpiryThatNeverComesReadsNever()
    {
        const ColumnSpec &expires = TokenColumns::at(TokenColumns::indexOf(u"expires_on"_s));
        BuildToken token = DemoTokenGenerator::token(0);
        QCOMPARE(expires.cell(token), QString());
        ApiToken record;
        record.id = token.cloudflareTokenId;
        record.status = u"active"_s;
        token.health = std::make_shared<const TokenHealth>(TokenHealth::of(record, QDateTime::currentDateTimeUtc()));
        QCOMPARE(expires.cell(token), u"Never"_s);
        QCOMPARE(expires.value(token), QString());
        record.expiresOn = u"2030-01-01T00:00:00Z"_s;
        token.health = std::make_shared<const TokenHealth>(TokenHealth::of(record, QDateTime::currentDateTimeUtc()));
        QCOMPARE(expires.cell(token), u"2030-01-01T00:00:00Z"_s);
        token.health = std::make_shared<const TokenHealth>(TokenHealth::missing());
        QCOMPARE(expires.cell(token), QString());
    }

    void detailsPaneShowsIt()
    {
        TokenDetailsPane pane;
        pane.showToken(&m_token, 1);
        auto *field = pane.findChild<QLineEdit *>(u"detail_name_length"_s);
        QVERIFY(field);
        QCOMPARE(field->text(), nameLength(m_token));
    }
};

QTEST_MAIN(TestTokenColumns)
#include "tst_tokencolumns.moc"
