// The typed settings catalogue: defaults, the transfer timeout's clamp, round trips, and the
// key strings that settings files of earlier versions hold.

#include "api/ApiClient.h"
#include "api/BuildTokensService.h"
#include "settings/AppSettings.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

class TestAppSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;

    QString path() const { return m_dir.filePath(u"settings.ini"_s); }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(path());
        m_settings = std::make_unique<QSettings>(path(), QSettings::IniFormat);
    }
    void cleanup() { m_settings.reset(); }

    void defaults()
    {
        const AppSettings settings(m_settings.get());
        QVERIFY(settings.windowGeometry().isEmpty());
        QVERIFY(settings.windowState().isEmpty());
        QVERIFY(settings.tokenTableHeader().isEmpty());
        QVERIFY(settings.splitterState().isEmpty());
        QCOMPARE(settings.perPage(), BuildTokensService::DefaultPerPage);
        QCOMPARE(settings.transferTimeout(), std::chrono::duration_cast<std::chrono::seconds>(ApiClient::DefaultTransferTimeout));
        QCOMPARE(settings.exportFolder(), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
        QCOMPARE(settings.exportFormat(), TokenExport::Format::Csv);
        QCOMPARE(settings.exportExcelBom(), false);
    }

    void transferTimeoutIsClamped_data()
    {
        QTest::addColumn<QVariant>("stored");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("in range") << QVariant(90) << qint64(90);
        QTest::newRow("zero") << QVariant(0) << qint64(1);
        QTest::newRow("negative") << QVariant(-5) << qint64(1);
        QTest::newRow("a day") << QVariant(86400) << qint64(3600);
        QTest::newRow("text as an INI file holds it") << QVariant(u"45"_s) << qint64(45);
        QTest::newRow("not a number") << QVariant(u"slow"_s) << qint64(30);
    }
    void transferTimeoutIsClamped()
    {
        QFETCH(QVariant, stored);
        QFETCH(qint64, seconds);
        m_settings->setValue(u"network/transferTimeoutSeconds"_s, stored);
        QCOMPARE(AppSettings(m_settings.get()).transferTimeout().count(), seconds);
    }

    void aWordIsNoRowCount()
    {
        m_settings->setValue(u"browse/perPage"_s, u"many"_s);
        QCOMPARE(AppSettings(m_settings.get()).perPage(), BuildTokensService::DefaultPerPage);
    }

    // Written through the catalogue, read back from the file by a second QSettings, under
    // the keys of earlier versions.
    void roundTripUnderTheSameKeys()
    {
        {
            AppSettings settings(m_settings.get());
            settings.setWindowGeometry("geometry");
            settings.setWindowState("state");
            settings.setTokenTableHeader("header");
            settings.setSplitterState("splitter");
            settings.setPerPage(200);
            settings.setTransferTimeout(120s);
            settings.setExportFolder(u"/srv/exports"_s);
            settings.setExportFormat(TokenExport::Format::Ndjson);
            settings.setExportExcelBom(true);
            m_settings->sync();
        }
        QSettings file(path(), QSettings::IniFormat);
        QCOMPARE(file.value(u"qt6/mainWindow/geometry"_s).toByteArray(), QByteArray("geometry"));
        QCOMPARE(file.value(u"qt6/mainWindow/state"_s).toByteArray(), QByteArray("state"));
        QCOMPARE(file.value(u"qt6/tokenTable/header"_s).toByteArray(), QByteArray("header"));
        QCOMPARE(file.value(u"qt6/mainWindow/splitter"_s).toByteArray(), QByteArray("splitter"));
        QCOMPARE(file.value(u"browse/perPage"_s).toInt(), 200);
        QCOMPARE(file.value(u"network/transferTimeoutSeconds"_s).toInt(), 120);
        QCOMPARE(file.value(u"export/lastFolder"_s).toString(), u"/srv/exports"_s);
        QCOMPARE(file.value(u"export/format"_s).toString(), u"ndjson"_s);
        QCOMPARE(file.value(u"export/excelBom"_s).toBool(), true);

        const AppSettings reread(&file);
        QCOMPARE(reread.windowGeometry(), QByteArray("geometry"));
        QCOMPARE(reread.windowState(), QByteArray("state"));
        QCOMPARE(reread.tokenTableHeader(), QByteArray("header"));
        QCOMPARE(reread.splitterState(), QByteArray("splitter"));
        QCOMPARE(reread.perPage(), 200);
        QCOMPARE(reread.transferTimeout(), 120s);
        QCOMPARE(reread.exportFolder(), u"/srv/exports"_s);
        QCOMPARE(reread.exportFormat(), TokenExport::Format::Ndjson);
        QCOMPARE(reread.exportExcelBom(), true);
    }

    void anUnknownExportFormatFallsBackToCsv()
    {
        m_settings->setValue(u"export/format"_s, u"xlsx"_s);
        QCOMPARE(AppSettings(m_settings.get()).exportFormat(), TokenExport::Format::Csv);
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
