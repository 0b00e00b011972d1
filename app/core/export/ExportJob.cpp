#include "ExportJob.h"

#include "TokenWriter.h"

#include <QCoreApplication>
#include <QThread>

ExportJob::ExportJob(QList<BuildToken> tokens, TokenExport::Format format, bool excelBom, const QString &path,
                     QObject *parent)
    : QObject(parent), m_tokens(std::move(tokens)), m_format(format), m_excelBom(excelBom), m_path(path)
{
}

ExportJob::~ExportJob()
{
    if (m_thread) {
        m_canceled = true;
        m_thread->wait(); // within a chunk: the worker checks between chunks
    }
}

void ExportJob::start()
{
    Q_ASSERT(!m_thread);
    m_thread = QThread::create([this] {
        const QString error = run();
        // Queued to this object's thread; dropped if it is gone by then.
        QMetaObject::invokeMethod(this, [this, error] {
            emit finished(error);
            deleteLater();
        }, Qt::QueuedConnection);
    });
    m_thread->setParent(this);
    m_thread->start();
}

QString ExportJob::run()
{
    return TokenExport::saveToFile(m_path, [this](QIODevice &file) {
        const std::unique_ptr<TokenWriter> writer = TokenWriter::create(m_format, &file, m_excelBom, TokenColumns::forTokens(m_tokens));
        writer->begin();
        const qint64 total = m_tokens.size();
        for (qsizetype first = 0; first < total && writer->ok(); first += ChunkRows) {
            if (m_canceled)
                return QCoreApplication::translate("ExportJob", "The export was canceled; nothing was written to %1.").arg(m_path);
            writer->write(m_tokens.mid(first, ChunkRows));
            const qint64 written = qMin(first + ChunkRows, total);
            QMetaObject::invokeMethod(this, [this, written, total] { emit progress(written, total); }, Qt::QueuedConnection);
        }
        writer->finish();
        return writer->ok() ? QString() : TokenExport::cannotWrite(m_path, writer->errorString());
    });
}
