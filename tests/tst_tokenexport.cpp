#include "demo/DemoTokenGenerator.h"
#include "export/TokenExport.h"
#include "export/TokenWriter.h"
#include "model/TokenColumns.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

BuildToken token(const QString &name, const QString &uuid = u"u"_s, const QString &id = u"i"_s,
                 const QString &owner = u"user"_s)
{
    return {name, uuid, id, owner, {}};
}

// A strict RFC 4180 reader: CRLF record ends, quoted fields with doubled quotes, nothing
// else. Returns nullopt for anything a conforming writer would not produce.
std::optional<QList<QStringList>> readCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (text[i] == u'"') {
            ++i;
            for (;;) {
                if (i >= n)
                    return std::nullopt; // an unterminated quote
                if (text[i] == u'"') {
                    if (i + 1 < n && text[i + 1] == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
        } else {
            while (i < n && text[i] != u',' && text[i] != u'\r') {
                if (text[i] == u'"' || text[i] == u'\n')
                    return std::nullopt; // a quote or a bare LF in an unquoted field
                field += text[i++];
            }
        }
        if (i < n && text[i] == u',') {
            record << field;
            field.clear();
            ++i;
            continue;
        }
        if (i + 1 < n && text[i] == u'\r' && text[i + 1] == u'\n') {
            record << field;
            records << record;
            record.clear();
            field.clear();
            i += 2;
            continue;
        }
        return std::nullopt; // a record that does not end in CRLF
    }
    if (!record.isEmpty() || !field.isEmpty())
        return std::nullopt;
    return records;
}

// What TokenWriter writes for `batches`, one write() each, into a buffer.
QByteArray written(TokenExport::Format format, const QList<QList<BuildToken>> &batches, bool excelBom = false)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return "buffer not open";
    const std::unique_ptr<TokenWriter> writer = TokenWriter::create(format, &buffer, excelBom);
    writer->begin();
    qint64 rows = 0;
    for (const QList<BuildToken> &batch : batches) {
        writer->write(batch);
        rows += batch.size();
    }
    writer->finish();
    if (!writer->ok() || writer->errorString() != QString() || writer->rowsWritten() != rows)
        return "writer failed";
    return bytes;
}

// Takes `allowed` writes, then refuses every one, as a full disk would.
class FailingDevice : public QIODevice
{
public:
    explicit FailingDevice(int allowed) : m_allowed(allowed) { open(QIODevice::WriteOnly); }
    int writeCalls = 0;
    QByteArray bytes;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        if (++writeCalls > m_allowed) {
            setErrorString(u"No space left on device"_s);
            return -1;
        }
        bytes.append(data, size);
        return size;
    }

private:
    int m_allowed;
};

} // namespace

