// The details pane following the token table: the current row while it is selected, through
// sorting, a filter that hides it, an edit of its token and a cleared listing.

#include "AccountPicker.h"
#include "TokenDetailsPane.h"
#include "TokenTableView.h"
#include "model/BuildTokenFilterModel.h"
#include "model/BuildTokenTableModel.h"
#include "model/TokenColumns.h"
#include "model/UntrustedText.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

BuildToken token(const QString &name, int number)
{
    return BuildToken{name, u"uuid-%1"_s.arg(number), u"cf-%1"_s.arg(number), u"user"_s, {}};
}

} // namespace

class TestTokenDetailsPane : public QObject
{
    Q_OBJECT

private slots:
    // The health and usage fields show once a check or a scan told, the findings with them.
    void enrichmentFieldsShowOnceKnown()
    {
        TokenDetailsPane pane;
        pane.show();
        BuildToken plain = token(u"alpha"_s, 1);
        pane.showToken(&plain, 1);
        auto *health = pane.findChild<QLineEdit *>(u"detail_health"_s);
        auto *usedBy = pane.findChild<QLineEdit *>(u"detail_used_by"_s);
        auto *findings = pane.findChild<QLabel *>(u"detailHealth"_s);
        QVERIFY(pane.findChild<QLineEdit *>(u"detail_uuid"_s)->isVisible());
        QVERIFY(!health->isVisible() && !usedBy->isVisible() && !findings->isVisible());

        BuildToken checked = plain;
        checked.health = std::make_shared<const TokenHealth>(TokenHealth::missing());
        pane.showToken(&checked, 1);
        QVERIFY(health->isVisible() && !usedBy->isVisible() && findings->isVisible());
        QCOMPARE(health->text(), u"Missing"_s);
        QVERIFY(findings->text().contains(u"another member"_s));

        checked.usage = TriggerUses(QList<TriggerUse>{});
        pane.showToken(&checked, 1);
        QVERIFY(usedBy->isVisible());
        QCOMPARE(usedBy->text(), u"Unused"_s);
        QVERIFY(findings->text().contains(u"No live build trigger uses this build token."_s));
    }

    void invisibleCharactersAreShownAndCopiedAsTheyAre()
    {
        // A right-to-left override and a zero-width space make one name look like another.
        const QString name = u"deploy\u202eproduction\u200b"_s;
        BuildTokenTableModel model;
        BuildTokenFilterModel proxy;
        proxy.setTokenModel(&model);
        model.appendTokens({token(name, 1)});
        TokenTableView view;
        view.setModel(&proxy);
        TokenDetailsPane pane;
        pane.follow(&view, &proxy);
        view.selectRow(0);
        QCOMPARE(pane.findChild<QLineEdit *>(u"detail_name"_s)->text(), u"deploy\\u202eproduction\\u200b"_s);
        // The JSON shown is still JSON, of the very name.
        const QString json = pane.findChild<QPlainTextEdit *>(u"detailRawJson"_s)->toPlainText();
        QVERIFY2(json.contains(u"\\u202e"_s) && !json.contains(u'\u202e'), qPrintable(json));
        QCOMPARE(QJsonDocument::fromJson(json.toUtf8()).object().value(u"build_token_name"_s).toString(), name);
        // Copy gives the value itself, not what is shown.
        const QList<QToolButton *> buttons = pane.findChildren<QToolButton *>();
        const auto copyName = std::find_if(buttons.begin(), buttons.end(), [](QToolButton *b) {
            return b->accessibleName().contains(TokenColumns::at(TokenColumns::Name).displayTitle());
        });
        QVERIFY(copyName != buttons.end());
        (*copyName)->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), name);
    }

    void anAccountNameCannotReverseItsId()
    {
        AccountPicker picker;
        picker.setAccounts({Account{u"0123456789abcdef0123456789abcdef"_s, u"\u202eevil"_s}});
        const QString shown = picker.itemText(0);
        QVERIFY2(shown.startsWith(u"\u2068\u202eevil\u2069"_s), qPrintable(shown)); // the override ends with its isolate
        QVERIFY(shown.endsWith(u"0123456789abcdef0123456789abcdef"_s));
        picker.setCurrentIndex(0);
        QCOMPARE(picker.accountId(), u"0123456789abcdef0123456789abcdef"_s); // the id is what is used
    }

    // A U+2069 in the name would close the isolate early and let the override after it
    // reach the id: one that closes nothing the name opened is left out.
    void anIsolateCannotBeClosedFromInside()
    {
        QCOMPARE(UntrustedText::isolate(u"a\u2069\u202eb"_s), u"\u2068a\u202eb\u2069"_s);
        // Isolates the text opens and closes itself stay as they are.
        QCOMPARE(UntrustedText::isolate(u"\u2067x\u2069y"_s), u"\u2068\u2067x\u2069y\u2069"_s);
        QCOMPARE(UntrustedText::isolate(u"\u2066x\u2069\u2069"_s), u"\u2068\u2066x\u2069\u2069"_s);
    }

    void followsTheCurrentRow()
    {
        BuildTokenTableModel model;
        BuildTokenFilterModel proxy;
        proxy.setTokenModel(&model);
        model.appendTokens({token(u"charlie"_s, 1), token(u"alpha"_s, 2), token(u"bravo"_s, 3)});
        TokenTableView view;
        view.setModel(&proxy);
        TokenDetailsPane pane;
        pane.follow(&view, &proxy);
        auto *uuid = pane.findChild<QLineEdit *>(u"detail_uuid"_s);
        QVERIFY(uuid);
        const auto showing = [&pane, uuid] { return uuid->isVisibleTo(&pane) ? uuid->text() : QString(); };
        QCOMPARE(showing(), QString());

        view.selectRow(1);
        QCOMPARE(showing(), u"uuid-2"_s);

        // Sorted by name, alpha moves to the top and stays the one shown.
        view.sortByColumn(TokenColumns::Name, Qt::AscendingOrder);
        QCOMPARE(proxy.token(0).uuid, u"uuid-2"_s);
        QCOMPARE(showing(), u"uuid-2"_s);

        // Its token changes in place (the same uuid comes again).
        model.appendTokens({token(u"alpha renamed"_s, 2)});
        QCOMPARE(pane.findChild<QLineEdit *>(u"detail_name"_s)->text(), u"alpha renamed"_s);

        // A filter that hides it leaves nothing to show; one that keeps it, it.
        proxy.setFilterText(u"bravo"_s);
        QCOMPARE(showing(), QString());
        proxy.setFilterText(QString());
        view.selectRow(0);
        QCOMPARE(showing(), u"uuid-2"_s);

        // The listing cleared.
        model.clear();
        QCOMPARE(showing(), QString());
    }
};

QTEST_MAIN(TestTokenDetailsPane)
#include "tst_tokendetailspane.moc"
