// The desktop entry the build makes is the one the running app names: a desktop matches a
// window to its entry (icon, name, pinning) by the desktop file name.

#include "AppInfo.h"
#include "DesktopIdentity.h"
#include "Icons.h"

#include <QApplication>
#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestDesktopEntry : public QObject
{
    Q_OBJECT

    // The [Desktop Entry] group's key=value lines.
    static QMap<QString, QString> readEntry(const QString &path)
    {
        QMap<QString, QString> entry;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return entry;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const int equals = line.indexOf('=');
            if (equals > 0 && !line.startsWith('#'))
                entry.insert(QString::fromUtf8(line.left(equals)), QString::fromUtf8(line.mid(equals + 1)));
        }
        return entry;
    }

private slots:
    void theDesktopFileNameIsTheApplicationIdAndNamesTheEntry()
    {
        setDesktopIdentity();
        const QString name = QGuiApplication::desktopFileName();
        QCOMPARE(name, QString(AppInfo::ApplicationId));
        QCOMPARE(QGuiApplication::applicationDisplayName(), QString(AppInfo::DisplayName));

        const QString path = QStringLiteral(BTB_PACKAGING_DIR) + u'/' + name + u".desktop"_s;
        QVERIFY2(QFile::exists(path), qPrintable(path));
        const QMap<QString, QString> entry = readEntry(path);
        QCOMPARE(entry.value(u"Icon"_s), name);
        QCOMPARE(entry.value(u"Exec"_s), QString(AppInfo::GuiExecutable));
        QCOMPARE(entry.value(u"Name"_s), QString(AppInfo::DisplayName));
        // The X11 window class: what a desktop without the desktop file name matches.
        QCOMPARE(entry.value(u"StartupWMClass"_s), QString(AppInfo::GuiExecutable));

        const QString metainfo = QStringLiteral(BTB_PACKAGING_DIR) + u'/' + name + u".metainfo.xml"_s;
        QFile file(metainfo);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(metainfo));
        const QString xml = QString::fromUtf8(file.readAll());
        QVERIFY(xml.contains(u"<id>%1</id>"_s.arg(name)));
        QVERIFY(xml.contains(u"<launchable type=\"desktop-id\">%1.desktop</launchable>"_s.arg(name)));
        QVERIFY(xml.contains(u"<release version=\"%1\""_s.arg(AppInfo::Version)));
    }

    // The window's icon is drawn at any size, from the theme's icon of the entry's name or
    // from the bundled SVG.
    void theAppIconDrawsAtEverySize()
    {
        const QIcon icon = Icons::application();
        QVERIFY(!icon.isNull());
        for (int size : {16, 64, 512}) {
            const QImage image = icon.pixmap(size).toImage();
            QCOMPARE(image.width(), size);
            QVERIFY2(image.pixelColor(size / 2, size / 2).alpha() > 0, "the icon's middle is drawn");
        }
    }
};

QTEST_MAIN(TestDesktopEntry)
#include "tst_desktopentry.moc"
