#include "SecretScan.h"

#include <QDirIterator>
#include <QFile>

QStringList filesContaining(const QByteArray &needle, const QStringList &roots)
{
    constexpr qint64 MaxFileSize = 64 * 1024 * 1024; // logs and settings are far smaller
    QStringList hits;
    for (const QString &root : roots) {
        // Regular files only: a device or a FIFO that another test left in the temp folder (a
        // twin of /dev/full, a named pipe) reads forever, or never.
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (!it.fileInfo().isFile() || it.fileInfo().isSymLink())
                continue;
            if (file.size() <= MaxFileSize && file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
                hits << file.fileName();
        }
    }
    return hits;
}
