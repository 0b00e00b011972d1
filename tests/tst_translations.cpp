// The translations as a person meets them: German installed from the catalog compiled into
// the core finds the app's texts, Qt's own and both plural forms; a language without a
// translation stays English; the German window, its menus and its dialogs keep Alt+letter
// unique; and every message of each .ts keeps what the code fills in or relies on.
// (tests/support/check-translations.sh checks that the .ts files are complete for the sources.)

#include "Actions.h"
#include "TokenTableView.h"
#include "AppCore.h"
#include "ExportDialog.h"
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "ProfileDialog.h"
#include "Translations.h"
#include "auth/MemorySecretStore.h"
#include "auth/ProfileStore.h"
#include "session/BrowserSession.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {

const QLocale German(QLocale::German, QLocale::Germany);
const QLocale French(QLocale::French, QLocale::France);

// "a: x and y" for every Alt+letter that two different texts claim.
class Mnemonics
{
public:
    void claim(const QString &text)
    {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (key.isEmpty())
            return;
        const QString owner = m_owners.value(key);
        if (!owner.isEmpty() && owner != text) // the same text twice is one action shown twice
            m_clashes << u"%1: %2 and %3"_s.arg(key.toString(), owner, text);
        m_owners.insert(key, text);
    }
    // The labels of fields and the buttons under `root`, shown or not: in a window each state
    // shows some of them, and a letter should not need to know which.
    void claimWidgets(const QWidget *root)
    {
        for (const QWidget *widget : root->findChildren<QWidget *>()) {
            if (const auto *label = qobject_cast<const QLabel *>(widget); label && label->buddy())
                claim(label->text());
            else if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
                claim(button->text());
        }
    }
    QString clashes() const { return m_clashes.join(u"; "_s); }

private:
    QMap<QKeySequence, QString> m_owners;
    QStringList m_clashes;
};

struct Message
{
    QString context;
    QString source;
    bool plural = false;
    QStringList translations; // one, or a plural's forms
    QString type;             // "unfinished", "vanished", "obsolete" or empty
};

