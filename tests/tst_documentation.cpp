// Help → Documentation's choice: the web page, else the installed README, else words that
// say where both are. The opener is the test's, so no browser starts.

#include "AppInfo.h"
#include "Documentation.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestDocumentation : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dataDir;
    QList<QUrl> m_asked;

    // An opener that opens only URLs with this scheme, and records every URL it is asked for.
    std::function<bool(const QUrl &)> opening(const QString &scheme)
    {
        return [this, scheme](const QUrl &url) {
            m_asked << url;
            return url.scheme() == scheme;
        };
    }

    QString installReadme()
    {
        const QString folder = m_dataDir.filePath(u"doc/"_s + AppInfo::PackageName);
        QDir().mkpath(folder);
        QFile readme(folder + u"/README.md"_s);
        [&] { QVERIFY(readme.open(QIODevice::WriteOnly)); }();
        readme.write("# Build Token Browser\n");
        return readme.fileName();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dataDir.isValid());
        // QStandardPaths looks here (and in the user's data dir, which the test run points
        // to a throw-away home) for doc/<package>/README.md.
        qputenv("XDG_DATA_DIRS", QFile::encodeName(m_dataDir.path()));
    }

    void init() { m_asked.clear(); }

    void theWebPageComesFirst()
    {
        installReadme();
        QCOMPARE(Documentation::open(opening(u"https"_s)), u"Opening the user guide in the web browser\u2026"_s);
        QCOMPARE(m_asked, QList<QUrl>{QUrl(AppInfo::Homepage + u"#readme"_s)});
    }

    void withoutABrowserTheInstalledReadmeOpens()
    {
        const QString readme = installReadme();
        QCOMPARE(Documentation::installedReadme(), readme);
        QCOMPARE(Documentation::open(opening(u"file"_s)),
                 u"No web browser opened the user guide; opening the installed copy\u2026"_s);
        QCOMPARE(m_asked, (QList<QUrl>{Documentation::webPage(), QUrl::fromLocalFile(readme)}));
    }

    void whenNothingOpensTheMessageSaysWhere()
    {
        const QString readme = installReadme();
        const QString said = Documentation::open(opening(u"none"_s));
        QVERIFY2(said.contains(Documentation::webPage().toString()) && said.contains(readme), qPrintable(said));
    }

    void withoutAnInstalledReadmeOnlyTheWebPageIsNamed()
    {
        QVERIFY(QDir(m_dataDir.filePath(u"doc"_s)).removeRecursively());
        QCOMPARE(Documentation::installedReadme(), QString());
        const QString said = Documentation::open(opening(u"none"_s));
        QCOMPARE(said, u"Nothing could open the user guide: it is at %1."_s.arg(Documentation::webPage().toString()));
        QCOMPARE(m_asked, QList<QUrl>{Documentation::webPage()});
    }
};

QTEST_GUILESS_MAIN(TestDocumentation)
#include "tst_documentation.moc"
