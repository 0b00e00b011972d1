#pragma once

#include "../api/BuildToken.h"
#include "TokenExport.h"

#include <QList>
#include <QObject>
#include <QString>

#include <atomic>

class QThread;

// An export written on a worker thread, so that 100,000 rows never hold up the window: a
// copy of the rows (their strings are shared, not copied), the format and the file, with
// progress as rows are written, cancel(), and finished() back on the thread that made it.
// The file is an ExportFile: a failed or canceled export leaves nothing new there.
class ExportJob : public QObject
{
    Q_OBJECT

public:
    // Rows are written and reported in chunks of this many.
    static constexpr qsizetype ChunkRows = 5000;

    ExportJob(QList<BuildToken> tokens, TokenExport::Format format, bool excelBom, const QString &path,
              QObject *parent = nullptr);
    // Cancels an export still running and waits for its worker, which stops within a chunk.
    ~ExportJob() override;

    void start();
    // finished() follows with an error that says so; nothing is left at the path.
    void cancel() { m_canceled = true; }
    qsizetype rowCount() const { return m_tokens.size(); }
    QString path() const { return m_path; }

signals:
    void progress(qint64 written, qint64 total);
    // Empty on success, else why not, in words for a person. The job deletes itself after.
    void finished(const QString &error);

private:
    QString run(); // on the worker thread

    const QList<BuildToken> m_tokens;
    const TokenExport::Format m_format;
    const bool m_excelBom;
    const QString m_path;
    std::atomic<bool> m_canceled{false};
    QThread *m_thread = nullptr;
};