class TestTokenExport : public QObject
{
    Q_OBJECT

private slots:
    void csvRoundTrips_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("plain") << u"ci-production"_s;
        QTest::newRow("comma") << u"a,b"_s;
        QTest::newRow("quote") << u"say \"hi\""_s;
        QTest::newRow("CR") << u"a\rb"_s;
        QTest::newRow("LF") << u"a\nb"_s;
        QTest::newRow("CRLF") << u"a\r\nb"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("leading space") << u" lead"_s;
        QTest::newRow("trailing space") << u"trail "_s;
        QTest::newRow("non-ASCII") << u"Zürich Ærøskøbing ß"_s;
        QTest::newRow("emoji") << u"deploy \U0001F680 bot"_s;
        QTest::newRow("only quotes") << u"\"\"\""_s;
    }
    void csvRoundTrips()
    {
        QFETCH(QString, value);
        const QByteArray csv = TokenExport::toCsv({token(value, u"uuid-1"_s), token(u"second"_s, value)});
        QVERIFY(csv.endsWith("\r\n"));
        const auto records = readCsv(QString::fromUtf8(csv));
        QVERIFY2(records, csv.constData());
        QCOMPARE(records->size(), 3);
        QCOMPARE(records->at(0), TokenExport::fieldNames());
        QCOMPARE(records->at(1), (QStringList{value, u"uuid-1"_s, u"i"_s, u"user"_s}));
        QCOMPARE(records->at(2), (QStringList{u"second"_s, value, u"i"_s, u"user"_s}));
    }

    void csvQuotesOnlyWhatNeedsIt()
    {
        const QByteArray csv = TokenExport::toCsv({token(u"a,b"_s), token(u"plain"_s)});
        QCOMPARE(csv, QByteArray("build_token_name,build_token_uuid,cloudflare_token_id,owner_type\r\n"
                                 "\"a,b\",u,i,user\r\n"
                                 "plain,u,i,user\r\n"));
    }

    void formulaCellsAreDefused_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("inCsv");
        QTest::addColumn<QString>("inTsv"); // tabs and line breaks become spaces first there
        QTest::newRow("=") << u"=HYPERLINK(\"http://x\")"_s << u"'=HYPERLINK(\"http://x\")"_s << u"'=HYPERLINK(\"http://x\")"_s;
        QTest::newRow("+") << u"+1+1"_s << u"'+1+1"_s << u"'+1+1"_s;
        QTest::newRow("-") << u"-2+3"_s << u"'-2+3"_s << u"'-2+3"_s;
        QTest::newRow("@") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s << u"'@SUM(A1)"_s;
        QTest::newRow("tab") << u"\t=1+1"_s << u"'\t=1+1"_s << u"' =1+1"_s; // the rule sees the tab, not the space
        QTest::newRow("CR") << u"\r=1"_s << u"'\r=1"_s << u"' =1"_s;
        QTest::newRow("full-width =") << u"\uff1d1+1"_s << u"'\uff1d1+1"_s << u"'\uff1d1+1"_s;
        QTest::newRow("full-width @") << u"\uff20SUM(A1)"_s << u"'\uff20SUM(A1)"_s << u"'\uff20SUM(A1)"_s;
        QTest::newRow("a quote first") << u"\"a\"b"_s << u"\"a\"b"_s << u"\"\"\"a\"\"b\""_s;
        QTest::newRow("inside is fine") << u"a=b"_s << u"a=b"_s << u"a=b"_s;
        QTest::newRow("dash inside uuid") << u"182bd5e5-6e1a"_s << u"182bd5e5-6e1a"_s << u"182bd5e5-6e1a"_s;
    }
    void formulaCellsAreDefused()
    {
        QFETCH(QString, value);
        QFETCH(QString, inCsv);
        QFETCH(QString, inTsv);
        const auto records = readCsv(QString::fromUtf8(TokenExport::toCsv({token(value)})));
        QVERIFY(records);
        QCOMPARE(records->at(1).at(0), inCsv);
        QCOMPARE(TokenExport::toTsv({token(value)}, {0}), u"Name\n"_s + inTsv + u'\n');
    }

    void byteOrderMarkOnlyWhenAsked()
    {
        const QList<BuildToken> tokens{token(u"x"_s)};
        QVERIFY(!TokenExport::toCsv(tokens).startsWith("\xEF\xBB\xBF"));
        const QByteArray withBom = TokenExport::toCsv(tokens, true);
        QVERIFY(withBom.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(withBom.mid(3), TokenExport::toCsv(tokens));
    }

    void jsonAndNdjsonParseBack()
    {
        const QList<BuildToken> tokens{token(u"a,\"b\"\n"_s, u"u1"_s, u"i1"_s), token(u"\U0001F680"_s, u"u2"_s, u"=i2"_s, u"account"_s)};
        const QJsonArray array = QJsonDocument::fromJson(TokenExport::toJson(tokens)).array();
        QCOMPARE(array.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const QJsonObject object = array.at(i).toObject();
            QCOMPARE(object.size(), TokenColumns::listing().size()); // no health before a check
            QCOMPARE(object.value(u"build_token_name"_s).toString(), tokens[i].name);
            QCOMPARE(object.value(u"build_token_uuid"_s).toString(), tokens[i].uuid);
            // JSON is data, not a spreadsheet: no defusing there.
            QCOMPARE(object.value(u"cloudflare_token_id"_s).toString(), tokens[i].cloudflareTokenId);
            QCOMPARE(object.value(u"owner_type"_s).toString(), tokens[i].ownerType);
        }
        const QList<QByteArray> lines = TokenExport::toNdjson(tokens).split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.last().isEmpty());
        for (int i = 0; i < 2; ++i)
            QCOMPARE(QJsonDocument::fromJson(lines[i]).object(), array.at(i).toObject());
    }

    void jsonKeysFollowTheColumnOrder()
    {
        // Parsed back, a QJsonObject sorts its keys: the order is only visible in the bytes.
        const BuildToken t = token(u"n"_s, u"u"_s, u"i"_s);
        for (const QByteArray &text : {TokenExport::toJson({t}), TokenExport::toNdjson({t}), TokenExport::toJsonObject(t, 0)}) {
            qsizetype previous = -1;
            for (int index : TokenColumns::listing()) {
                const ColumnSpec &column = TokenColumns::at(index);
                const qsizetype at = text.indexOf(QByteArray('"' + column.apiField.toUtf8() + "\":"));
                QVERIFY2(at > previous, text.constData());
                previous = at;
            }
        }
        // The same bytes as QJsonDocument would give, apart from the order it cannot keep.
        QCOMPARE(TokenExport::toJsonObject(t, -1),
                 QByteArray(R"({"build_token_name":"n","build_token_uuid":"u","cloudflare_token_id":"i","owner_type":"user"})"));
    }

    void jsonEscapesEveryControlCharacter()
    {
        QString nasty = u"q\"b\\s/\u0001\u001f\u007f\U0001F680\u2028"_s;
        const QByteArray line = TokenExport::toNdjson({token(nasty)});
        QVERIFY(line.contains("\\u0001"));
        QVERIFY(line.contains("\\u001f"));
        QJsonParseError error;
        const QJsonDocument back = QJsonDocument::fromJson(line, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(back.object().value(u"build_token_name"_s).toString(), nasty);
    }

    void unknownFieldsOnlyWhereAsked()
    {
        BuildToken t = token(u"n"_s);
        t.unknownFields.insert(u"created_on"_s, u"2026-01-02"_s);
        t.unknownFields.insert(u"scopes"_s, QJsonArray{1, u"two"_s});
        QVERIFY(!TokenExport::toJson({t}).contains("created_on")); // exports: the columns
        const QByteArray details = TokenExport::toJsonObject(t, 0, true);
        const QJsonObject parsed = QJsonDocument::fromJson(details).object();
        QCOMPARE(parsed.size(), TokenColumns::listing().size() + 2);
        QCOMPARE(parsed.value(u"scopes"_s).toArray(), (QJsonArray{1, u"two"_s}));
        QVERIFY(details.indexOf("owner_type") < details.indexOf("created_on"));
        QVERIFY(details.startsWith("{\n    \"build_token_name\": \"n\",\n"));
    }

    void noRows()
    {
        QCOMPARE(TokenExport::toCsv({}), QByteArray("build_token_name,build_token_uuid,cloudflare_token_id,owner_type\r\n"));
        QCOMPARE(QJsonDocument::fromJson(TokenExport::toJson({})).array(), QJsonArray());
        QVERIFY(TokenExport::toJson({}).trimmed() == "[\n]" || TokenExport::toJson({}).trimmed() == "[]");
        QCOMPARE(TokenExport::toNdjson({}), QByteArray());
    }

    void tsvFollowsTheGivenColumns()
    {
        const QString tsv = TokenExport::toTsv({token(u"a\tb"_s, u"u1"_s, u"i1"_s)}, {2, 0});
        QCOMPARE(tsv, u"Cloudflare token ID\tName\ni1\ta b\n"_s);
    }

    void formatNames()
    {
        QCOMPARE(TokenExport::formatFromName(u"csv"_s), TokenExport::Format::Csv);
        QCOMPARE(TokenExport::formatFromName(u"ndjson"_s), TokenExport::Format::Ndjson);
        QVERIFY(!TokenExport::formatFromName(u"xml"_s));
        QCOMPARE(TokenExport::write(TokenExport::Format::Json, {token(u"x"_s)}), TokenExport::toJson({token(u"x"_s)}));
    }

    void writerGivesTheSameBytesHoweverTheRowsAreSplit_data()
    {
        QTest::addColumn<TokenExport::Format>("format");
        QTest::addColumn<bool>("excelBom");
        QTest::newRow("csv") << TokenExport::Format::Csv << false;
        QTest::newRow("csv with BOM") << TokenExport::Format::Csv << true;
        QTest::newRow("json") << TokenExport::Format::Json << false;
        QTest::newRow("ndjson") << TokenExport::Format::Ndjson << false;
    }
    void writerGivesTheSameBytesHoweverTheRowsAreSplit()
    {
        QFETCH(TokenExport::Format, format);
        QFETCH(bool, excelBom);
        QList<BuildToken> tokens = DemoTokenGenerator::generate(5);
        tokens << token(u"a,\"b\"\r\nc"_s) << token(u"=1+2"_s, u" lead"_s) << token(u"Zürich \U0001F680 \u0001\\"_s);
        const QByteArray whole = TokenExport::write(format, tokens, excelBom);
        QCOMPARE(written(format, {tokens}, excelBom), whole);
        QCOMPARE(written(format, {tokens.mid(0, 1), tokens.mid(1, 2), {}, tokens.mid(3)}, excelBom), whole);
        QList<QList<BuildToken>> oneEach;
        for (const BuildToken &t : tokens)
            oneEach << QList<BuildToken>{t} << QList<BuildToken>{};
        QCOMPARE(written(format, oneEach, excelBom), whole);

        const QByteArray none = TokenExport::write(format, {}, excelBom);
        QCOMPARE(written(format, {}, excelBom), none);
        QCOMPARE(written(format, {{}, {}}, excelBom), none);
    }

    void jsonLayoutIsUnchanged()
    {
        QCOMPARE(TokenExport::toJson({}), QByteArray("[\n]\n"));
        QCOMPARE(TokenExport::toJson({token(u"a"_s), token(u"b"_s)}),
                 QByteArray("[\n"
                            "    {\n"
                            "        \"build_token_name\": \"a\",\n"
                            "        \"build_token_uuid\": \"u\",\n"
                            "        \"cloudflare_token_id\": \"i\",\n"
                            "        \"owner_type\": \"user\"\n"
                            "    },\n"
                            "    {\n"
                            "        \"build_token_name\": \"b\",\n"
                            "        \"build_token_uuid\": \"u\",\n"
                            "        \"cloudflare_token_id\": \"i\",\n"
                            "        \"owner_type\": \"user\"\n"
                            "    }\n"
                            "]\n"));
        QCOMPARE(TokenExport::toCsv({}, true), QByteArray("\xEF\xBB\xBF" "build_token_name,build_token_uuid,cloudflare_token_id,owner_type\r\n"));
    }

    void textIsEncodedAsToUtf8Does_data()
    {
        QTest::addColumn<QString>("value");
        const QChar high(char16_t(0xD83D));
        const QChar low(char16_t(0xDE80));
        QTest::newRow("ASCII, longer than four") << u"checkout-api-production-12"_s;
        QTest::newRow("two, three and four bytes") << u"é\u0800\uFFFF\U0001F680 ok"_s;
        QTest::newRow("lone high surrogate at the end") << u"abcdefg"_s + high;
        QTest::newRow("lone high surrogate before ASCII") << high + u"abcdefg"_s;
        QTest::newRow("lone low surrogate") << u"ab"_s + low + u"cdefgh"_s;
        QTest::newRow("two highs then a pair") << QString(high) + high + low;
    }
    void textIsEncodedAsToUtf8Does()
    {
        QFETCH(QString, value);
        const BuildToken t = token(value);
        QCOMPARE(TokenExport::toCsv({t}), "build_token_name,build_token_uuid,cloudflare_token_id,owner_type\r\n" + value.toUtf8()
                                              + ",u,i,user\r\n");
        QCOMPARE(TokenExport::toNdjson({t}), R"({"build_token_name":")" + value.toUtf8()
                                                 + R"(","build_token_uuid":"u","cloudflare_token_id":"i","owner_type":"user"})" "\n");
    }

    void everyAsciiUnitAnywhereInACell()
    {
        // The writers test several units at once: each ASCII unit in each place of a cell
        // longer than one such step must still be quoted, defused and escaped.
        for (char16_t unit = 0; unit < 0x80; ++unit) {
            for (qsizetype at = 0; at < 9; ++at) {
                QString value = u"abcdefghi"_s;
                value[at] = QChar(unit);
                const QByteArray csv = TokenExport::toCsv({token(value)});
                const auto records = readCsv(QString::fromUtf8(csv));
                QVERIFY2(records && records->size() == 2, csv.constData());
                QCOMPARE(records->at(1).at(0), TokenExport::defuseFormula(value));
                const bool quoted = value.contains(u',') || value.contains(u'"') || value.contains(u'\r')
                                    || value.contains(u'\n') || value.endsWith(u' ') || value.startsWith(u' ');
                QCOMPARE(csv.split('\n').at(1).startsWith('"'), quoted);

                const QByteArray line = TokenExport::toNdjson({token(value)});
                QJsonParseError error;
                const QJsonDocument back = QJsonDocument::fromJson(line, &error);
                QCOMPARE(error.error, QJsonParseError::NoError);
                QCOMPARE(back.object().value(u"build_token_name"_s).toString(), value);
                QCOMPARE(line.count('\n'), 1); // an escaped line break stays on its line
            }
        }
    }

    void aDeviceNotOpenForWritingStopsTheWriter()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"tokens.csv"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        QBuffer closed;
        for (QIODevice *device : std::initializer_list<QIODevice *>{&file, &closed}) {
            const std::unique_ptr<TokenWriter> writer = TokenWriter::create(TokenExport::Format::Csv, device);
            QVERIFY(writer->ok());
            writer->begin();
            QVERIFY(!writer->ok());
            const QString error = writer->errorString();
            QVERIFY(!error.isEmpty());
            writer->write({token(u"x"_s)});
            writer->finish();
            QCOMPARE(writer->errorString(), error);
            QCOMPARE(writer->rowsWritten(), 0);
        }
        QCOMPARE(file.size(), 0);
        QVERIFY(closed.data().isEmpty());
    }

    void aFailedWriteIsTheLast()
    {
        // 2000 rows are more than one flush: the device takes the header and the first part.
        const QList<BuildToken> tokens = DemoTokenGenerator::generate(2000);
        FailingDevice device(2);
        const std::unique_ptr<TokenWriter> writer = TokenWriter::create(TokenExport::Format::Csv, &device);
        writer->begin();
        writer->write(tokens);
        QVERIFY(!writer->ok());
        QCOMPARE(writer->errorString(), u"No space left on device"_s);
        QCOMPARE(device.writeCalls, 3);
        QVERIFY(writer->rowsWritten() > 0);
        QVERIFY(writer->rowsWritten() < tokens.size());
        // What the device took is whole records, the first rowsWritten() of them.
        QVERIFY(TokenExport::toCsv(tokens).startsWith(device.bytes));
        QCOMPARE(device.bytes.count("\r\n"), writer->rowsWritten() + 1);

        const qint64 rows = writer->rowsWritten();
        writer->write(tokens);
        writer->write({});
        writer->finish();
        QCOMPARE(device.writeCalls, 3);
        QCOMPARE(writer->rowsWritten(), rows);
        QCOMPARE(writer->errorString(), u"No space left on device"_s);
    }

    void savesAtomically()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"tokens.csv"_s);
        QVERIFY(TokenExport::saveToFile(path, "first").isEmpty());
        QVERIFY(TokenExport::saveToFile(path, "second").isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("second"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"tokens.csv"_s});
    }

    void aFailingTargetLeavesNoFile_data()
    {
        QTest::addColumn<QString>("relative");
        // A folder that is a file: fails for root too, unlike a read-only folder.
        QTest::newRow("parent is a file") << u"blocker/tokens.csv"_s;
        QTest::newRow("parent missing") << u"missing/tokens.csv"_s;
        QTest::newRow("target is a folder") << u"folder"_s;
    }
    void aFailingTargetLeavesNoFile()
    {
        QFETCH(QString, relative);
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"blocker"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QVERIFY(QDir(dir.path()).mkdir(u"folder"_s));
        const QStringList before = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);

        const QString error = TokenExport::saveToFile(dir.filePath(relative), TokenExport::toCsv({token(u"x"_s)}));
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(dir.filePath(relative)), qPrintable(error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), before);
        QVERIFY(QDir(dir.filePath(u"folder"_s)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTokenExport)
#include "tst_tokenexport.moc"
