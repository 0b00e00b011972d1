#pragma once

#include "export/TokenExport.h"

#include <QByteArray>
#include <QString>

#include <chrono>

class QSettings;

// Every setting of the window and the export dialog, typed, with its default, over the
// QSettings the app opened (ProfileStore::openSettings). The key strings are those of
// earlier versions, so existing settings are still read. Profiles keep their own keys
// (ProfileStore).
class AppSettings
{
public:
    static constexpr std::chrono::seconds MinTransferTimeout{1};
    static constexpr std::chrono::seconds MaxTransferTimeout{3600};

    explicit AppSettings(QSettings *settings);

    // Blobs from Qt's own saveState/saveGeometry: empty when there is none yet.
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray tokenTableHeader() const;
    void setTokenTableHeader(const QByteArray &state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    int perPage() const; // BuildTokensService::DefaultPerPage when unset or not a number
    void setPerPage(int perPage);

    // ApiClient::DefaultTransferTimeout when unset or not a number; clamped to 1 s .. 1 h.
    std::chrono::seconds transferTimeout() const;
    void setTransferTimeout(std::chrono::seconds timeout);

    // Pages Load All Pages asks for at once: AllPagesJob::DefaultConcurrency when unset or not
    // a number; clamped to its bounds.
    int concurrency() const;
    void setConcurrency(int concurrency);

    QString exportFolder() const; // the Documents folder until the first export
    void setExportFolder(const QString &folder);
    TokenExport::Format exportFormat() const; // CSV until another was used
    void setExportFormat(TokenExport::Format format);
    bool exportExcelBom() const;
    void setExportExcelBom(bool bom);

private:
    int intValue(const QString &key, int fallback) const;

    QSettings *m_settings;
};
