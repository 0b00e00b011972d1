// IdText keeps ids of Cloudflare's shapes in 16 bytes and anything else as it came: whatever
// the shape, the text comes back exactly, and equality, hashing and contains() agree with the
// text's own.

#include "api/IdShape.h"
#include "api/IdText.h"

#include <QHash>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestIdText : public QObject
{
    Q_OBJECT

private slots:
    void textComesBackExactly_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("hex32");
        QTest::newRow("uuid") << u"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"_s << false;
        QTest::newRow("uuid, all digits") << u"00000000-0000-0000-0000-000000000000"_s << false;
        QTest::newRow("uuid, all f") << u"ffffffff-ffff-ffff-ffff-ffffffffffff"_s << false;
        QTest::newRow("32 hex digits") << u"0123456789abcdef0123456789abcdef"_s << true;
        // Not the shape exactly: kept as text, so nothing is lost or changed.
        QTest::newRow("uuid in upper case") << u"182BD5E5-6E1A-4FE4-A799-AA6D9A6AB26E"_s << false;
        QTest::newRow("hex in upper case") << u"0123456789ABCDEF0123456789ABCDEF"_s << false;
        QTest::newRow("uuid in braces") << u"{182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e}"_s << false;
        QTest::newRow("dash misplaced") << u"182bd5e56-e1a-4fe4-a799-aa6d9a6ab26e"_s << false;
        QTest::newRow("36 hex digits") << u"182bd5e56e1a4fe4a799aa6d9a6ab26e1234"_s << false;
        QTest::newRow("31 hex digits") << u"0123456789abcdef0123456789abcde"_s << false;
        QTest::newRow("a g among hex") << u"0123456789abcdeg0123456789abcdef"_s << false;
        QTest::newRow("other text") << u"cf-token-123"_s << false;
        QTest::newRow("non-ASCII") << u"t\u00f6ken-\U0001F511"_s << false;
        QTest::newRow("empty") << QString(u""_s) << false;
        QTest::newRow("null") << QString() << false;
    }
    void textComesBackExactly()
    {
        QFETCH(QString, text);
        QFETCH(bool, hex32);
        const IdText id(text);
        QCOMPARE(id.toString(), text);
        QCOMPARE(QString(id), text);
        QCOMPARE(id.size(), text.size());
        QCOMPARE(id.isEmpty(), text.isEmpty());
        QCOMPARE(id.isHex32(), hex32);
        QCOMPARE(isIdShaped(id), isIdShaped(text)); // what may go into a request path
        QVERIFY(id == text);
        QVERIFY(text == id);
        QVERIFY(id == IdText(text));
        QCOMPARE(qHash(id, 7), qHash(IdText(text), 7));
    }

    // Two ids are equal exactly when their texts are, whatever shape either has.
    void equalityFollowsTheText()
    {
        const QStringList texts{u"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"_s, u"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26f"_s,
                                u"182bd5e56e1a4fe4a799aa6d9a6ab26e"_s,     u"182BD5E5-6E1A-4FE4-A799-AA6D9A6AB26E"_s,
                                u"x"_s,                                    QString()};
        QHash<IdText, int> byId;
        for (int i = 0; i < texts.size(); ++i)
            byId.insert(texts.at(i), i);
        QCOMPARE(byId.size(), texts.size());
        for (int i = 0; i < texts.size(); ++i) {
            QCOMPARE(byId.value(texts.at(i), -1), i);
            for (int j = 0; j < texts.size(); ++j)
                QCOMPARE(IdText(texts.at(i)) == IdText(texts.at(j)), i == j);
        }
    }

    // The order health checks ask in: the same every run, and for ids of one shape their
    // text's order.
    void orderIsStableAndFollowsTheText()
    {
        QStringList hex{u"ffffffffffffffffffffffffffffffff"_s, u"0123456789abcdef0123456789abcdef"_s,
                        u"0123456789abcdef0123456789abcdee"_s, u"a0000000000000000000000000000000"_s,
                        u"0000000000000001ffffffffffffffff"_s};
        QList<IdText> ids(hex.begin(), hex.end());
        std::sort(ids.begin(), ids.end());
        hex.sort();
        QCOMPARE(QStringList(ids.begin(), ids.end()), hex);
        const QList<IdText> mixed{u"b"_s, u"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"_s, u"a"_s, hex.first()};
        for (const IdText &a : mixed) {
            for (const IdText &b : mixed)
                QCOMPARE(!(a < b) && !(b < a), a == b);
        }
    }

    void containsAsTheTextDoes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("needle");
        QTest::addColumn<bool>("found");
        const QString uuid = u"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"_s;
        QTest::newRow("uuid, a part across a dash") << uuid << u"d5e5-6E1"_s << true;
        QTest::newRow("uuid, the end") << uuid << u"AB26E"_s << true;
        QTest::newRow("uuid, not there") << uuid << u"checkout"_s << false;
        QTest::newRow("uuid, empty needle") << uuid << QString() << true;
        QTest::newRow("uuid, longer than it") << uuid << uuid + u'0' << false;
        QTest::newRow("hex, the start") << u"0123456789abcdef0123456789abcdef"_s << u"0123"_s << true;
        QTest::newRow("hex, no dash in it") << u"0123456789abcdef0123456789abcdef"_s << u"-"_s << false;
        QTest::newRow("text") << u"cf-token-123"_s << u"TOKEN"_s << true;
    }
    void containsAsTheTextDoes()
    {
        QFETCH(QString, text);
        QFETCH(QString, needle);
        QFETCH(bool, found);
        QCOMPARE(IdText(text).contains(needle, Qt::CaseInsensitive), found);
        QCOMPARE(IdText(text).contains(needle, Qt::CaseInsensitive), text.contains(needle, Qt::CaseInsensitive));
    }

    // The point of it: a shaped id has no allocation of its own, and is the same size as any.
    void aShapedIdHoldsNoString()
    {
        static_assert(sizeof(IdText) <= 24);
        const IdText id(u"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"_s);
        const IdText copy = id;
        QVERIFY(copy.toString().isDetached()); // made anew each time: nothing stored to share
        QVERIFY(!copy.toString().isSharedWith(id.toString()));
        const QString other = u"cf-token-"_s + QString::number(123); // on the heap: a literal is never "shared"
        QVERIFY(IdText(other).toString().isSharedWith(other)); // any other text is kept as it is
    }
};

QTEST_APPLESS_MAIN(TestIdText)
#include "tst_idtext.moc"
