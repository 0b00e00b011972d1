#include "AppSettings.h"

#include "api/ApiClient.h"
#include "api/BuildTokensService.h"
#include "session/AllPagesJob.h"

#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

// Window and header state depend on Qt's serialisation: their keys carry the major version.
const QString GeometryKey = u"qt6/mainWindow/geometry"_s;
const QString WindowStateKey = u"qt6/mainWindow/state"_s;
const QString HeaderStateKey = u"qt6/tokenTable/header"_s;
const QString SplitterKey = u"qt6/mainWindow/splitter"_s;
const QString PerPageKey = u"browse/perPage"_s;
const QString TimeoutKey = u"network/transferTimeoutSeconds"_s;
const QString ConcurrencyKey = u"network/concurrency"_s;
const QString ExportFolderKey = u"export/lastFolder"_s;
const QString ExportFormatKey = u"export/format"_s;
const QString ExportBomKey = u"export/excelBom"_s;

} // namespace

AppSettings::AppSettings(QSettings *settings)
    : m_settings(settings)
{
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(GeometryKey).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(GeometryKey, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(WindowStateKey).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(WindowStateKey, state);
}

QByteArray AppSettings::tokenTableHeader() const
{
    return m_settings->value(HeaderStateKey).toByteArray();
}

void AppSettings::setTokenTableHeader(const QByteArray &state)
{
    m_settings->setValue(HeaderStateKey, state);
}

QByteArray AppSettings::splitterState() const
{
    return m_settings->value(SplitterKey).toByteArray();
}

void AppSettings::setSplitterState(const QByteArray &state)
{
    m_settings->setValue(SplitterKey, state);
}

int AppSettings::perPage() const
{
    return intValue(PerPageKey, BuildTokensService::DefaultPerPage);
}

void AppSettings::setPerPage(int perPage)
{
    m_settings->setValue(PerPageKey, perPage);
}

std::chrono::seconds AppSettings::transferTimeout() const
{
    const auto fallback = std::chrono::duration_cast<std::chrono::seconds>(ApiClient::DefaultTransferTimeout);
    const std::chrono::seconds timeout(intValue(TimeoutKey, int(fallback.count())));
    return std::clamp(timeout, MinTransferTimeout, MaxTransferTimeout);
}

void AppSettings::setTransferTimeout(std::chrono::seconds timeout)
{
    m_settings->setValue(TimeoutKey, qint64(timeout.count()));
}

QString AppSettings::exportFolder() const
{
    return m_settings->value(ExportFolderKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
}

void AppSettings::setExportFolder(const QString &folder)
{
    m_settings->setValue(ExportFolderKey, folder);
}

TokenExport::Format AppSettings::exportFormat() const
{
    return TokenExport::formatFromName(m_settings->value(ExportFormatKey).toString()).value_or(TokenExport::Format::Csv);
}

void AppSettings::setExportFormat(TokenExport::Format format)
{
    m_settings->setValue(ExportFormatKey, TokenExport::formatName(format));
}

bool AppSettings::exportExcelBom() const
{
    return m_settings->value(ExportBomKey, false).toBool();
}

void AppSettings::setExportExcelBom(bool bom)
{
    m_settings->setValue(ExportBomKey, bom);
}

int AppSettings::concurrency() const
{
    return std::clamp(intValue(ConcurrencyKey, AllPagesJob::DefaultConcurrency), AllPagesJob::MinConcurrency,
                      AllPagesJob::MaxConcurrency);
}

void AppSettings::setConcurrency(int concurrency)
{
    m_settings->setValue(ConcurrencyKey, concurrency);
}

int AppSettings::intValue(const QString &key, int fallback) const
{
    // A hand-edited file may hold anything: a word is not 0 seconds or 0 rows.
    bool ok = false;
    const int value = m_settings->value(key).toInt(&ok);
    return ok ? value : fallback;
}
