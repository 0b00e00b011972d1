#include "SecretScan.h"

#include <QDirIterator>
#include <QFile>

QStringList filesContaining(const QByteArray &needle, const QStringList &roots)
{
    constexpr qint64 MaxFileSize = 64 * 1024 * 1024; // logs and settings are far smaller
    QStringList hits;
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.size() <= MaxFileSize && file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
                hits << file.fileName();
        }
    }
    return hits;
}