QList<Message> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QXmlStreamReader xml(&file);
    QList<Message> messages;
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        if (name == "name"_L1) {
            context = xml.readElementText();
        } else if (name == "message"_L1) {
            messages.append({context, {}, xml.attributes().value("numerus"_L1) == "yes"_L1, {}, {}});
        } else if (name == "source"_L1) {
            messages.last().source = xml.readElementText();
        } else if (name == "translation"_L1) {
            messages.last().type = xml.attributes().value("type"_L1).toString();
            if (!messages.last().plural)
                messages.last().translations << xml.readElementText();
        } else if (name == "numerusform"_L1) {
            messages.last().translations << xml.readElementText();
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return messages;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList matches(const QString &text, const QRegularExpression &pattern)
{
    QStringList found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found << match.captured();
    return sorted(found);
}

// What a translation must keep of its source, else why not.
QString problemOf(const QString &source, const QString &translation, bool plural, bool german)
{
    static const QRegularExpression placeholder(u"%L?(\\d+|n)"_s);
    static const QRegularExpression tag(u"</?[a-z0-9]+"_s);
    if (translation.isEmpty())
        return u"empty"_s;
    const QStringList wanted = matches(source, placeholder);
    const QStringList given = matches(translation, placeholder);
    QStringList wantedButTheCount = wanted;
    wantedButTheCount.removeAll(u"%n"_s);
    wantedButTheCount.removeAll(u"%Ln"_s);
    // A plural form may say "a second" instead of "%n seconds".
    if (given != wanted && !(plural && given == wantedButTheCount))
        return u"placeholders %1 instead of %2"_s.arg(given.join(u' '), wanted.join(u' '));
    if (QKeySequence::mnemonic(source).isEmpty() != QKeySequence::mnemonic(translation).isEmpty())
        return u"a mnemonic (&) where the source has none, or none where it has one"_s;
    if (source.endsWith(u'\u2026') != translation.endsWith(u'\u2026'))
        return u"the ellipsis (it says a dialog follows)"_s;
    if (matches(source, tag) != matches(translation, tag))
        return u"the HTML tags"_s;
    for (const QChar isolate : {QChar(0x2068), QChar(0x2069)}) {
        if (source.count(isolate) != translation.count(isolate))
            return u"the bidirectional isolates"_s;
    }
    if (source.startsWith(u' ') != translation.startsWith(u' ') || source.endsWith(u' ') != translation.endsWith(u' '))
        return u"the spaces at either end"_s;
    // German quotes are „…“; an English ” is a quote left untranslated.
    if (german && (translation.contains(u'\u201d') || translation.count(u'\u201e') != translation.count(u'\u201c')))
        return u"German quotes „…“"_s;
    return {};
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void theCatalogsAreCompiledIn()
    {
        for (const char *name : {"build-token-browser_de.qm", "build-token-browser_en.qm"})
            QVERIFY2(QFile::exists(u":/i18n/"_s + QLatin1StringView(name)), name);
    }

    void germanFindsTheAppsTexts()
    {
        const Translations translations(German);
        QCOMPARE(translations.language(), u"de"_s);
        // The core, the CLI and the widgets: one catalog for all.
        QCOMPARE(BrowserSession::tokensText(1234), u"%1 Token"_s.arg(QLocale().toString(1234)));
        QCOMPARE(QCoreApplication::translate("Cli", "Stop it with Ctrl+C."), u"Beenden mit Strg+C."_s);
        Actions actions;
        QMenuBar bar;
        const TokenTableView table; // its column chooser is under View
        actions.fillMenuBar(&bar, table.columnsMenu());
        QStringList titles;
        for (const QAction *menu : bar.actions())
            titles << menu->text();
        QCOMPARE(titles, QStringList({u"&Datei"_s, u"&Bearbeiten"_s, u"&Ansicht"_s, u"&Gehe zu"_s, u"&Hilfe"_s}));
    }

    void germanFindsQtsOwnTexts()
    {
        const Translations translations(German);
        QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), u"Abbrechen"_s);
        // --help's lines that QCommandLineParser writes itself.
        QCOMPARE(QCoreApplication::translate("QCommandLineParser", "Displays version information."),
                 u"Zeigt Versionsinformation an."_s);
    }

    void pluralsHaveTheirForms_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("text");
        QTest::newRow("German, one") << German << 1 << u"1 Zeile kopiert"_s;
        QTest::newRow("German, more") << German << 3 << u"3 Zeilen kopiert"_s;
        // English has plural forms of its own (build-token-browser_en), in every language
        // without a translation too.
        QTest::newRow("English, one") << QLocale(QLocale::English) << 1 << u"Copied 1 row"_s;
        QTest::newRow("English, more") << QLocale(QLocale::English) << 3 << u"Copied 3 rows"_s;
        QTest::newRow("French, one") << French << 1 << u"Copied 1 row"_s;
        QTest::newRow("C, one") << QLocale::c() << 1 << u"Copied 1 row"_s;
    }
    void pluralsHaveTheirForms()
    {
        QFETCH(QLocale, locale);
        QFETCH(int, count);
        QFETCH(QString, text);
        const Translations translations(locale);
        QCOMPARE(QCoreApplication::translate("TokenRowActions", "Copied %n rows", nullptr, count), text);
    }

    // No French translation: everything stays English, Qt's own texts too (qtbase_fr exists),
    // so that a dialog never speaks two languages.
    void aLanguageWithoutTranslationStaysEnglish()
    {
        const Translations translations(French);
        QVERIFY(translations.language().isEmpty());
        QCOMPARE(QCoreApplication::translate("Cli", "Stop it with Ctrl+C."), u"Stop it with Ctrl+C."_s);
        QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), u"Cancel"_s);
    }

    void aTranslationEndsWithItsObject()
    {
        {
            const Translations translations(German);
            QCOMPARE(QCoreApplication::translate("Actions", "&File"), u"&Datei"_s);
        }
        QCOMPARE(QCoreApplication::translate("Actions", "&File"), u"&File"_s);
    }

    void numerusKeepsWhatPluralRulesLookAt_data()
    {
        QTest::addColumn<qint64>("count");
        QTest::addColumn<int>("numerus");
        QTest::newRow("zero") << qint64(0) << 0;
        QTest::newRow("one") << qint64(1) << 1;
        QTest::newRow("INT_MAX") << qint64(std::numeric_limits<int>::max()) << std::numeric_limits<int>::max();
        QTest::newRow("3,000,000,001") << qint64(3000000001) << 3001;
        QTest::newRow("2^53") << (qint64(1) << 53) << 9992; // 9,007,199,254,740,992
        QTest::newRow("INT64_MAX") << std::numeric_limits<qint64>::max() << 9807; // 9,223,372,036,854,775,807
    }
    void numerusKeepsWhatPluralRulesLookAt()
    {
        QFETCH(qint64, count);
        QFETCH(int, numerus);
        QCOMPARE(Translations::numerus(count), numerus);
    }

    void germanMnemonicsAreUniqueInEachMenu()
    {
        const Translations translations(German);
        Actions actions;
        QMenuBar bar;
        const TokenTableView table; // its column chooser is under View
        actions.fillMenuBar(&bar, table.columnsMenu());
        for (const QAction *menuAction : bar.actions()) {
            Mnemonics mnemonics;
            for (const QAction *action : menuAction->menu()->actions())
                mnemonics.claim(action->text());
            QVERIFY2(mnemonics.clashes().isEmpty(), qPrintable(menuAction->text() + u": "_s + mnemonics.clashes()));
        }
    }

    // The menu bar, the fields and the buttons of the window and of each dialog.
    void germanMnemonicsAreUniqueInEachWindow()
    {
        const Translations translations(German);
        QSettings settings(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        MemorySecretStore secrets;
        ProfileStore profiles(&settings, &secrets);
        AppCore core(&profiles, &settings);
        MainWindow window(&core);
        Mnemonics inWindow;
        for (const QAction *menu : window.menuBar()->actions())
            inWindow.claim(menu->text());
        inWindow.claimWidgets(&window);
        QVERIFY2(inWindow.clashes().isEmpty(), qPrintable(inWindow.clashes()));

        QNetworkAccessManager network;
        Profile profile;
        profile.name = u"work"_s;
        const QList<QDialog *> dialogs{
            new ExportDialog(AppSettings(&settings), 2, 50, [](const ExportDialog::Request &) { return nullptr; }, &window),
            new PreferencesDialog(&core, &window),
            new ProfileDialog(&profiles, &network, std::nullopt, &window),
            new ProfileDialog(&profiles, &network, profile, &window), // with Remove
        };
        for (QDialog *dialog : dialogs) {
            // A Global API Key shows the email's field and another label for the secret.
            auto *scheme = dialog->findChild<QComboBox *>(u"schemeBox"_s);
            for (int index = 0; index < (scheme ? scheme->count() : 1); ++index) {
                if (scheme)
                    scheme->setCurrentIndex(index);
                Mnemonics inDialog;
                inDialog.claimWidgets(dialog);
                QVERIFY2(inDialog.clashes().isEmpty(), qPrintable(dialog->objectName() + u": "_s + inDialog.clashes()));
            }
        }
    }

    void everyMessageKeepsWhatTheCodeNeeds_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("German") << u"build-token-browser_de.ts"_s;
        QTest::newRow("English plurals") << u"build-token-browser_en.ts"_s;
    }
    void everyMessageKeepsWhatTheCodeNeeds()
    {
        QFETCH(QString, file);
        const QList<Message> messages = readTs(QStringLiteral(BTB_TRANSLATIONS_DIR) + u'/' + file);
        QVERIFY(!messages.isEmpty());
        QStringList problems;
        for (const Message &message : messages) {
            const QString where = message.context + u" \u201c"_s + message.source + u"\u201d: "_s;
            if (!message.type.isEmpty())
                problems << where + message.type;
            if (message.translations.isEmpty())
                problems << where + u"no translation"_s;
            for (const QString &translation : message.translations) {
                if (const QString problem = problemOf(message.source, translation, message.plural, file.endsWith(u"_de.ts"_s));
                    !problem.isEmpty())
                    problems << where + problem;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
